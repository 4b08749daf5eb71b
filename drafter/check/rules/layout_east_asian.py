"""FMT008: Chinese text with no East Asian font in its formatting, and Chinese punctuation drawn in a
Western font for want of w:hint="eastAsia" (MS-OI29500 §2.1.88)."""
from __future__ import annotations

from typing import Iterable

from ..base import Context, Finding, register
from ..layout_parts import CJK, first_document, get_layout, layout_range, layout_rules
from ..textutil import owner
from .layout_common import FIX_HINT, LayoutRule


@register
class EastAsianFont(LayoutRule):
    """## What it does
    Finds runs of Chinese text with no East Asian font anywhere in their formatting (only w:ascii/w:hAnsi),
    so each PC substitutes its own; and Chinese quotation marks and dashes (“” ‘’ — …) set in a Western
    font because the run lacks w:hint="eastAsia" — Word draws those in the hAnsi font (MS-OI29500 §2.1.88).

    ## Why is this bad?
    The first looks right on the writer's PC and falls back to another face (MS Mincho, SimSun) on the
    reader's; the second gives narrow, Western-looking quotes inside Chinese text.

    ## Example
    ```
    <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/> on a run of Chinese text.
    ```

    ## Use instead
    ```
    <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/>
    ```
    """
    code = "FMT008"
    name = "east-asian-font"
    severity = "warning"
    doc_zh = """## 检查什么
中文文字的格式里（样式、直接格式各层）都没有设置中文字体（只有 w:ascii/w:hAnsi 西文字体），每台电脑会各自
替换一种；或者中文引号、破折号、省略号（“” ‘’ — …）因为没有 w:hint="eastAsia"，被 Word 用西文字体显示。

## 为什么
前者在起草人的电脑上看着正常，换一台电脑就变成 MS 明朝、宋体；后者使中文里的引号变窄，像英文引号。

## 示例（会报告）
中文文字的 rFonts 只有 w:ascii="Times New Roman" w:hAnsi="Times New Roman"。

## 应改为
同时设置 w:eastAsia="仿宋_GB2312" 和 w:hint="eastAsia"。"""
    example_hit = "【正文样式：只设西文字体 Times New Roman】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"
    example_miss = "【正文样式：中文字体 仿宋_GB2312】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        layout = get_layout(ctx)
        if layout is None:
            return
        rules = layout_rules(ctx)
        a, b = layout_range(ctx, layout)
        missing: list = []
        punct: dict = {}
        paras = [layout.paragraph(n) for n in range(a, b + 1)]
        if first_document(ctx):
            paras += layout.footnotes
        for para in paras:
            if para is None or not CJK.search(para.text):
                continue
            if any(r.east_asia is None and CJK.search(r.text) for r in para.runs):
                missing.append(para)
            for r in para.runs:
                marks = sorted({c for c in r.text if c in rules.western_punct})
                if not marks:
                    continue
                if r.hint == "eastAsia":
                    continue          # drawn in the East Asian font (none set: the finding above)
                face = r.h_ansi
                if not rules.is_cjk_font(face):
                    got = punct.setdefault(face or "", [[], set()])
                    if not got[0] or got[0][-1] is not para:
                        got[0].append(para)
                    got[1].update(marks)
        if missing:
            first = missing[0]
            latin = next((r.ascii for r in first.runs if r.east_asia is None and r.ascii), "") or "Times New Roman"
            n = len(missing)
            yield self._at(ctx, first, f"文字没有设置中文字体（只有西文字体 {latin}），Word 会用本机的默认中文字体代替；共 {n} 段",
                           f"text has no East Asian font (only the Western font {latin}); Word substitutes one; {n} paragraph(s)",
                           f"在样式或文字格式中设置中文字体（{rules.first_name('仿宋')}）",
                           f"set an East Asian font ({rules.first_name('仿宋')}) in the style or the text")
        for face, (group, mark_set) in punct.items():
            marks = sorted(mark_set)      # a set's order changes from run to run (string hashing)
            shown = face or "Times New Roman"
            default = "" if face else "（Word 默认）"
            n = len(group)
            yield self._at(ctx, group[0], f"中文标点 {''.join(marks)} 用了西文字体 {shown}{default}（文字缺少 w:hint=\"eastAsia\"）；共 {n} 段",
                           f"Chinese punctuation {''.join(marks)} is set in the Western font {shown} (no w:hint=\"eastAsia\"); {n} paragraph(s)",
                           "给这些文字设置 w:hint=\"eastAsia\"，或把西文字体也设为中文字体",
                           "give the runs w:hint=\"eastAsia\", or a Chinese hAnsi font")

    def _at(self, ctx, para, zh, en, sugg, sugg_en) -> Finding:
        node = owner(ctx, para.line) if para.line else None
        f = self.finding(ctx, zh, en, line=para.line or None, excerpt=para.text[:30],
                         suggestion=sugg + FIX_HINT[0], suggestion_en=sugg_en + FIX_HINT[1])
        if node is not None:
            f.label, f.path = node.label, ctx.path_of(node)
        return f

