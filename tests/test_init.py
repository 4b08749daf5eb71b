"""`drafter init`: last year's plan → next year's outline."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from cli import main
from conftest import SEED_FILES, seed_path
from drafter.draft.outline import parse_outline
from drafter.draft.rollover import Notes, applicable, fullwidth_punct, load_renames, rename_agencies, roll_years
from drafter.yamlio import load_yaml

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="seeds not found")


@pytest.fixture(scope="module")
def outline_000(tmp_path_factory):
    d = tmp_path_factory.mktemp("init")
    out = d / "2021.yaml"
    r = CliRunner().invoke(main, ["init", "--from", seed_path("000"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out.read_text(encoding="utf-8")


def test_outline_validates_and_rolls_the_title(outline_000):
    o = parse_outline(outline_000, "2021.yaml")
    assert o.document.title == "天津市知识产权局2021年工作要点"
    assert o.document.year == 2021
    assert o.options.numbering == ["continuous"] and o.options.markers == ["一、", "1."]
    assert len(o.document.sections) == 10
    assert sum(len(s.children) for s in o.document.sections) == 32


def test_every_item_marked_as_carried(outline_000):
    data = load_yaml(outline_000)
    items = [c for s in data["sections"] for c in s["children"]]
    assert [c["from"] for c in items[:3]] == ["2020 1.", "2020 2.", "2020 3."]
    assert data["sections"][9]["from"] == "2020 十、"
    assert "label" not in items[0] and "number" not in items[0]


def test_years_rolled_but_ranges_and_titles_kept(outline_000):
    assert "组织开展2021年天津市专利奖评审" in outline_000
    assert "2019-2020年天津市专利奖表彰" in outline_000          # a range: untouched
    assert "（2016—2020年）》" in outline_000                      # inside 《》: untouched
    assert "2021年，全市每万人口发明专利拥有量" in outline_000


def test_review_comments(outline_000):
    assert "请核对" in outline_000
    head = outline_000.split("\npreamble")[0]
    assert "规划收官之年”：这一年的定位要按2021年重写" in head       # the year's role must be rewritten
    assert "去年的预期目标数值需要更新" in head


def test_dated_terms_noted_on_items(tmp_path):
    r = CliRunner().invoke(main, ["init", "--from", seed_path("000"), "--year", "2024"])
    lines = [ln for ln in r.output.splitlines() if "from: 2020 28." in ln]
    assert lines and "请核对" in lines[0] and "十九" in lines[0]


def test_punctuation_full_width(outline_000):
    assert "推进实施知识产权强市战略，加强知识产权顶层设计" in outline_000


def test_year_option_and_no_overwrite(tmp_path):
    out = tmp_path / "o.yaml"
    r = CliRunner().invoke(main, ["init", "--from", seed_path("004"), "--year", "2025", "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "title: 市知识产权局2025年工作要点" in text and "from: 2023 (一)" in text
    r = CliRunner().invoke(main, ["init", "--from", seed_path("004"), "-o", str(out)])
    assert r.exit_code == 2 and out.read_text(encoding="utf-8") == text


def test_bad_input_exits_2(tmp_path):
    r = CliRunner().invoke(main, ["init", "--from", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_roll_years_units():
    assert roll_years("组织开展2023年评审，2022年度总结，2021-2023年规划", 2023, 2024)[0] == \
        "组织开展2024年评审，2023年度总结，2021-2023年规划"
    assert roll_years("《规划（2021—2035年）》2023年", 2023, 2024)[0] == "《规划（2021—2035年）》2024年"


def test_agency_renames_from_rules():
    table = applicable(load_renames(), 2024, "天津市知识产权局")
    if not table:
        pytest.skip("rules/agencies.yaml has no renames")
    notes = Notes()
    out = rename_agencies("市工商局、市文化和旅游局、市旅游局", table, notes)
    assert "工商局" not in out and "市文化和旅游局、市文化和旅游局" in out
    assert notes.items


def test_fullwidth_punct_keeps_numbers():
    assert fullwidth_punct("达到3.7万件,增长1.5%") == "达到3.7万件，增长1.5%"
    assert fullwidth_punct("(市知识产权局牵头)") == "（市知识产权局牵头）"


def test_init_from_a_summary_is_refused(tmp_path):
    """A 工作总结 is not last year's plan: init says so instead of writing a '2024年工作总结' outline."""
    from pathlib import Path

    from click.testing import CliRunner

    from cli import main
    summary = Path(__file__).parent / "fixtures" / "unseen" / "health_county_2023_summary.txt"
    r = CliRunner().invoke(main, ["init", "--from", str(summary), "-o", str(tmp_path / "o.yaml")])
    assert r.exit_code == 2 and "工作总结" in r.output
    assert not (tmp_path / "o.yaml").exists()
