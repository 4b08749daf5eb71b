"""extract_targets: headline targets of seeds 000/002, every figure of the 004 summary, normalisation, non-targets."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from drafter.parse.targets import extract_targets


def seed_text(prefix: str) -> str:
    path = next(SEEDS.glob(prefix + "_*.txt"))
    return path.read_text(encoding="utf-8")


def from_paragraphs(text: str):
    out = []
    for n, para in enumerate(text.splitlines(), 1):
        out.extend(extract_targets(para.strip(), n))
    return out


def find(targets, metric, kind="absolute"):
    return [t for t in targets if t.metric == metric and t.kind == kind]


@pytest.mark.parametrize("name", ["000_01cc0d2ea3ed56dd.txt", "002_cdefa7ed7b315920.txt"])
def test_headline_targets_from_the_file(name, expected):
    targets = from_paragraphs(seed_text(name[:3]))
    for e in expected[name]["documents"][0]["headline_targets"]:
        got = find(targets, e["metric"], "share" if e["unit"] == "%" else "absolute")
        assert got, (e, [(t.metric, t.value) for t in targets])
        assert got[0].value == e["value"] and got[0].unit == e["unit"], (e, got[0])
        assert got[0].op in (">=", ">")


@pytest.mark.parametrize("name", ["000_01cc0d2ea3ed56dd.txt", "002_cdefa7ed7b315920.txt"])
def test_headline_targets_through_the_parser(name, expected, seeds):
    doc = seeds[name].documents[0]
    got = {(t.metric, t.value, t.unit) for t in doc.all_targets()}
    for e in expected[name]["documents"][0]["headline_targets"]:
        assert (e["metric"], e["value"], e["unit"]) in got


def test_summary_figures_004_all_of_them(expected):
    docs = expected["004_593567f83f5aa74b.txt"]["documents"]
    figures = next(d for d in docs if d["kind"] == "summary")["figures"]
    assert len(figures) == 6
    text = seed_text("004")
    summary_text = text[: text.index("市知识产权局2023年工作要点\n")]
    targets = from_paragraphs(summary_text)
    for f in figures:
        got = find(targets, f["metric"])
        assert got, f
        assert got[0].value == f["value"] and got[0].unit == f["unit"], (f, got[0])
        if "growth_pct" in f:
            g = find(targets, f["metric"], "growth")
            assert g and g[0].value == f["growth_pct"] and g[0].unit == "%", f


def test_summary_figures_through_the_parser(expected, seeds):
    res = seeds["004_593567f83f5aa74b.txt"]
    summary = res.first("summary")
    got = {(t.metric, t.value, t.unit, t.kind) for t in summary.all_targets()}
    figures = next(d for d in expected["004_593567f83f5aa74b.txt"]["documents"] if d["kind"] == "summary")["figures"]
    for f in figures:
        assert (f["metric"], f["value"], f["unit"], "absolute") in got, f
        if "growth_pct" in f:
            assert (f["metric"], f["growth_pct"], "%", "growth") in got, f


def one(text):
    got = extract_targets(text, 7)
    assert len(got) == 1, got
    assert got[0].line == 7
    return got[0]


@pytest.mark.parametrize("text, metric, value, unit, op, kind", [
    ("全市每万人口发明专利拥有量达到23件", "每万人口发明专利拥有量", 23, "件", ">=", "absolute"),
    ("有效发明专利达到3.7万件", "有效发明专利", 37000, "件", ">=", "absolute"),
    ("知识产权质押融资超100亿元", "知识产权质押融资", 10_000_000_000, "元", ">", "absolute"),
    ("有效商标注册量突破100万件", "有效商标注册量", 1_000_000, "件", ">=", "absolute"),
    ("为全市企业减缴专利费用1.5亿元", "专利费用", 150_000_000, "元", "=", "absolute"),
    ("代办处受理专利新申请8.9万件", "专利新申请", 89000, "件", "=", "absolute"),
    ("对接服务市场主体不少于千家", "市场主体", 1000, "家", ">=", "absolute"),
    ("专利侵权纠纷行政裁决案件结案率超90%", "专利侵权纠纷行政裁决案件结案率", 90, "%", ">", "share"),
    ("专利转让许可次数达27000次", "专利转让许可次数", 27000, "次", ">=", "absolute"),
    ("商标权质押金额0.87亿元", "商标权质押金额", 87_000_000, "元", "=", "absolute"),
    ("专利转让许可次数增长20%以上", "专利转让许可次数", 20, "%", ">=", "growth"),
    ("质押融资额同比增长20%以上", "质押融资额", 20, "%", ">=", "growth"),
    ("发明专利申请量同比下降3.5%", "发明专利申请量", -3.5, "%", "=", "growth"),
    ("专利代理机构电子申请率提高2个百分点", "专利代理机构电子申请率", 2, "个百分点", "=", "growth"),
    ("全年组织线上线下培训不少于60场次", "线上线下培训", 60, "场次", ">=", "absolute"),
    ("局系统共组织各类线上线下培训63场次", "线上线下培训", 63, "场次", "=", "absolute"),
    ("快速调解各类知识产权纠纷960多件", "知识产权纠纷", 960, "件", ">", "absolute"),
    ("专利转化项目约50项", "专利转化项目", 50, "项", "~", "absolute"),
    ("培育优势企业100家左右", "优势企业", 100, "家", "~", "absolute"),
    ("非正常专利申请比例控制在5%以内", "非正常专利申请比例", 5, "%", "<=", "share"),
    ("知识产权服务惠及10000家企业", "知识产权服务惠及企业", 10000, "家", "=", "absolute"),
    ("评选出100项青少年小发明项目给予表扬", "青少年小发明项目", 100, "项", "=", "absolute"),
    ("有效发明专利达到1,200件", "有效发明专利", 1200, "件", ">=", "absolute"),
    ("实现市级人民调解组织覆盖率90%以上", "市级人民调解组织覆盖率", 90, "%", ">=", "share"),
    ("我市非正常专利申请完成率为91.2%", "非正常专利申请完成率", 91.2, "%", "=", "share"),
    ("力争专利授权量比上年增长10%", "专利授权量", 10, "%", ">=", "growth"),
    ("有效发明专利达到3.7 万件", "有效发明专利", 37000, "件", ">=", "absolute"),
])
def test_normalisation(text, metric, value, unit, op, kind):
    t = one(text)
    assert (t.metric, t.value, t.unit, t.op, t.kind) == (metric, value, unit, op, kind)
    assert t.text and t.text in text


def test_growth_inherits_the_metric_of_its_sentence():
    got = extract_targets("全年发明专利授权11745件,同比增长59.2%。", 1)
    assert [(t.metric, t.value, t.unit, t.kind) for t in got] == [
        ("发明专利授权", 11745, "件", "absolute"), ("发明专利授权", 59.2, "%", "growth")]


def test_list_of_targets_split_at_the_number():
    got = extract_targets("有效发明专利达到3.7万件、有效商标注册量达到4.6万件")
    assert [(t.metric, t.value) for t in got] == [("有效发明专利", 37000), ("有效商标注册量", 46000)]
    got = extract_targets("专利展示、交易、开放许可数量达到1000件")
    assert [(t.metric, t.value) for t in got] == [("专利展示、交易、开放许可数量", 1000)]
    got = extract_targets("共评选出14个先进集体、20名先进工作者")
    assert [(t.metric, t.value, t.unit) for t in got] == [("先进集体", 14, "个"), ("先进工作者", 20, "名")]


@pytest.mark.parametrize("text", [
    "截止2022年12月底,全市",
    "经5月24日市委常委会审议通过",
    "康希诺生物股份公司的项目获得第二十三届中国专利奖金奖",
    "《天津要情参阅》(第39期)“特别推荐”栏目",
    "津知发〔2023〕12号",
    "联系电话:022-23456789",
    "研究起草《天津市知识产权强市建设纲要(2021-2035年)》",
    "山东省知识产权强省战略纲要(2021—2035 年)",
    "4.26知识产权宣传周",
    "围绕我市“1+3+4”产业集群",
    "围绕我市“12条重点产业链”",
    "形成8.2GB的佐证材料",
    "我市得分96.2,跻身全国优秀行列",
    "2023年全市知识产权工作坚持以习近平新时代中国特色社会主义思想为指导",
    "深度融入我市“十项行动”",
    "党的二十大精神",
    "建党 100 周年",
    "10-20家",
    "",
])
def test_not_targets(text):
    assert extract_targets(text) == []


def test_unquoted_count_is_a_quantity():
    """Decision: an unquoted count of things is extracted, with the counted noun as its metric."""
    got = extract_targets("对10个重点产业链开展专利导航服务")
    assert [(t.metric, t.value, t.unit) for t in got] == [("重点产业链", 10, "个")]


def test_every_seed_paragraph_gives_finite_values():
    for p in SEEDS.glob("0*.txt"):
        text = p.read_text(encoding="utf-8")
        for t in from_paragraphs(text):
            assert math.isfinite(t.value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,，、。万亿千百十一两件元%％个百分点次家场以上左右约超达到不少于增长同比第年月日-—“”《》()全市有效发明专利")),
               max_size=80))
def test_property_number_soup(text):
    for t in extract_targets(text, 1):
        assert math.isfinite(t.value)
        assert t.metric
        assert t.op in (">=", ">", "<=", "<", "~", "=") and t.kind in ("absolute", "growth", "share")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_property_any_text(text):
    for t in extract_targets(text):
        assert math.isfinite(t.value)


def test_huge_numbers_stay_finite():
    assert all(math.isfinite(t.value) for t in extract_targets("达到" + "9" * 400 + "亿元"))


@pytest.mark.parametrize("text,want", [
    ("企业开办时间压缩至1个工作日以内。", ("企业开办时间", 1, "个工作日", "<=")),
    ("项目审批时间压缩至15个工作日以内", ("项目审批时间", 15, "个工作日", "<=")),
    ("PM2.5平均浓度控制在35微克/立方米以下", ("PM2.5平均浓度", 35, "微克/立方米", "<=")),
    ("优良天数不少于300天", ("优良天数", 300, "天", ">=")),
])
def test_time_limits_and_physical_units(text, want):
    got = [(t.metric, t.value, t.unit, t.op) for t in extract_targets(text, 1)]
    assert want in got, got
