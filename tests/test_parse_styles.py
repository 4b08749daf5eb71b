"""Documents in layouts the parser was never tuned on (tests/fixtures/styles/ and .docx built here).

Each expectation is what a person reading the document sees: its sections, items, lead sentences
and agencies — written before the parser was run on it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from docxbuild import abstract_num, build_docx, cell, lvl, num, numbering, para, style, table
from drafter.api import load

FIX = Path(__file__).parent / "fixtures" / "styles"


def labels(nodes):
    return [n.label for n in nodes]


def shape(doc):
    """Labels as a nested list: [(label, [(label, [...]), ...]), ...]."""
    def walk(n):
        return (n.label, [walk(c) for c in n.children])
    return [walk(s) for s in doc.sections]


def agencies(node):
    return [(a.name, a.role) for a in node.agencies]


def only(path):
    r = load(str(path))
    assert len(r.documents) == 1, [d.title for d in r.documents]
    return r.documents[0]


# --- text ---------------------------------------------------------------------------------------

def test_parts_then_paren_then_arabic():
    """第一部分/第二部分 at the top, （一） below, 1． below that — no 一、 anywhere."""
    d = only(FIX / "part_paren_arabic.txt")
    assert (d.kind, d.year, d.title, d.issuer, d.date) == \
        ("plan", 2024, "广州市科学技术局2024年工作要点", "广州市科学技术局", "2024年2月26日")
    assert labels(d.sections) == ["第一部分", "第二部分", "第三部分"]
    assert [s.number for s in d.sections] == [1, 2, 3]
    assert [s.title for s in d.sections] == ["总体要求", "重点任务", "保障措施"]
    assert shape(d)[1] == ("第二部分", [("（一）", [("1．", []), ("2．", [])]),
                                      ("（二）", [("1．", []), ("2．", []), ("3．", [])])])
    assert labels(d.sections[0].children) == ["（一）", "（二）"]
    assert d.sections[0].children[1].title == "主要目标。"
    first = d.sections[1].children[0].children[0]
    assert first.title == "推进广州实验室建设，争取国家重大科技基础设施落地。"
    assert agencies(first) == [("市科技局", "lead"), ("市发展改革委", "cooperate")]
    assert len(d.items()) == 9
    assert d.numbering == "restart"


def test_paren_cn_as_top_level():
    """（一） is the top level, 1. below it (a district office's short plan)."""
    d = only(FIX / "paren_top.txt")
    assert (d.kind, d.year, d.issuer) == ("plan", 2024, "北京市朝阳区民政局")
    assert labels(d.sections) == ["（一）", "（二）", "（三）"]
    assert [labels(s.children) for s in d.sections] == [["1.", "2."], ["1.", "2.", "3."], ["1.", "2."]]
    assert d.sections[1].title == "提升养老服务水平"
    assert d.sections[0].children[0].title == "完善分层分类社会救助体系，全年发放低保金不少于1.2亿元。"
    assert d.preamble.startswith("2024年，区民政局")


def test_cn_arabic_paren_arabic():
    """一、 → 1. (running on 1–6 across sections) → （1） lines under some items."""
    d = only(FIX / "cn_arabic_paren.txt")
    assert labels(d.sections) == ["一、", "二、", "三、"]
    assert shape(d) == [
        ("一、", [("1.", [("（1）", []), ("（2）", [])]), ("2.", [])]),
        ("二、", [("3.", []), ("4.", [("（1）", []), ("（2）", []), ("（3）", [])])]),
        ("三、", [("5.", []), ("6.", [])]),
    ]
    one = d.sections[0].children[0]
    assert one.title == "持续改善空气质量。"
    assert one.children[0].title == "推进钢铁、水泥行业超低排放改造。"
    assert d.numbering == "continuous"


def test_dun_and_paren_dun_items(tmp_path):
    """`1、` items and `（1）、` sub-items (wrong by GB/T 15834, common in practice), in UTF-8 with a BOM."""
    p = tmp_path / "plan.txt"
    p.write_bytes(b"\xef\xbb\xbf" + (FIX / "dun_items.txt").read_bytes())
    d = only(p)
    assert (d.kind, d.title, d.year) == ("plan", "西宁市农业农村局2024年工作计划", 2024)
    assert shape(d) == [
        ("一、", [("1、", []), ("2、", [("（1）、", []), ("（2）、", [])])]),
        ("二、", [("1、", []), ("2、", [])]),
        ("三、", [("1、", []), ("2、", [])]),
    ]
    sub = d.sections[0].children[1].children[0]
    assert (sub.number, sub.title) == (1, "新建设施蔬菜基地2000亩；")


def test_fullwidth_digits(tmp_path):
    """１．/（１） with full-width digits everywhere, in UTF-16 with a BOM."""
    p = tmp_path / "plan.txt"
    p.write_bytes(b"\xff\xfe" + (FIX / "fullwidth_digits.txt").read_text(encoding="utf-8").encode("utf-16-le"))
    d = only(p)
    assert (d.title, d.year, d.issuer) == ("合肥市市场监督管理局２０２４年工作要点", 2024, "合肥市市场监督管理局")
    assert shape(d) == [
        ("一、", [("１．", []), ("２．", [])]),
        ("二、", [("３．", [("（１）", []), ("（２）", [])]), ("４．", [])]),
        ("三、", [("５．", [])]),
    ]
    assert [n.number for n in d.sections[1].children] == [3, 4]


def test_summary_with_run_in_shi_points():
    """一是…二是…三是… inside one paragraph: the same points a reader sees when each has its own line.

    A paragraph that begins with 一是 (or is plain text under a heading) is a list of 是-points and is cut
    before each next one (after 。；or ，); a paragraph that begins with a numbered marker (（一）提升…。一是…)
    keeps its points as its own text — they are that item's content, and its agency clause covers all.
    """
    d = only(FIX / "summary_runin_shi.txt")
    assert (d.kind, d.year, d.issuer) == ("summary", 2023, "济南市知识产权局")
    assert labels(d.sections) == ["一、", "二、", "三、", "四、"]
    assert [labels(s.children) for s in d.sections] == \
        [["一是", "二是", "三是"], ["一是", "二是", "三是"], ["一是", "二是"], ["一是", "二是", "三是"]]
    one = d.sections[0].children
    assert one[1].title == "商标品牌建设持续推进，新增地理标志商标5件。"
    assert one[2].text == "三是版权登记量快速增长，全年作品登记量突破3万件。"
    assert d.sections[1].children[0].text.endswith("办理专利侵权纠纷案件320件；")
    assert "质押融资45亿元" in d.sections[2].text  # the lead sentence stays with its heading
    assert d.sections[3].children[2].text == "三是基层知识产权工作力量薄弱。"
    assert any(t.value == 6500 for t in d.targets)


def test_pdf_with_running_headers_and_page_marks():
    """Hard wraps at 34 characters; every page break prints `- N -`, the 版头 and the running title mid-item."""
    d = only(FIX / "pdf_running_headers.txt")
    assert (d.kind, d.year, d.title) == ("plan", 2024, "南宁市2024年优化营商环境工作要点")
    assert (d.issuer, d.date) == ("南宁市人民政府办公室", "2024年3月8日")
    assert labels(d.sections) == ["一、", "二、", "三、", "四、"]
    assert [len(s.children) for s in d.sections] == [3, 2, 3, 2]
    split = d.sections[0].children[2]
    assert split.text == ("（三）优化工程建设项目审批。推行“拿地即开工”“竣工即投产”审批模式，社会投资简易低风险项目"
                          "审批时间压缩至15个工作日以内。（市住房城乡建设局牵头）")
    assert agencies(split) == [("市住房城乡建设局", "lead")]
    assert d.sections[2].children[2].text.endswith("推进水电气网联合报装。（市发展改革委牵头，南宁供电局配合）")
    for n in d.walk():
        assert "文件" not in n.text and "- " not in n.text and "—" not in n.text, n.text
        assert "\n" not in n.text, n.text  # every item is one paragraph again
    assert d.preamble == "为持续打造市场化法治化国际化一流营商环境，激发各类经营主体活力，结合我市实际，制定本工作要点。全年新增经营主体不少于12万户。"


def test_notice_carrying_a_plan():
    """通知 + 主送 + 附件：… + 落款, then 附件 / the plan's title / the plan, then 抄送 and the 印发 line."""
    r = load(str(FIX / "notice_attachment.txt"))
    (d,) = r.documents
    assert (d.kind, d.title, d.year) == ("plan", "长沙市2024年知识产权工作要点", 2024)
    assert (d.issuer, d.date) == ("长沙市人民政府办公厅", "2024年3月1日")
    assert shape(d) == [("一、", [("（一）", []), ("（二）", [])]), ("二、", [("（一）", []), ("（二）", [])]),
                        ("三、", [("（一）", [])])]
    assert d.preamble.startswith("为深入实施知识产权强国建设纲要")
    last = d.sections[2].children[0]
    assert last.text.endswith("（市地方金融监管局牵头，市市场监管局配合）")
    assert agencies(d.sections[1].children[0]) == \
        [("市市场监管局", "lead"), ("市中级人民法院", "cooperate"), ("市公安局", "cooperate")]


def test_notice_footer_without_cc(tmp_path):
    """The 印发 line ends the body even when no 抄送 line comes before it."""
    text = (FIX / "notice_attachment.txt").read_text(encoding="utf-8").replace(
        "抄送：市委各部门，市人大常委会办公厅，市政协办公厅。\n", "")
    p = tmp_path / "n.txt"
    p.write_text(text, encoding="utf-8")
    (d,) = load(str(p)).documents
    assert d.sections[2].children[0].text.endswith("配合）")


def test_gbk_crlf_title_over_two_lines():
    """GBK, CRLF, and the title broken before its last words: `…2024年知识产权` / `工作要点`."""
    d = only(FIX / "gbk_crlf_split_title.txt")
    assert d.title == "石家庄市市场监督管理局2024年知识产权工作要点"
    assert (d.kind, d.year, d.issuer, d.date) == ("plan", 2024, "石家庄市市场监督管理局", "2024年2月20日")
    assert d.line == 1
    assert [len(s.children) for s in d.sections] == [2, 3, 2]
    assert d.preamble.startswith("2024年全市知识产权工作")


# --- Word files ---------------------------------------------------------------------------------

BODY = "BodyText"


def _heading_body(h1: str, h2: str) -> list[str]:
    return [
        para("苏州市商务局2024年工作要点", style="Title"),
        para("2024年，全市商务工作坚持稳中求进，外贸进出口总额达到2.6万亿元。", style=BODY),
        para("稳住外贸基本盘", style=h1),
        para("拓展国际市场", style=h2),
        para("组织企业参加境外展会200场次以上。", style=BODY),
        para("支持企业建设海外仓，新增公共海外仓5个。", style=BODY),
        para("培育外贸新业态", style=h2),
        para("跨境电商进出口额增长15%。", style=BODY),
        para("提振消费市场", style=h1),
        para("开展促消费活动", style=h2),
        para("全年举办促消费活动100场以上。（市商务局牵头，各区商务主管部门负责）", style=BODY),
        para("苏州市商务局"), para("2024年1月26日"),
    ]


def test_docx_heading_styles_with_linked_numbering(tmp_path):
    """标题 1/标题 2 (style ids 1 and 2, as Chinese Word names them) numbered through the styles."""
    nb = numbering(abstract_num(20, lvl(0, "chineseCounting", "%1、", suff="nothing", pstyle="1"),
                                lvl(1, "chineseCounting", "（%2）", suff="nothing", pstyle="2")), num(1, 20))
    styles = [style("1", "heading 1", num_id=1, outline=0), style("2", "heading 2", based_on="1", num_id=1, ilvl=1,
                                                                    outline=1)]
    path = build_docx(tmp_path / "h.docx", _heading_body("1", "2"), numbering=nb, styles=styles)
    d = only(path)
    assert (d.kind, d.year, d.issuer, d.date) == ("plan", 2024, "苏州市商务局", "2024年1月26日")
    assert shape(d) == [("一、", [("（一）", []), ("（二）", [])]), ("二、", [("（一）", [])])]
    first = d.sections[0].children[0]
    assert first.title == "拓展国际市场"
    assert first.text == "（一）拓展国际市场\n组织企业参加境外展会200场次以上。\n支持企业建设海外仓，新增公共海外仓5个。"
    assert agencies(d.sections[1].children[0])[0] == ("市商务局", "lead")
    assert d.preamble.startswith("2024年，全市商务工作")


@pytest.mark.parametrize("kind", ["builtin", "outline"])
def test_docx_unnumbered_heading_styles(tmp_path, kind):
    """Headings with no number at all, only a heading style: still headings, with label "" and number None.

    `builtin`: Word's Heading 1/Heading 2; `outline`: an office's own 一级标题/二级标题 styles that carry
    an outline level (w:outlineLvl). Typed `1．` items under a heading sit below it."""
    if kind == "builtin":
        h1, h2, styles = "Heading1", "Heading2", []
    else:
        h1, h2 = "L1", "L2"
        styles = [style("L1", "一级标题", outline=0), style("L2", "二级标题", outline=1)]
    body = _heading_body(h1, h2)
    body[4:6] = [para("1．组织企业参加境外展会200场次以上。", style=BODY),
                 para("2．支持企业建设海外仓，新增公共海外仓5个。", style=BODY)]
    d = only(build_docx(tmp_path / "u.docx", body, styles=styles))
    assert shape(d) == [("", [("", [("1．", []), ("2．", [])]), ("", [])]), ("", [("", [])])]
    assert [(s.title, s.number) for s in d.sections] == [("稳住外贸基本盘", None), ("提振消费市场", None)]
    assert [c.title for c in d.sections[0].children] == ["拓展国际市场", "培育外贸新业态"]
    assert d.sections[0].children[1].text == "培育外贸新业态\n跨境电商进出口额增长15%。"
    assert len(d.items()) == 4
    assert agencies(d.sections[1].children[0])[0] == ("市商务局", "lead")


def test_docx_division_table_with_section_rows(tmp_path):
    """A task table: `一、` rows spanning every column group the numbered task rows; 牵头单位 and 责任单位 apart."""
    body = [
        para("宁波市2024年知识产权强市建设重点任务分工"),
        table([["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
               [cell("一、强化知识产权创造", span=5)],
               ["1", "培育高价值专利组合10个", "市市场监管局", "市科技局、市经信局", "2024年12月"],
               ["2", "推进商标品牌建设，新增驰名商标2件", "市市场监管局", "各区（县、市）政府", "2024年12月"],
               [cell("二、严格知识产权保护", span=5)],
               ["3", "开展知识产权执法专项行动", "市公安局", "市市场监管局、市文广旅游局", "2024年11月"],
               ["4", "建设知识产权保护中心", "市市场监管局", "", "2024年10月"]]),
    ]
    d = only(build_docx(tmp_path / "t.docx", body))
    assert (d.kind, d.year, d.title) == ("division", 2024, "宁波市2024年知识产权强市建设重点任务分工")
    assert shape(d) == [("一、", [("1", []), ("2", [])]), ("二、", [("3", []), ("4", [])])]
    assert [s.title for s in d.sections] == ["强化知识产权创造", "严格知识产权保护"]
    items = d.items()
    assert agencies(items[0]) == [("市市场监管局", "lead"), ("市科技局", "responsible"), ("市经信局", "responsible")]
    assert agencies(items[1]) == [("市市场监管局", "lead"), ("各区（县、市）政府", "responsible")]
    assert agencies(items[3]) == [("市市场监管局", "lead")]
    assert items[1].title == "推进商标品牌建设，新增驰名商标2件"


def test_docx_division_table_with_merged_lead_column(tmp_path):
    """序号 `一、` with its heading in the task column; 牵头单位 merged down (w:vMerge) over several rows."""
    body = [
        para("绍兴市2024年营商环境优化提升任务清单"),
        table([["序号", "工作任务", "牵头单位", "配合单位"],
               ["一、", "提升政务服务效能", "", ""],
               ["1", "推进“一网通办”", cell("市行政审批局", vmerge="restart"), "市大数据局"],
               ["2", "推行“高效办成一件事”", cell("", vmerge="continue"), "市人力社保局、市医保局"],
               ["3", "优化工程建设项目审批", cell("", vmerge="continue"), "市住建局"],
               ["二、", "优化市场环境", "", ""],
               ["4", "开展公平竞争审查", cell("市市场监管局", vmerge="restart"), "市发改委"],
               ["5", "规范涉企收费", cell("", vmerge="continue"), "市财政局"]]),
        para("绍兴市人民政府办公室"), para("2024年2月1日"),
    ]
    d = only(build_docx(tmp_path / "m.docx", body))
    assert (d.kind, d.year, d.date) == ("division", 2024, "2024年2月1日")
    assert shape(d) == [("一、", [("1", []), ("2", []), ("3", [])]), ("二、", [("4", []), ("5", [])])]
    assert d.sections[0].title == "提升政务服务效能"
    items = d.items()
    assert [agencies(i)[0] for i in items] == [("市行政审批局", "lead")] * 3 + [("市市场监管局", "lead")] * 2
    assert agencies(items[1]) == [("市行政审批局", "lead"), ("市人力社保局", "cooperate"), ("市医保局", "cooperate")]


def test_summary_and_plan_as_two_parts():
    """One file, `第一部分　2023年工作总结` / `第二部分　2024年工作要点`: two documents, not two sections;
    the issuer comes from the file's own title. Items numbered `1）` (half a bracket, common in practice)."""
    r = load(str(FIX / "summary_and_plan_parts.txt"))
    summary, plan = r.documents
    assert (summary.kind, summary.title, summary.year) == ("summary", "2023年工作总结", 2023)
    assert (plan.kind, plan.title, plan.year) == ("plan", "2024年工作要点", 2024)
    assert summary.issuer == plan.issuer == "青岛市知识产权局"
    assert shape(summary) == [("一、", [("一是", []), ("二是", [])]), ("二、", [("一是", []), ("二是", [])])]
    assert shape(plan) == [("一、", [("1）", []), ("2）", [])]), ("二、", [("1）", []), ("2）", [])])]
    assert [n.number for n in plan.sections[1].children] == [1, 2]
    assert plan.sections[0].children[1].title == "新增地理标志商标3件。"


def test_docx_plan_laid_out_as_a_table(tmp_path):
    """A 工作要点 whose body is one table: 序号 | 重点工作 | 完成时限 | 责任科室 — every row is an item."""
    body = [para("嘉兴市教育局2024年工作要点"),
            para("2024年全市教育工作以办好人民满意的教育为目标。"),
            table([["序号", "重点工作", "完成时限", "责任科室"],
                   ["1", "新建改扩建中小学校10所", "2024年12月", "发展规划科"],
                   ["2", "推进“双减”工作走深走实", "全年", "基础教育科、督导室"],
                   ["3", "实施教师队伍建设工程", "2024年9月", "人事科"]]),
            para("嘉兴市教育局"), para("2024年2月5日")]
    d = only(build_docx(tmp_path / "t.docx", body))
    assert (d.kind, d.issuer, d.date) == ("plan", "嘉兴市教育局", "2024年2月5日")
    assert d.preamble == "2024年全市教育工作以办好人民满意的教育为目标。"
    assert [(n.label, n.title) for n in d.sections] == \
        [("1", "新建改扩建中小学校10所"), ("2", "推进“双减”工作走深走实"), ("3", "实施教师队伍建设工程")]
    assert agencies(d.sections[1]) == [("基础教育科", "responsible"), ("督导室", "responsible")]
