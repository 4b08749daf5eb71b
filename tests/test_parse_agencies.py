"""split_agencies: every responsibility clause form, seed 001's 69 items, and parentheses that are not clauses."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from drafter.parse.agencies import split_agencies

ROLE = {"牵头": "lead", "负责": "responsible"}
_ITEM = re.compile(r"^\(([一二三四五六七八九十]+)\)")


def seed001_items() -> list[tuple[str, str]]:
    """(label, joined text) of each item of seed 001, read straight from the file.

    The file is hard-wrapped (PDF extraction): an item runs until the next `(N)` label, a section heading
    `一、` or the 主题词 footer; its lines are joined without spaces, as the parser does.
    """
    lines = (SEEDS / "001_fd40c90dbaa4972a.txt").read_text(encoding="utf-8").splitlines()
    items: list[list[str]] = []
    cur = None
    for ln in lines:
        ln = ln.strip()
        m = _ITEM.match(ln)
        if m:
            cur = [m.group(0), ln]
            items.append(cur)
        elif re.match(r"^[一二三四五六七八九十]+、", ln) or ln.startswith("主题词"):
            cur = None
        elif cur is not None:
            cur[1] += ln
    return [(a, b) for a, b in items]


def expected_001(expected) -> list[dict]:
    doc = expected["001_fd40c90dbaa4972a.txt"]["documents"][0]
    return [it for s in doc["sections"] for it in s["items"]]


def test_seed001_all_69_items(expected):
    items = seed001_items()
    exp = expected_001(expected)
    assert len(items) == len(exp) == 69
    wrong = []
    for (label, text), e in zip(items, exp):
        assert label == e["label"]
        rest, agencies = split_agencies(text)
        names = [a.name for a in agencies]
        roles = {a.role for a in agencies}
        if names != e["agencies"] or roles != {ROLE[e["role"]]}:
            wrong.append((label, names, roles, e["agencies"], e["role"]))
        # the clause is cut out of the text, the sentence before it is kept
        assert rest.endswith("。"), (label, rest[-20:])
        assert e["title"].split("。")[0] in rest
    assert not wrong, wrong


def test_seed001_through_the_parser(expected, seeds):
    """The parser fills Node.agencies with the same lists."""
    doc = seeds["001_fd40c90dbaa4972a.txt"].documents[0]
    got = [(n.label, [a.name for a in n.agencies], {a.role for a in n.agencies}) for n in doc.items()]
    exp = [(e["label"], e["agencies"], {ROLE[e["role"]]}) for e in expected_001(expected)]
    assert got == exp


def names_roles(text):
    return [(a.name, a.role) for a in split_agencies(text)[1]]


@pytest.mark.parametrize("text, want", [
    ("加强保护。(市知识产权局牵头)", [("市知识产权局", "lead")]),
    ("加强保护。（市知识产权局牵头）", [("市知识产权局", "lead")]),
    ("加强保护。(市科委、市财政局负责)", [("市科委", "responsible"), ("市财政局", "responsible")]),
    ("加强保护。(滨海新区人民政府会同有关部门负责)", [("滨海新区人民政府", "responsible")]),
    ("加强保护。(牵头单位:市发改委;责任单位:各区人民政府)", [("市发改委", "lead"), ("各区人民政府", "responsible")]),
    ("加强保护。（牵头单位：市发改委；责任单位：各区人民政府）", [("市发改委", "lead"), ("各区人民政府", "responsible")]),
    ("加强保护。(责任单位:市知识产权局、市科技局按职责分工负责)",
     [("市知识产权局", "responsible"), ("市科技局", "responsible")]),
    ("加强保护。(市知识产权局牵头,市科技局、市财政局配合)",
     [("市知识产权局", "lead"), ("市科技局", "cooperate"), ("市财政局", "cooperate")]),
    ("加强保护。（市知识产权局牵头，市科技局参与）", [("市知识产权局", "lead"), ("市科技局", "cooperate")]),
    ("加强保护。(市工商局、市质监局牵头)", [("市工商局", "lead"), ("市质监局", "lead")]),
    ("加强保护。(责任单位:市发展改革委(牵头)、市财政局)",
     [("市发展改革委", "lead"), ("市财政局", "responsible")]),
    ("加强保护。(各县(市、区)人民政府负责)", [("各县(市、区)人民政府", "responsible")]),
    ("加强保护。(市教委和市科委负责)", [("市教委", "responsible"), ("市科委", "responsible")]),
    ("加强保护。(市残疾人联合会负责)", [("市残疾人联合会", "responsible")]),
    ("加强保护。(配合单位:市公安局)", [("市公安局", "cooperate")]),
    # a plain labelled clause at the end of a sentence
    ("加强保护。牵头单位：市发展改革委", [("市发展改革委", "lead")]),
    ("加强保护。牵头单位:市发展改革委;责任单位:各区人民政府。", [("市发展改革委", "lead"), ("各区人民政府", "responsible")]),
    # a generic name alone still shows that the item assigns someone
    ("加强保护。(有关部门负责)", [("有关部门", "responsible")]),
    # a misspelt name is still read (AGY002 reports it)
    ("加强保护。(市知识产权居、市财政局负责)", [("市知识产权居", "responsible"), ("市财政局", "responsible")]),
])
def test_clause_forms(text, want):
    assert names_roles(text) == want
    assert split_agencies(text)[0] == "加强保护。"


def test_several_clauses_one_per_sentence_strongest_role_kept():
    text = "完善政策。(市知识产权局牵头)加强执法。(市市场监管委负责,市知识产权局配合)开展宣传。(市委宣传部负责)"
    rest, ags = split_agencies(text)
    assert [(a.name, a.role) for a in ags] == [("市知识产权局", "lead"), ("市市场监管委", "responsible"),
                                                ("市委宣传部", "responsible")]
    assert rest == "完善政策。加强执法。开展宣传。"


@pytest.mark.parametrize("text", [
    "为推进《天津市知识产权战略纲要》(以下简称《纲要》)实施工作",
    "继续推进《深入实施天津市知识产权战略行动计划(2016—2020年)》",
    "增强产品(服务)市场竞争能力",
    "鼓励和支持企业围绕核心产品(技术)开展专利申请前分析",
    "世界知识产权组织(WIPO)技术与创新支持中心(TISC)",
    "提供中欧地理标志互认产品技术规范(中英文版)",
    "加强知识产权行政执法与(司法)保护衔接",
    "充分发挥中国(滨海新区)知识产权保护中心作用。",
    "全面落实“谁执法谁普法”(谁主管谁负责)的普法责任制",
    "建立由市知识产权局牵头、各部门参与的联席会议制度。",
    "(市科委、市财政局)",
    "和能人居科技(天津)集团股份有限公司等37家单位",
    "",
])
def test_not_clauses(text):
    rest, ags = split_agencies(text)
    assert ags == []
    assert rest == text


def test_text_kept_as_written_when_no_clause():
    t = "  (一)加强保护。  "
    assert split_agencies(t) == (t, [])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("()（）:：;；,，、。市局委牵头负责配合参与单位责任各区人民政府有关部门会同按职责分工 ab1")),
               max_size=80))
def test_property_never_raises_on_clause_like_text(text):
    rest, ags = split_agencies(text)
    assert isinstance(rest, str)
    for a in ags:
        assert a.name and a.role in ("lead", "responsible", "cooperate")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_property_never_raises_on_any_text(text):
    rest, ags = split_agencies(text)
    assert isinstance(rest, str) and len(rest) <= len(text)
