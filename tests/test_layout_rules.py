"""FMT001–FMT008 on hand-made .docx files (each with the findings a proofreader wrote down first, in
layout_fixtures.EXPECTED), on drafts of every seed (no finding), and never on .txt."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner

from cli import main
from conftest import SEED_FILES, seed_path
from drafter.api import load
from drafter.check.engine import run_checks
from layout_fixtures import EXPECTED, FIXTURES, SUBSTITUTE_CONFIG


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("fmt")
    return {k: f().write(d / f"{k}.docx") for k, f in FIXTURES.items()}


def fmt(path, config=None):
    return [f for f in run_checks(load(str(path)), config=config or {}) if f.rule.startswith("FMT")]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_findings(name, files):
    found = fmt(files[name])
    expected = EXPECTED[name]
    assert Counter((f.rule, f.line) for f in found) == Counter((r, l) for r, l, _, _ in expected), \
        [(f.rule, f.line, f.message_zh) for f in found]
    for rule, line, count, words in expected:
        ok = [f for f in found if f.rule == rule and f.line == line
              and all(w in f.message_zh for w in words) and (count is None or f"共 {count} 段" in f.message_zh)]
        assert ok, (rule, line, count, words, [f.message_zh for f in found if f.rule == rule])


def test_every_finding_has_place_and_suggestion(files):
    for name in FIXTURES:
        for f in fmt(files[name]):
            assert f.suggestion and "drafter fix --layout" in f.suggestion
            assert f.severity in ("warning", "info")
            if f.line:
                assert f.excerpt


def test_heading_findings_carry_label_and_path(files):
    (f,) = fmt(files["fmt004_h1_fang"])
    assert f.label == "一、" and f.path == "一、"
    (f,) = fmt(files["fmt004_h3_lead"])
    assert f.label == "1." and f.path == "二、/（一）/1."


def test_declared_substitute_is_accepted(files):
    assert fmt(files["fmt003_substitute"], SUBSTITUTE_CONFIG) == []
    house = {"layout": {"fonts": {"仿宋": ["宋体"]}}}     # an office that declares 宋体 its body face
    assert not [f for f in fmt(files["fmt002_normal_songti"], house) if "宋体" in f.message_zh and "12" not in f.message_zh]


def test_config_file_declares_fonts(files, tmp_path):
    src = files["fmt003_substitute"]
    target = tmp_path / "plan.docx"
    target.write_bytes(src.read_bytes())
    r = CliRunner().invoke(main, ["check", str(target), "--select", "FMT", "--fail-on", "warning"])
    assert r.exit_code == 1 and "FMT003" in r.output
    (tmp_path / "drafter.yaml").write_text("layout:\n  fonts:\n    小标宋: [华文中宋]\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(target), "--select", "FMT", "--fail-on", "warning"])
    assert r.exit_code == 0, r.output
    (tmp_path / "drafter.yaml").write_text("layout:\n  fonts:\n    标宋: [华文中宋]\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(target)])
    assert r.exit_code == 2 and "drafter.yaml:" in r.output and "标宋" in r.output


def test_english_messages(files):
    found = fmt(files["word_defaults"])
    text = " ".join(f.message_en for f in found)
    assert "paragraph(s)" in text and "A4" in text and "ＭＳ 明朝" in text
    assert all(f.suggestion_en and "drafter fix --layout" in f.suggestion_en for f in found)
    r = CliRunner().invoke(main, ["check", str(files["word_defaults"]), "--select", "FMT", "--lang", "en"])
    assert "paragraph(s)" in r.output and "页边距" not in r.output


def test_cli_text_and_json(files):
    r = CliRunner().invoke(main, ["check", str(files["word_defaults"]), "--select", "FMT", "--format", "json"])
    data = json.loads(r.output)
    rules = Counter(f["rule"] for f in data["findings"])
    assert rules == Counter({"FMT001": 2, "FMT004": 2, "FMT002": 1, "FMT003": 1, "FMT005": 1, "FMT006": 1, "FMT007": 1})
    r = CliRunner().invoke(main, ["check", str(files["fmt002_normal_songti"]), "--select", "FMT002"])
    assert "FMT002" in r.output and "共 11 段" in r.output and ":2:" in r.output


def test_rules_command_explains_layout_rules():
    r = CliRunner().invoke(main, ["rules", "FMT002"])
    assert r.exit_code == 0 and "仿宋" in r.output and "正文样式：宋体 12 磅" in r.output
    listing = CliRunner().invoke(main, ["rules"]).output
    assert all(f"FMT00{i}" in listing for i in range(1, 9))


@pytest.mark.parametrize("seed", SEED_FILES)
def test_text_input_is_never_layout_checked(seed):
    assert not [f for f in run_checks(load(seed_path(seed[:3]))) if f.rule.startswith("FMT")]


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    d = tmp_path_factory.mktemp("drafts")
    out = {}
    for seed in SEED_FILES:
        y, x = d / f"{seed[:3]}.yaml", d / f"{seed[:3]}.docx"
        assert CliRunner().invoke(main, ["init", "--from", seed_path(seed[:3]), "-o", str(y)]).exit_code == 0
        assert CliRunner().invoke(main, ["draft", str(y), "-o", str(x)]).exit_code == 0
        out[seed[:3]] = x
    from draft_fixtures import OUTLINE, long_outline
    for name, text in (("short", OUTLINE), ("long", long_outline())):
        (d / f"{name}.yaml").write_text(text, encoding="utf-8")
        assert CliRunner().invoke(main, ["draft", str(d / f"{name}.yaml"), "-o", str(d / f"{name}.docx")]).exit_code == 0
        out[name] = d / f"{name}.docx"
    return out


@pytest.mark.parametrize("name", [s[:3] for s in SEED_FILES] + ["short", "long"])
def test_drafts_have_no_layout_finding(name, drafts):
    assert fmt(drafts[name]) == [], [(f.rule, f.line, f.message_zh) for f in fmt(drafts[name])]
