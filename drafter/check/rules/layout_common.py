"""What every FMT rule shares: the rule base that places a finding (with the `fix --layout` hint), the grouping
of paragraphs by kind of fault, and where a value comes from in words.

The FMT rules are layout_page.py (FMT001 page, FMT005 lines a page, FMT007 page numbers), layout_fonts.py
(FMT002 body, FMT003 title, FMT004 headings), layout_indent.py (FMT006) and layout_east_asian.py (FMT008).
Only .docx input has a layout (`ctx.layout`); .txt is never layout-checked. Findings are reported by kind:
paragraphs with the same fault from the same place (a style, the document defaults, direct formatting)
make one finding that says how many paragraphs it covers, placed at the first of them.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..base import Context, Finding, Rule
from ..layout_parts import Part, origin_text

ALL_KINDS = ("plan", "division", "summary", "unknown")
ALIGN = {"center": ("居中", "centred"), "left": ("左对齐", "left-aligned"), "start": ("左对齐", "left-aligned"),
         "both": ("两端对齐", "justified"), "right": ("右对齐", "right-aligned"), "end": ("右对齐", "right-aligned"),
         "distribute": ("分散对齐", "distributed")}
FIX_HINT = ("；或运行 drafter fix --layout", "; or run drafter fix --layout")


class LayoutRule(Rule):
    kinds = ALL_KINDS
    layout_fixable = True

    def place(self, ctx: Context, part: Part, zh: str, en: str, sugg: str, sugg_en: str,
              count: Optional[int] = None) -> Finding:
        f = self.finding(ctx, zh, en, node=part.node, line=part.line, excerpt=part.para.text[:30],
                         suggestion=sugg + FIX_HINT[0], suggestion_en=sugg_en + FIX_HINT[1])
        if part.node is None:
            f.label, f.path = "", ""
        return f


def where(layout, group: list[Part], origin: str, theme: bool) -> tuple[str, str]:
    """样式“正文文本”（继承自样式“正文基础”）/ 直接格式 … for the place a group's fault comes from."""
    zh, en = origin_text(layout, origin, theme)
    styles = {p.para.style_id for p in group}
    if origin.startswith("style:") and len(styles) == 1 and origin != f"style:{next(iter(styles))}":
        own = group[0].para.style
        return f"样式“{own}”（继承自{zh}）", f"style '{own}' (inherited from {en})"
    return zh, en


def groups(items: Iterable[tuple]) -> dict:
    """key → [parts], keys in the order their first part appears; a paragraph is counted once per key."""
    out: dict = {}
    for key, part in items:
        lst = out.setdefault(key, [])
        if not lst or lst[-1].line != part.line:
            lst.append(part)
    return out
