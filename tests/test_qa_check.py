"""`drafter check` as a 秘书科 proofreader uses it, on four documents with the slips offices really make
(tests/fixtures/qa/): a 2025 市文旅局 plan copied from 2024 with half the years updated (checked against its 2024
summary), a 2024 市场监管 task division whose items lost their 责任单位, a .docx whose automatic numbering mixes
（一） and (二) in one level, and a 2026 区教育局 notice carrying its 2025 summary and 2026 plan.

tests/fixtures/qa/expected.yaml lists every slip as (rule, line), written before check was first run, plus the
findings accepted after that run. The findings must be exactly those: a miss or a new false alarm fails.
"""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections import Counter

import pytest
import yaml

from conftest import ROOT
from drafter.api import load
from drafter.check.engine import run_checks

QA = ROOT / "tests" / "fixtures" / "qa"
EXPECTED = yaml.safe_load((QA / "expected.yaml").read_text(encoding="utf-8"))
DOCS = [k for k in EXPECTED if k.endswith((".txt", ".docx"))]
DRAFTER = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'drafter'; main()"]


def _findings(name: str, **kw):
    # the .docx here was built on python-docx's template (Letter, theme fonts): its layout findings are real
    # but not these slips; the FMT rules have their own fixtures (test_layout_rules.py)
    kw.setdefault("ignore", "FMT")
    other = (EXPECTED[name] or {}).get("with") or {}
    ctx = {k: load(str(QA / v)) for k, v in other.items()}
    return run_checks(load(str(QA / name)), **ctx, **kw)


def _want(name: str) -> Counter:
    rows = list(EXPECTED[name]["expected"]) + list((EXPECTED.get("accepted_after_run") or {}).get(name) or [])
    return Counter((r, ln) for r, ln in rows)


@pytest.mark.parametrize("name", DOCS)
def test_exactly_the_expected_findings(name):
    fs = _findings(name)
    got = Counter((f.rule, f.line) for f in fs)
    assert got == _want(name), [(f.rule, f.line, f.message_zh) for f in fs]
    # nothing at the places that only look like slips
    quiet = set(EXPECTED[name].get("not") or [])
    wanted_lines = {ln for _, ln in _want(name)}
    assert not [f for f in fs if f.line in quiet - wanted_lines]


@pytest.mark.parametrize("name", DOCS)
def test_every_finding_is_located_and_has_a_suggestion(name):
    for f in _findings(name):
        assert f.line and f.excerpt and f.suggestion, f
        if f.rule not in ("YR002", "TGT001") or f.label:   # preamble findings have no heading path
            assert f.path or f.label, f


