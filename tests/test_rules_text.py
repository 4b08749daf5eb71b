"""TXT001–TXT003, PUN001–002, NUMB001, TRM001: hand-made cases, seeds with one fault, the seeds' real slips."""
from __future__ import annotations

import pytest

from check_util import check_text, codes_at, mutate_line, seed_text

SEEDS = ["000", "001", "002", "003", "004"]
TEXT_RULES = "TXT001,TXT002,PUN002,NUMB001"


@pytest.mark.parametrize("seed", SEEDS)
def test_no_error_level_text_findings_on_clean_seeds_except_real_ones(seed):
    fs = check_text(seed_text(seed), select="TXT001,TXT002")
    real = {"003": [61], "004": [82, 94]}.get(seed, [])
    assert [f.line for f in fs] == real, [(f.line, f.rule, f.message_zh) for f in fs]


@pytest.mark.parametrize("seed", SEEDS)
def test_quiet_on_clean_seeds(seed):
    assert check_text(seed_text(seed), select="PUN002,NUMB001") == []


def test_real_mistakes_in_004():
    fs = check_text(seed_text("004"), select="TXT001")
    by_line = {f.line: f for f in fs}
    assert "《" in by_line[94].message_zh and "以下简称" in by_line[94].suggestion   # plan preamble
    assert by_line[94].path == ""                                                  # before the first heading
    assert "“" in by_line[82].message_zh and by_line[82].label == "二是"             # the summary


def test_unbalanced_bracket_points_at_the_bracket():
    """The flagged words of TXT001 are the bracket left alone: the page highlights it, Word's comment sits on it."""
    text = seed_text("004")
    lines = text.splitlines()
    fs = {f.line: f for f in check_text(text, select="TXT001")}
    for ln, ch, near in ((94, "《", "《以下简称"), (82, "“", "“2022年天津市知识产权创新创业")):
        sp = fs[ln].span
        assert sp is not None and sp.line == ln and sp.end == sp.start + 1
        assert lines[ln - 1][sp.start] == ch and lines[ln - 1][sp.start:].startswith(near)


def test_brackets_broken_across_pdf_lines_are_balanced():
    # 001 breaks "(滨海新区\n人民政府会同有关部门负责)" across lines: one paragraph, balanced
    assert check_text(seed_text("001"), select="TXT001") == []


@pytest.mark.parametrize("old,new", [("《天津市知识产权保护条例》", "《天津市知识产权保护条例"),
                                     ("《条例》", "条例》"), ("(服务)", "(服务")])
def test_deleted_bracket_in_seed(old, new):
    fs = check_text(mutate_line("000", 15 if old != "(服务)" else 18, old, new), select="TXT001")
    assert codes_at(fs, "TXT001") == [15 if old != "(服务)" else 18]


def test_mixed_width_parens_close_each_other():
    assert check_text("2024年工作要点\n一、总体要求\n（一）加强宣传(以下简称《纲要》）。\n", select="TXT001") == []


def test_placeholder_hand_made_and_seed():
    for ph in ("XX", "××", "【待定】", "（此处填写目标值）", "某某"):
        fs = check_text(f"2024年工作要点\n一、总体要求\n（一）全年新增驰名商标{ph}件。\n", select="TXT002")
        assert codes_at(fs, "TXT002") == [3], ph
    fs = check_text(mutate_line("004", 116, "100家", "XX家"), select="TXT002")
    assert codes_at(fs, "TXT002") == [116]
    assert fs[0].label == "(七)"
    fs = check_text(mutate_line("000", 6, "23件", "××件"), select="TXT")
    assert codes_at(fs, "TXT002") == [6]


def test_placeholder_not_in_urls_or_words():
    assert check_text("2024年工作要点\n一、总体要求\n（一）登录http://www.xx.gov.cn办理，XXL号。\n", select="TXT002") == []


def test_stray_space():
    fs = check_text(mutate_line("004", 98, "组织推动", "组织 推动"), select="TXT003")
    assert codes_at(fs, "TXT003") == [98] and fs[0].severity == "info"
    # spaces next to digits and Latin letters, and indentation, are fine
    assert check_text("2024年工作要点\n一、总体要求\n   （一）推动TISC 机构建设，2021 年完成。\n", select="TXT003") == []
    # seed 003 really has stray spaces inside words
    fs = check_text(seed_text("003"), select="TXT003")
    assert 14 in codes_at(fs, "TXT003") and all(f.severity == "info" for f in fs)


def test_enumeration_punctuation():
    fs = check_text(mutate_line("004", 102, "《天津市知识产权保护条例》贯彻落实", "《天津市知识产权保护条例》、《专利法》贯彻落实"),
                    select="PUN001")
    assert 102 in codes_at(fs, "PUN001")
    fs = check_text("2024年工作要点\n一、总体要求\n（一）开展宣传、培训、等活动。\n", select="PUN001")
    assert codes_at(fs, "PUN001") == [3] and fs[0].suggestion == "等"


def test_document_number_brackets():
    fs = check_text(mutate_line("004", 98, "推进计划", "推进计划（津知发[2023]5号）"), select="PUN002")
    assert codes_at(fs, "PUN002") == [98] and fs[0].suggestion == "津知发〔2023〕5号"


def test_number_usage():
    fs = check_text(mutate_line("004", 118, "不少于1000家", "不少于1千家"), select="NUMB001")
    assert codes_at(fs, "NUMB001") == [118] and fs[0].suggestion == "1000"
    fs = check_text(mutate_line("004", 116, "100家", "１００家"), select="NUMB001")
    assert codes_at(fs, "NUMB001") == [116]
    fs = check_text("2024年工作要点\n一、总体要求\n（一）24年3月底前完成。\n", select="NUMB001")
    assert codes_at(fs, "NUMB001") == [3] and fs[0].suggestion == "2024年"
    # 3.7万 and 100亿 are allowed
    assert check_text("2024年工作要点\n一、总体要求\n（一）有效发明专利达到3.7万件，交易额100亿元。\n", select="NUMB001") == []


def test_term_variants_seed_004():
    fs = check_text(seed_text("004"), select="TRM001")
    assert [(f.line, f.suggestion) for f in fs] == [(148, "“十项行动”")]
    # 四个意识/四个自信 are distinct fixed terms
    assert check_text(seed_text("002"), select="TRM001") == []


def test_one_x_standing_for_a_number_is_a_placeholder():
    for line in ("（一）举办第X届职业技能大赛。", "（一）新增规上企业×家。"):
        fs = check_text(f"2025年工作要点\n一、总体要求\n{line}\n", select="TXT002")
        assert codes_at(fs, "TXT002") == [3], line
    quiet = "2025年工作要点\n一、总体要求\n（一）配置X光机3台，制作3×4米展板，开展X射线检查。\n"
    assert check_text(quiet, select="TXT002") == []
