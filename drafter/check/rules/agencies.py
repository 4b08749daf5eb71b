"""AGY001: an item without a responsible agency — and what the agency rules share: an item's agencies (an
unclosed clause too), where a name stands in the text.

The misspelt (AGY002) and renamed (AGY003) agency rules are in misspelt_agency.py and renamed_agency.py. What the
rules know about agencies (names, aliases, renames with their year) is in `rules/agencies.yaml` (see
`drafter.check.data`); the clauses themselves are read by `drafter.parse.agencies`.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional

from ...model import Agency, Document, Node
from ..base import Context, Finding, Rule, Span, register
from ..textutil import doc_lines, split_clauses
from ..data import data_of, norm_name
PLAN_SHARE = 0.6   # a plan "assigns agencies" when at least this share of its items carry one
MIN_ITEMS = 3


def agencies_of(node: Node) -> list[Agency]:
    """The node's agencies as parsed, or read from its text when the parser left them out."""
    if node.agencies:
        return node.agencies
    return split_clauses(node.text)[1] if node.text else []


def _parents(doc: Document) -> dict[int, Optional[Node]]:
    out: dict[int, Optional[Node]] = {}

    def walk(nodes: list[Node], parent: Optional[Node]) -> None:
        for n in nodes:
            out[id(n)] = parent
            walk(n.children, n)
    walk(doc.sections, None)
    return out


def region_text(doc: Document) -> str:
    return " ".join((doc.issuer or "", doc.title or "", (doc.preamble or "")[:300]))


def _related_node(ctx: Context, node: Node) -> dict:
    return {"source": ctx.source, "line": node.line, "label": node.label, "path": ctx.path_of(node),
            "excerpt": node.text[:60]}


_FOLD = re.compile(r"[\s\u3000,，.。;；:：、\"“”()（）0-9]")


def _lost_since_prior(prior: Optional[Document], items: list[Node], has: list[bool]) -> dict:
    """Items whose lead sentence is last year's word for word, where last year named agencies and this
    year names none: {id(node): (node, last year's agency names)}."""
    if prior is None:
        return {}
    before = {}
    for n in prior.items():
        names = [a.name for a in agencies_of(n)]
        if names and n.title:
            before.setdefault(_FOLD.sub("", n.title), names)
    return {id(n): (n, before[_FOLD.sub("", n.title)]) for n, h in zip(items, has)
            if not h and n.title and _FOLD.sub("", n.title) in before}


@register
class MissingAgency(Rule):
    """## What it does
    Finds an item that names no responsible agency in a document that assigns them: any task-division
    document (任务分工/责任分解), and a plan where most items (60 % or more) end with a clause such as
    `(市知识产权局牵头)` or `(责任单位:市科技局)`. An agency named on a heading covers the items under it.

    ## Why is this bad?
    A task nobody is assigned to is a task nobody reports on. In a division document it is an error;
    in a plan it is usually a clause lost while editing.

    ## Example
    ```
    (一)加强知识产权行政保护。(市知识产权局牵头)
    (二)加强知识产权司法保护。
    ```

    ## Use instead
    ```
    (二)加强知识产权司法保护。(市高级人民法院负责)
    ```
    """
    code = "AGY001"
    name = "missing-agency"
    severity = "warning"   # error in a division document
    kinds = ("division", "plan", "unknown")
    doc_zh = """## 检查什么
某一条没有写责任单位，而本文件是分配责任单位的。要求写的：任务分工、责任分解文件的每一条；工作要点里大多数条目
（60% 以上）都写了“(市知识产权局牵头)”“(责任单位:市科技局)”之类的括注时，没写的那几条。写在上级标题上的
责任单位覆盖其下各条。

## 为什么
没有责任单位的任务就没有人落实、没有人报送进展。任务分工文件里按错误报告；工作要点里多半是修改时把括注删丢了。

## 示例（会报告）
(一)加强知识产权行政保护。(市知识产权局牵头)
(二)加强知识产权司法保护。

## 应改为
(二)加强知识产权司法保护。(市高级人民法院负责)"""
    example_hit = ("2024年知识产权重点工作任务分工\n一、加强知识产权保护\n"
                   "(一)加强知识产权行政保护。(市知识产权局牵头)\n"
                   "(二)加强知识产权司法保护。\n"
                   "(三)加强知识产权宣传。(市委宣传部、市知识产权局负责)\n")
    example_miss = ("2024年知识产权重点工作任务分工\n一、加强知识产权保护\n"
                    "(一)加强知识产权行政保护。(市知识产权局牵头)\n"
                    "(二)加强知识产权司法保护。(市高级人民法院负责)\n"
                    "(三)加强知识产权宣传。(市委宣传部、市知识产权局负责)\n")

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        if doc.kind not in ("division", "plan", "unknown"):
            return
        parents = _parents(doc)
        closing = _closing_sections(doc, data_of(ctx))
        items = [n for n in doc.items() if (n.label or n.text) and id(_top(n, parents)) not in closing]
        if len(items) < MIN_ITEMS and doc.kind != "division":
            return

        def covered(n: Node) -> bool:
            p = parents.get(id(n))
            while p is not None:
                if agencies_of(p):
                    return True
                p = parents.get(id(p))
            return False

        # a clause that lacks its closing bracket still names the agency: TXT001 reports the bracket, not AGY001
        has = [bool(agencies_with_unclosed(n)) or covered(n) for n in items]
        # with --prior: an item carried from last year that has lost the agencies it had there
        lost = _lost_since_prior(ctx.prior, items, has)
        for n, names in lost.values():
            yield self.finding(
                ctx, f"去年同一条写了责任单位（{'、'.join(names)}），今年没有写",
                f"last year's plan gave this item to {', '.join(names)}; this year it names no agency",
                node=n, severity="error" if doc.kind == "division" else None,
                suggestion=f"补上“（{'、'.join(names)}负责）”或今年的责任单位",
                suggestion_en=f"add '({'、'.join(names)}负责)' or this year's agencies")
        has = [h or id(n) in lost for n, h in zip(items, has)]
        if not any(has):
            return
        if doc.kind != "division" and sum(has) / len(items) < PLAN_SHARE:
            return
        severity = "error" if doc.kind == "division" else None
        example = next(n for n, h in zip(items, has) if h)
        ex = agencies_of(example)[0].name if agencies_of(example) else ""
        clause = _usual_clause(doc, items)
        for n, h in zip(items, has):
            if h:
                continue
            yield self.finding(
                ctx, f"这一条没有写责任单位（本文件其他条目都写了，如“{ex}”）",
                f"this item names no responsible agency (the document's other items do, e.g. '{ex}')",
                node=n, severity=severity, suggestion=f"在句末补上责任单位括注，如“{clause}”",
                suggestion_en=f"add the responsible agency at the end, e.g. '{clause}'")


