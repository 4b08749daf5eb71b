"""YR001–YR002: a year or a term left over from an earlier year's text; rules/terms.yaml."""
from __future__ import annotations

import pytest

from check_util import check_text, codes_at, mutate_line, seed_text
from drafter.check.rules.years import current_period, load_terms, year_mentions

SEEDS = ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("seed", SEEDS)
def test_quiet_on_clean_seeds(seed):
    fs = check_text(seed_text(seed), select="YR")
    assert fs == [], [(f.line, f.rule, f.message_zh) for f in fs]


def test_terms_yaml_loads():
    terms, periods = load_terms()
    names = {t["name"] for t in terms}
    assert {"十三五", "党的十九大精神", "十九届中央全会", "党史学习教育"} <= names
    assert current_period(2024, periods) == "十四五" and current_period(2026, periods) == "十五五"
    for t in terms:
        assert t["until"] is None or t["from"] is None or t["from"] <= t["until"], t["name"]


def test_ranges_and_titles_are_not_stale_years():
    assert year_mentions("研究制定《2022-2025年知识产权保护推进计划》", 2022) == []
    assert year_mentions("2022-2025年", 2025) == []
    assert year_mentions("2022—2025年", 2022) == []
    assert len(year_mentions("组织开展2022年专利奖评审", 2022)) == 1


def test_stale_year_hand_made():
    fs = check_text("2023年工作要点\n一、总体要求\n（一）组织开展2022年度专利奖评审。\n", select="YR001")
    assert codes_at(fs, "YR001") == [3] and fs[0].suggestion == "2023年"
    ok = ("2023年工作要点\n一、总体要求\n（一）较2022年增长10%，在2022年基础上再提高，2022年底已达到5万件。\n"
          "（二）落实《2022—2025年行动方案》和《2022年工作方案》。\n（三）2022年已取得明显成效。\n")
    assert check_text(ok, select="YR001") == []


def test_seed_004_year_rolled_back():
    fs = check_text(mutate_line("004", 98, "制定2023年", "制定2022年"), select="YR")
    assert codes_at(fs, "YR001") == [98]
    assert fs[0].label == "(一)" and fs[0].path == "一、/(一)"


def test_seed_000_year_rolled_back_in_preamble():
    fs = check_text(mutate_line("000", 6, "2020年,全市", "2019年,全市"), select="YR")
    assert codes_at(fs, "YR001") == [6]


def test_title_year_not_updated():
    text = mutate_line("000", 1, "2020年工作要点", "2019年工作要点")
    text = text.replace("2019-2020年", "2020-2021年")
    text = text.replace("2020年", "2020年")
    fs = check_text(text, select="YR001")
    assert 1 in codes_at(fs, "YR001")


def test_stale_term_hand_made():
    fs = check_text("2024年工作要点\n一、总体要求\n（一）推进“十三五”规划实施，深入学习贯彻党的十九大精神。\n", select="YR002")
    assert len(fs) == 2 and {f.line for f in fs} == {3}
    assert fs[0].suggestion in ("十四五", "党的二十大精神")
    assert check_text("2024年工作要点\n一、总体要求\n（一）党的十八大以来取得历史性成就，推进“十四五”规划实施。\n",
                      select="YR002") == []


def test_seed_002_thirteenth_plan_put_in_2023():
    fs = check_text(mutate_line("002", 76, "“十四五”规划", "“十三五”规划"), select="YR002")
    assert codes_at(fs, "YR002") == [76]
    assert fs[0].suggestion == "十四五"


def test_seed_004_old_congress_as_current():
    fs = check_text(mutate_line("004", 154, "党的二十大精神", "党的十九大精神"), select="YR002")
    assert codes_at(fs, "YR002") == [154] and fs[0].suggestion == "党的二十大精神"


def test_retrospective_use_in_transition_year_is_fine():
    # 2021: looking back on 十三五 is normal; 2024: it is a leftover
    back = "2021年工作要点\n一、总体要求\n（一）系统总结“十三五”时期知识产权工作成就。\n"
    assert check_text(back, select="YR002") == []
    assert len(check_text(back.replace("2021年", "2024年"), select="YR002")) == 1
    # 2023 (002): 巩固深化党史学习教育成果 is not stale
    assert check_text(seed_text("002"), select="YR002") == []


