"""Hand-made .docx files for the layout rules, each with the findings a proofreader expects of it.

Every fixture is the same short plan (19 paragraphs, numbered as `check` numbers them):

     1 title   某某市市场监督管理局2024年工作要点
     2 body    2024年是……（preamble）
     3 一、总体要求                       level 1
     4 （一）指导思想                     level 2, stand-alone
     5 body
     6 （二）主要目标                     level 2
     7 body with “放管服”
     8 二、重点任务                       level 1
     9 （一）优化营商环境。深化“证照分离”……   level 2, run-in (lead in a 楷体 character style)
    10 1.推进登记便利化。……“一照多址”……  level 3, run-in
    11 2.加强信用监管。……                level 3, run-in
    12 （1）完善信用档案。……“一企一档”……  level 4, run-in
    13 （二）强化质量安全监管              level 2
    14 body
    15 三、保障措施                       level 1
    16 body
    17 (empty)
    18 某某市市场监督管理局               署名, right aligned
    19 2024年1月15日                      成文日期, right aligned

`plan(**changes)` builds it with GB/T 9704 house styles a careful writer sets up in Word (docDefaults and
Normal 仿宋_GB2312 三号, exact 28.95 pt lines on a 22-line grid, two-character indent, 方正小标宋简体 title,
黑体/楷体_GB2312/仿宋_GB2312 heading styles, — N — 四号宋体 footers odd right / even left); each fixture
changes one thing the way writers get it wrong — in a style, through basedOn, a theme, or directly.

EXPECTED was written from a proofreader's point of view before the rules existed: for each fixture, the
FMT findings (rule, first paragraph, how many paragraphs the finding covers, words the message must
contain). Never edit an expectation to match the checker's output.
"""
from __future__ import annotations

from typing import Callable, Optional

from layout_docx import (FANG, HEI, KAI, SONG, TNR, WPS_COMPAT, XBS, Docx, fonts, footer_xml, gbt_footer,
                         p, page_number_runs, ppr, r, rpr, sect_pr, settings_xml, style, styles_xml, theme_xml)

TITLE = "某某市市场监督管理局2024年工作要点"
LINES = [
    ("title", TITLE),
    ("body", "2024年是全面贯彻落实党的二十大精神的关键之年。全市市场监管工作的总体要求是：坚持稳中求进工作总基调，"
             "统筹发展和安全，着力优化营商环境，守牢安全底线，为全市经济社会高质量发展提供有力保障。"),
    ("h1", "一、总体要求"),
    ("h2", "（一）指导思想"),
    ("body", "坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党中央、国务院决策部署，全面落实市委、市政府工作要求。"),
    ("h2", "（二）主要目标"),
    ("body", "到2024年底，全市经营主体总量突破120万户，“放管服”改革取得新进展，重点产品质量监督抽查合格率稳定在95%以上。"),
    ("h1", "二、重点任务"),
    ("h2run", ("（一）优化营商环境。", "深化“证照分离”改革，全面推行经营主体登记全程电子化，压缩企业开办时间至1个工作日以内。")),
    ("h3run", ("1.推进登记便利化。", "推行住所与经营场所分离登记，扩大“一照多址”改革覆盖面。")),
    ("h3run", ("2.加强信用监管。", "健全以信用为基础的新型监管机制，推进信用分级分类监管。")),
    ("h4run", ("（1）完善信用档案。", "归集经营主体信用信息，实现“一企一档”全覆盖。")),
    ("h2", "（二）强化质量安全监管"),
    ("body", "加强重点工业产品质量监管，开展电动自行车、燃气器具等产品质量安全专项整治，守牢质量安全底线。"),
    ("h1", "三、保障措施"),
    ("body", "各单位要加强组织领导，细化工作措施，明确责任分工，确保各项任务落到实处。"),
    ("blank", ""),
    ("sign", "某某市市场监督管理局"),
    ("date", "2024年1月15日"),
]
BODY_LINES = [2, 5, 7, 9, 10, 11, 12, 14, 16, 18, 19]      # paragraphs holding body text
INDENTED_LINES = list(range(2, 17))                      # every 正文 paragraph is 左空二字 (headings too)
SPACED_LINES = list(range(2, 17)) + [18, 19]             # every paragraph but the title and the empty one