def _top(node: Node, parents: dict) -> Node:
    while parents.get(id(node)) is not None:
        node = parents[id(node)]
    return node


def _closing_sections(doc: Document, d) -> set[int]:
    """ids of the sections at the end that say how the whole is carried out (保障措施, 抓好督导落实 …;
    rules/agencies.yaml `closing_sections`): their items are no tasks and need no agency."""
    words = tuple(str(w) for w in (d.raw.get("agencies.yaml") or {}).get("closing_sections") or () if w)
    out: set[int] = set()
    for sec in reversed(doc.sections):
        if not words or not any(w in (sec.title or sec.text or "")[:30] for w in words):
            break
        out.add(id(sec))
    return out


def agencies_with_unclosed(node: Node) -> list[Agency]:
    """The node's agencies, and those of a clause at its end that lacks its closing bracket (TXT001 reports
    the bracket; the clause is there all the same)."""
    got = agencies_of(node)
    if got or not node.text:
        return got
    t = node.text.rstrip()
    if t.count("（") + t.count("(") <= t.count("）") + t.count(")"):
        return []
    return split_clauses(t + "）")[1]


def preamble_line(ctx: Context, name: str) -> Optional[int]:
    a = ctx.doc.line or 1
    for ln, text in doc_lines(ctx):
        if ln >= a and name in norm_name(text):
            return ln
    return ctx.doc.line


def _usual_clause(doc: Document, items: list[Node]) -> str:
    """The agency clause as this document writes it, with its most frequent lead: （市市场监管局牵头）."""
    leads = Counter(a.name for n in items for a in agencies_of(n) if a.role == "lead")
    full = sum(("（" in n.text) for n in items) >= sum(("(" in n.text) for n in items)
    o, c = ("（", "）") if full else ("(", ")")
    if leads:
        return f"{o}{leads.most_common(1)[0][0]}牵头{c}"
    anyone = Counter(a.name for n in items for a in agencies_of(n))
    return f"{o}{anyone.most_common(1)[0][0]}负责{c}" if anyone else f"{o}××局牵头{c}"


def preamble_spans(ctx: Context, name: str) -> list[Span]:
    """Where `name` stands in the preamble: the lines after the title and before the first heading."""
    first = min((n.line for n in ctx.doc.walk() if n.line), default=None)
    out = []
    for ln, text in doc_lines(ctx):
        if ln == ctx.doc.line or (first is not None and ln >= first):
            continue
        k = text.find(name)
        while k >= 0:
            if not (k > 0 and text[k - 1] in "原前"):
                out.append(Span(ln, k, k + len(name)))
            k = text.find(name, k + len(name))
    return out


def line_of(ctx: Context, node: Node, name: str) -> Optional[int]:
    """The line of `node`'s paragraph where `name` stands (the node's own line when not found)."""
    if not node.line:
        return None
    starts = sorted(x.line for x in ctx.doc.walk() if x.line and x.line > node.line)
    stop = starts[0] if starts else None
    for ln, text in doc_lines(ctx):
        if ln < node.line or (stop is not None and ln >= stop):
            continue
        if name in norm_name(text):
            return ln
    return node.line
