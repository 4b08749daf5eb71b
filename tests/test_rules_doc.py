"""Every registered rule (all families): its example_hit fires, its example_miss does not, its docs print."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from check_util import check_text
from cli import main
from drafter.check.base import all_rules

RULES = list(all_rules())


def _check_docx(text, code, path):
    """Layout rules read a .docx: the example's first line says, in 【】, how it is formatted."""
    from drafter.api import load
    from drafter.check.engine import run_checks
    from layout_examples import example_docx
    return run_checks(load(example_docx(text, path)), select=code)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_examples(rule, tmp_path):
    ctx = rule.example_context or {}
    assert rule.example_hit and rule.example_miss, rule.code
    if rule.code.startswith("FMT"):
        assert [f for f in _check_docx(rule.example_hit, rule.code, tmp_path / "hit.docx") if f.rule == rule.code]
        assert not [f for f in _check_docx(rule.example_miss, rule.code, tmp_path / "miss.docx") if f.rule == rule.code]
        return
    hit = check_text(rule.example_hit, select=rule.code, summary=ctx.get("summary"), prior=ctx.get("prior"))
    assert [f for f in hit if f.rule == rule.code], f"{rule.code}: example_hit does not fire"
    miss = check_text(rule.example_miss, select=rule.code, summary=ctx.get("summary"), prior=ctx.get("prior"))
    assert not [f for f in miss if f.rule == rule.code], f"{rule.code}: example_miss fires: {[f.message_zh for f in miss]}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_docs(rule):
    assert rule.name and rule.severity in ("error", "warning", "info")
    assert "What it does" in (rule.__doc__ or "") and rule.doc_zh
    r = CliRunner().invoke(main, ["rules", rule.code])
    assert r.exit_code == 0 and rule.code in r.output and rule.name in r.output
    assert rule.example_hit.splitlines()[-1] in r.output
    r = CliRunner().invoke(main, ["rules", rule.code.lower(), "--lang", "en"])
    assert r.exit_code == 0 and "What it does" in r.output


def test_rules_list_and_unknown_code():
    r = CliRunner().invoke(main, ["rules"])
    assert r.exit_code == 0
    for rule in RULES:
        assert rule.code in r.output
    r = CliRunner().invoke(main, ["rules", "NUM999"])
    assert r.exit_code == 2 and "NUM001" in r.output + (r.stderr if r.stderr_bytes else "")


def test_rules_list_marks_what_fix_fixes():
    """The text fixes are marked 可修复, the layout rules --layout (drafter fix --layout sets them); DUP, TGT,
    TXT001 and TXT002 neither — a person decides."""
    r = CliRunner().invoke(main, ["rules"])
    rows = {line.split()[0]: line for line in r.output.splitlines() if line[:3].isupper() and line[3:6].isdigit()}
    text_fix = {"NUM001", "NUM002", "NUM003", "AGY002", "AGY003", "YR001", "TXT003", "PUN002", "PUN003"}
    for code, line in rows.items():
        cols = line.split()
        assert (cols[3] == "可修复") == (code in text_fix), line
        assert (cols[3] == "--layout") == code.startswith("FMT"), line
    for code in ("DUP001", "DUP002", "TGT001", "TGT002", "TXT001", "TXT002"):
        assert "可修复" not in rows[code] and "--layout" not in rows[code]
    assert "--layout" in CliRunner().invoke(main, ["rules", "FMT004"]).output.splitlines()[2]
