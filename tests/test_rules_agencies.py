"""AGY001–AGY003: hand-made cases, the rules' own examples, mutated seeds, and silence on the clean seeds."""
from __future__ import annotations

import pytest

from conftest import SEED_FILES, seed_path
from check_util import check_text, codes_at
from drafter.check.base import REGISTRY, Context, all_rules
from drafter.check.data import load_data
from drafter.model import Agency, Document, Node, ParseResult
from drafter.parse import parse_source
from drafter.read import Block, Source

CODES = ("AGY001", "AGY002", "AGY003")


def parse_text(text: str, name: str = "t.txt") -> ParseResult:
    lines = text.split("\n")
    return parse_source(Source(path=name, blocks=[Block(t, i) for i, t in enumerate(lines, 1)]))


def run(code: str, result: ParseResult, doc: Document | None = None, config: dict | None = None, **ctx):
    list(all_rules())
    docs = [doc] if doc is not None else [d for d in result.documents if d.kind != "summary"]
    out = []
    for d in docs:
        c = Context(result=result, doc=d, config=config or {}, data=load_data(config), **ctx)
        out.extend(REGISTRY[code]().check(c) or ())
    return out


def doc_of(kind: str, year: int, items: list[tuple[str, str, list[Agency]]], issuer: str = "天津市知识产权局") -> ParseResult:
    sec = Node(label="一、", number=1, title="加强保护", text="一、加强保护", line=2)
    for i, (label, text, ags) in enumerate(items):
        sec.children.append(Node(label=label, number=i + 1, title=text, text=label + text, line=3 + i, agencies=ags))
    doc = Document(kind=kind, title=f"{year}年知识产权工作要点", year=year, issuer=issuer, line=1, sections=[sec])
    return ParseResult(source="hand.txt", documents=[doc])


# --- the rules' own examples -------------------------------------------------------------

@pytest.mark.parametrize("code", CODES)
def test_examples(code):
    rule = REGISTRY[code] if code in REGISTRY else next(r for r in all_rules() if r.code == code)
    assert rule.__doc__ and "What it does" in rule.__doc__ and "检查什么" in rule.doc_zh
    hit = run(code, parse_text(rule.example_hit))
    assert hit, code
    assert run(code, parse_text(rule.example_miss)) == [], code


# --- AGY001 --------------------------------------------------------------------------------

def test_agy001_division_item_without_agency_is_an_error():
    res = doc_of("division", 2024, [("(一)", "甲。", [Agency("市知识产权局", "lead")]), ("(二)", "乙。", []),
                                    ("(三)", "丙。", [Agency("市财政局")])])
    got = run("AGY001", res)
    assert [(f.label, f.severity) for f in got] == [("(二)", "error")]


def test_agy001_plan_mostly_assigned_is_a_warning():
    items = [(f"{i}.", "做事。", [Agency("市知识产权局")]) for i in range(1, 5)] + [("5.", "做事。", [])]
    got = run("AGY001", doc_of("plan", 2024, items))
    assert [(f.label, f.severity) for f in got] == [("5.", "warning")]


def test_agy001_plan_rarely_assigned_is_quiet():
    items = [(f"{i}.", "做事。", []) for i in range(1, 5)] + [("5.", "做事。", [Agency("市知识产权局")])]
    assert run("AGY001", doc_of("plan", 2024, items)) == []


def test_agy001_heading_agency_covers_children():
    res = doc_of("division", 2024, [("(一)", "甲。", []), ("(二)", "乙。", [])])
    res.documents[0].sections[0].agencies = [Agency("市知识产权局", "lead")]
    assert run("AGY001", res) == []


def test_agy001_reads_the_text_when_the_parser_left_agencies_out():
    res = doc_of("division", 2024, [("(一)", "甲。(市知识产权局牵头)", []), ("(二)", "乙。", [])])
    assert [f.label for f in run("AGY001", res)] == ["(二)"]


def test_agy001_mutated_seed001_clause_dropped():
    text = open(seed_path("001"), encoding="utf-8").read()
    old = "区域科技创新能力和研发转化能力。(滨海新区人民政府牵头)"
    assert old in text
    res = parse_text(text.replace(old, "区域科技创新能力和研发转化能力。"), "001-mutated.txt")
    got = run("AGY001", res)
    assert [(f.label, f.severity) for f in got] == [("(四)", "error")]


# --- AGY002 --------------------------------------------------------------------------------

def test_agy002_misspelt_name_suggests_the_known_one():
    res = doc_of("division", 2024, [("(一)", "甲。", [Agency("市知识产权居", "lead")]),
                                    ("(二)", "乙。", [Agency("市财政局")])])
    got = run("AGY002", res)
    assert [(f.label, f.suggestion) for f in got] == [("(一)", "市知识产权局")]