def test_terms_from_config():
    cfg = {"terms": [{"name": "三年行动", "pattern": "三年攻坚行动", "until": "2022-12-31", "suggestion": "新一轮行动"}]}
    fs = check_text("2024年工作要点\n一、总体要求\n（一）推进三年攻坚行动。\n", select="YR002", config=cfg)
    assert codes_at(fs, "YR002") == [3] and fs[0].suggestion == "新一轮行动"


def test_excuse_on_the_next_line_of_a_hard_wrapped_paragraph():
    """PDF text wraps mid-word: `…对我省 2023 年知` / `识产权保护工作检查考核情况…` is about last year's 考核."""
    text = ("2024年知识产权工作要点\n一、加强保护\n（一）及时向相关部门通报国家对我省 2023 年知\n"
            "识产权保护工作检查考核情况，推动问题整改。\n（二）组织开展2023年度“开放日”活动。\n")
    fs = check_text(text, select="YR001")
    assert [f.line for f in fs] == [5]


def test_an_agency_clause_wrapped_after_its_semicolon_is_one_paragraph():
    text = ("2024年重点工作任务分工\n一、加强保护\n1.加强知识产权行政保护。（牵头单位：市知识产权局；\n"
            "责任单位：各区人民政府）\n2.加强司法保护。（市高级人民法院负责）\n")
    assert check_text(text, select="TXT001") == []


# ---- issue 12: the held-out corpus's classes, on texts of our own ---------------------------------------------

def test_a_deadline_ending_in_qian_is_stale_whatever_work_it_names():
    # 评估/考核 excuse a year that names last year's work, never a deadline that has passed
    for line in ("（一）2022年年底前完成全市养老机构安全评估。", "（一）力争2022年6月底前完成年度考核系统升级。",
                 "（一）2022年底前完成消防设施检测评估。"):
        fs = check_text(f"2023年工作要点\n一、总体要求\n{line}\n", select="YR001")
        assert codes_at(fs, "YR001") == [3], (line, [(f.line, f.message_zh) for f in fs])
        assert "期限" in fs[0].message_zh
    quiet = ("2023年工作要点\n一、总体要求\n（一）截至2022年底前已建成的项目纳入管理。\n"
             "（二）对2022年前三季度的统计数据开展核查评估。\n")
    assert check_text(quiet, select="YR001") == []


def test_about_last_year_includes_closing_work_on_the_finished_year():
    ok = ("2024年工作要点\n一、总体要求\n（一）完成2023年度农村公路建设项目交工验收。\n"
          "（二）做好2023年度会计档案归档。\n（三）完成2023年度巡察反馈问题整改。\n"
          "（四）编制2023年度水资源质量报告书。\n")
    assert check_text(ok, select="YR001") == []
    # the work itself of last year's year is still stale
    stale = "2024年工作要点\n一、总体要求\n（一）全面完成2023年度农村公路建设任务，新建农村公路120公里。\n"
    assert codes_at(check_text(stale, select="YR001"), "YR001") == [3]


def test_an_excusing_word_counts_in_its_own_clause_only():
    # 完成 of the next clause does not make 十四五 retrospective in a 2026 plan
    hit = "2026年工作要点\n一、总体要求\n（一）加快推进“十四五”交通规划项目建设，全年完成投资80亿元。\n"
    assert codes_at(check_text(hit, select="YR002"), "YR002") == [3]
    quiet = "2026年工作要点\n一、总体要求\n（一）全面总结“十四五”交通规划实施成效，全年完成投资80亿元。\n"
    assert check_text(quiet, select="YR002") == []


def test_clearing_last_years_accounts_is_about_last_year():
    ok = "2025年工作要点\n一、资金管理\n（一）做好2024年度居家养老服务补贴资金清算。\n"
    assert check_text(ok, select="YR001") == []


def test_last_years_cases_are_about_last_year():
    ok = "2025年工作要点\n一、诚信建设\n（一）发布2024年度消费维权典型案例。\n"
    assert check_text(ok, select="YR001") == []
