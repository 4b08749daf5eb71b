"""Findings say exactly which characters they are about (span) and, where there is one right answer, what
`drafter fix` puts there (edits) — in the lines as read, even where the parser joined hard-wrapped lines."""
from __future__ import annotations

import json

import pytest

from drafter.api import load
from drafter.check.base import all_rules
from drafter.check.engine import run_checks
from drafter.check.rules.halfwidth import halfwidth_marks
from drafter.check.spans import text_of
from drafter.fix.plan import apply, plan

RULES = list(all_rules())
FIXABLE = [r for r in RULES if r.fixable]


def _check(tmp_path, text, name="plan.txt", **kw):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    res = load(str(p))
    return res, run_checks(res, **kw)


def test_the_fixable_rules_are_the_ones_with_one_right_answer():
    assert {r.code for r in FIXABLE} == {"NUM001", "NUM002", "NUM003", "AGY002", "AGY003", "YR001", "TXT003",
                                        "PUN002", "PUN003"}


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda r: r.code)
def test_fixable_rule_example_is_fixed_by_its_own_edits(tmp_path, rule):
    res, fs = _check(tmp_path, rule.example_hit)
    mine = [f for f in fs if f.rule == rule.code]
    assert mine and all(f.span is not None and f.edits for f in mine), mine
    p = plan(mine, res.lines)
    assert not p.dropped
    fixed = "\n".join(apply(res.lines, p.changes))
    _, after = _check(tmp_path, fixed, "fixed.txt")
    assert not [f for f in after if f.rule == rule.code], fixed


@pytest.mark.parametrize("rule", [r for r in RULES if not r.fixable], ids=lambda r: r.code)
def test_rules_fix_leaves_to_a_person_carry_no_edits(tmp_path, rule):
    _, fs = _check(tmp_path, rule.example_hit, **({"summary": None}))
    assert not [f for f in fs if f.rule == rule.code and f.edits]


def test_spans_cover_the_flagged_words(tmp_path):
    text = ("天津市知识产权局2024年工作要点\n一、总体要求\n"
            "（一）组织开展2023年度专利奖评审。（市知识产权居牵头）\n"
            "（三）加强商标专用权保护，会同市工商局开展整治。\n"
            "（四）修订《促进条 例》。\n")
    res, fs = _check(tmp_path, text)
    got = {f.rule: text_of(res.lines, f.span) for f in fs if f.span}
    assert got["YR001"] == "2023"
    assert got["AGY002"] == "市知识产权居"
    assert got["AGY003"] == "市工商局"
    assert got["NUM001"] == "（三）"
    assert got["TXT003"] == " "
    num = next(f for f in fs if f.rule == "NUM001")
    # the whole sequence is renumbered: （三）→（二） and （四）→（三）, each by its numeral only
    assert sorted((e.span.line, text_of(res.lines, e.span), e.text) for e in num.edits) == \
        [(4, "三", "二"), (5, "四", "三")]


def test_a_name_broken_across_hard_wrapped_lines(tmp_path):
    # the parser joins a line that stops mid-sentence with the next: 市工 / 商局 is one word
    text = ("2024年工作要点\n一、总体要求\n"
            "（一）加强商标专用权保护；会同市工\n"
            "商局开展专项整治行动。\n"
            "（二）加强知识产权宣传。\n")
    res, fs = _check(tmp_path, text)
    f = next(f for f in fs if f.rule == "AGY003")
    assert (f.span.line, f.span.end_line) == (3, 4)
    assert text_of(res.lines, f.span) == "市工商局"
    p = plan([f], res.lines)
    fixed = apply(res.lines, p.changes)
    assert len(fixed) == len(res.lines)  # the line break stays where it was; only the words change
    assert "".join(fixed[2:4]) == "（一）加强商标专用权保护；会同市市场监管局开展专项整治行动。"
    assert fixed[2].startswith("（一）加强商标专用权保护；会同市") and fixed[3].endswith("局开展专项整治行动。")


def test_run_in_item_label_is_found_in_its_line(tmp_path):
    # `2．` starts a run-in item after `增长2.5%。`: the span is the label, not the 2. inside the number
    text = ("2024年工作要点\n一、总体要求\n"
            "1.加强组织领导，增长2.5%。2．强化督促检查。\n"
            "3.抓好宣传引导。\n4.做好信息报送。\n")
    res, fs = _check(tmp_path, text)
    f = next(f for f in fs if f.rule == "NUM003")
    assert (f.span.line, text_of(res.lines, f.span)) == (3, "2．")
    assert res.lines[2][f.span.start - 1] == "。"
    assert apply(res.lines, plan([f], res.lines).changes)[2] == "1.加强组织领导，增长2.5%。2.强化督促检查。"


def test_cross_references_follow_the_renumbering(tmp_path):
    text = ("2024年工作要点\n一、总体要求\n"
            "（一）加强组织领导。\n"
            "（三）强化督促检查，按照本要点第（四）项要求报送。\n"
            "（四）抓好宣传引导。依据《专利法》第六十条第（四）项处理。\n")
    res, fs = _check(tmp_path, text)
    f = next(f for f in fs if f.rule == "NUM001")
    fixed = apply(res.lines, plan([f], res.lines).changes)
    assert fixed[3] == "（二）强化督促检查，按照本要点第（三）项要求报送。"
    assert fixed[4] == "（三）抓好宣传引导。依据《专利法》第六十条第（四）项处理。"  # a law's item: not ours


