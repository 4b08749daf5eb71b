"""Build templates/reference.docx: the styles and page set-up of a GB/T 9704-2012 公文.

    python templates/make_reference.py [OUT.docx]

Users may restyle the result in Word (fonts, spacing); drafter keeps the page set-up it finds there.
What it sets (numbers from ../shared/reference/gbt9704.md):
- A4, margins top 37 / bottom 35 / left 28 / right 26 mm; footer distance 25 mm (— N — 7 mm below the 版心);
- a line grid of 22 lines (linePitch 579 tw = exact line spacing), and −0.25 pt character spacing in the body
  styles, which gives 28 characters per line in Word *and* LibreOffice (LibreOffice renders Word's
  linesAndChars grid at 14 characters, see §6.2);
- docDefaults and Normal: 三号 仿宋_GB2312 (w:eastAsia), Times New Roman for digits, zh-CN language,
  first line indented two characters, justified;
- GW标题 二号 方正小标宋简体 centred; GW一级 黑体, GW二级 楷体_GB2312, GW三级/GW四级 仿宋_GB2312 headings
  (and character styles of the same faces for run-in leads); 署名/成文日期, 附件 and table styles;
- page numbers "— N —" in 四号宋体, odd pages right and even pages left, 空一字.
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Twips

from drafter import ooxml

LATIN = "Times New Roman"
FANG, KAI, HEI, SONG, XBS = "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体"
BODY_SZ = 32          # 三号 16 pt in half-points
LINE = 579            # exact line pitch (twips): 22 lines in the 12756-tw 版心
CHAR_SPACING = -5     # twentieths of a point: 15.75 pt per character → 28 per line
ZI = 320              # one 三号 character in twips



def _el(tag: str, **attrs):
    return ooxml.make(f"w:{tag}", **attrs)


def _put(parent, child) -> None:
    """Put `child` into `parent` in place of a same-named one, in schema order (drafter/ooxml.py)."""
    ooxml.replace(parent, child)


def _ppr(style_el):
    return ooxml.get_or_add(style_el, "w:pPr")


def _rpr(style_el):
    return ooxml.get_or_add(style_el, "w:rPr")


def fonts(rpr, east: str, latin: str = LATIN) -> None:
    rf = _el("rFonts", ascii=latin, hAnsi=latin, eastAsia=east, cs=latin, hint="eastAsia")
    _put(rpr, rf)


def run_props(rpr, east: str, sz: int = BODY_SZ, spacing: int | None = CHAR_SPACING, bold: bool = False,
              latin: str = LATIN) -> None:
    fonts(rpr, east, latin)
    for tag in ("b", "bCs"):
        old = rpr.find(qn(f"w:{tag}"))
        if old is not None:
            rpr.remove(old)
    if bold:
        _put(rpr, _el("b"))
    _put(rpr, _el("color", val="000000"))
    if spacing is not None:
        _put(rpr, _el("spacing", val=spacing))
    else:
        old = rpr.find(qn("w:spacing"))
        if old is not None:
            rpr.remove(old)
    _put(rpr, _el("kern", val=0))
    _put(rpr, _el("sz", val=sz))
    _put(rpr, _el("szCs", val=sz))
    _put(rpr, _el("lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))


def para_props(ppr, line: int | None = LINE, first_chars: int | None = 200, jc: str = "both",
               left: int = 0, right: int = 0, outline: int | None = None, keep_next: bool = False,
               rule: str = "exact", snap: bool = True, hanging: int | None = None) -> None:
    for tag in ("keepNext", "spacing", "ind", "jc", "outlineLvl", "snapToGrid", "widowControl"):
        old = ppr.find(qn(f"w:{tag}"))
        if old is not None:
            ppr.remove(old)
    if keep_next:
        _put(ppr, _el("keepNext"))
    _put(ppr, _el("widowControl", val=0))
    if not snap:
        # LibreOffice snaps every line to the 579-tw grid; a 22 pt title (or a 14 pt table line) then takes
        # two grid rows. Word does not snap exact spacing. Off the grid, both render what is written here.
        _put(ppr, _el("snapToGrid", val=0))
    if line is not None:
        _put(ppr, _el("spacing", before=0, after=0, line=line, lineRule=rule))
    else:
        _put(ppr, _el("spacing", before=0, after=0, line=240, lineRule="auto"))
    ind = _el("ind", left=left, right=right)
    if hanging:
        ind.set(qn("w:hanging"), str(hanging))
        ind.set(qn("w:hangingChars"), str(hanging * 100 // ZI))
    elif first_chars:
        ind.set(qn("w:firstLineChars"), str(first_chars))
        ind.set(qn("w:firstLine"), str(ZI * first_chars // 100))
    else:
        ind.set(qn("w:firstLineChars"), "0")
        ind.set(qn("w:firstLine"), "0")
    _put(ppr, ind)
    _put(ppr, _el("jc", val=jc))
    if outline is not None:
        _put(ppr, _el("outlineLvl", val=outline))


def paragraph_style(doc, name: str, east: str, sz: int = BODY_SZ, based_on: str = "Normal", **pp):
    styles = doc.styles
    try:
        st = styles[name]
    except KeyError:
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = styles[based_on] if based_on else None
    st.quick_style = True
    el = st.element
    spacing = pp.pop("char_spacing", CHAR_SPACING)
    para_props(_ppr(el), **pp)
    run_props(_rpr(el), east, sz, spacing=spacing)
    return st


def character_style(doc, name: str, east: str):
    styles = doc.styles
    try:
        st = styles[name]
    except KeyError:
        st = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    st.quick_style = True
    fonts(_rpr(st.element), east)
    return st


def doc_defaults(doc) -> None:
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for c in list(rpr):
        rpr.remove(c)
    run_props(rpr, FANG, spacing=None)
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for c in list(ppr):
        ppr.remove(c)
    _put(ppr, _el("spacing", after=0, line=240, lineRule="auto"))


def settings(doc) -> None:
    s = doc.settings.element
    tfl = ooxml.get_or_add(s, "w:themeFontLang")
    tfl.set(qn("w:val"), "en-US")
    tfl.set(qn("w:eastAsia"), "zh-CN")
    doc.settings.odd_and_even_pages_header_footer = True


def page_setup(doc) -> None:
    sec = doc.sections[0]
    sec.start_type = WD_SECTION.NEW_PAGE
    sec.page_width, sec.page_height = Twips(11906), Twips(16838)
    sec.top_margin, sec.bottom_margin = Twips(2098), Twips(1984)
    sec.left_margin, sec.right_margin = Twips(1588), Twips(1474)
    sec.header_distance, sec.footer_distance = Twips(851), Twips(1417)
    sec.gutter = Twips(0)
    dg = ooxml.get_or_add(sec._sectPr, "w:docGrid")
    for k in list(dg.attrib):
        del dg.attrib[k]
    dg.set(qn("w:type"), "lines")
    dg.set(qn("w:linePitch"), str(LINE))


def _page_field_runs(p, size: int = 28) -> None:
    def run(*children):
        r = ooxml.insert(p._p, _el("r"))
        for c in children:
            ooxml.insert(r, c)
        rpr = ooxml.get_or_add(r, "w:rPr")
        _put(rpr, _el("szCs", val=size))
        _put(rpr, _el("sz", val=size))
        _put(rpr, _el("rFonts", ascii=SONG, hAnsi=SONG, eastAsia=SONG, cs=SONG, hint="eastAsia"))

    def text(s):
        t = ooxml.make("w:t", {"xml:space": "preserve"})
        t.text = s
        return t

    run(text("— "))
    run(_el("fldChar", fldCharType="begin"))
    it = ooxml.make("w:instrText", {"xml:space": "preserve"})
    it.text = " PAGE "
    run(it)
    run(_el("fldChar", fldCharType="separate"))
    run(text("1"))
    run(_el("fldChar", fldCharType="end"))
    run(text(" —"))


def footers(doc) -> None:
    st = paragraph_style(doc, "Footer", SONG, sz=28, line=None, first_chars=None, jc="left", char_spacing=None)
    tabs = st.element.find(qn("w:pPr")).find(qn("w:tabs"))
    if tabs is not None:
        tabs.getparent().remove(tabs)
    sec = doc.sections[0]
    for footer, jc, side in ((sec.footer, "right", "right"), (sec.even_page_footer, "left", "left")):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        for r in list(p._p):
            if r.tag != qn("w:pPr"):
                p._p.remove(r)
        p.style = st
        ppr = p._p.get_or_add_pPr()
        for c in list(ppr):
            if c.tag != qn("w:pStyle"):
                ppr.remove(c)
        # 单页码居右空一字，双页码居左空一字 (one 四号 character = 280 tw)
        _put(ppr, _el("spacing", before=0, after=0, line=240, lineRule="auto"))
        _put(ppr, _el("ind", **{side: 280, "firstLine": 0, "firstLineChars": 0}))
        _put(ppr, _el("jc", val=jc))
        _page_field_runs(p)


# Word's defaults and what drafter's writer uses; python-docx's template brings ~150 more (List Number,
# 100 table styles …) that a 公文 never uses and that make every draft's styles.xml 15 times larger
KEEP_STYLES = ("Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid", "Header", "HeaderChar",
               "Footer", "FooterChar")
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"


def drop_template_parts(doc) -> None:
    """Leave out what python-docx's template carries for nobody: stylesWithEffects.xml (see drafter/ooxml.py),
    the numbering of the list styles just removed (drafter numbers in text, never with Word lists), a
    bibliography store (customXml) and a thumbnail picturing the template's own sample text."""
    ooxml.drop_styles_with_effects(doc)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in (REL + "numbering", REL + "customXml"):
            del doc.part.rels[rid]
    pkg_rels = doc.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == PKG_REL + "thumbnail":
            del pkg_rels[rid]