def house_styles(*, default_rpr: Optional[str] = None, normal_rpr: Optional[str] = None,
                 normal_ppr: Optional[str] = None, title_rpr: Optional[str] = None, title_ppr: Optional[str] = None,
                 h_rpr: Optional[dict] = None, extra: tuple = (), footer_rpr: Optional[str] = None) -> str:
    """The styles.xml of a well set-up 公文 template; each argument replaces one piece of it."""
    body_fonts = fonts(FANG, TNR, hint="eastAsia")
    if default_rpr is None:
        default_rpr = fonts(FANG, TNR) + rpr(sz=16, lang="zh-CN", wrap=False)
    if normal_rpr is None:
        normal_rpr = body_fonts + rpr(sz=16, kern=0, wrap=False)
    if normal_ppr is None:
        normal_ppr = ppr(line=579, rule="exact", before=0, after=0, first=640, first_chars=200, jc="both", wrap=False)
    if title_ppr is None:
        title_ppr = ppr(keep_next=True, jc="center", first=0, first_chars=0, snap=False, wrap=False)
    if title_rpr is None:
        title_rpr = fonts(XBS, TNR, hint="eastAsia") + rpr(sz=22, wrap=False)
    heads = {1: HEI, 2: KAI, 3: FANG, 4: FANG}
    h_rpr = h_rpr or {}
    out = [style("Normal", "Normal", default=True, pp=normal_ppr, rp=normal_rpr),
           style("GWTitle", "公文标题", based="Normal", next_="Normal", pp=title_ppr, rp=title_rpr)]
    for lvl, face in heads.items():
        rp = h_rpr.get(lvl, fonts(face, TNR, hint="eastAsia") + rpr(sz=16, wrap=False))
        out.append(style(f"Heading{lvl}", f"heading {lvl}", based="Normal", next_="Normal",
                         pp=ppr(keep_next=True, outline=lvl - 1, wrap=False), rp=rp))
    out.append(style("H2Char", "二级标题字符", kind="character", rp=fonts(KAI, TNR, hint="eastAsia")))
    out.append(style("Footer", "footer", based="Normal",
                     pp=ppr(line=240, rule="auto", first=0, first_chars=0, jc="left", wrap=False),
                     rp=footer_rpr if footer_rpr is not None else fonts(SONG, SONG, hint="eastAsia") + rpr(sz=14, wrap=False)))
    out.extend(extra)
    return styles_xml(out, default_rpr=default_rpr, default_ppr=ppr(after=0, wrap=False))


def plan(*, styles: Optional[str] = None, sect: Optional[str] = None, settings: Optional[str] = None,
         theme: Optional[str] = None, footers: Optional[dict] = None, para: Optional[dict] = None,
         runs: Optional[dict] = None, lead_props: Optional[dict] = None, title_props: str = "",
         sign_ppr: Optional[str] = None, no_footers: bool = False, footer_refs: Optional[dict] = None) -> Docx:
    """The plan above. `para[n]` replaces paragraph n's pPr (inner XML after pStyle), `runs[n]` gives its
    body runs an rPr, `lead_props[n]` the rPr of a run-in heading's lead."""
    para, runs, lead_props = para or {}, runs or {}, lead_props or {}
    body = []
    for n, (kind, text) in enumerate(LINES, 1):
        pstyle = {"title": "GWTitle", "h1": "Heading1", "h2": "Heading2"}.get(kind)
        if kind in ("sign", "date"):
            inner = sign_ppr if sign_ppr is not None else ppr(jc="right", right=1280, first=0, first_chars=0, wrap=False)
        else:
            inner = para.get(n, "")
        props = f"<w:pPr>{ppr(pstyle, wrap=False)}{inner}</w:pPr>" if (pstyle or inner) else ""
        rp = runs.get(n, title_props if kind == "title" else "")
        if kind == "blank":
            body.append(p("", props))
        elif isinstance(text, tuple):
            lead, rest = text
            lp = lead_props.get(n, rpr(rstyle="H2Char") if kind == "h2run" else rp)
            body.append(p([r(lead, lp), r(rest, rp)], props))
        else:
            body.append(p([r(text, rp)], props))
    d = Docx()
    d.body = body
    if no_footers:
        d.footers = {}
        refs = {}
    else:
        d.footers = footers if footers is not None else {"rIdFtrOdd": gbt_footer("right"), "rIdFtrEven": gbt_footer("left")}
        refs = footer_refs if footer_refs is not None else {"default": "rIdFtrOdd", "even": "rIdFtrEven"}
        refs = {k: v for k, v in refs.items() if v in d.footers}
    d.sect = sect if sect is not None else sect_pr(footers=refs)
    if sect is not None and "{footers}" in sect:
        d.sect = sect.replace("{footers}", "".join(f'<w:footerReference w:type="{k}" r:id="{v}"/>' for k, v in refs.items()))
    d.styles = styles if styles is not None else house_styles()
    d.settings = settings if settings is not None else settings_xml()
    d.theme = theme
    return d


