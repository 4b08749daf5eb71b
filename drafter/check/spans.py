"""Where a finding's characters are in the text as read: spans for comments, highlights and `drafter fix`.

Rules see two kinds of text. Text rules read the lines as read (`ParseResult.lines`), so an offset in a
line is already a span. Structure rules read `Node.text`, which the parser made from those lines: spaces
and zero-width characters stripped at the ends, page marks cut out, hard-wrapped lines of a .txt joined
with nothing between them, paragraphs joined with "\\n", a line cut where a run-in item starts. Every one
of those steps only *drops* characters, so `Node.text` is a subsequence of the lines it came from, and
`node_offsets` maps each of its characters back to (line, column) by walking both in step. A character
that cannot be mapped maps to None, and a span touching it is None: no highlight, no fix.
"""
from __future__ import annotations

from typing import Optional

from ..model import Node
from .base import Context, Edit, Span

_IGNORABLE = " \t\u00a0\u3000\u2002\u2003\u2009\u202f\u200b\u200c\u200d\ufeff\u2060\r"
_LOOKAHEAD_LINES = 60  # how far past a node's first line its text may reach (a long hard-wrapped item)


def _cache(ctx: Context) -> dict:
    c = ctx.__dict__.get("_span_cache")
    if c is None:
        c = {}
        ctx.__dict__["_span_cache"] = c
    return c


def _tight_match(raw: str, p: int, text: str) -> int:
    """How many characters of `text` match `raw` from `p` on, skipping only spaces and zero-width marks."""
    i = 0
    while i < len(text) and p < len(raw):
        if raw[p] == text[i]:
            i += 1
            p += 1
        elif raw[p] in _IGNORABLE:
            p += 1
        else:
            break
    return i


def _start(raw: str, text: str) -> Optional[int]:
    """Where `text` (a node's text) begins in its first line: the place that matches most of it."""
    if not text:
        return None
    best, best_len = None, 0
    p = raw.find(text[0])
    if p >= 0 and raw.startswith(text, p):
        return p   # the first candidate matches all of `text`: no later one matches more
    while p >= 0:
        n = _tight_match(raw, p, text)
        if n > best_len:
            best, best_len = p, n
        p = raw.find(text[0], p + 1)
    return best


def node_offsets(ctx: Context, node: Node) -> list[Optional[tuple[int, int]]]:
    """(line, column) in `ctx.result.lines` of each character of `node.text` (None where unknown)."""
    c = _cache(ctx)
    key = id(node)
    if key in c:
        return c[key]
    lines = ctx.result.lines
    text = node.text or ""
    out: list[Optional[tuple[int, int]]] = [None] * len(text)
    ln = node.line
    if not ln or not (0 < ln <= len(lines)):
        c[key] = out
        return out
    col = _start(lines[ln - 1], text)
    if col is None:
        c[key] = out
        return out
    if "\n" not in text and lines[ln - 1].startswith(text, col):
        # the whole text stands in its first line as it is (what the walk below would find character by character)
        c[key] = out = [(ln, col + j) for j in range(len(text))]
        return out
    last = min(len(lines), ln + _LOOKAHEAD_LINES)
    i = 0
    while i < len(text) and ln <= last:
        ch = text[i]
        if ch == "\n":  # a paragraph break: the rest of this line is not the node's
            i += 1
            ln += 1
            col = 0
            continue
        raw = lines[ln - 1]
        k = raw.find(ch, col)
        if k < 0:  # a hard wrap: the text goes on in the next line
            ln += 1
            col = 0
            continue
        out[i] = (ln, k)
        col = k + 1
        i += 1
    c[key] = out
    return out


def node_span(ctx: Context, node: Node, start: int, end: int) -> Optional[Span]:
    """The span of `node.text[start:end]` in the lines as read, or None when it cannot be placed."""
    if start >= end:
        return None
    offs = node_offsets(ctx, node)
    if end > len(offs):
        return None
    inner = [o for o in offs[start:end] if o is not None]
    if offs[start] is None or offs[end - 1] is None:
        return None
    # every character between the two ends must be mapped, except the line breaks of "\n" joins
    if len(inner) != sum(1 for ch in node.text[start:end] if ch != "\n"):
        return None
    (l1, c1), (l2, c2) = offs[start], offs[end - 1]
    return Span(l1, c1, c2 + 1, l2 if l2 != l1 else None)


def text_of(lines: list[str], span: Span) -> str:
    """The characters a span covers (line breaks between its lines left out)."""
    if span.end_line is None or span.end_line == span.line:
        return lines[span.line - 1][span.start:span.end]
    parts = [lines[span.line - 1][span.start:]]
    parts += lines[span.line:span.end_line - 1]
    parts.append(lines[span.end_line - 1][:span.end])
    return "".join(parts)


def find_in_node(ctx: Context, node: Node, needle: str, not_after: str = "") -> list[Span]:
    """Spans of every occurrence of `needle` in `node.text` (none right after a character of `not_after`)."""
    out = []
    text = node.text or ""
    if not needle:
        return out
    k = text.find(needle)
    while k >= 0:
        if not (not_after and k > 0 and text[k - 1] in not_after):
            sp = node_span(ctx, node, k, k + len(needle))
            if sp is not None:
                out.append(sp)
        k = text.find(needle, k + len(needle))
    return out


def node_extent(ctx: Context, node: Node) -> range:
    """The lines from the node's own up to the next node's (its paragraphs, or its row of a task table)."""
    from bisect import bisect_right

    from .textutil import doc_range, node_lines
    c = _cache(ctx)
    if "starts" not in c:
        c["starts"] = sorted({ln for ln, _ in node_lines(ctx.doc)})
    starts = c["starts"]
    if not node.line:
        return range(0)
    i = bisect_right(starts, node.line)
    end = starts[i] if i < len(starts) else doc_range(ctx)[1] + 1
    return range(node.line, min(max(end, node.line + 1), len(ctx.result.lines) + 1))


def find_agency(ctx: Context, node: Node, name: str, not_after: str = "") -> list[Span]:
    """Where an agency of `node` is written: in its text, or — for an item read from a task table, whose
    agencies come from the 责任单位 column — in the cells of its row."""
    spans = find_in_node(ctx, node, name, not_after)
    if spans:
        return spans
    lines = ctx.result.lines
    for ln in node_extent(ctx, node):
        text = lines[ln - 1]
        k = text.find(name)
        while k >= 0:
            if not (not_after and k > 0 and text[k - 1] in not_after):
                spans.append(Span(ln, k, k + len(name)))
            k = text.find(name, k + len(name))
    return spans


def line_span(line: int, start: int, end: int) -> Span:
    return Span(line, start, end)


def edit(span: Optional[Span], text: str) -> list[Edit]:
    """[Edit(span, text)], or [] when the span could not be placed (then there is nothing to fix)."""
    return [Edit(span, text)] if span is not None else []
