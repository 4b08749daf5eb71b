"""TGT001–TGT002: hand-made cases, the rules' own examples, mutated seeds, the real TGT001 in seed 004,
silence on the other seeds; the rules data loader."""
from __future__ import annotations

import pytest

from conftest import SEED_FILES, seed_path
from check_util import check_text, codes_at
from drafter.check.base import REGISTRY, Context, all_rules
from drafter.check.data import canonical_metric, load_data
from drafter.model import Document, Node, ParseResult, Target
from drafter.parse import parse_source
from drafter.read import Block, Source

CODES = ("TGT001", "TGT002")


def parse_text(text: str, name: str = "t.txt") -> ParseResult:
    return parse_source(Source(path=name, blocks=[Block(t, i) for i, t in enumerate(text.split("\n"), 1)]))


def run(code: str, result: ParseResult, summary: Document | None = None, config: dict | None = None):
    list(all_rules())
    out = []
    for d in result.documents:
        if d.kind != "plan":
            continue
        s = summary if summary is not None else result.first("summary")
        c = Context(result=result, doc=d, summary=s, config=config or {}, data=load_data(config))
        out.extend(REGISTRY[code]().check(c) or ())
    return out


def plan_with(targets: list[Target], headline: list[Target] = ()) -> ParseResult:
    sec = Node(label="一、", number=1, title="目标", text="一、目标", line=3)
    for i, t in enumerate(targets):
        sec.children.append(Node(label=f"{i + 1}.", number=i + 1, title=t.text, text=f"{i + 1}.{t.text}",
                                 line=t.line, targets=[t]))
    doc = Document(kind="plan", title="2023年工作要点", year=2023, line=1, targets=list(headline), sections=[sec])
    return ParseResult(source="plan.txt", documents=[doc])


def summary_with(figures: list[Target]) -> Document:
    return Document(kind="summary", title="2022年工作总结", year=2022, line=1, targets=figures)


def T(metric, value, unit, op="=", kind="absolute", line=10, text=None):
    return Target(metric=metric, value=value, unit=unit, op=op, kind=kind, line=line,
                  text=text or f"{metric}{value}{unit}")


# --- the rules' own examples -------------------------------------------------------------

@pytest.mark.parametrize("code", CODES)
def test_examples(code):
    rule = REGISTRY[code] if code in REGISTRY else next(r for r in all_rules() if r.code == code)
    assert rule.__doc__ and "What it does" in rule.__doc__ and "检查什么" in rule.doc_zh
    summary = None
    if rule.example_context.get("summary"):
        summary = parse_text(rule.example_context["summary"], "summary.txt").first("summary")
        assert summary is not None and summary.all_targets()
    assert run(code, parse_text(rule.example_hit), summary=summary), code
    assert run(code, parse_text(rule.example_miss), summary=summary) == [], code


# --- TGT001 --------------------------------------------------------------------------------

def test_tgt001_target_below_figure_with_unit_normalised():
    res = plan_with([T("有效发明专利", 37000, "件", ">=", text="有效发明专利达到3.7万件", line=5)])
    s = summary_with([T("有效发明专利", 51162, "件", text="全市有效发明专利51162件", line=20)])
    got = run("TGT001", res, s)
    assert len(got) == 1
    f = got[0]
    assert "有效发明专利达到3.7万件" in f.message_zh and "全市有效发明专利51162件" in f.message_zh
    assert f.related and f.related[0]["excerpt"] == "全市有效发明专利51162件" and f.related[0]["line"] == 20
    assert f.line == 5


def test_tgt001_synonyms_match():
    res = plan_with([T("有效商标注册量", 46000, "件", ">=")])
    s = summary_with([T("有效注册商标", 399652, "件")])
    assert len(run("TGT001", res, s)) == 1


def test_tgt001_equal_counts_as_already_achieved():
    res = plan_with([T("线上线下培训", 63, "场次", ">=")])
    assert len(run("TGT001", res, summary_with([T("线上线下培训", 63, "场次")]))) == 1


