"""Responsibility as real offices write it (issue 11 §2 and §6): roles inside a table cell, 会同, labels with
处室, bodies that are not offices, names carrying a second name in 〈〉 or （）. Each expectation is how a reader
assigns the work; the clause vocabulary lives in rules/clauses.yaml."""
from __future__ import annotations

import pytest

from drafter.parse.agencies import agencies_in_cell, split_agencies


def pairs(agencies):
    return [(a.name, a.role) for a in agencies]


CLAUSES = [
    # a bureau's own plan: internal sections alone
    ("加强公文办理。（责任单位：局办公室）", [("局办公室", "responsible")]),
    ("规范行政执法。（责任单位：局法规处、市执法总队）", [("局法规处", "responsible"), ("市执法总队", "responsible")]),
    ("加强信用监管。（牵头处室：信用监管处；配合处室：局登记注册处、局法规处）",
     [("信用监管处", "lead"), ("局登记注册处", "cooperate"), ("局法规处", "cooperate")]),
    ("落实帮扶任务。（责任科室：办公室、财务科）", [("办公室", "responsible"), ("财务科", "responsible")]),
    # bodies that are not offices
    ("推进数字化转型。（市数字经济工作专班牵头，各区县（市）人民政府配合）",
     [("市数字经济工作专班", "lead"), ("各区县（市）人民政府", "cooperate")]),
    ("做好防汛准备。（责任单位：市防汛抗旱指挥部、市应急管理局）",
     [("市防汛抗旱指挥部", "responsible"), ("市应急管理局", "responsible")]),
    ("优化营商环境。（市优化营商环境工作领导小组办公室牵头，各成员单位配合）",
     [("市优化营商环境工作领导小组办公室", "lead")]),
    ("开展创建工作。（责任单位：市创建全国文明城市工作组、市政务服务中心）",
     [("市创建全国文明城市工作组", "responsible"), ("市政务服务中心", "responsible")]),
    # names with a second name inside
    ("加强版权保护。（责任单位：市委宣传部〈市新闻出版局〉、市版权局）",
     [("市委宣传部〈市新闻出版局〉", "responsible"), ("市版权局", "responsible")]),
    ("建设保护中心。（责任单位：局知识产权处〈市知识产权保护中心〉）",
     [("局知识产权处〈市知识产权保护中心〉", "responsible")]),
    ("推进成果转化。（牵头单位：市科技局（市知识产权局）；责任单位：各区县（市）人民政府）",
     [("市科技局（市知识产权局）", "lead"), ("各区县（市）人民政府", "responsible")]),
    # roles marked inside the list, 会同, bare labels
    ("扩大消费。（市商务局（牵头）、市发展改革委）", [("市商务局", "lead"), ("市发展改革委", "responsible")]),
    ("推进职业培训。（责任单位：市教委、市人社局（牵头））", [("市教委", "responsible"), ("市人社局", "lead")]),
    ("优化公交线网。（市交通运输委会同有关部门）", [("市交通运输委", "lead")]),
    ("优化公交线网。（市交通运输委会同市公安交管局负责）",
     [("市交通运输委", "responsible"), ("市公安交管局", "cooperate")]),
    ("稳定外贸。（牵头：市商务局；配合：市财政局、市税务局）",
     [("市商务局", "lead"), ("市财政局", "cooperate"), ("市税务局", "cooperate")]),
]


@pytest.mark.parametrize("text,want", CLAUSES)
def test_clause(text, want):
    rest, got = split_agencies(text)
    assert pairs(got) == want
    assert "（" not in rest or "（" in text[:text.index("。")]


NOT_CLAUSES = [
    "推进《规划》实施（以下简称《规划》）。",
    "开展专项整治（2024—2026年）。",
    "支持企业参加重点展会（广交会、进博会）。",
    "推进中国（苏州）跨境电子商务综合试验区建设。",
    "完善预约诊疗（含互联网诊疗）服务。",
]


@pytest.mark.parametrize("text", NOT_CLAUSES)
def test_not_a_clause(text):
    assert split_agencies(text) == (text, [])


CELLS = [
    # (cell text, the column's role, agencies)
    ("市商务局（牵头）", "responsible", [("市商务局", "lead")]),
    ("市教委、市人社局（牵头）", "responsible", [("市教委", "responsible"), ("市人社局", "lead")]),
    ("市交通运输委会同有关部门", "responsible", [("市交通运输委", "lead")]),
    ("牵头：市公安交管局；配合：市交通运输委、各区人民政府", "responsible",
     [("市公安交管局", "lead"), ("市交通运输委", "cooperate"), ("各区人民政府", "cooperate")]),
    ("市住房城乡建设委牵头，市交通运输委、各区人民政府配合", "responsible",
     [("市住房城乡建设委", "lead"), ("市交通运输委", "cooperate"), ("各区人民政府", "cooperate")]),
    ("市交通运输委（牵头），市工业和信息化局、市财政局", "responsible",
     [("市交通运输委", "lead"), ("市工业和信息化局", "responsible"), ("市财政局", "responsible")]),
    ("医政处（牵头）、各县（市）区卫生健康委", "responsible",
     [("医政处", "lead"), ("各县（市）区卫生健康委", "responsible")]),
    ("市发展改革委 市财政局", "responsible", [("市发展改革委", "responsible"), ("市财政局", "responsible")]),
    ("市科技局、各区（县、市）政府", "cooperate", [("市科技局", "cooperate"), ("各区（县、市）政府", "cooperate")]),
    ("市财政局", "lead", [("市财政局", "lead")]),
    ("无", "responsible", []),
    ("", "responsible", []),
    ("—", "cooperate", []),
]


@pytest.mark.parametrize("text,role,want", CELLS)
def test_cell(text, role, want):
    assert pairs(agencies_in_cell(text, role)) == want
