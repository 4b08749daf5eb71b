"""FMT001, FMT005, FMT007: the page of a .docx — paper and margins, lines per page, page numbers
(GB/T 9704-2012 §5.2, §7.5). Reported by kind, like every FMT rule (layout_common.py).
"""
from __future__ import annotations

import math
from typing import Iterable, Optional

from ..base import Context, Finding, register
from ..layout_faults import PAGE_NUMBER_FORM, lines_per_page, page_number_fault, page_number_text
from ..layout_parts import first_document, get_layout, layout_rules, parts, size_text
from .layout_common import ALIGN, FIX_HINT, LayoutRule, groups, where


@register
class PageSetup(LayoutRule):
    """## What it does
    Checks each section's paper and margins: A4 (210 × 297 mm), margins top 37, bottom 35, left 28,
    right 26 mm (±1 mm), i.e. a 156 × 225 mm type area. A landscape A4 section (a wide table, §8) is
    accepted as A4; its margins are not checked.

    ## Why is this bad?
    GB/T 9704-2012 §5.2: 天头 37 mm ± 1 mm，订口 28 mm ± 1 mm，版心 156 mm × 225 mm. Letter paper or Word's
    2.54/3.17 cm margins change every line and page break.

    ## Example
    ```
    Margins 25.4 / 25.4 / 31.8 / 31.8 mm (Word's defaults).
    ```

    ## Use instead
    ```
    <w:pgSz w:w="11906" w:h="16838"/> <w:pgMar w:top="2098" w:bottom="1984" w:left="1588" w:right="1474"/>
    ```
    """
    code = "FMT001"
    name = "page-setup"
    severity = "warning"
    doc_zh = """## 检查什么
各节的纸张和页边距：A4（210 × 297 毫米），上 37、下 35、左 28、右 26 毫米（允许 ±1 毫米），即版心 156 × 225 毫米。
横排 A4 的节（宽表格，第 8 条）按 A4 接受，不检查其页边距。

## 为什么
GB/T 9704-2012 第 5.2 条：天头 37 mm ± 1 mm，订口 28 mm ± 1 mm，版心 156 mm × 225 mm。用 Letter 纸或 Word
默认的 2.54/3.17 厘米页边距，每一行、每一页的断行都会变。

## 示例（会报告）
页边距为上 25.4、下 25.4、左 31.8、右 31.8 毫米（Word 默认）。

## 应改为
A4，上 37、下 35、左 28、右 26 毫米。"""
    example_hit = "【页面：A4，页边距 25.4/25.4/31.8/31.8 毫米】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"
    example_miss = "【页面：A4，页边距 37/35/28/26 毫米】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        layout = get_layout(ctx)
        if layout is None or not first_document(ctx):
            return
        page = layout_rules(ctx).data["page"]
        tol = float(page.get("tolerance", 1))
        paper, margins = {}, {}
        for k, sec in enumerate(layout.sections):
            if sec.first_line > sec.last_line and k:
                continue
            w, h = sorted(sec.page_mm)
            if abs(w - page["width"]) > tol or abs(h - page["height"]) > tol:
                paper.setdefault((_mm(sec.page_mm[0]), _mm(sec.page_mm[1])), []).append(k)
            if sec.landscape:
                continue
            got = tuple(_mm(x) for x in sec.margins_mm)
            want = (page["top"], page["bottom"], page["left"], page["right"])
            if any(abs(g - x) > tol for g, x in zip(got, want)):
                margins.setdefault(got, []).append(k)
        many = len(layout.sections) > 1
        for (w, h), secs in paper.items():
            where_zh = f"第 {'、'.join(str(s + 1) for s in secs)} 节的" if many else ""
            where_en = f"section {', '.join(str(s + 1) for s in secs)}: " if many else ""
            yield self._page(ctx, f"{where_zh}纸张为 {w:g} × {h:g} 毫米，不是 A4（210 × 297 毫米）",
                             f"{where_en}paper is {w:g} × {h:g} mm, not A4 (210 × 297 mm)",
                             "页面设置改为 A4", "set the paper to A4")
        for (t, b, l, r), secs in margins.items():
            where_zh = f"第 {'、'.join(str(s + 1) for s in secs)} 节的" if many else ""
            where_en = f"section {', '.join(str(s + 1) for s in secs)}: " if many else ""
            yield self._page(ctx, f"{where_zh}页边距为上 {t:g}、下 {b:g}、左 {l:g}、右 {r:g} 毫米，"
                                  f"应为上 {page['top']}、下 {page['bottom']}、左 {page['left']}、右 {page['right']} 毫米（±{tol:g}）",
                             f"{where_en}margins are top {t:g}, bottom {b:g}, left {l:g}, right {r:g} mm instead of "
                             f"{page['top']}/{page['bottom']}/{page['left']}/{page['right']} mm (±{tol:g})",
                             "页边距改为上 37、下 35、左 28、右 26 毫米", "set the margins to 37/35/28/26 mm")

    def _page(self, ctx, zh, en, sugg, sugg_en) -> Finding:
        return self.finding(ctx, zh, en, suggestion=sugg + FIX_HINT[0], suggestion_en=sugg_en + FIX_HINT[1])