@pytest.mark.parametrize("plan, fig", [
    (T("线上线下培训", 70, "场次", ">="), T("线上线下培训", 63, "场次")),          # higher: fine
    (T("线上线下培训", 60, "人次", ">="), T("线上线下培训", 63, "场次")),          # other unit
    (T("发明专利授权", 100, "件", ">="), T("有效发明专利", 51162, "件")),          # other metric
    (T("企业", 10, "家", ">="), T("企业", 86, "家")),                              # too vague to match
    (T("非正常专利申请比例", 5, "%", "<=", "share"), T("非正常专利申请比例", 8, "%", kind="share")),  # a ceiling
    (T("有效发明专利", 10, "%", ">=", "growth"), T("有效发明专利", 17.9, "%", kind="growth")),        # growth vs growth
])
def test_tgt001_quiet(plan, fig):
    assert run("TGT001", plan_with([plan]), summary_with([fig])) == []


def test_tgt001_no_summary_no_finding():
    assert run("TGT001", plan_with([T("有效发明专利", 1, "件", ">=")])) == []


def test_tgt001_growth_target_against_absolute_target():
    # base 20000; growth 20% → 24000; but the absolute target says 22000
    res = plan_with([T("专利转让许可次数", 22000, "次", ">=", line=5),
                     T("专利转让许可次数", 20, "%", ">=", "growth", line=6)])
    s = summary_with([T("专利转让许可次数", 20000, "次")])
    got = run("TGT001", res, s)
    assert len(got) == 1 and "24000" in got[0].message_en
    ok = plan_with([T("专利转让许可次数", 25000, "次", ">=", line=5),
                    T("专利转让许可次数", 20, "%", ">=", "growth", line=6)])
    assert run("TGT001", ok, s) == []


def test_tgt001_seed004_real_finding(seeds):
    res = seeds["004_593567f83f5aa74b.txt"]
    got = run("TGT001", res)
    assert len(got) == 1
    f = got[0]
    assert f.label == "(十八)"
    assert "全年组织线上线下培训不少于60场次" in f.message_zh and "线上线下培训63场次" in f.message_zh
    assert "线上线下培训63场次" in f.related[0]["excerpt"]
    assert f.related[0]["line"] and f.related[0]["line"] < f.line


def test_tgt001_seed004_raised_target_is_quiet():
    text = open(seed_path("004"), encoding="utf-8").read()
    assert "全年组织线上线下培训不少于60场次" in text
    res = parse_text(text.replace("全年组织线上线下培训不少于60场次", "全年组织线上线下培训不少于70场次"), "004-raised.txt")
    assert run("TGT001", res) == []


def test_tgt001_seed004_lowered_target_fires():
    text = open(seed_path("004"), encoding="utf-8").read()
    old = "专利展示、交易、开放许可数量达到1000件"
    assert old in text
    # the summary reports 完成开放许可专利试点56件 — unrelated; lower the training target further instead,
    # and add a lowered patent target the summary's 51162 件 already beats
    text = text.replace("全年组织线上线下培训不少于60场次", "全年组织线上线下培训不少于40场次").replace(
        "提升核心竞争力。扩大高质量专利创造试点工作规模", "提升核心竞争力。全市有效发明专利达到5万件。扩大高质量专利创造试点工作规模")
    res = parse_text(text, "004-lowered.txt")
    got = run("TGT001", res)
    msgs = " ".join(f.message_zh for f in got)
    assert len(got) == 2, msgs
    assert "40场次" in msgs and "5万件" in msgs and "51162件" in msgs


def test_tgt001_plan_000_against_summary_004(seeds):
    """A 2020 plan checked against the 2022 summary: every headline target is already beaten."""
    plan = seeds["000_01cc0d2ea3ed56dd.txt"]
    summary = seeds["004_593567f83f5aa74b.txt"].first("summary")
    got = run("TGT001", plan, summary)
    assert len(got) == 2  # 有效发明专利 3.7万 < 51162; 有效商标注册量 4.6万 < 399652 (synonym)
    assert all(f.related for f in got)


# --- TGT002 --------------------------------------------------------------------------------

def test_tgt002_two_values_for_one_metric():
    res = plan_with([T("有效商标注册量", 900000, "件", ">=", line=8)],
                    headline=[T("有效商标注册量", 1000000, "件", ">=", line=2)])
    got = run("TGT002", res)
    assert len(got) == 1 and got[0].line == 8 and got[0].related[0]["line"] == 2


