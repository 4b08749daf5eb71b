"""Hostile input, every command: files from e-mail and shared drives, as a fresh `drafter` process sees them.

Each case must end with exit 2 and one or two lines on stderr naming the file (Chinese by default),
within seconds, under a 2 GB address-space limit, leaving no partial file and no changed existing file,
and nothing from an external entity may ever appear in any output.
"""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import seed_path
from docxbuild import build_docx, para, replace_member, zip_bomb

DRAFTER = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'drafter'; main()"]
ROOT = Path(__file__).resolve().parent.parent
LIMIT = 2 * 1024 ** 3
SECRET = "drafter-secret-7f3a"  # planted in a local file an external entity points at


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def drafter(*args: str, cwd: Path | None = None, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run(DRAFTER + list(args), capture_output=True, text=True, timeout=timeout,
                          preexec_fn=_limit, cwd=cwd or ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


def assert_refused(p: subprocess.CompletedProcess, names: str) -> None:
    err = p.stderr.strip()
    assert p.returncode == 2, (p.returncode, p.stdout[-500:], err[-2000:])
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert 1 <= len(lines) <= 2, err
    assert names in err, (names, err)
    assert SECRET not in p.stdout + p.stderr


# --- the files -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("hostile")
    secret = d / "secret.txt"
    secret.write_text(SECRET)
    good = Path(build_docx(d / "good.docx", para("天津市知识产权局2024年工作要点") + para("一、加强保护") + para("1.推进立法。")))
    files: dict[str, Path] = {}
    files["random.docx"] = d / "random.docx"
    files["random.docx"].write_bytes(os.urandom(4096))
    files["truncated.docx"] = d / "truncated.docx"
    files["truncated.docx"].write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    files["bomb.docx"] = Path(zip_bomb(d / "bomb.docx"))
    xxe = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>一、&x;</w:t></w:r></w:p></w:body></w:document>').encode()
    files["xxe.docx"] = Path(replace_member(good, d / "xxe.docx", "word/document.xml", xxe))
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
              + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
              '<w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>').encode()
    files["laughs.docx"] = Path(replace_member(good, d / "laughs.docx", "word/document.xml", laughs))
    files["empty.txt"] = d / "empty.txt"
    files["empty.txt"].write_bytes(b"")
    files["binary.txt"] = d / "binary.txt"
    files["binary.txt"].write_bytes(bytes(range(256)) * 64)
    files["big5.txt"] = d / "big5.txt"
    files["big5.txt"].write_bytes("臺北市政府教育局年度工作要點：一、推動雙語教育，擴大國際交流。二、強化校園安全。".encode("big5") * 30)
    files["random.doc"] = d / "random.doc"
    files["random.doc"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048))
    files["missing.txt"] = d / "missing.txt"
    files["folder"] = d / "afolder"
    files["folder"].mkdir()
    files["good.docx"] = good
    return files


INPUTS = ["random.docx", "truncated.docx", "bomb.docx", "xxe.docx", "laughs.docx", "empty.txt", "binary.txt",
          "big5.txt", "random.doc", "missing.txt", "folder"]


@pytest.mark.parametrize("name", INPUTS)
def test_parse_refuses(bad, name):
    assert_refused(drafter("parse", str(bad[name])), bad[name].name)


@pytest.mark.parametrize("name", INPUTS)
def test_check_refuses(bad, name):
    assert_refused(drafter("check", str(bad[name]), "--format", "json"), bad[name].name)


@pytest.mark.parametrize("name", ["bomb.docx", "xxe.docx", "big5.txt", "missing.txt"])
def test_check_context_files_refused(bad, name):
    plan = seed_path("000")
    assert_refused(drafter("check", plan, "--prior", str(bad[name])), bad[name].name)
    assert_refused(drafter("check", plan, "--summary", str(bad[name])), bad[name].name)


@pytest.mark.parametrize("name", ["random.docx", "bomb.docx", "xxe.docx", "empty.txt", "folder"])
def test_init_refuses_and_writes_nothing(bad, name, tmp_path):
    out = tmp_path / "next.yaml"
    assert_refused(drafter("init", "--from", str(bad[name]), "-o", str(out)), bad[name].name)
    assert not out.exists() and not list(tmp_path.iterdir())


