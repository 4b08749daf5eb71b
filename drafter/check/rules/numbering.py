"""NUM001: heading numbers run without a gap, a repeat or a swap — also 一是/二是 run together in one paragraph.

NUM002–NUM004 (allowed forms, one form per level, announced counts) are in numbering_forms.py.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Optional

from ...model import Node
from ..base import Context, Finding, Rule, register
from ..renumber import attach_renumbering, label_span
from ..spans import edit, node_span
from ..textutil import cn2int, copied_blocks, copied_lines, excerpt_at, int2cn, make_label, parse_marker

NUMBERED = ("cn", "paren_cn", "arabic", "paren_arabic", "ordinal_shi", "circled")
KINDS_ALL = ("plan", "division", "summary", "unknown")


def _marker(node: Node) -> Optional[dict]:
    m = parse_marker(node.label) if node.label else None
    if m is None and node.text:
        m = parse_marker(node.text.lstrip())
    return m


def _groups(ctx: Context) -> dict[str, list[list[tuple[Node, dict]]]]:
    """Per marker family, the runs of siblings (children of one parent) in document order. A block printed
    twice in a row (DUP002's) is read once: its copy is left out, and the items the parser hung under the
    copy of a heading are read as the original heading's."""
    fams: dict[str, list[list[tuple[Node, dict]]]] = defaultdict(list)
    copies = copied_lines(ctx)
    original = copy_originals(ctx)
    runs: dict[int, tuple[dict, list]] = {}     # id(parent) → (family → run, families in order)

    def visit(parent: Optional[Node], children: list[Node]) -> None:
        owner_ = original.get(id(parent), parent) if parent is not None else None
        by_fam, order = runs.setdefault(id(owner_), ({}, []))
        for ch in children:
            if ch.line in copies:
                continue
            m = _marker(ch)
            if m and m["family"] in NUMBERED and m["value"] is not None:
                if m["family"] not in by_fam:
                    by_fam[m["family"]] = []
                    order.append(m["family"])
                by_fam[m["family"]].append((ch, m))
        for ch in children:
            visit(ch, ch.children)

    visit(None, ctx.doc.sections)
    for by_fam, order in runs.values():
        for f in order:
            fams[f].append(by_fam[f])
    for f in fams:
        fams[f].sort(key=lambda g: g[0][0].line or 0)
    return fams


def copy_originals(ctx: Context) -> dict[int, Node]:
    """id(node of a copied block) → the node it copies (same place in the original block)."""
    blocks = copied_blocks(ctx)
    if not blocks:
        return {}
    by_line = {n.line: n for n in ctx.doc.walk() if n.line}
    out = {}
    for first, last, orig in blocks:
        for ln in range(first, last + 1):
            if ln in by_line and orig + (ln - first) in by_line:
                out[id(by_line[ln])] = by_line[orig + (ln - first)]
    return out


def convention(groups: list[list[tuple[Node, dict]]]) -> str:
    """"continuous" when later runs pick up where the previous one stopped, "restart" when they start at 1."""
    cont = restart = 0
    for prev, g in zip(groups, groups[1:]):
        first, last = g[0][1]["value"], prev[-1][1]["value"]
        if first == last + 1 and first != 1:
            cont += 1
        elif first == 1:
            restart += 1
    return "continuous" if cont > restart else "restart"


@register
class NumberingSequence(Rule):
    """## What it does
    Checks that heading numbers run without a gap, a repeat or a swap, judged against the convention the
    document itself follows at that level: numbers that run on across sections (`1.`–`32.` in ten
    sections) or restart in each section (`(一)` again under every `一、`).

    ## Why is this bad?
    A gap or a repeated number is the first thing a reviewer sees, and it usually means an item was
    deleted, copied or moved without renumbering.

    ## Example
    ```
    一、总体要求
    （一）加强组织领导。
    （三）强化督促检查。
    ```

    ## Use instead
    ```
    一、总体要求
    （一）加强组织领导。
    （二）强化督促检查。
    ```
    """
    code = "NUM001"
    name = "numbering-sequence"
    severity = "error"
    fixable = True
    kinds = KINDS_ALL
    doc_zh = """## 检查什么
同一层级的序号应连续：不能跳号、重号或颠倒。判断标准取自文件本身在该层级的习惯——跨部分连续编号
（如十个部分连续编到“32.”），或每个部分重新从“（一）”开始。

## 为什么
跳号、重号是审核人员最先看到的问题，往往说明删除、复制或移动了条目后没有重新编号。

## 示例（会报告）
一、总体要求 /（一）加强组织领导。/（三）强化督促检查。

## 应改为
一、总体要求 /（一）加强组织领导。/（二）强化督促检查。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）加强组织领导。\n（三）强化督促检查。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）加强组织领导。\n（二）强化督促检查。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        for fam, groups in _groups(ctx).items():
            conv = convention(groups)
            flat = [(gi, i, node, m) for gi, g in enumerate(groups) for i, (node, m) in enumerate(g)]
            found = list(self._sequence(ctx, fam, groups, conv, flat))
            # the fix renumbers the whole sequence at once (renumbering one item shifts the rest)
            attach_renumbering(ctx, fam, flat, conv, found)
            for _, f in found:
                yield f
        yield from self._run_in(ctx)

    def _sequence(self, ctx: Context, fam: str, groups, conv: str, flat) -> Iterable[tuple[Node, Finding]]:
        """(node, finding) for each number that breaks the sequence of one family."""
        cont = conv == "continuous" and len(groups) > 1
        conv_zh = "本层级跨部分连续编号" if cont else "本层级在各部分内从头编号"
        conv_en = "numbers at this level run on across sections" if cont else "numbers at this level restart in each section"
        expected, prev = 1, None
        for k, (gi, i, node, m) in enumerate(flat):
            if i == 0:
                prev = None
                if gi == 0 or conv == "restart":
                    expected = 1
            n = m["value"]
            if n == expected:
                prev, expected = n, n + 1
                continue
            want = expected
            nxt = None
            if k + 1 < len(flat) and (cont or flat[k + 1][0] == gi):
                nxt = flat[k + 1][3]["value"]
            sugg = make_label(fam, want, m)
            if prev is not None and n == prev and k > 0 and flat[k - 1][2].body == node.body:
                continue  # the same paragraph printed twice, number and all: DUP002 reports it
            if prev is not None and n == prev:
                kind_zh, kind_en = "与上一项重号", "repeats the previous number"
            elif n > want:
                kind_zh, kind_en = f"跳过了“{sugg}”", f"skips {sugg}"
            else:
                kind_zh, kind_en = "顺序颠倒", "is out of order"
            label = (node.label or "").strip() or make_label(fam, n, m)
            yield node, self.finding(
                ctx, f"序号“{label}”{kind_zh}，此处应为“{sugg}”（{conv_zh}）",
                f"number '{label}' {kind_en}; expected '{sugg}' ({conv_en})", node=node, suggestion=sugg,
                span=label_span(ctx, node, m))
            if nxt is not None and nxt == want + 1:
                prev, expected = want, want + 1      # one mislabelled item: keep counting from the right value
            else:
                prev, expected = n, n + 1            # a real gap or jump: resynchronise

    def _run_in(self, ctx: Context) -> Iterable[Finding]:
        """`一是…；二是…；二是…` run together inside one paragraph: the parser splits them only where the next
        number follows, so a repeat or a gap stays in the text of the item before it."""
        copies = copied_lines(ctx)
        for node in ctx.doc.walk():
            if node.line in copies or "是" not in node.text:
                continue
            m0 = _marker(node)
            prev = m0["value"] if m0 and m0["family"] == "ordinal_shi" else None
            start = len(node.label) if node.label and node.text.startswith(node.label) else 0
            marks = [(m.start(1), cn2int(m.group(1))) for m in _RUN_IN.finditer(node.text, start)
                     if node.text[m.end():m.end() + len(m.group(1))] != m.group(1)]   # 一是一、二是二
            for k, (pos, n) in enumerate(marks):
                if n is None:
                    continue
                if prev is None:
                    if n != 1:
                        break      # the list began before this paragraph
                    prev = 1
                    continue
                want = prev + 1
                if n == want:
                    prev = n
                    continue
                label, sugg = f"{int2cn(n)}是", f"{int2cn(want)}是"
                kind_zh = "与上一项重号" if n == prev else (f"跳过了“{sugg}”" if n > want else "顺序颠倒")
                kind_en = "repeats the previous number" if n == prev else (f"skips {sugg}" if n > want else "is out of order")
                span = node_span(ctx, node, pos, pos + len(label))
                yield self.finding(
                    ctx, f"段内序号“{label}”{kind_zh}，此处应为“{sugg}”（一是、二是……连排在同一段内）",
                    f"run-in '{label}' {kind_en}; expected '{sugg}'", node=node,
                    line=span.line if span is not None else None,   # the paragraph's line, under its heading
                    excerpt=excerpt_at(node.text, pos), suggestion=sugg, span=span, edits=edit(span, sugg))
                nxt = marks[k + 1][1] if k + 1 < len(marks) else None
                prev = want if nxt in (None, want + 1) else n


# an ordinal 一是/二是 at the start of a clause inside a paragraph
_RUN_IN = re.compile(r"(?:(?<=[。；;，,：:])|^)[\s\u3000]*([一二三四五六七八九十]{1,3})是(?=[\u4e00-\u9fff“])")
