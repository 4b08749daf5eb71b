"""NUM001–NUM004 on hand-made cases, on seeds with one fault injected, and silence on the clean seeds."""
from __future__ import annotations

import pytest

from check_util import check_text, codes_at, mutate_line, seed_text
from drafter.check.textutil import cn2int, int2cn, parse_marker

SEEDS = ["000", "001", "002", "003", "004"]


def test_numerals_round_trip():
    for n in range(1, 130):
        assert cn2int(int2cn(n)) == n
    assert int2cn(69) == "六十九" and cn2int("二十三") == 23
    assert parse_marker("(六十九)")["value"] == 69
    assert parse_marker("32.")["family"] == "arabic"
    assert parse_marker("一是")["family"] == "ordinal_shi"


@pytest.mark.parametrize("seed", SEEDS)
def test_quiet_on_clean_seeds(seed):
    fs = check_text(seed_text(seed), select="NUM")
    assert fs == [], [(f.line, f.rule, f.message_zh) for f in fs]


def test_gap_in_restarting_level():
    fs = check_text("2024年工作要点\n一、总体要求\n（一）加强组织领导。\n（三）强化督促检查。\n"
                    "二、重点任务\n（一）推进专利转化。\n（二）加强商标保护。\n", select="NUM001")
    assert [(f.line, f.suggestion) for f in fs] == [(4, "（二）")]


def test_continuous_vs_restart_judged_per_document():
    # items run on across sections: "1." in the second section is the slip
    text = ("2024年工作要点\n一、甲\n1.加强组织领导。\n2.强化督促检查。\n二、乙\n3.推进专利转化。\n4.加强商标保护。\n"
            "三、丙\n1.做好宣传。\n6.做好培训。\n四、丁\n7.做好保障。\n")
    fs = check_text(text, select="NUM001")
    assert codes_at(fs, "NUM001") == [9]
    assert fs[0].suggestion == "5."
    # the same items restarting in every section are fine
    ok = "2024年工作要点\n一、甲\n1.加强组织领导。\n2.强化督促检查。\n二、乙\n1.推进专利转化。\n2.加强商标保护。\n三、丙\n1.做好宣传。\n"
    assert check_text(ok, select="NUM001") == []


def test_single_wrong_label_reported_once():
    text = "2024年工作要点\n一、甲\n1.甲项工作。\n2.乙项工作。\n2.丙项工作。\n4.丁项工作。\n5.戊项工作。\n"
    fs = check_text(text, select="NUM001")
    assert [(f.line, f.suggestion) for f in fs] == [(5, "3.")]


def test_seed_000_renumbered_item():
    # 000 runs 1.–32. on across ten sections; item 5 alone in section 二
    fs = check_text(mutate_line("000", 13, "5.推进", "6.推进"), select="NUM")
    assert codes_at(fs, "NUM001") == [13]
    assert fs[0].suggestion == "5." and fs[0].path.startswith("二、")


def test_seed_004_renumbered_item():
    fs = check_text(mutate_line("004", 110, "(五)", "(六)"), select="NUM")
    assert codes_at(fs, "NUM001") == [110]
    assert fs[0].suggestion == "(五)"


def test_seed_002_restart_level_repeat():
    # (一) restarts per section in 002: make the second one (二) in section 三 a repeat of (一)
    fs = check_text(mutate_line("002", 82, "(二)", "(一)"), select="NUM001")
    assert codes_at(fs, "NUM001") == [82]


def test_form_hand_made_and_seed():
    fs = check_text("2024年工作要点\n一、总体要求\n1、加强组织领导。\n2、强化督促检查。\n", select="NUM002")
    assert codes_at(fs, "NUM002") == [3, 4] and fs[0].suggestion == "1."
    fs = check_text(mutate_line("000", 8, "1.落实", "1、落实"), select="NUM")
    assert codes_at(fs, "NUM002") == [8]
    fs = check_text(mutate_line("004", 98, "(一)组织", "(一)、组织"), select="NUM002")
    assert codes_at(fs, "NUM002") == [98]


def test_consistency_seed():
    fs = check_text(mutate_line("004", 98, "(一)", "（一）"), select="NUM")
    assert codes_at(fs, "NUM003") == [98]
    assert fs[0].suggestion == "(一)"
    fs = check_text(mutate_line("001", 15, "(二)", "(二）"), select="NUM003")
    assert codes_at(fs, "NUM003") == [15]


def test_count_hand_made_and_seed():
    fs = check_text("2024年工作要点\n一、实施三大工程\n（一）甲工程。\n（二）乙工程。\n", select="NUM004")
    assert codes_at(fs, "NUM004") == [2]
    fs = check_text(mutate_line("002", 28, "五大专项行动", "六大专项行动"), select="NUM")
    assert codes_at(fs, "NUM004") == [28]
    fs = check_text(mutate_line("002", 72, "四大工作体系", "三大工作体系"), select="NUM")
    assert codes_at(fs, "NUM004") == [72]
    # a quoted count of 个 is a formula, not a promise; a quoted name whose items are not its parts neither
    assert check_text("2024年工作要点\n一、践行“两个维护”“四个意识”\n（一）甲。\n（二）乙。\n（三）丙。\n",
                      select="NUM004") == []
    assert check_text("2024年工作要点\n一、落实“三大工程”\n（一）加强宣传引导。\n（二）强化督查考核。\n",
                      select="NUM004") == []
    # but “三大工程” over items that are each a 工程 counts them (tests/fixtures/qa: 实施“三大工程” over two)
    assert codes_at(check_text("2024年工作要点\n一、落实“三大工程”\n（一）甲工程。\n（二）乙工程。\n",
                               select="NUM004"), "NUM004") == [2]