def test_docx_built_by_its_script_is_the_committed_one(tmp_path):
    """The .docx fixture is what build_ip_docx.py makes (so the script documents it)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_ip_docx", QA / "build_ip_docx.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    from docxbuild import build_docx
    out = build_docx(tmp_path / "ip.docx", mod.BODY, numbering=mod.NUMBERING)
    a = zipfile.ZipFile(out).read("word/document.xml")
    b = zipfile.ZipFile(QA / "ip_district_2024.docx").read("word/document.xml")
    assert a == b


def test_docx_auto_numbering_labels():
    doc = load(str(QA / "ip_district_2024.docx")).documents[0]
    sec2 = doc.sections[1]
    assert [c.label for c in sec2.children] == ["（一）", "(二)", "（二）"]


# --- the messages a proofreader reads --------------------------------------------------------------

def _by(name, rule, line):
    return [f for f in _findings(name) if (f.rule, f.line) == (rule, line)]


def test_messages_say_what_and_where():
    dup = _by("wenlv_2025_plan.txt", "DUP001", 15)[0]
    assert "标题不同" in dup.message_zh and "一、/（一）" in dup.message_zh and dup.related[0]["line"] == 9
    dl = _by("wenlv_2025_plan.txt", "YR001", 31)[0]
    assert "2024年底前" in dl.message_zh and dl.suggestion == "2025年"
    agy = _by("wenlv_2025_plan.txt", "AGY003", 19)[0]
    assert agy.message_zh.count("市文化和旅游局") == 1 and agy.suggestion == "市文化和旅游局"
    typo = _by("edu_district_2026_notice.txt", "AGY002", 35)[0]
    assert typo.suggestion == "区教育局"          # not 区教育厅: the issuer is 鼓楼区教育局, 区 is not a province
    missing = _by("market_division_2024.txt", "AGY001", 11)[0]
    assert missing.severity == "error" and "（市市场监管局牵头）" in missing.suggestion
    conflict = _by("edu_district_2026_notice.txt", "TGT002", 33)[0]
    assert "二、/2.（第 28 行）" in conflict.message_zh
    full = _by("edu_district_2026_notice.txt", "TGT001", 33)[0]
    assert full.suggestion == "目标应保持100%"
    # the revenue below last year is one finding, not a second one about the 6% growth beside it
    assert len(_by("wenlv_2025_plan.txt", "TGT001", 5)) == 2


# --- the command line, every format, exit codes ------------------------------------------------------

def _run(*args, cwd=QA):
    p = subprocess.run([*DRAFTER, *args], cwd=cwd, capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return p.returncode, p.stdout, p.stderr


def test_cli_formats_and_exit_codes(tmp_path):
    rc, out, _ = _run("check", "market_division_2024.txt")
    assert rc == 1 and "market_division_2024.txt:11: error AGY001" in out
    rc, out, _ = _run("check", "market_division_2024.txt", "--format", "json")
    data = json.loads(out)
    assert rc == 1 and data["summary"] == {"error": 4, "warning": 2, "info": 0}
    rc, out, _ = _run("check", "ip_district_2024.docx", "--format", "sarif", "--ignore", "FMT")
    sarif = json.loads(out)
    res = sarif["runs"][0]["results"]
    assert rc == 1 and [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in res] == [8, 9, 10, 15]
    assert sarif["runs"][0]["invocations"][0]["exitCode"] == 1
    # warnings only: 0 by default, 1 with --fail-on warning; never: 0
    assert _run("check", "ip_district_2024.docx", "--select", "NUM003,NUM004")[0] == 0
    assert _run("check", "ip_district_2024.docx", "--select", "NUM003", "--fail-on", "warning")[0] == 1
    assert _run("check", "market_division_2024.txt", "--fail-on", "never")[0] == 0
    assert _run("check", "ip_district_2024.docx", "--ignore", "NUM,TXT,FMT")[0] == 0
    rc, _, err = _run("check", "ip_district_2024.docx", "--select", "FOO")
    assert rc == 2 and "FOO" in err
    # English: messages and advice
    rc, out, _ = _run("check", "market_division_2024.txt", "--lang", "en")
    assert "suggestion: add the responsible agency at the end, e.g. '（市市场监管局牵头）'" in out
    assert "在句末" not in out


def test_config_beside_the_file_and_command_line_precedence(tmp_path):
    (tmp_path / "plan.txt").write_text((QA / "edu_district_2026_notice.txt").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    (tmp_path / "drafter.yaml").write_text(
        "ignore: [TXT003]\nseverity: {NUM004: off}\nfail-on: warning\n", encoding="utf-8")
    rc, out, _ = _run("check", "plan.txt", "--format", "json", cwd=tmp_path)
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "TXT003" not in rules and "NUM004" not in rules and "YR002" in rules
    assert _run("check", "plan.txt", "--select", "YR", cwd=tmp_path)[0] == 1            # fail-on: warning
    assert _run("check", "plan.txt", "--select", "YR", "--fail-on", "error", cwd=tmp_path)[0] == 0  # typed wins


def test_annotate_puts_comments_on_the_right_paragraphs(tmp_path):
    out = tmp_path / "ann.docx"
    rc, _, err = _run("check", "ip_district_2024.docx", "--annotate", str(out), "--ignore", "FMT")
    assert rc == 1 and out.exists()
    import docx
    d = docx.Document(str(out))
    commented = [i + 1 for i, p in enumerate(d.paragraphs) if "commentRangeStart" in p._p.xml
                 or "commentReference" in p._p.xml]
    assert commented == [8, 9, 10, 15]
    assert _run("check", "ip_district_2024.docx", "--annotate", str(out))[0] == 2   # no overwrite without --force


LAYOUT_DOCS = [k for k in DOCS if (EXPECTED[k] or {}).get("layout")]


@pytest.mark.parametrize("name", LAYOUT_DOCS)
def test_layout_findings_are_the_files_own_layout(name):
    """A .docx's FMT findings are those its own layout calls for (expected.yaml `layout`, each checked against the
    file's XML): no more, no fewer, each saying what is wrong."""
    fs = _findings(name, ignore=None, select="FMT")
    want = [(r, ln, says) for r, ln, says in EXPECTED[name]["layout"]]
    got = list(fs)
    missing = []
    for rule, line, says in want:
        hit = next((f for f in got if f.rule == rule and f.line == line
                    and all(s in f"{f.message_zh} {f.suggestion or ''}" for s in says)), None)
        if hit is None:
            missing.append((rule, line, says))
        else:
            got.remove(hit)
    assert missing == [] and got == [], (missing, [(f.rule, f.line, f.message_zh) for f in got])