def build(out: Path) -> None:
    doc = docx.Document()
    doc_defaults(doc)
    settings(doc)
    page_setup(doc)
    # Normal = 正文: 三号仿宋, exact 579, 左空二字, justified
    paragraph_style(doc, "Normal", FANG, based_on=None)
    paragraph_style(doc, "GW标题", XBS, sz=44, first_chars=None, jc="center", outline=None, keep_next=True,
                    char_spacing=None, snap=False)
    paragraph_style(doc, "GW一级", HEI, outline=0, keep_next=True)
    paragraph_style(doc, "GW二级", KAI, outline=1, keep_next=True)
    paragraph_style(doc, "GW三级", FANG, outline=2, keep_next=True)
    paragraph_style(doc, "GW四级", FANG, outline=3, keep_next=True)
    paragraph_style(doc, "GW事项", FANG)
    # 附件说明 左空二字; a long name wraps under its own first character (§7.3.4): "附件：" is 3 字
    paragraph_style(doc, "GW附件说明", FANG, first_chars=None, left=5 * ZI, hanging=3 * ZI)
    # 署名 and 成文日期: right aligned; drafter computes the right indent (右空四字, name centred over the date)
    paragraph_style(doc, "GW署名", FANG, first_chars=None, jc="right", right=4 * ZI)
    paragraph_style(doc, "GW成文日期", FANG, first_chars=None, jc="right", right=4 * ZI)
    # 附件 page: "附件" 黑体 顶格 on line 1; the title centred on line 3
    paragraph_style(doc, "GW附件标记", HEI, first_chars=None, jc="left")
    paragraph_style(doc, "GW附件标题", XBS, sz=44, first_chars=None, jc="center", char_spacing=None, snap=False)
    # 任务分工 table: 四号仿宋, 20 pt lines (single spacing is cramped, the 29 pt body grid too loose)
    paragraph_style(doc, "GW表格", FANG, sz=28, line=400, first_chars=None, jc="left", char_spacing=None,
                    snap=False)
    character_style(doc, "GW一级字符", HEI)
    character_style(doc, "GW二级字符", KAI)
    character_style(doc, "GW三级字符", FANG)
    character_style(doc, "GW四级字符", FANG)
    footers(doc)
    # the body is empty: drafter fills it
    body = doc.element.body
    for c in list(body):
        if c.tag != qn("w:sectPr"):
            body.remove(c)
    doc.core_properties.title = "GB/T 9704-2012 公文 reference"
    doc.core_properties.author = "drafter"
    drop_template_parts(doc)
    ooxml.prune_styles(doc, keep=KEEP_STYLES + tuple(
        st.style_id for st in doc.styles if st.name.startswith("GW")))
    doc.save(str(out))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "reference.docx"
    build(target)
    print(target)
