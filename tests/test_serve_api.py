"""The /api/ contract: each endpoint answers what the command line prints for the same files, byte for byte
(or, for .docx, part for part), and refuses bad input in the command line's own words."""
from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
import yaml

from conftest import SEED_FILES, seed_path
from serve_util import cli, client, in_folder, leftovers, upload

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="../shared/seeds is not beside the checkout")


@pytest.fixture(scope="module")
def api():
    with client() as c:
        yield c


def _parts(data: bytes) -> dict:
    """Every part of a .docx, with the time stamps of tracked changes and comments (w:date) blanked."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: re.sub(rb'w:date="[^"]*"', b'w:date=""', z.read(n)) for n in z.namelist()}


@pytest.mark.parametrize("name", SEED_FILES)
def test_parse_equals_the_command_line(api, name, tmp_path):
    d = in_folder(tmp_path, seed_path(name))
    r = api.post("/api/parse", files=upload(("file", d / name)))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    p = cli("parse", name, cwd=d)
    assert p.returncode == 0
    assert r.content == p.stdout
    assert not leftovers(api.root)


@pytest.mark.parametrize("name", SEED_FILES)
def test_check_equals_the_command_line(api, name, tmp_path):
    d = in_folder(tmp_path, seed_path(name))
    r = api.post("/api/check", files=upload(("file", d / name)))
    assert r.status_code == 200, r.text
    p = cli("check", name, "--format", "json", cwd=d)
    assert p.returncode in (0, 1)
    assert r.content == p.stdout
    assert json.loads(r.content)["findings"] or name.startswith(("000", "001"))
    assert not leftovers(api.root)


def test_check_with_context_select_and_english(api, tmp_path):
    plan, prior = seed_path("004"), seed_path("000")
    d = in_folder(tmp_path, plan, prior)
    pn, qn = plan.rsplit("/", 1)[1], prior.rsplit("/", 1)[1]
    r = api.post("/api/check", files=upload(("file", d / pn), ("prior", d / qn)),
                 data={"select": "TXT,TGT", "lang": "en"})
    p = cli("check", pn, "--prior", qn, "--select", "TXT,TGT", "--format", "json", "--lang", "en", cwd=d)
    assert r.status_code == 200 and r.content == p.stdout
    rules = {f["rule"] for f in r.json()["findings"]}
    assert rules and rules <= {"TXT001", "TXT002", "TXT003", "TGT001", "TGT002"}


def test_check_sarif_and_config(api, tmp_path):
    plan = seed_path("003")
    d = in_folder(tmp_path, plan)
    name = plan.rsplit("/", 1)[1]
    (d / "office.yaml").write_text("ignore: [TXT003]\n", encoding="utf-8")
    r = api.post("/api/check", files=upload(("file", d / name), ("config", d / "office.yaml")),
                 data={"format": "sarif"})
    p = cli("check", name, "--config", "office.yaml", "--format", "sarif", cwd=d)
    assert r.status_code == 200 and r.content == p.stdout
    found = {res["ruleId"] for run in r.json()["runs"] for res in run["results"]}
    assert "TXT003" not in found and "TXT001" in found


def test_compare_equals_the_command_line(api, tmp_path):
    old, new = seed_path("000"), seed_path("004")
    d = in_folder(tmp_path, old, new)
    on, nn = old.rsplit("/", 1)[1], new.rsplit("/", 1)[1]
    r = api.post("/api/compare", files=upload(("old", d / on), ("new", d / nn)))
    p = cli("compare", on, nn, "--format", "json", cwd=d)
    assert r.status_code == 200 and r.content == p.stdout
    r = api.post("/api/compare", files=upload(("old", d / on), ("new", d / nn)), data={"format": "docx"})
    assert cli("compare", on, nn, "--format", "docx", "-o", "c.docx", cwd=d).returncode == 0
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    assert _parts(r.content) == _parts((d / "c.docx").read_bytes())


def test_init_and_draft_equal_the_command_line(api, tmp_path):
    plan = seed_path("000")
    d = in_folder(tmp_path, plan)
    name = plan.rsplit("/", 1)[1]
    p = cli("init", "--from", name, "--year", "2021", cwd=d)
    assert p.returncode == 0
    r = api.post("/api/init", files=upload(("file", d / name)), data={"year": "2021"})
    assert r.status_code == 200
    assert r.json() == yaml.safe_load(p.stdout)
    ry = api.post("/api/init", files=upload(("file", d / name)), data={"year": "2021", "format": "yaml"})
    assert ry.content == p.stdout
    # the outline as JSON drafts the same .docx the command line drafts from the YAML
    (d / "outline.yaml").write_bytes(p.stdout)
    assert cli("draft", "outline.yaml", "-o", "cli.docx", cwd=d).returncode == 0
    rd = api.post("/api/draft", json={"outline": r.json(), "format": "docx"})
    assert rd.status_code == 200, rd.text
    assert rd.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in rd.headers["content-disposition"]
    assert _parts(rd.content) == _parts((d / "cli.docx").read_bytes())
    # and the .txt
    rt = api.post("/api/draft", json={"outline": r.json(), "format": "txt"})
    assert rt.content == cli("draft", "outline.yaml", "--format", "txt", cwd=d).stdout
    # an outline .yaml uploaded as a file: the command line's own input
    rf = api.post("/api/draft", files=upload(("outline", d / "outline.yaml")), data={"format": "md"})
    assert rf.content == cli("draft", "outline.yaml", "--format", "md", cwd=d).stdout
    assert not leftovers(api.root)


def test_annotate_equals_the_command_line(api, tmp_path):
    plan = seed_path("004")
    d = in_folder(tmp_path, plan)
    name = plan.rsplit("/", 1)[1]
    assert cli("check", name, "--annotate", "a.docx", cwd=d).returncode in (0, 1)
    r = api.post("/api/annotate", files=upload(("file", d / name)))
    assert r.status_code == 200
    assert int(r.headers["x-drafter-comments"]) > 0
    assert _parts(r.content) == _parts((d / "a.docx").read_bytes())
    assert not leftovers(api.root)


# --- bad input: the command line's words, as a 4xx JSON error ------------------------------------------------

@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    return d, _bad_files(d)


def _bad_files(d):
    from docxbuild import build_docx, para, replace_member, zip_bomb
    good = build_docx(d / "good.docx", para("天津市知识产权局2024年工作要点") + para("一、加强保护") + para("1.推进立法。"))
    (d / "secret.txt").write_text("drafter-secret-7f3a")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{d / "secret.txt"}">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>一、&x;</w:t></w:r></w:p></w:body></w:document>').encode()
    replace_member(good, d / "xxe.docx", "word/document.xml", xxe)
    zip_bomb(d / "bomb.docx", size=300 * 2**20)  # over the reader's 200 MB limit
    (d / "garbage.docx").write_bytes(bytes(range(256)) * 16)
    (d / "big5.txt").write_bytes("臺北市政府教育局年度工作要點：一、推動雙語教育，擴大國際交流。".encode("big5") * 30)
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (d / "empty.txt").write_bytes(b"")
    return ["xxe.docx", "bomb.docx", "garbage.docx", "big5.txt", "binary.txt", "empty.txt"]


@pytest.mark.parametrize("endpoint,field,cmd", [
    ("/api/parse", "file", ["parse"]),
    ("/api/check", "file", ["check"]),
    ("/api/init", "file", ["init", "--from"]),
    ("/api/annotate", "file", ["check", "--annotate", "out.docx"]),
])
def test_bad_files_are_refused_in_the_command_lines_words(api, bad, endpoint, field, cmd):
    d, names = bad
    if endpoint in ("/api/init", "/api/annotate"):  # the same reader as parse/check: the two worst files
        names = ["xxe.docx", "bomb.docx"]
    for name in names:
        for lang in (("zh", "en") if name in ("xxe.docx", "big5.txt") else ("zh",)):
            r = api.post(endpoint, files=upload((field, d / name)), data={"lang": lang})
            assert r.status_code == 400, (name, r.status_code, r.text)
            err = r.json()["error"]
            args = [*cmd, name] if cmd[-1] != "out.docx" else ["check", name, "--annotate", "out.docx"]
            p = cli(*args, "--lang", lang, cwd=d)
            assert p.returncode == 2
            assert err == p.stderr.decode().strip(), (name, err, p.stderr)
            assert name in err and "drafter-secret" not in err and "Traceback" not in err
            assert api.root not in err
    assert not leftovers(api.root)


def test_compare_refuses_either_side(api, bad, tmp_path):
    d, _ = bad
    good = in_folder(tmp_path, seed_path("000")) / seed_path("000").rsplit("/", 1)[1]
    (d / good.name).write_bytes(good.read_bytes())
    r = api.post("/api/compare", files=upload(("old", d / good.name), ("new", d / "bomb.docx")))
    p = cli("compare", good.name, "bomb.docx", cwd=d)
    assert r.status_code == 400 and r.json()["error"] == p.stderr.decode().strip()


def test_bad_outline_names_its_line(api, tmp_path):
    d = tmp_path / "o"
    d.mkdir()
    (d / "outline.yaml").write_text("title: 某局2024年工作要点\nyear： 2024\nsections:\n\t- title: x\n", encoding="utf-8")
    r = api.post("/api/draft", files=upload(("outline", d / "outline.yaml")))
    p = cli("draft", "outline.yaml", cwd=d)
    assert p.returncode == 2
    assert r.status_code == 400 and r.json()["error"] == p.stderr.decode().strip()
    assert "outline.yaml:" in r.json()["error"]
    # a JSON outline says where by path instead
    r = api.post("/api/draft", json={"outline": {"title": "某局2024年工作要点", "year": "二〇二四", "sections": []}})
    assert r.status_code == 400 and "year" in r.json()["error"]
    r = api.post("/api/draft", json={"outline": {"title": "t", "sections": [{"children": [{"nonsense": 1}]}]}},
                 headers={"accept-language": "en-US,en"})
    assert r.status_code == 400 and "unknown key" in r.json()["error"]


@pytest.mark.parametrize("kwargs,status,words", [
    ({"files": [("nope", ("a.txt", b"x"))]}, 400, "不认识的字段"),
    ({"files": [("prior", ("a.txt", b"x"))]}, 400, "缺少上传文件“file”"),
    ({"data": {"file": "text, not a file"}, "files": [("x", ("", b""))]}, 400, ""),
    ({"content": b"file=abc", "headers": {"content-type": "application/x-www-form-urlencoded"}}, 415, "multipart"),
    ({"content": b"--zz\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=zz"}}, 400, ""),
])
def test_malformed_requests_get_json_errors(api, kwargs, status, words):
    r = api.post("/api/check", **kwargs)
    assert r.status_code == status, r.text
    assert words in r.json()["error"]
    assert not leftovers(api.root)


def test_field_values_are_checked(api):
    f = upload(("file", seed_path("000")))
    assert api.post("/api/check", files=f, data={"format": "xml"}).status_code == 400
    assert api.post("/api/check", files=f, data={"select": "NUM;rm -rf"}).status_code == 400
    assert api.post("/api/init", files=f, data={"year": "next"}).json()["error"].startswith("字段“year”")
    assert api.post("/api/draft", content=b"{not json", headers={"content-type": "application/json"}).status_code == 400
    assert api.post("/api/draft", json={"outline": []}).status_code == 400
    assert api.post("/api/draft", json={"outline": {}, "format": "pdf"}).status_code == 400


def test_unknown_addresses_and_methods(api):
    r = api.get("/api/check")
    assert r.status_code == 405 and r.json()["error"]
    r = api.get("/api/nothing", headers={"accept-language": "en"})
    assert r.status_code == 404 and r.json() == {"error": "no such address"}
    assert api.get("/no-such-page.html").status_code == 404


def test_the_pages_are_served(api):
    r = api.get("/")
    assert r.status_code == 200 and "drafter" in r.text
    assert r.headers["content-type"].startswith("text/html")


def test_server_stays_up_after_bad_requests(api):
    for _ in range(3):
        api.post("/api/parse", files=[("file", ("x.docx", b"PK\x03\x04garbage"))])
    r = api.post("/api/parse", files=upload(("file", seed_path("000"))))
    assert r.status_code == 200


def test_fix_equals_the_command_line(api, tmp_path):
    plan = seed_path("003")
    d = in_folder(tmp_path, plan)
    name = plan.rsplit("/", 1)[1]
    dry = cli("fix", name, "--dry-run", cwd=d)
    assert dry.returncode == 0 and dry.stdout
    r = api.post("/api/fix", files=upload(("file", d / name)), data={"format": "diff"})
    assert r.status_code == 200 and r.content == dry.stdout
    done = cli("fix", name, cwd=d)
    fixed = name.rsplit(".", 1)[0] + ".fixed.txt"
    assert done.returncode == 0 and (d / fixed).is_file()
    r = api.post("/api/fix", files=upload(("file", d / name)))
    assert r.status_code == 200 and r.content == (d / fixed).read_bytes()
    assert fixed in r.headers["content-disposition"] and int(r.headers["x-drafter-changes"]) > 0
    r = api.post("/api/fix", files=upload(("file", d / name)), data={"format": "json"})
    body = r.json()
    assert body["report"] == done.stderr.decode().strip() and body["diff"] == dry.stdout.decode()
    assert body["file"] == fixed and body["changes"] == int(r.headers["x-drafter-changes"])
    assert not leftovers(api.root)


def test_fix_docx_byte_for_byte_given_one_date(tmp_path, monkeypatch):
    """With SOURCE_DATE_EPOCH set (the one thing that differs between two runs is the time on the changes),
    /api/fix gives the very bytes drafter fix writes — text fixes (a label form in Word's numbering among
    them) and --layout, whose new footers are zip entries dated as the changes are."""
    from docxbuild import abstract_num, build_docx, lvl, num, numbering, para
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    d = tmp_path / "fb"
    d.mkdir()
    build_docx(d / "plan.docx", [para("某市知识产权局2024年工作要点"), para("一、加强知识产权 保护"),
                                 para("推进地方立法,完善制度。", num=1, ilvl=0), para("开展专项行动。", num=1, ilvl=0)],
               numbering=numbering(abstract_num(10, lvl(0, "decimal", "%1、")), num(1, 10)))
    with client() as api:          # its workers started with the date set
        for extra, form in (([], {}), (["--layout"], {"layout": "1"})):
            out = d / "plan.fixed.docx"
            assert cli("fix", "plan.docx", "--force", *extra, cwd=d).returncode == 0
            r = api.post("/api/fix", files=upload(("file", d / "plan.docx")), data=form)
            assert r.status_code == 200
            assert r.content == out.read_bytes(), extra
            assert b'w:date="2026-01-01T00:00:00Z"' in zipfile.ZipFile(out).read("word/document.xml")
        assert not leftovers(api.root)


def test_fix_docx_as_tracked_changes(api, tmp_path):
    from docxbuild import build_docx, para
    d = tmp_path / "fx"
    d.mkdir()
    build_docx(d / "plan.docx", para("某市知识产权局2024年工作要点") + para("一、加强知识产权 保护")
               + para("1.推进地方立法,完善制度。") + para("2.开展专项行动。"))
    assert cli("fix", "plan.docx", cwd=d).returncode == 0
    r = api.post("/api/fix", files=upload(("file", d / "plan.docx")))
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert _parts(r.content) == _parts((d / "plan.fixed.docx").read_bytes())
    assert b"<w:ins " in _parts(r.content)["word/document.xml"]
    bad = api.post("/api/fix", files=[("file", ("x.docx", b"PK\x03\x04junk"))])
    assert bad.status_code == 400 and bad.json()["error"].startswith("x.docx: ")
    assert not leftovers(api.root)