# --- the faults -------------------------------------------------------------------------------------------

def _theme_body(lang: str) -> Docx:
    """docDefaults take the theme's minor East Asian font; Normal names no font, only the w:hint Word writes
    where Chinese is typed with an IME (without it “” would be Calibri: a different fault, FMT008)."""
    default = fonts(ascii_theme="minorHAnsi", hansi_theme="minorHAnsi", east_theme="minorEastAsia") + rpr(sz=16, wrap=False)
    normal = fonts(hint="eastAsia") + rpr(sz=16, wrap=False)
    return plan(styles=house_styles(default_rpr=default, normal_rpr=normal),
                theme=theme_xml(minor_hans=SONG), settings=settings_xml(theme_lang=lang))


def _based_on_chain() -> Docx:
    """Body paragraphs in 正文文本, based on 正文基础, which sets 楷体_GB2312 over Normal."""
    extra = (style("BodyBase", "正文基础", based="Normal", rp=fonts(KAI, TNR)),
             style("BodyText", "正文文本", based="BodyBase"))
    body = {n: '<w:pStyle w:val="BodyText"/>' for n in (2, 5, 7, 14, 16)}
    d = plan(styles=house_styles(extra=extra))
    for n, inner in body.items():
        kind, text = LINES[n - 1]
        d.body[n - 1] = p([r(text)], f"<w:pPr>{inner}</w:pPr>")
    return d


def _word_defaults() -> Docx:
    """A plan typed into Word's blank document: Letter, 1"/1.25" margins, Calibri/theme fonts with a Japanese
    theme language (python-docx's default template), 11 pt, 1.15 lines, no indent, no page numbers, every
    heading just typed in Normal."""
    default = fonts(ascii_theme="minorHAnsi", hansi_theme="minorHAnsi", east_theme="minorEastAsia") + rpr(sz=11, lang="ja-JP", wrap=False)
    styles = styles_xml([style("Normal", "Normal", default=True)], default_rpr=default,
                        default_ppr=ppr(after=200, line=276, rule="auto", wrap=False))
    typed = rpr(hint="eastAsia")   # what Word writes on runs typed with a Chinese IME
    d = plan(styles=styles, theme=theme_xml(), settings=settings_xml(even_odd=False, theme_lang="ja-JP"),
             sect=sect_pr(w=12240, h=15840, top=1440, bottom=1440, left=1800, right=1800, grid_type=None, pitch=360),
             no_footers=True, lead_props={n: typed for n in (9, 10, 11, 12)},
             runs={n: typed for n in range(1, 20)})
    for n, (kind, text) in enumerate(LINES, 1):   # headings typed in Normal, no styles
        if kind in ("title", "h1", "h2"):
            d.body[n - 1] = p([r(text, typed)])
    return d


