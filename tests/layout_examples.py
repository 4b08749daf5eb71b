"""The layout rules' documented examples (`drafter rules FMT002`) as .docx files: the first line of an example
says, in 【】, how the document is formatted; the other lines are its paragraphs (title, 一、/（一） headings,
body). `example_docx(text, path)` builds that document on the house styles of layout_fixtures.py."""
from __future__ import annotations

from layout_docx import (FANG, HEI, TNR, XBS, fonts, footer_xml, gbt_footer, p, page_number_runs, ppr, r, rpr,
                         sect_pr, settings_xml)
from layout_fixtures import house_styles

# directive → how it changes the house set-up (styles, section, footers, settings)
_DIRECTIVES = {
    "正文样式：宋体 12 磅": {"styles": dict(normal_rpr=fonts("宋体", TNR, hint="eastAsia") + rpr(sz=12, wrap=False))},
    "正文样式：仿宋_GB2312 16 磅": {},
    "标题：黑体 22 磅 居中": {"styles": dict(title_rpr=fonts(HEI, TNR, hint="eastAsia") + rpr(sz=22, wrap=False))},
    "标题：方正小标宋简体 22 磅 居中": {},
    "一级标题样式：仿宋_GB2312": {"styles": dict(h_rpr={1: fonts(FANG, TNR, hint="eastAsia") + rpr(sz=16, wrap=False)})},
    "一级标题样式：黑体": {},
    "正文样式：首行不缩进": {"styles": dict(normal_ppr=ppr(line=579, rule="exact", jc="both", wrap=False))},
    "正文样式：首行缩进 2 字": {},
    "正文样式：只设西文字体 Times New Roman": {"styles": dict(
        default_rpr=fonts(None, TNR, hint="eastAsia") + rpr(sz=16, wrap=False),
        normal_rpr=fonts(None, TNR, hint="eastAsia") + rpr(sz=16, wrap=False))},
    "正文样式：中文字体 仿宋_GB2312": {},
    "页面：A4，页边距 25.4/25.4/31.8/31.8 毫米": {"sect": dict(top=1440, bottom=1440, left=1800, right=1800)},
    "页面：A4，页边距 37/35/28/26 毫米": {},
    "正文样式：行距固定值 26 磅": {"styles": dict(normal_ppr=ppr(line=520, rule="exact", first=640, first_chars=200,
                                                          jc="both", wrap=False))},
    "正文样式：行距固定值 28.95 磅": {},
    "页脚：页码居中，无一字线": {"centred_footer": True},
    "页脚：— N — 四号宋体，单页居右、双页居左": {},
}


def example_docx(text: str, path) -> str:
    lines = text.strip("\n").split("\n")
    directive = lines[0].strip("【】")
    change = _DIRECTIVES[directive]
    styles = house_styles(**change.get("styles", {}))
    footers = {"rIdO": gbt_footer("right"), "rIdE": gbt_footer("left")}
    refs = {"default": "rIdO", "even": "rIdE"}
    settings = settings_xml()
    if change.get("centred_footer"):
        footers = {"rIdO": footer_xml([p(page_number_runs(rpr("宋体", "宋体", sz=14), before="", after=""),
                                         ppr("Footer", jc="center"))])}
        refs = {"default": "rIdO"}
        settings = settings_xml(even_odd=False)
    body = []
    for k, line in enumerate(lines[1:]):
        style = "GWTitle" if k == 0 else "Heading1" if line.startswith("一、") else \
            "Heading2" if line.startswith("（一）") else None
        body.append(p([r(line)], ppr(style) if style else ""))
    from layout_docx import Docx
    d = Docx(body=body, styles=styles, settings=settings, footers=footers,
             sect=sect_pr(footers=refs, **change.get("sect", {})))
    return str(d.write(path))


__all__ = ["example_docx", "XBS"]