def test_agy002_prefix_kept_in_the_suggestion():
    res = doc_of("division", 2024, [("(一)", "甲。", [Agency("河西区知识产权居", "lead")])])
    assert [f.suggestion for f in run("AGY002", res)] == ["河西区知识产权局"]


@pytest.mark.parametrize("name", ["市大数据发展局", "市体育局", "市侨办", "北辰区人民政府", "天津大学", "市档案馆管理处",
                                  "各县(市、区)人民政府", "中国(天津)知识产权保护中心", "市知识产权局"])
def test_agy002_silent_on_real_or_unmatched_names(name):
    res = doc_of("division", 2024, [("(一)", "甲。", [Agency(name, "lead")])])
    assert run("AGY002", res) == []


def test_agy002_documents_own_usage_counts():
    # a name the document uses twice is taken as meant, even when it is not in the list
    ags = [Agency("市知识产权服务中兴")]
    res = doc_of("division", 2024, [("(一)", "甲。", ags), ("(二)", "乙。", ags)])
    assert run("AGY002", res) == []


def test_agy002_office_list_from_config():
    res = doc_of("division", 2024, [("(一)", "甲。", [Agency("市知识产权局", "lead")]),
                                    ("(二)", "乙。", [Agency("市大数椐管理局", "lead")])])
    assert run("AGY002", res) == []
    cfg = {"agencies": {"known": [{"name": "市大数据管理局"}]}}
    got = run("AGY002", res, config=cfg)
    assert [f.suggestion for f in got] == ["市大数据管理局"]


def test_agy002_mutated_seed001():
    text = open(seed_path("001"), encoding="utf-8").read()
    old = "加强区域和国际知识产权交流合作。(市知识产\n权局牵头)"
    assert old in text
    res = parse_text(text.replace(old, "加强区域和国际知识产权交流合作。(市知识产\n权居牵头)"), "001-mutated.txt")
    got = run("AGY002", res)
    assert [(f.label, f.suggestion) for f in got] == [("(六十三)", "市知识产权局")]


# --- AGY003 --------------------------------------------------------------------------------

def test_agy003_old_name_in_a_2024_plan():
    res = doc_of("plan", 2024, [("(一)", "甲。", [Agency("市工商局")])], issuer="某市知识产权局")
    got = run("AGY003", res)
    assert [f.suggestion for f in got] == ["市市场监管局"]
    assert "2018" in got[0].message_zh


def test_agy003_tianjin_uses_its_own_names():
    res = doc_of("plan", 2024, [("(一)", "甲。", [Agency("市工商局")]), ("(二)", "乙。", [Agency("市科委")]),
                                ("(三)", "丙。", [Agency("天津银监局")])])
    got = run("AGY003", res)
    assert [f.suggestion for f in got] == ["市市场监管委", "市科技局", "天津金融监管局"]


@pytest.mark.parametrize("name, year", [("市工商局", 2010), ("市工商局", 2018), ("市科委", 2024),
                                        ("市金融办", 2024), ("市市场监管局", 2024), ("国家知识产权局", 2024),
                                        ("市文化和旅游局", 2024), ("天津海关", 2024)])
def test_agy003_silent(name, year):
    res = doc_of("plan", year, [("(一)", "甲。", [Agency(name)])], issuer="某市知识产权局")
    assert run("AGY003", res) == []


def test_agy003_running_text_of_a_plan():
    res = doc_of("plan", 2024, [("(一)", "配合市工商局等部门加强老字号保护。", []),
                                ("(二)", "原市工商局的档案移交。", [])], issuer="某市知识产权局")
    got = run("AGY003", res)
    assert [(f.label, f.suggestion) for f in got] == [("(一)", "市市场监管局")]


@pytest.mark.parametrize("year", [2023, 2024])
def test_agy003_mutated_seed004_plan(year):
    text = open(seed_path("004"), encoding="utf-8").read()
    assert "配合市商务局等部门" in text
    text = text.replace("配合市商务局等部门", "配合市工商局等部门").replace(
        "市知识产权局2023年工作要点\n", f"市知识产权局{year}年工作要点\n")
    res = parse_text(text, "004-mutated.txt")
    plan = res.first("plan")
    assert plan.year == year
    got = run("AGY003", res, doc=plan)
    assert [(f.label, f.suggestion) for f in got] == [("(十七)", "市市场监管委")]