def _mm(x: float) -> float:
    """Millimetres to one decimal, half up (1800 tw = 31.75 mm → 31.8)."""
    return math.floor(x * 10 + 0.5 + 1e-6) / 10


@register
class LinePitch(LayoutRule):
    """## What it does
    Works out how many lines of each paragraph's spacing fit in the 225 mm type area and reports spacing
    that does not give 22 lines a page: exact spacing of about 28–28.95 pt does, and so does single spacing
    on a 22-line document grid (line pitch 28.95 pt); 26 pt, 29 pt or Word's 1.15 lines do not. The title is
    left out (a multi-line title may be set tighter).

    ## Why is this bad?
    GB/T 9704-2012 §5.2.2: 一般每面排 22 行，每行排 28 个字.

    ## Example
    ```
    Normal: exact spacing 26 pt (24 lines a page).
    ```

    ## Use instead
    ```
    <w:spacing w:line="579" w:lineRule="exact"/> and <w:docGrid w:type="lines" w:linePitch="579"/>
    ```
    """
    code = "FMT005"
    name = "line-pitch"
    severity = "warning"
    doc_zh = """## 检查什么
按每个段落的行距算出版心（225 毫米）一页能排几行，不是 22 行的报告：固定值约 28–28.95 磅是 22 行，22 行的
文档网格（行距 28.95 磅）加单倍行距也是；26 磅、29 磅或 Word 默认的 1.15 倍都不是。标题不检查（多行标题可以排得紧一些）。

## 为什么
GB/T 9704-2012 第 5.2.2 条：一般每面排 22 行，每行排 28 个字。

## 示例（会报告）
“Normal”样式行距为固定值 26 磅（每页 24 行）。

## 应改为
行距固定值 28.95 磅（579 缇），文档网格每页 22 行。"""
    example_hit = "【正文样式：行距固定值 26 磅】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"
    example_miss = "【正文样式：行距固定值 28.95 磅】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        layout = get_layout(ctx)
        if layout is None:
            return
        data = layout_rules(ctx).data
        want = int(data.get("lines_per_page", 22))
        height = data["page"]["height"] - data["page"]["top"] - data["page"]["bottom"]
        items = []
        for part in parts(ctx):
            if part.role == "title":
                continue
            para = part.para
            sec = layout.sections[min(para.section, len(layout.sections) - 1)]
            if sec.landscape:
                continue
            n, pitch = lines_per_page(para, sec, height)
            if n != want:
                key = (para.line_rule, round(para.line_value, 2), sec.grid_type if para.line_rule != "exact" else "",
                       round(sec.grid_pitch, 2) if para.line_rule != "exact" else 0, n, para.spacing_from)
                items.append((key, part))
        for (rule, value, grid, pitch, n, origin), group in groups(items).items():
            wz, we = where(layout, group, origin, False)
            if rule == "exact":
                zh, en = f"固定值 {value:g} 磅", f"exactly {value:g} pt"
            elif rule == "atLeast":
                zh, en = f"最小值 {value:g} 磅", f"at least {value:g} pt"
            else:
                zh, en = f" {value:g} 倍行距", f"{value:g} lines"
            if rule != "exact":
                if grid:
                    zh += f"、文档网格每行 {pitch:g} 磅"
                    en += f" (document grid of {pitch:g} pt)"
                else:
                    zh += "、没有文档网格"
                    en += " (no document grid)"
            count = len(group)
            yield self.place(ctx, group[0], f"行距为{zh}（{wz}），每页约 {n} 行，应为 {want} 行；共 {count} 段",
                             f"line spacing {en} ({we}) gives about {n} lines a page instead of {want}; {count} paragraph(s)",
                             "行距设为固定值 28.95 磅，并把文档网格设为每页 22 行（行距 28.95 磅）",
                             "set exact line spacing of 28.95 pt and a 22-line document grid (pitch 28.95 pt)")


def _side(para) -> str:
    """left | right | center | outside | inside: where a page number paragraph sits."""
    for x in (para.frame_x, para.anchor_x):
        if x:
            return x
    return {"start": "left", "end": "right", "both": "left", "distribute": "center"}.get(para.align, para.align)