def test_tgt002_synonyms_and_fillers():
    res = plan_with([T("全市有效注册商标", 900000, "件", ">=", line=8)],
                    headline=[T("有效商标注册量", 1000000, "件", ">=", line=2)])
    assert len(run("TGT002", res)) == 1


@pytest.mark.parametrize("a, b", [
    (T("有效商标注册量", 1000000, "件", ">="), T("有效商标注册量", 1000000, "件", ">")),   # same value
    (T("专利转让许可次数", 27000, "次", ">="), T("专利转让许可次数", 20, "%", ">=", "growth")),  # other kind
    (T("知识产权服务惠及企业", 10000, "家"), T("专利转化专项计划惠及企业", 100, "家")),    # other metric
    (T("高校", 10, "家", ">="), T("高校", 20, "家", ">=")),                                # too vague
])
def test_tgt002_quiet(a, b):
    assert run("TGT002", plan_with([b], headline=[a])) == []


def test_tgt002_mutated_seed002():
    text = open(seed_path("002"), encoding="utf-8").read()
    old = "质押融资额同比增长20%以上"
    assert old in text
    res = parse_text(text.replace(old, "知识产权质押融资超80亿元"), "002-mutated.txt")
    got = run("TGT002", res)
    assert len(got) == 1
    assert "80亿元" in got[0].message_zh and "100亿元" in got[0].message_zh


# --- clean seeds ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", SEED_FILES)
@pytest.mark.parametrize("code", CODES)
def test_quiet_on_clean_seeds(name, code, seeds):
    got = run(code, seeds[name])
    if code == "TGT001" and name.startswith("004"):
        assert len(got) == 1  # the real mistake: 60 场次 planned after 63 场次 done
    else:
        assert got == [], [f.message_zh for f in got]


# --- the data ------------------------------------------------------------------------------

def test_metric_synonyms():
    assert canonical_metric("万人发明专利拥有量") == canonical_metric("每万人口发明专利拥有量")
    assert canonical_metric("全市有效发明专利") == canonical_metric("发明专利有效量") == "有效发明专利"
    assert canonical_metric("有效注册商标") == canonical_metric("有效商标注册量")
    assert canonical_metric("质押融资额") == canonical_metric("知识产权质押融资")
    assert canonical_metric("有效发明专利") != canonical_metric("发明专利授权")


def test_data_extra_from_config_is_merged_and_cached():
    base = load_data()
    assert load_data() is base
    extra = load_data({"metrics": {"groups": [{"name": "版权登记", "aliases": ["作品登记量"], "unit": "件"}]},
                       "agencies": {"renames": [{"old": ["大数据中心"], "new": "数据局", "year": 2023}]}})
    assert extra is not base
    assert extra.canonical_metric("作品登记量") == "版权登记"
    assert extra.rename_for("市大数据中心", 2024).new == "市数据局"
    assert base.rename_for("市大数据中心", 2024) is None
    assert extra.canonical_metric("有效注册商标") == "有效注册商标"  # shipped groups kept


def test_renames_chain_and_years():
    d = load_data()
    assert d.rename_for("天津银监局", 2020).new == "天津银保监局"
    assert d.rename_for("天津银监局", 2024).new == "天津金融监管局"
    assert d.rename_for("市工商局", 2018) is None            # the transition year is not reported
    assert d.rename_for("市工商局", 2019).new == "市市场监管局"
    assert d.rename_for("市工商局", 2016, "天津市知识产权局").new == "市市场和质量监管委"
    assert d.rename_for("市科委", 2024) is None              # 北京、上海 keep 科委
    assert d.rename_for("市金融办", 2020).new == "市地方金融监管局"
    assert d.rename_for("市金融办", 2024) is None            # 金融办 again from 2024
    assert d.rename_for("国家工商总局", 2019).new == "国家市场监督管理总局"
    assert d.rename_for("市文化和旅游局", 2024) is None


# ---- issue 12: flow and stock read in the target's clause; verbs at a metric's end ---------------------------