def _wps(fault: str = "") -> Docx:
    """Saved by WPS 文字: numeric style ids, everything in direct formatting on every paragraph and run,
    docDefaults on the theme (宋体/Calibri), w:compat settings of its own, the wpsCustomData namespace."""
    default = fonts(ascii_theme="minorHAnsi", hansi_theme="minorHAnsi", east_theme="minorEastAsia") + rpr(kern=2, sz=10.5, lang="zh-CN", wrap=False)
    styles = styles_xml([
        style("1", "Normal", default=True, pp=ppr(jc="both", wrap=False),
              rp=fonts(ascii_theme="minorHAnsi", hansi_theme="minorHAnsi", east_theme="minorEastAsia") + rpr(kern=2, sz=10.5, wrap=False)),
        style("2", "heading 1", based="1", next_="1", pp=ppr(keep_next=True, outline=0, wrap=False), rp=rpr(b=True, kern=44, sz=22, wrap=False)),
        style("3", "footer", based="1", pp=ppr(jc="left", snap=False, wrap=False), rp=rpr(sz=9, wrap=False)),
    ], default_rpr=default, wps=True)

    def body_rpr(face=FANG, sz=16, b=None):
        return rpr(rfonts=fonts(face, face, hint="eastAsia"), sz=sz, b=b, lang="zh-CN")

    def para_ppr(first_chars=200, jc="both", style_id=None, right=None):
        first = 640 if first_chars else 0
        return ppr(style_id, keep_next=False, wps_extras=True, snap=True, line=560, rule="exact",
                   first=first, first_chars=first_chars, right=right, jc=jc,
                   mark=rpr(rfonts=fonts(FANG, FANG, hint="eastAsia"), sz=16, lang="zh-CN"))

    faces = {"title": XBS, "h1": HEI, "h2": KAI}
    body = []
    for n, (kind, text) in enumerate(LINES, 1):
        if kind == "title":
            face, sz, b = (SONG, 22, True) if fault == "title" else (XBS, 22, None)
            body.append(p([r(text, body_rpr(face, sz, b))], para_ppr(0, "center")))
        elif kind == "blank":
            body.append(p("", para_ppr()))
        elif kind in ("sign", "date"):
            body.append(p([r(text, body_rpr())], para_ppr(0, "right", right=1280)))
        elif isinstance(text, tuple):
            lead, rest = text
            face = KAI if kind == "h2run" else FANG
            body.append(p([r(lead, body_rpr(face)), r(rest, body_rpr())], para_ppr()))
        else:
            body.append(p([r(text, body_rpr(faces.get(kind, FANG)))], para_ppr(style_id="2" if kind == "h1" else None)))

    def wps_footer(side):
        props = rpr(rfonts=fonts(SONG, SONG, hint="eastAsia"), sz=14)
        indent = {"right": 280} if side == "right" else {"left": 280}
        pp = ppr("3", wps_extras=True, jc=side, first=0, first_chars=0, **indent)
        return footer_xml([p(page_number_runs(props, before="— ", after=" —"), pp)], wps=True)

    d = Docx(wps=True)
    d.body = body
    d.footers = {"rId4": wps_footer("right"), "rId5": wps_footer("left")}
    d.sect = sect_pr(footers={"default": "rId4", "even": "rId5"}, grid_type="lines", pitch=579,
                     header=851, footer=1417)
    d.styles = styles
    d.settings = settings_xml(compat=WPS_COMPAT, wps=True)
    d.theme = theme_xml(minor_hans=SONG, major_hans=SONG)
    return d


def _footer_center_plain() -> Docx:
    props = rpr(SONG, SONG, sz=14)
    ftr = footer_xml([p(page_number_runs(props, before="", after=""), ppr("Footer", jc="center"))])
    return plan(footers={"rIdFtr": ftr}, footer_refs={"default": "rIdFtr"}, settings=settings_xml(even_odd=False))


def _footer_font() -> Docx:
    def f(side):
        props = rpr(TNR, TNR, sz=10.5)
        indent = {"right": 280} if side == "right" else {"left": 280}
        return footer_xml([p(page_number_runs(props), ppr("Footer", jc=side, **indent))])
    return plan(footers={"rIdO": f("right"), "rIdE": f("left")}, footer_refs={"default": "rIdO", "even": "rIdE"},
                styles=house_styles(footer_rpr=rpr(sz=10.5, wrap=False)))


def _title_page() -> Docx:
    return plan(sect=sect_pr(footers={}, title_pg=True).replace("<w:pgSz", "{footers}<w:pgSz"))


def _no_east_asian() -> Docx:
    """No East Asian font anywhere for body text: docDefaults and Normal name only Times New Roman (with the
    w:hint Word writes on IME-typed text, so that “” are not a second, different fault)."""
    latin_only = fonts(None, TNR, hint="eastAsia")
    return plan(styles=house_styles(default_rpr=latin_only + rpr(sz=16, wrap=False),
                                    normal_rpr=latin_only + rpr(sz=16, wrap=False)))


def _quotes_western() -> Docx:
    """Normal names 仿宋 for Chinese but no w:hint: “” (General Punctuation) take the hAnsi font, Times New Roman."""
    return plan(styles=house_styles(normal_rpr=fonts(FANG, TNR) + rpr(sz=16, wrap=False)))