def test_item_references_by_number_follow_the_renumbering(tmp_path):
    """见第5条 / 按第4条 name this document's 1. items; a reference joined to one of ours (见第5条及第（五）项) is
    ours too; 《条例》第4条 and 第4条 with nothing before it are as likely a law's article and stay."""
    text = ("某市商务局2024年工作要点\n一、扩大消费\n"
            "（一）促进汽车消费。\n（二）发展夜间经济。\n（四）提振餐饮消费。\n（五）培育新型消费。\n"
            "二、稳定外贸\n"
            "1.支持企业开拓市场。\n2.优化外贸服务。按第4条要求建设平台，依照《条例》第4条和第5条执行。\n"
            "4.加快跨境电商发展。\n5.推进加工贸易转型。见第5条及第（五）项，第4条另行部署。\n")
    res, fs = _check(tmp_path, text)
    fixed = apply(res.lines, plan([f for f in fs if f.rule == "NUM001"], res.lines).changes)
    assert fixed[8] == "2.优化外贸服务。按第3条要求建设平台，依照《条例》第4条和第5条执行。"
    assert fixed[10] == "4.推进加工贸易转型。见第4条及第（四）项，第4条另行部署。"


def test_json_carries_span_and_edits(tmp_path):
    from drafter.report.jsonfmt import render_json
    _, fs = _check(tmp_path, FIXABLE[0].example_hit)
    d = json.loads(render_json(fs))["findings"]
    one = next(x for x in d if x["rule"] == FIXABLE[0].code)
    for key in ("source", "rule", "name", "severity", "line", "label", "path", "message", "excerpt", "suggestion"):
        assert key in one
    assert one["fixable"] is True and {"line", "start", "end"} <= set(one["span"])
    assert one["edits"] and "text" in one["edits"][0]


# ---- ASCII punctuation in Chinese text: what a proofreader changes, and what stays -----------------------

@pytest.mark.parametrize("before,after", [
    ("2020年,是收官之年", "2020年，是收官之年"),
    ("总体思路是:以习近平", "总体思路是：以习近平"),
    ("有机衔接, 做好统筹", "有机衔接，做好统筹"),
    ("(一) 加强组织领导;落实责任", "（一）加强组织领导；落实责任"),
    ('聚焦"科创西湖"建设', "聚焦“科创西湖”建设"),
    ("纲要(2021-2035年)", "纲要（2021-2035年）"),
    ("是否到位?请核实!", "是否到位？请核实！"),
    ("(市知识产权局牵头)", "（市知识产权局牵头）"),
])
def test_halfwidth_marks_made_fullwidth(before, after):
    out = before
    for s, e, r in reversed(halfwidth_marks(before)):
        out = out[:s] + r + out[e:]
    assert out == after


@pytest.mark.parametrize("text", [
    "全年投入1,000万元",              # a number
    "每日10:30前报送",                # a time
    "网址 http://www.example.gov.cn/a,b;c",
    "邮箱 ip@example.gov.cn",
    "通过ISO 9001, ISO 14001认证",   # English
    "   一、总体要求",                # indentation
    'He said "OK", then left.',
])
def test_halfwidth_marks_left_alone(text):
    assert halfwidth_marks(text) == []


def test_document_number_is_pun002s_not_pun003s():
    text = "落实(国办发(2024)5号)要求"
    marks = halfwidth_marks(text)
    assert [text[s:e] for s, e, _ in marks] == ["(", ")"]   # the outer brackets only


def test_renamed_agencies_merged_into_one_are_named_once(tmp_path):
    """A proofreader renames 市工商局、市质监局 (both merged into 市市场监管局 in 2018) to one 市市场监管局, not the
    same agency twice; an old name beside its own new one is deleted; names merged elsewhere stay two."""
    text = ("某市2024年知识产权重点工作任务分工\n一、加强知识产权保护\n"
            "（一）加强商标专用权保护。（市工商局、市质监局、市食品药品监管局负责）\n"
            "（二）加强知识产权行政执法。（市市场监管局、市工商局负责）\n"
            "（三）加强执法协作。会同市工商局和市质监局开展专项行动。（市知识产权局负责）\n"
            "（四）加强进出口环节保护。（市公安局、市工商局负责）\n")
    res, fs = _check(tmp_path, text)
    fixed = apply(res.lines, plan([f for f in fs if f.rule == "AGY003"], res.lines).changes)
    assert fixed[2:6] == ["（一）加强商标专用权保护。（市市场监管局负责）",
                         "（二）加强知识产权行政执法。（市市场监管局负责）",
                         "（三）加强执法协作。会同市市场监管局开展专项行动。（市知识产权局负责）",
                         "（四）加强进出口环节保护。（市公安局、市市场监管局负责）"]
    dup = next(f for f in fs if f.rule == "AGY003" and f.line == 3 and "删去" in (f.suggestion or ""))
    assert "市质监局" in dup.suggestion


def test_a_lone_ascii_point_among_full_width_points_is_made_like_the_others(tmp_path):
    """The document writes 1．2．3． (full-width points, which no rule changes) and one item 1.: made 1．, as
    the bench's injected slip found (it was listed, never fixed). Brackets stay fixed toward （一） only."""
    text = ("某省教育厅2024年工作要点\n一、加强党的建设\n（一）深入学习贯彻\n"
            "1.巩固拓展主题教育成果。\n2．加强高校思想政治工作。\n（二）全面从严治党\n"
            "1．压实主体责任。\n2．强化监督执纪。\n")
    res, fs = _check(tmp_path, text)
    f = next(f for f in fs if f.rule == "NUM003")
    assert f.line == 4 and f.edits
    assert apply(res.lines, plan([f], res.lines).changes)[3] == "1．巩固拓展主题教育成果。"
