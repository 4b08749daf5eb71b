"""The checker stays quiet on the parser's style fixtures (tests/fixtures/styles), which are clean:
only the slips they really contain (1、 labels, full-width digits) are reported, and never as errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

STYLES = Path(__file__).parent / "fixtures" / "styles"
REAL = {"dun_items.txt": {"NUM002"}, "fullwidth_digits.txt": {"NUMB001"}}


def findings(path: Path) -> list[dict]:
    r = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)["findings"]


@pytest.mark.parametrize("name", sorted(p.name for p in STYLES.glob("*.txt")))
def test_no_false_alarms(name):
    got = {f["rule"] for f in findings(STYLES / name)}
    assert got == REAL.get(name, set()), name


def test_space_after_a_part_ordinal_is_allowed():
    assert not [f for f in findings(STYLES / "part_paren_arabic.txt") if f["rule"] == "TXT003"]


def test_bracket_broken_across_a_page_break_is_balanced():
    """`（市住房城乡` / page mark and running header / `建设局牵头）` is one paragraph."""
    assert not [f for f in findings(STYLES / "pdf_running_headers.txt") if f["rule"] == "TXT001"]


def test_half_bracket_item_labels_are_not_brackets():
    assert not [f for f in findings(STYLES / "summary_and_plan_parts.txt") if f["rule"] == "TXT001"]


def test_a_label_missing_its_bracket_is_one_error_not_two(tmp_path):
    """`（三加强…` is reported once (TXT001), not again as a numbering gap before （四）."""
    p = tmp_path / "plan.txt"
    p.write_text("某市司法局2024年工作要点\n一、加强法治建设\n（一）推进科学立法。\n（二）推进严格执法。\n"
                 "（三加强公正司法。\n（四）推进全民守法。\n", encoding="utf-8")
    assert [(f["rule"], f["line"]) for f in findings(p) if f["rule"] != "TXT002"] == [("TXT001", 5)]