FIXTURES: dict[str, Callable[[], Docx]] = {
    "clean_styles": lambda: plan(),
    "clean_word_grid": lambda: plan(
        styles=house_styles(normal_ppr=ppr(line=240, rule="auto", first=640, first_chars=200, jc="both", wrap=False)),
        sect=sect_pr(footers={"default": "rIdFtrOdd", "even": "rIdFtrEven"}, grid_type="linesAndChars", pitch=579,
                     char_space=-849)),
    "clean_exact28": lambda: plan(styles=house_styles(
        normal_ppr=ppr(line=560, rule="exact", first=640, first_chars=200, jc="both", wrap=False))),
    "clean_bold_headings": lambda: plan(styles=house_styles(
        h_rpr={1: fonts(HEI, TNR, hint="eastAsia") + rpr(sz=16, b=True, wrap=False)}),
        lead_props={10: rpr(b=True), 11: rpr(b=True)}),
    "clean_aliases": lambda: plan(styles=house_styles(
        normal_rpr=fonts("仿宋", TNR, hint="eastAsia") + rpr(sz=16, wrap=False),
        title_rpr=fonts("方正小标宋_GBK", TNR, hint="eastAsia") + rpr(sz=22, wrap=False),
        h_rpr={1: fonts("SimHei", TNR, hint="eastAsia") + rpr(sz=16, wrap=False),
               2: fonts("楷体", TNR, hint="eastAsia") + rpr(sz=16, wrap=False)})),
    "clean_wps": lambda: _wps(),
    "fmt001_margins": lambda: plan(sect=sect_pr(top=1440, bottom=1440, left=1800, right=1800).replace(
        "<w:pgSz", "{footers}<w:pgSz")),
    "fmt001_letter": lambda: plan(sect=sect_pr(w=12240, h=15840).replace("<w:pgSz", "{footers}<w:pgSz")),
    "fmt002_normal_songti": lambda: plan(styles=house_styles(
        normal_rpr=fonts(SONG, TNR, hint="eastAsia") + rpr(sz=12, wrap=False))),
    "fmt002_direct": lambda: plan(runs={n: rpr(SONG) for n in (5, 7, 14)}),
    "fmt002_based_on": _based_on_chain,
    "fmt002_theme": lambda: _theme_body("zh-CN"),
    "fmt002_theme_ja": lambda: _theme_body("ja-JP"),
    "fmt002_size": lambda: plan(styles=house_styles(normal_rpr=fonts(FANG, TNR, hint="eastAsia") + rpr(sz=15, wrap=False))),
    "fmt003_title_hei": lambda: plan(styles=house_styles(title_rpr=fonts(HEI, TNR, hint="eastAsia") + rpr(sz=22, wrap=False))),
    "fmt003_title_left_small": lambda: plan(styles=house_styles(
        title_ppr=ppr(jc="left", first=0, first_chars=0, wrap=False),
        title_rpr=fonts(XBS, TNR, hint="eastAsia") + rpr(sz=18, wrap=False))),
    "fmt003_substitute": lambda: plan(styles=house_styles(title_rpr=fonts("华文中宋", TNR, hint="eastAsia") + rpr(sz=22, wrap=False))),
    "fmt004_h1_fang": lambda: plan(styles=house_styles(h_rpr={1: fonts(FANG, TNR, hint="eastAsia") + rpr(sz=16, wrap=False)})),
    "fmt004_h2_direct": lambda: plan(runs={n: rpr(HEI) for n in (4, 6, 13)}),
    "fmt004_h3_lead": lambda: plan(lead_props={10: rpr(rstyle="H3Hei"), 11: rpr(rstyle="H3Hei")},
                                   styles=house_styles(extra=(style("H3Hei", "三级标题黑体", kind="character",
                                                                    rp=fonts(HEI, TNR, hint="eastAsia")),))),
    "fmt005_exact26": lambda: plan(styles=house_styles(
        normal_ppr=ppr(line=520, rule="exact", first=640, first_chars=200, jc="both", wrap=False))),
    "fmt005_auto_no_grid": lambda: plan(
        styles=house_styles(normal_ppr=ppr(line=240, rule="auto", first=640, first_chars=200, jc="both", wrap=False)),
        sect=sect_pr(grid_type=None, pitch=None).replace("<w:pgSz", "{footers}<w:pgSz")),
    "fmt006_no_indent": lambda: plan(styles=house_styles(
        normal_ppr=ppr(line=579, rule="exact", jc="both", wrap=False))),
    "fmt006_hanging": lambda: plan(para={n: ppr(left=640, hanging=640, hanging_chars=200, wrap=False) for n in (5, 14)}),
    "fmt006_chars_or_twips": lambda: plan(
        styles=house_styles(normal_ppr=ppr(line=579, rule="exact", jc="both", wrap=False)),
        para={n: ppr(first_chars=200, wrap=False) if n % 2 else ppr(first=640, wrap=False) for n in INDENTED_LINES}),
    "fmt007_none": lambda: plan(no_footers=True),
    "fmt007_center_plain": _footer_center_plain,
    "fmt007_font": _footer_font,
    "fmt007_title_page": _title_page,
    "fmt008_no_east_asian": _no_east_asian,
    "fmt008_quotes_western": _quotes_western,
    "wps_title_song": lambda: _wps("title"),
    "word_defaults": _word_defaults,
}