def test_agy003_seed001_2010_is_silent_on_its_old_names(seeds):
    doc = seeds["001_fd40c90dbaa4972a.txt"].documents[0]
    names = {a.name for n in doc.walk() for a in n.agencies}
    assert {"市工商局", "市质监局", "天津检验检疫局", "市法制办"} <= names
    assert run("AGY003", seeds["001_fd40c90dbaa4972a.txt"]) == []
    # the same division dated 2020 would be out of date
    doc2 = Document(**{**doc.__dict__, "year": 2020})
    got = run("AGY003", seeds["001_fd40c90dbaa4972a.txt"], doc=doc2)
    assert {f.suggestion for f in got} >= {"市市场监管委", "天津海关", "市司法局"}


# --- clean seeds ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", SEED_FILES)
@pytest.mark.parametrize("code", CODES)
def test_silent_on_clean_seeds(name, code, seeds):
    assert run(code, seeds[name]) == []


# ---- issue 12: the closing 保障措施 / 督导落实 part needs no agency; an earlier 组织领导 section still does ----------

def test_items_of_the_closing_implementation_part_need_no_agency():
    plan = ("2025年工作要点\n一、推进养老服务\n（一）建设街道养老服务中心。（市民政局牵头）\n"
            "（二）发展老年助餐服务。（市民政局、市商务局负责）\n（三）培训养老护理员。（市人力资源社会保障局负责）\n"
            "四、强化保障措施\n（一）加强督促检查。各单位每季度报送进展情况。\n（二）强化经费保障。统筹安排专项资金。\n"
            "五、抓好督导落实\n局办公室牵头对要点落实情况开展督查，年底通报。\n")
    assert check_text(plan, select="AGY001") == []
    early = ("2025年工作要点\n一、加强组织领导\n（一）健全议事协调机制。\n二、推进养老服务\n"
             "（二）建设街道养老服务中心。（市民政局牵头）\n（三）发展老年助餐服务。（市民政局、市商务局负责）\n"
             "（四）培训养老护理员。（市人力资源社会保障局负责）\n")
    assert codes_at(check_text(early, select="AGY001"), "AGY001") == [3]


# ---- issue 12: AGY002 suggests a current name; a homophone slip first ------------------------------------------

def test_agy002_never_suggests_a_name_a_reform_replaced():
    # 市卫建委 is one character from 市住建委, 市卫健委 and the pre-2018 市卫计委: the 2024 suggestion is current,
    # and 建 typed for its homophone 健 comes first
    text = ("市医保局2024年工作总结\n一、基金监管\n今年以来，联合市卫建委开展定点医药机构专项检查，追回基金560万元。\n"
            "二、经办服务\n全年完成经办人员培训3200人次。\n")
    fs = [f for f in check_text(text, select="AGY002") if "市卫建委" in f.message_zh]
    assert len(fs) == 1 and fs[0].suggestion == "市卫健委", [(f.message_zh, f.suggestion) for f in fs]
    assert "卫计委" not in fs[0].message_zh


def test_a_real_institution_close_only_to_abolished_names_is_left_alone():
    # 市文化馆 is one character from 市文化局 (2018: 文化和旅游局) and 文化部 (2018): no current name is near
    div = ("2025年文化和旅游重点工作任务分工\n一、公共文化\n1.举办群众文化展演。（市文化馆负责）\n"
           "2.建设城市书房。（市文化和旅游局牵头）\n3.开展文物普查。（市文物局负责）\n")
    assert check_text(div, select="AGY002") == []


def test_a_sub_branch_of_the_financial_regulator_stays_a_sub_branch():
    d = load_data()
    assert d.rename_for("江州银保监分局", 2025).new == "江州金融监管分局"
    assert d.rename_for("江州银保监局", 2025).new == "江州金融监管局"


def test_district_health_bureau_and_a_street_offices_law_enforcement_team_are_real():
    plan = ("滨江街道2025年工作要点\n一、城市管理\n（一）加强市容整治。联合区城市管理局、区卫生健康局开展病媒生物防制。"
            "（城市管理办牵头，综合行政执法队配合）\n（二）推进垃圾分类。（城市管理办负责）\n（三）整治背街小巷。（城市管理办负责）\n")
    assert check_text(plan, select="AGY002") == []
    slip = plan.replace("区卫生健康局开展", "区卫生建康局开展")
    fs = check_text(slip, select="AGY002")
    assert [f.suggestion for f in fs] == ["区卫生健康局"], [(f.line, f.message_zh) for f in fs]


def test_another_ending_is_another_kind_of_body_not_a_slip():
    div = ("2025年宣传文化重点工作任务分工\n一、宣传报道\n1.做好主题宣传。（市广播电视台负责）\n"
           "2.办好群众文化活动。（市群众艺术馆负责）\n3.加强广播电视监管。（市广播电视局负责）\n")
    assert check_text(div, select="AGY002") == []
    slip = div.replace("（市广播电视局负责）", "（市广播电视据负责）")
    assert [f.suggestion for f in check_text(slip, select="AGY002")] == ["市广播电视局"]