@pytest.mark.parametrize("name", ["truncated.docx", "laughs.docx", "binary.txt", "missing.txt"])
def test_compare_refuses_either_side(bad, name, tmp_path):
    good = seed_path("000")
    assert_refused(drafter("compare", str(bad[name]), good), bad[name].name)
    out = tmp_path / "c.html"
    assert_refused(drafter("compare", good, str(bad[name]), "--format", "html", "-o", str(out)), bad[name].name)
    assert not out.exists()


def test_utf16_text_is_read_not_refused(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(Path(seed_path("000")).read_text(encoding="utf-8").encode("utf-16"))
    r = drafter("parse", str(p), "--format", "text")
    assert r.returncode == 0, r.stderr
    assert "天津市知识产权局2020年工作要点" in r.stdout


# --- outlines and templates ------------------------------------------------------------------

GOOD_OUTLINE = """title: 天津市知识产权局2024年工作要点
year: 2024
issuer: 天津市知识产权局
sections:
  - title: 加强知识产权保护
    children:
      - title: 推进立法。
        text: 推进立法。完善地方性法规。
"""

BAD_OUTLINES = {
    "tabs.yaml": GOOD_OUTLINE.replace("  - title: 加强", "\t- title: 加强"),
    "colon.yaml": GOOD_OUTLINE.replace("year: 2024", "year：2024"),
    "schema.yaml": GOOD_OUTLINE.replace("year: 2024", "year: 明年"),
    "syntax.yaml": GOOD_OUTLINE + "  - [unclosed\n",
    "bomb.yaml": "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                 "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                 "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n" + GOOD_OUTLINE,
    "carry.yaml": GOOD_OUTLINE + "      - carry: (九十九)\n",
    "empty.yaml": "",
}


@pytest.mark.parametrize("name", sorted(BAD_OUTLINES))
def test_draft_refuses_bad_outlines(name, tmp_path):
    src = tmp_path / name
    src.write_text(BAD_OUTLINES[name], encoding="utf-8")
    out = tmp_path / "out.docx"
    p = drafter("draft", str(src), "-o", str(out), "--prior", seed_path("004"))
    assert_refused(p, name)
    assert not out.exists()
    assert sorted(x.name for x in tmp_path.iterdir()) == [name], "no partial or temporary file is left"


def test_draft_refuses_a_template_reaching_for_python_internals(tmp_path):
    src = tmp_path / "o.yaml"
    src.write_text(GOOD_OUTLINE, encoding="utf-8")
    tdir = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", tdir)
    plan = tdir / "plan.j2"
    plan.write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "o.docx"
    p = drafter("draft", str(src), "-o", str(out), "--template", str(tdir))
    assert p.returncode == 2 and "Traceback" not in p.stderr, p.stderr
    assert "plan.j2" in p.stderr
    assert not out.exists()


# --- outputs ---------------------------------------------------------------------------------

def test_output_in_a_missing_folder(tmp_path):
    src = tmp_path / "o.yaml"
    src.write_text(GOOD_OUTLINE, encoding="utf-8")
    missing = tmp_path / "no" / "such" / "dir" / "o.docx"
    assert_refused(drafter("draft", str(src), "-o", str(missing)), "o.docx")
    assert_refused(drafter("parse", seed_path("000"), "-o", str(tmp_path / "no" / "x.json")), "x.json")


@pytest.mark.parametrize("command", ["parse", "init", "draft", "compare", "annotate"])
def test_existing_output_is_never_overwritten_without_force(command, tmp_path, bad):
    out = tmp_path / ("out.docx" if command in ("draft", "annotate") else "out.txt")
    out.write_bytes(b"keep me")
    src = tmp_path / "o.yaml"
    src.write_text(GOOD_OUTLINE, encoding="utf-8")
    seed = seed_path("000")
    args = {"parse": ["parse", seed, "-o", str(out)],
            "init": ["init", "--from", seed, "-o", str(out)],
            "draft": ["draft", str(src), "-o", str(out)],
            "compare": ["compare", seed, seed, "-o", str(out)],
            "annotate": ["check", seed, "--annotate", str(out)]}[command]
    assert_refused(drafter(*args), out.name)
    assert out.read_bytes() == b"keep me"
    assert sorted(x.name for x in tmp_path.iterdir()) == sorted([out.name, "o.yaml"])
    p = drafter(*args, "--force")
    assert p.returncode in (0, 1), p.stderr
    assert out.read_bytes() != b"keep me"


def test_messages_in_english_on_request(bad):
    p = drafter("parse", str(bad["empty.txt"]), "--lang", "en")
    assert_refused(p, "empty.txt")
    assert "empty" in p.stderr