# rule, first paragraph (None: the page or the footers), paragraphs covered (None: not counted), words the
# message must name (Chinese)
EXPECTED: dict[str, list[tuple[str, Optional[int], Optional[int], tuple[str, ...]]]] = {
    "clean_styles": [],
    "clean_word_grid": [],
    "clean_exact28": [],
    "clean_bold_headings": [],
    "clean_aliases": [],
    "clean_wps": [],
    "fmt001_margins": [("FMT001", None, None, ("页边距", "25.4", "31.8"))],
    "fmt001_letter": [("FMT001", None, None, ("A4", "215.9", "279.4"))],
    "fmt002_normal_songti": [("FMT002", 2, 11, ("宋体", "12"))],
    "fmt002_direct": [("FMT002", 5, 3, ("宋体",))],
    "fmt002_based_on": [("FMT002", 2, 5, ("楷体_GB2312", "正文文本"))],
    "fmt002_theme": [("FMT002", 2, 11, ("宋体",))],
    "fmt002_theme_ja": [("FMT002", 2, 11, ("ＭＳ 明朝",))],
    "fmt002_size": [("FMT002", 2, 11, ("15",))],
    "fmt003_title_hei": [("FMT003", 1, None, ("黑体",))],
    "fmt003_title_left_small": [("FMT003", 1, None, ("18", "居中"))],
    "fmt003_substitute": [("FMT003", 1, None, ("华文中宋",))],
    "fmt004_h1_fang": [("FMT004", 3, 3, ("一、", "黑体", "仿宋_GB2312"))],
    "fmt004_h2_direct": [("FMT004", 4, 3, ("（一）", "楷体", "黑体"))],
    "fmt004_h3_lead": [("FMT004", 10, 2, ("1.", "仿宋", "黑体"))],
    "fmt005_exact26": [("FMT005", 2, 17, ("26",))],
    "fmt005_auto_no_grid": [("FMT005", 2, 17, ())],
    "fmt006_no_indent": [("FMT006", 2, 15, ())],
    "fmt006_hanging": [("FMT006", 5, 2, ("悬挂",))],
    "fmt006_chars_or_twips": [],
    "fmt007_none": [("FMT007", None, None, ("页码",))],
    "fmt007_center_plain": [("FMT007", None, None, ("— N —",)), ("FMT007", None, None, ("居右",))],
    "fmt007_font": [("FMT007", None, None, ("宋体", "四号"))],
    "fmt007_title_page": [("FMT007", None, None, ("首页",))],
    "fmt008_no_east_asian": [("FMT008", 2, 11, ("中文字体",))],
    "fmt008_quotes_western": [("FMT008", 7, 4, ("Times New Roman", "“"))],
    "wps_title_song": [("FMT003", 1, None, ("宋体",))],
    "word_defaults": [
        ("FMT001", None, None, ("A4",)), ("FMT001", None, None, ("页边距",)),
        ("FMT002", 2, 11, ("ＭＳ 明朝", "11")),
        ("FMT003", 1, None, ("小标宋",)),
        ("FMT004", 3, 3, ("一、", "黑体")), ("FMT004", 4, 4, ("（一）", "楷体")),
        ("FMT005", 2, 17, ()),
        ("FMT006", 2, 15, ()),
        ("FMT007", None, None, ("页码",)),
    ],
}

# fonts an office declares in drafter.yaml: the 小标宋 substitute makes fmt003_substitute clean
SUBSTITUTE_CONFIG = {"layout": {"fonts": {"小标宋": ["华文中宋"]}}}
