""".docx reader: numbering rendered as text, tables, tracked changes, content controls — and hostile files."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from docxbuild import (NSDECL, abstract_num, build_docx, build_zip, cell, delete, ins, lvl, num, numbering, para,
                       replace_member, run, sdt, style, table, zip_bomb)
from drafter.errors import InputError
from drafter.read import read_source
from drafter.read.docx import read_docx
from drafter.read.numbering import chinese_counting, format_number

DRAFTER = str(Path(sys.executable).with_name("drafter"))

# --- the numbering fixture (also used by test_read_legacy.py) ------------------------------------------

CN_LEVELS = abstract_num(
    10,
    lvl(0, "chineseCounting", "%1、", suff="nothing"),
    lvl(1, "chineseCounting", "（%2）", suff="nothing"),
    lvl(2, "decimal", "%3.", suff="nothing"),
    lvl(3, "decimal", "（%4）", suff="nothing"),
)
NUMBERING = numbering(
    CN_LEVELS,
    abstract_num(11, lvl(0, "ideographTraditional", "%1、", suff="nothing")),
    abstract_num(12, lvl(0, "chineseLegalSimplified", "%1、", suff="nothing"), style_link="CnList"),
    abstract_num(13, num_style_link="CnList"),
    abstract_num(14, lvl(0, "chineseCountingThousand", "第%1条", suff="space"),
                 lvl(1, "decimalEnclosedCircle", "%2", suff="nothing")),
    num(1, 10), num(2, 10), num(3, 10, {0: 5}), num(4, 11), num(5, 12), num(6, 13), num(7, 14),
)
STYLES = [style("JiaStyle", "甲级标题", num_id=4), style("JiaChild", "甲级子标题", based_on="JiaStyle"),
          style("CnList", "中文列表", kind="numbering", num_id=5)]
NUMBERED_BODY = (
    [para("天津市知识产权局2023年工作要点"),
     para("总体要求", num=1, ilvl=0), para("指导思想", num=1, ilvl=1), para("坚持稳中求进", num=1, ilvl=2),
     para("全年新增就业5万人", num=1, ilvl=3), para("第二小项", num=1, ilvl=3), para("第二条", num=1, ilvl=2),
     para("主要任务", num=2, ilvl=0),  # num 2 shares abstractNum 10 with num 1: continues at 二、
     para("任务一", num=2, ilvl=1),
     para("甲项", style="JiaStyle"), para("乙项", style="JiaChild"),  # numbering through the style (and basedOn)
     para("重启", num=3, ilvl=0),  # startOverride 5
     para("续", num=1, ilvl=0),
     para("壹项", num=6, ilvl=0), para("贰项", num=6, ilvl=0)]  # numStyleLink → styleLink → 壹贰
    + [para(f"条款{i}", num=7, ilvl=0) for i in range(1, 13)]
    + [para("圈", num=7, ilvl=1)]
    + [para("子项", num=1, ilvl=1) for _ in range(11)]
)
NUMBERED_EXPECTED = (
    ["天津市知识产权局2023年工作要点", "一、总体要求", "（一）指导思想", "1.坚持稳中求进", "（1）全年新增就业5万人",
     "（2）第二小项", "2.第二条", "二、主要任务", "（一）任务一", "甲、甲项", "乙、乙项", "五、重启", "六、续",
     "壹、壹项", "贰、贰项"]
    + [f"第{chinese_counting(i)}条条款{i}" for i in range(1, 13)]
    + ["①圈"]
    + [f"（{chinese_counting(i)}）子项" for i in range(1, 12)]
)


def numbered_docx(path) -> str:
    return build_docx(path, NUMBERED_BODY, numbering=NUMBERING, styles=STYLES)


@pytest.fixture
def numbered(tmp_path):
    return numbered_docx(tmp_path / "numbered.docx")


# --- numbering --------------------------------------------------------------------------------------

def test_numbering_rendered_as_text(numbered):
    src = read_docx(numbered)
    assert src.fmt == "docx"
    assert [b.text for b in src.blocks] == NUMBERED_EXPECTED
    assert [b.line for b in src.blocks] == list(range(1, len(NUMBERED_EXPECTED) + 1))


def test_auto_label_level_and_style(numbered):
    b = read_docx(numbered).blocks
    assert (b[0].auto_label, b[0].level) == ("", None)
    assert (b[1].auto_label, b[1].level) == ("一、", 0)
    assert (b[4].auto_label, b[4].level) == ("（1）", 3)
    assert (b[9].auto_label, b[9].style) == ("甲、", "甲级标题")
    assert (b[10].auto_label, b[10].style) == ("乙、", "甲级子标题")
    assert b[15].auto_label == "第一条"  # w:suff space is not put into the text
    assert b[15].text == "第一条条款1"


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (100, "一百"),
                                     (105, "一百零五"), (110, "一百一十"), (1005, "一千零五"), (10010, "一万零一十")])
def test_chinese_counting(n, text):
    assert format_number(n, "chineseCounting") == text


@pytest.mark.parametrize("n, fmt, text", [
    (3, "chineseLegalSimplified", "叁"), (10, "chineseLegalSimplified", "壹拾"), (25, "chineseLegalSimplified", "贰拾伍"),
    (1, "ideographTraditional", "甲"), (10, "ideographTraditional", "癸"), (12, "ideographZodiac", "亥"),
    (3, "decimalEnclosedCircle", "③"), (3, "decimalEnclosedCircleChinese", "③"), (2, "decimalEnclosedParen", "⑵"),
    (12, "decimalFullWidth", "１２"), (28, "lowerLetter", "bb"), (3, "upperLetter", "C"), (14, "lowerRoman", "xiv"),
    (1999, "upperRoman", "MCMXCIX"), (7, "none", ""), (11, "taiwaneseCountingThousand", "十一"),
    (11, "chineseCountingThousand", "十一"), (4, "someFutureFormat", "4"),
])
def test_number_formats(n, fmt, text):
    assert format_number(n, fmt) == text


def test_restart_lgl_bullets_and_numid_zero(tmp_path):
    nb = numbering(
        abstract_num(1, lvl(0, "chineseCounting", "%1、"), lvl(1, "decimal", "%1.%2", is_lgl=True),
                     lvl(2, "decimal", "%3)", restart=0)),
        abstract_num(2, lvl(0, "bullet", "—"), lvl(1, "bullet", "\uf0b7")),
        num(1, 1), num(2, 2))
    body = [para("甲", num=1, ilvl=0), para("乙", num=1, ilvl=1), para("丙", num=1, ilvl=2),
            para("丁", num=1, ilvl=0), para("戊", num=1, ilvl=1), para("己", num=1, ilvl=2),
            para("破折号", num=2, ilvl=0), para("圆点", num=2, ilvl=1),
            para("不编号", num=0, ilvl=0), para("未定义", num=99, ilvl=0)]
    src = read_docx(build_docx(tmp_path / "r.docx", body, numbering=nb))
    assert [b.text for b in src.blocks] == [
        "一、甲", "1.1乙", "1)丙", "二、丁", "2.1戊",
        "2)己",  # lvlRestart 0: never restarts
        "——破折号", "圆点", "不编号", "未定义"]
    assert src.blocks[7].level == 1 and src.blocks[7].auto_label == ""
    assert src.blocks[8].level is None and src.blocks[9].level is None


def test_heading_style_linked_levels(tmp_path):
    """Numbering on a heading style without ilvl: the level is the one whose w:pStyle names the style."""
    nb = numbering(abstract_num(1, lvl(0, "chineseCounting", "%1、", pstyle="H1"),
                                lvl(1, "chineseCounting", "（%2）", pstyle="H2")), num(3, 1))
    styles = [style("H1", "heading 1", num_id=3), style("H2", "heading 2", num_id=3)]
    body = [para("一级", style="H1"), para("二级", style="H2"), para("二级", style="H2"), para("一级", style="H1"),
            para("二级", style="H2")]
    src = read_docx(build_docx(tmp_path / "h.docx", body, numbering=nb, styles=styles))
    assert [b.text for b in src.blocks] == ["一、一级", "（一）二级", "（二）二级", "二、一级", "（一）二级"]
    assert [b.level for b in src.blocks] == [0, 1, 1, 0, 1]


# --- text, tables, tracked changes, content controls ---------------------------------------------------

DIVISION = [
    para("2023年重点工作任务分工"),
    table([["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
           ["1", "加强知识产权保护", cell("市知识产权局", vmerge="restart"), "市公安局", "2023年12月底"],
           ["2", "推进专利转化运用", cell(vmerge="continue"), "市财政局、市科技局", "2023年12月底"],
           ["3", "优化营商环境", cell(vmerge="continue"), cell("各区人民政府", span=2)]]),
    para(runs=[run("牵头单位："), delete("市发展改革委"), ins("市发展和改革委员会"), run("；配合单位：市财政局。")]),
    sdt(para("内容控件里的段落：“双随机、一公开”（试行）。")),
]


def test_task_table_with_merged_column(tmp_path):
    src = read_docx(build_docx(tmp_path / "div.docx", DIVISION))
    assert len(src.tables) == 1
    t = src.tables[0]
    assert [c.text for c in t[0]] == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    assert [c.text for c in t[1]] == ["1", "加强知识产权保护", "市知识产权局", "市公安局", "2023年12月底"]
    # vMerge continue: the merged 牵头单位 reads right on every row, pointing at the cell that holds the text
    assert t[2][2].text == t[3][2].text == "市知识产权局"
    assert t[2][2].line == t[3][2].line == t[1][2].line
    # gridSpan: text once, in the first of its columns
    assert [c.text for c in t[3]] == ["3", "优化营商环境", "市知识产权局", "各区人民政府", ""]
    by_line = {b.line: b for b in src.blocks}
    for row in t:
        for c in row:
            if c.text and c.line in by_line:
                assert c.text.startswith(by_line[c.line].text)
    assert by_line[t[1][1].line].cell == (0, 1, 1)
    assert src.blocks[0].cell is None


def test_tracked_changes_and_content_control(tmp_path):
    texts = [b.text for b in read_docx(build_docx(tmp_path / "div.docx", DIVISION)).blocks]
    assert "牵头单位：市发展和改革委员会；配合单位：市财政局。" in texts
    assert not any("市发展改革委" in t for t in texts)
    assert "内容控件里的段落：“双随机、一公开”（试行）。" in texts  # full-width punctuation untouched


def test_inline_wrappers_tabs_and_hidden_text(tmp_path):
    tab = "<w:r><w:tab/></w:r>"
    body = [
        para(runs=[run("一、"), tab, run("加强保护"), tab, run("全面"), run("隐藏", hidden=True)]),
        para(runs=[tab, run("缩进的段落")]),
        para(runs=['<w:hyperlink r:id="rId999">', run("链接文字"), "</w:hyperlink>",
                   '<w:smartTag w:uri="u" w:element="e">', run("智能标记"), "</w:smartTag>",
                   '<w:customXml w:element="x">', run("自定义"), "</w:customXml>",
                   '<w:fldSimple w:instr=" PAGE ">', run("7"), "</w:fldSimple>",
                   '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>',
                   '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("2023年"),
                   '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                   "<w:r><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:br/><w:t>换行</w:t></w:r>",
                   '<w:moveFrom w:id="5" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>',
                   '<w:moveTo w:id="6" w:author="a"><w:r><w:t>移来</w:t></w:r></w:moveTo>']),
        '<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'
        + delete("整段删除") + "</w:p>",
        para("最后一段"),
    ]
    src = read_docx(build_docx(tmp_path / "w.docx", body))
    assert [b.text for b in src.blocks] == ["一、加强保护 全面", "缩进的段落",
                                            "链接文字智能标记自定义72023年A-B换行移来", "最后一段"]
    assert [b.line for b in src.blocks] == [1, 2, 3, 4]


def test_text_box_follows_its_anchor(tmp_path):
    box = "<w:txbxContent>" + para("文本框里的字") + "</w:txbxContent>"
    anchor = para(runs=[run("锚段落"),
                        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box
                        + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>" + box
                        + "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"])
    src = read_docx(build_docx(tmp_path / "tb.docx", [anchor, para("下一段")]))
    assert [b.text for b in src.blocks] == ["锚段落", "文本框里的字", "下一段"]


def test_nested_table_and_empty_paragraphs(tmp_path):
    inner = table([["内1", "内2"]])
    body = [para(""), table([[cell(para("外") + inner + para("尾"), raw=True), "右"]]), para("")]
    src = read_docx(build_docx(tmp_path / "n.docx", body))
    assert [b.text for b in src.blocks] == ["", "外", "内1", "内2", "尾", "右", ""]
    assert len(src.tables) == 2
    assert src.tables[0][0][0].text == "外内1内2尾"
    assert src.tables[1][0][1].text == "内2"
    assert src.blocks[2].cell == (1, 0, 0) and src.blocks[4].cell == (0, 0, 0)


def test_read_source_dispatches_docx(numbered):
    src = read_source(numbered)
    assert src.fmt == "docx" and src.blocks[1].text == "一、总体要求"


# --- hostile input ------------------------------------------------------------------------------------

def _refused(path, *words) -> InputError:
    with pytest.raises(InputError) as e:
        read_source(str(path))
    msg = e.value.render("zh") + e.value.render("en")
    assert "\n" not in e.value.zh and "\n" not in e.value.en
    for w in words:
        assert w in msg
    return e.value


def test_random_bytes(tmp_path):
    p = tmp_path / "random.docx"
    p.write_bytes(os.urandom(4096).replace(b"PK", b"pk").replace(b"\xd0\xcf", b"xx"))
    _refused(p, "不是有效的 .docx")


def test_random_bytes_behind_zip_magic(tmp_path):
    p = tmp_path / "random.docx"
    p.write_bytes(b"PK\x03\x04" + os.urandom(4096))
    _refused(p, "不是有效的 .docx")


def test_empty_file(tmp_path):
    p = tmp_path / "empty.docx"
    p.write_bytes(b"")
    _refused(p)
    with pytest.raises(InputError):
        read_docx(str(p))


def test_truncated_zip(tmp_path, numbered):
    data = Path(numbered).read_bytes()
    p = tmp_path / "truncated.docx"
    p.write_bytes(data[: len(data) // 2])
    _refused(p, "不是有效的 .docx", "truncated")


def test_crc_error(tmp_path):
    p = tmp_path / "crc.docx"
    doc = f"<w:document {NSDECL}><w:body>{para('正常内容正常内容')}</w:body></w:document>".encode()
    with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", doc)
    data = p.read_bytes()
    p.write_bytes(data.replace("正常内容".encode(), "异常内容".encode(), 1))
    _refused(p, "已损坏", "damaged")


def test_zip_without_document_xml(tmp_path):
    p = build_zip(tmp_path / "nodoc.docx", {"[Content_Types].xml": b"<Types/>", "word/other.xml": b"<x/>"})
    _refused(p, "word/document.xml")


def test_not_a_word_body(tmp_path):
    p = build_zip(tmp_path / "odt.docx", {"word/document.xml": b"<html><body>hi</body></html>"})
    _refused(p, "不是 Word 文档正文")


def test_malformed_xml_names_the_part(tmp_path, numbered):
    p = replace_member(numbered, tmp_path / "bad.docx", "word/numbering.xml", b"<w:numbering><w:num>")
    _refused(p, "word/numbering.xml", "XML")


def test_encrypted_office_file(tmp_path):
    """Word saves a password-protected .docx as an OLE compound file holding an EncryptedPackage stream."""
    p = tmp_path / "secret.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
                  + b"\0" * 3000)
    _refused(p, "加密", "encrypted")
    with pytest.raises(InputError, match="encrypted"):
        read_docx(str(p))


@pytest.fixture(scope="session")
def bomb(tmp_path_factory) -> str:
    return zip_bomb(tmp_path_factory.mktemp("bomb") / "bomb.docx", 1536 * 1024 * 1024)


def test_zip_bomb_refused_unread(bomb):
    """Refused from the declared size: the 1.5 GB member is never inflated (memory stays flat)."""
    import resource
    assert os.path.getsize(bomb) < 3 * 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(bomb, "zip 炸弹", "zip bomb")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB


def test_high_ratio_member_refused(tmp_path):
    p = zip_bomb(tmp_path / "ratio.docx", 50 * 1024 * 1024)  # under 200 MB, but ~1000:1
    _refused(p, "压缩比", "ratio")


XXE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
       f'<w:document {NSDECL}><w:body><w:p><w:r><w:t>开头&x;结尾</w:t></w:r></w:p></w:body></w:document>')

LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + f']>\n<w:document {NSDECL}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/numbering.xml"])
def test_xxe_never_resolved(tmp_path, numbered, part):
    xml = XXE if part == "word/document.xml" else XXE.replace("w:document", "w:styles" if "styles" in part else "w:numbering")
    p = replace_member(numbered, tmp_path / "xxe.docx", part, xml.encode())
    err = _refused(p, "DTD", part)
    passwd = Path("/etc/passwd").read_text(errors="replace")[:40]
    assert passwd.strip() and passwd not in err.render("zh") + err.render("en")


def test_xxe_in_utf16(tmp_path, numbered):
    xml = XXE.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    p = replace_member(numbered, tmp_path / "xxe16.docx", "word/document.xml", xml)
    _refused(p, "DTD")


def test_billion_laughs(tmp_path, numbered):
    p = replace_member(numbered, tmp_path / "laughs.docx", "word/document.xml", LAUGHS.encode())
    _refused(p, "DTD")


def test_cli_refuses_hostile_with_exit_2(tmp_path, numbered):
    p = replace_member(numbered, tmp_path / "xxe.docx", "word/document.xml", XXE.encode())
    r = subprocess.run([DRAFTER, "parse", p, "--format", "json"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stdout == ""
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "root:" not in r.stderr


# --- end to end: drafter parse FILE.docx ----------------------------------------------------------------

def test_cli_parse_docx_json(tmp_path):
    """The parser sees Word's auto numbers as if typed: 一、 / （一） / 1. / （1）."""
    nb = numbering(CN_LEVELS, num(1, 10))
    body = [para("天津市知识产权局2023年工作要点"),
            para("2023年全市知识产权工作坚持以习近平新时代中国特色社会主义思想为指导。"),
            para("全面落实《纲要》和《规划》", num=1, ilvl=0),
            para("组织推动《纲要》和《规划》实施。制定年度推进计划。（市知识产权局牵头）", num=1, ilvl=1),
            para("加强统筹协调。（市知识产权局、市科技局按职责分工负责）", num=1, ilvl=1),
            para("强化知识产权保护", num=1, ilvl=0),
            para("完善保护体系。", num=1, ilvl=1)]
    p = build_docx(tmp_path / "plan.docx", body, numbering=nb)
    r = subprocess.run([DRAFTER, "parse", p, "--format", "json"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    doc = out["documents"][0]
    assert doc["year"] == 2023 and doc["kind"] == "plan"
    secs = doc["sections"]
    assert [(s["label"], s["number"], s["line"]) for s in secs] == [("一、", 1, 3), ("二、", 2, 6)]
    assert [(c["label"], c["line"]) for c in secs[0]["children"]] == [("（一）", 4), ("（二）", 5)]
    assert secs[0]["children"][0]["agencies"][0]["name"] == "市知识产权局"


def test_lying_size_header_cannot_blow_memory(tmp_path):
    """A member that says 1 KB but unpacks to 300 MB: reading stops at the declared size, and the CRC fails."""
    import resource

    from docxbuild import lie_about_size
    p = lie_about_size(zip_bomb(tmp_path / "liar.docx", 300 * 1024 * 1024), "word/document.xml", 1024)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(p, "已损坏", "damaged")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB


def test_strict_ooxml_namespace(tmp_path, numbered):
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    with zipfile.ZipFile(numbered) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for n in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
        parts[n] = parts[n].replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", strict.encode())
    p = build_zip(tmp_path / "strict.docx", parts)
    assert [b.text for b in read_docx(p).blocks] == NUMBERED_EXPECTED


def test_deep_nesting_is_refused_not_a_crash(tmp_path):
    depth = 300  # libxml2 stops at 256 levels without huge_tree, so Python recursion stays shallow
    body = "<w:sdt><w:sdtContent>" * depth + para("深") + "</w:sdtContent></w:sdt>" * depth
    doc = f"<w:document {NSDECL}><w:body>{body}</w:body></w:document>".encode()
    _refused(build_zip(tmp_path / "deep.docx", {"word/document.xml": doc}), "XML")