@register
class PageNumbers(LayoutRule):
    """## What it does
    Checks the page numbers in the footers: there must be a PAGE field; it is shown as `— N —` (one em
    dash each side); in 四号 (14 pt) 宋体; odd pages on the right and even pages on the left (separate
    odd/even footers with w:evenAndOddHeaders, or a frame aligned "outside"); page 1 numbered too; and
    below the type area.

    ## Why is this bad?
    GB/T 9704-2012 §7.5: 一般用 4 号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字左右各放一条一字线；
    单页码居右空一字，双页码居左空一字.

    ## Example
    ```
    One footer for all pages, a centred PAGE field without dashes.
    ```

    ## Use instead
    ```
    Odd-page footer "— N —" right-aligned, even-page footer left-aligned, 宋体 14 pt.
    ```
    """
    code = "FMT007"
    name = "page-numbers"
    severity = "warning"
    doc_zh = """## 检查什么
页脚里的页码：要有页码域（PAGE）；显示为“— N —”（左右各一条一字线）；四号（14 磅）宋体；单页码居右、
双页码居左（奇偶页不同的两个页脚，或“外侧”对齐的图文框）；第一页也有页码；位于版心之下。

## 为什么
GB/T 9704-2012 第 7.5 条：一般用 4 号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字左右各放一条一字线；
单页码居右空一字，双页码居左空一字。

## 示例（会报告）
所有页共用一个页脚，页码居中，没有一字线。

## 应改为
奇数页页脚“— N —”居右，偶数页页脚居左，四号宋体。"""
    example_hit = "【页脚：页码居中，无一字线】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"
    example_miss = "【页脚：— N — 四号宋体，单页居右、双页居左】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        layout = get_layout(ctx)
        if layout is None or not first_document(ctx):
            return
        rules = layout_rules(ctx)
        bottom = float(rules.data["page"]["bottom"])
        problems: dict[str, tuple[str, str, str]] = {}   # kind → (zh, en, excerpt)

        def add(kind, zh, en, excerpt=""):
            problems.setdefault(kind, (zh, en, excerpt))

        numbered = False
        for sec in layout.sections:
            odd = self._number(sec.footers.get("default"))
            even = self._number(sec.footers.get("even")) if layout.even_and_odd else None
            if odd is None and even is None:
                continue
            numbered = True
            for label_zh, label_en, para in (("奇数页", "odd pages", odd), ("偶数页", "even pages", even)):
                if para is None:
                    continue
                shown = page_number_text(para)
                if not PAGE_NUMBER_FORM.match(shown):
                    add("form", f"页码显示为“{shown.strip()}”，应为“— N —”（左右各一条一字线）",
                        f"the page number reads '{shown.strip()}' instead of '— N —' (an em dash each side)", shown)
                self._font(add, rules, para)
            odd_side = _side(odd) if odd is not None else ""
            if not layout.even_and_odd:
                if odd_side != "outside":
                    z, e = ALIGN.get(odd.align, (odd_side, odd_side)) if odd is not None else ("", "")
                    add("side", f"所有页共用一个页脚（页码{z}），没有设置奇偶页不同：应单页码居右、双页码居左",
                        f"one footer for every page (number {e}); it should be right on odd pages, left on even pages "
                        "(odd and even footers)")
            else:
                if odd is not None and odd_side not in ("right", "outside"):
                    add("side", f"奇数页页码{ALIGN.get(odd.align, (odd_side,))[0]}，应居右",
                        "odd-page numbers are not on the right")
                if even is None:
                    add("side", "偶数页页脚没有页码，应居左", "the even-page footer has no page number; it should be on the left")
                elif _side(even) not in ("left", "outside"):
                    add("side", f"偶数页页码{ALIGN.get(even.align, (_side(even),))[0]}，应居左",
                        "even-page numbers are not on the left")
            if sec.title_page and self._number(sec.footers.get("first")) is None:
                add("first", "设置了“首页不同”，第一页不显示页码；公文首页也应编页码",
                    "'different first page' leaves page 1 without a number; page 1 of a 公文 is numbered too")
            if sec.footer_mm >= bottom - 3:
                add("inside", f"页脚距页面底边 {sec.footer_mm:.1f} 毫米，页码进入版心；应约 25 毫米（一字线距版心下边缘 7 毫米）",
                    f"the footer sits {sec.footer_mm:.1f} mm above the paper edge, inside the type area; about 25 mm is right")
        if not numbered:
            add("none", "没有页码（页脚里没有页码域）", "there are no page numbers (no PAGE field in a footer)")
        for kind, (zh, en, excerpt) in problems.items():
            yield self.finding(ctx, zh, en, excerpt=excerpt,
                               suggestion="页脚设为“— N —”四号宋体，单页居右空一字、双页居左空一字，并勾选“奇偶页不同”" + FIX_HINT[0],
                               suggestion_en="footers '— N —' in 宋体 14 pt, odd pages right and even pages left "
                                             "(different odd and even pages)" + FIX_HINT[1])

    @staticmethod
    def _number(footer) -> Optional[object]:
        if footer is None:
            return None
        paras = footer.page_paragraphs()
        return paras[0] if paras else None

    @staticmethod
    def _font(add, rules, para) -> None:
        bad_face, bad_size = page_number_fault(rules, para)
        if bad_face or bad_size:
            got_zh = "、".join(bad_face + [size_text(rules, s)[0] for s in bad_size])
            got_en = ", ".join(bad_face + [size_text(rules, s)[1] for s in bad_size])
            add("font", f"页码字体为{got_zh}，应为四号（14 磅）宋体", f"page numbers are set in {got_en} instead of 宋体 14 pt")