def test_flow_and_stock_read_in_the_clause_before_a_quotation():
    # the parser's text of the first target starts after the quotation (服务事项12项); the clause says 新推出
    plan = ("2025年工作要点\n一、优化服务\n（一）深化改革。新推出“跨省通办”服务事项12项，"
            "累计推出“跨省通办”服务事项达到60项。\n")
    assert check_text(plan, select="TGT002") == []


def test_a_verb_at_the_end_of_the_metric_does_not_make_another_metric():
    plan = ("2025年工作要点\n主要目标：医保药品目录品种增加到3100种。\n一、完善保障\n"
            "（一）扩大目录。医保药品目录品种扩大到3200种。\n")
    fs = check_text(plan, select="TGT002")
    assert codes_at(fs, "TGT002") == [4], [(f.line, f.message_zh) for f in fs]


def test_a_figure_of_record_is_not_a_second_target():
    plan = ("2025年工作要点\n截至2024年底，全市公共充电桩总数达到1.2万个。主要目标：公共充电桩总数达到1.5万个。\n"
            "一、完善设施\n（一）建设充电设施。公共充电桩总数达到1.5万个。\n")
    assert check_text(plan, select="TGT002") == []


def test_a_short_name_said_again_is_the_metric_before_it():
    # 新增社区体育公园5个，公园总数达到40个: 公园 is the 社区体育公园 of the clause before
    plan = ("2025年工作要点\n主要目标：新增社区体育公园5个，公园总数达到40个。\n一、完善设施\n"
            "（一）建设体育公园。新增社区体育公园5个，公园总数达到42个。\n")
    fs = check_text(plan, select="TGT002")
    assert codes_at(fs, "TGT002") == [4], [(f.line, f.message_zh) for f in fs]


def test_partners_named_before_a_metric_do_not_make_another_metric():
    summary = "市商务局2024年工作总结\n一、市场监管\n全年会同市市场监管局、市公安局检查成品油经营企业560家次。\n"
    plan = "市商务局2025年工作要点\n一、市场监管\n（一）加强成品油监管。全年检查成品油经营企业500家次。\n"
    fs = check_text(plan, select="TGT001", summary=summary)
    assert codes_at(fs, "TGT001") == [3] and "560" in fs[0].message_zh, [(f.line, f.message_zh) for f in fs]


def test_a_metric_cut_to_a_word_is_read_again_from_its_clause():
    # the parser cuts 城镇新增就业 after 新增 (就业, too short to compare); its clause says what it counts
    summary = "市人社局2024年工作总结\n一、就业\n全年城镇新增就业3.2万人，零就业家庭动态清零。\n"
    plan = "市人社局2025年工作要点\n一、稳就业\n（一）落实就业优先政策。城镇新增就业3万人以上。\n"
    fs = check_text(plan, select="TGT001", summary=summary)
    assert codes_at(fs, "TGT001") == [3] and "3.2万人" in fs[0].message_zh, [(f.line, f.message_zh) for f in fs]


def test_as_of_this_years_end_is_a_target_not_a_record():
    plan = ("2025年工作要点\n主要目标：截至2025年底，公共充电桩总数达到1.5万个。\n一、完善设施\n"
            "（一）建设充电设施。公共充电桩总数达到1.6万个。\n")
    assert codes_at(check_text(plan, select="TGT002"), "TGT002") == [4]


def test_a_bare_word_metric_is_read_in_its_sentence():
    # 参训 and 惠及 say nothing alone; their sentences say what is counted
    summary = ("市人社局2024年工作总结\n一、培训\n组织农民工技能培训15期、参训1800人次。"
               "会同市卫健委开展职业健康体检，惠及3.6万人次。\n")
    plan = ("市人社局2025年工作要点\n一、培训\n（一）开展技能培训。组织农民工技能培训16期、参训1500人次以上。\n"
            "（二）开展体检。会同市卫生健康委开展职业健康体检，惠及3万人次。\n")
    fs = check_text(plan, select="TGT001", summary=summary)
    assert sorted(f.line for f in fs) == [3, 4], [(f.line, f.message_zh) for f in fs]
    assert "1800" in next(f for f in fs if f.line == 3).message_zh
