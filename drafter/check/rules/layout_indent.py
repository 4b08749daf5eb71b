"""FMT006: paragraphs of the body (headings included) not indented 左空二字、回行顶格 (GB/T 9704-2012 §7.3.3)."""
from __future__ import annotations

from typing import Iterable

from ..base import Context, Finding, register
from ..layout_faults import indent_fault
from ..layout_parts import LEVELS, get_layout, layout_rules, parts
from .layout_common import LayoutRule, groups, where

_ADDRESSEE_END = ("：", ":")


@register
class FirstLineIndent(LayoutRule):
    """## What it does
    Finds paragraphs of the body (headings included) that do not start two characters in with the lines
    after it flush left: no first-line indent, a different one, a hanging indent, or a left indent of the
    whole paragraph. Centred and right-aligned lines (署名, 成文日期), 附件说明 and the 主送机关 line are not
    indented and are left out.

    ## Why is this bad?
    GB/T 9704-2012 §7.3.3: 每个自然段左空二字，回行顶格.

    ## Example
    ```
    Normal has no first-line indent.
    ```

    ## Use instead
    ```
    w:ind w:firstLineChars="200" w:firstLine="640" (two characters of 三号).
    ```
    """
    code = "FMT006"
    name = "first-line-indent"
    severity = "info"
    doc_zh = """## 检查什么
正文段落（含各级标题）没有“左空二字、回行顶格”：没有首行缩进、缩进不是两字、用了悬挂缩进，或整段左缩进。
居中、右对齐的行（署名、成文日期）、附件说明和主送机关行本来不缩进，不检查。

## 为什么
GB/T 9704-2012 第 7.3.3 条：每个自然段左空二字，回行顶格。

## 示例（会报告）
“Normal”样式没有首行缩进。

## 应改为
首行缩进 2 字符（w:firstLineChars="200"，即三号字 640 缇）。"""
    example_hit = "【正文样式：首行不缩进】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"
    example_miss = "【正文样式：首行缩进 2 字】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        layout = get_layout(ctx)
        if layout is None:
            return
        rules = layout_rules(ctx)
        first_heading = min((p.line for p in parts(ctx) if p.role in LEVELS), default=10 ** 9)
        items = []
        seen = set()
        for part in parts(ctx):
            if part.role == "title" or part.line in seen:
                continue
            seen.add(part.line)
            text = part.para.text.strip()
            if part.line < first_heading and text.endswith(_ADDRESSEE_END) and len(text) <= 60:
                continue                  # 主送机关：居左顶格 (§7.3.2)
            fault = indent_fault(rules, part)
            if fault:
                items.append((fault, part))
        for (kind, value, origin), group in groups(items).items():
            wz, we = where(layout, group, origin, False)
            v = f"{value:g}"
            what = {"hanging": (f"用了悬挂缩进 {v} 字", f"have a hanging indent of {v} characters"),
                    "block": (f"整段左缩进 {v} 字（回行没有顶格）", f"are indented {v} characters as a block (wrapped lines not flush left)"),
                    "first": (f"首行缩进 {v} 字", f"have a first-line indent of {v} characters"),
                    "left": (f"左缩进 {v} 字", f"have a left indent of {v} characters")}[kind]
            n = len(group)
            yield self.place(ctx, group[0], f"段落{what[0]}（{wz}），应为首行缩进 2 字、回行顶格；共 {n} 段",
                             f"paragraphs {what[1]} ({we}) instead of a two-character first-line indent; {n} paragraph(s)",
                             "设为首行缩进 2 字符、左缩进 0", "set a first-line indent of 2 characters and no left indent")

