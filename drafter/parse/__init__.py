"""Source (numbered blocks of text) → ParseResult (Documents of headings, items, agencies, targets).

The steps, in order: normalise lines and drop page marks; find a body printed twice and read it
once; find the titles that start documents; for each document, read its preamble and build the
tree of headings and items (tables of tasks become items); then fill in each node's lead
sentence, agencies and targets, and the document's year, issuer and date.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Optional

from ..model import Document, Node, ParseResult
from ..read import Source
from . import documents as D
from .clean import find_repeated_body, is_footer, is_junk, is_page_mark, normalize, printed_line_gaps, running_headers
from .flat_tables import read_flat_tables
from .markers import match_marker
from .runin import split_run_in
from .structure import Line, TreeBuilder, wrap_width
from .tables import first_name_leads, task_rows


def first_sentence(text: str) -> str:
    """Up to and including the first 。 (or the whole text)."""
    cut = text.find("。")
    return text[:cut + 1] if cut >= 0 else text


def lead_sentence(node: Node) -> str:
    """The lead sentence: the first sentence of the node's first paragraph (its label left out)."""
    return first_sentence(node.body.split("\n", 1)[0].strip())


def _extractors():
    from .agencies import split_agencies
    from .targets import extract_targets
    return split_agencies, extract_targets


_ADDRESSEE = re.compile(r"^[^。]{2,200}[:：]$")


def _preamble(lines: list[Line]) -> list[Line]:
    """The paragraphs between the title and the first heading, without addressees, signatures and dates."""
    return [ln for ln in lines if not (D.is_date_line(ln.text) or D.is_signature(ln.text)
                                       or (_ADDRESSEE.match(ln.text) and len(ln.text) < 120 and "各" in ln.text[:3]))]


# --- documents ------------------------------------------------------------------------------

def _is_sign_off(lines: list[str], active: list[bool], i: int) -> bool:
    """The 落款: a date alone on its line, or an issuer's name standing right above one."""
    if D.is_date_line(lines[i]):
        return True
    if not D.is_signature(lines[i]):
        return False
    k = i + 1
    while k < len(lines) and (not active[k] or not lines[k]):
        k += 1
    return k < len(lines) and D.is_date_line(lines[k])


class _Region:
    def __init__(self, start: int, end: int, hit: Optional[D.TitleHit], issuer_hint: str = ""):
        self.start, self.end, self.hit = start, end, hit  # 0-based, end exclusive
        self.issuer_hint = issuer_hint  # from an earlier title naming the file's issuer


def _regions(lines: list[str], active: list[bool], junk: list[bool], in_table: list[bool],
             wrap: Optional[float] = None) -> list[_Region]:
    """Where each document starts and ends: a title (never one inside a table cell) up to the next."""
    hits = D.find_titles(lines, [a and not j and not c for a, j, c in zip(active, junk, in_table)], wrap)
    kept: list[D.TitleHit] = []
    for k, h in enumerate(hits):
        end = hits[k + 1].index if k + 1 < len(hits) else len(lines)
        has_structure = any(active[i] and match_marker(lines[i]) for i in range(h.index + h.span, end))
        nxt = hits[k + 1] if k + 1 < len(hits) else None
        if not has_structure and nxt is not None and (nxt.title == h.title or nxt.kind == h.kind):
            continue  # a web page's heading or a notice naming the document before printing it
        kept.append(h)
    if not kept:
        return [_Region(0, len(lines), None)]
    regions = []
    for k, h in enumerate(kept):
        end = kept[k + 1].index if k + 1 < len(kept) else len(lines)
        # `青岛市知识产权局2023年工作总结和2024年工作要点` over `第一部分　2023年工作总结` …
        hint = next((D.issuer_from_title(e.title) for e in reversed(hits) if e.index < h.index
                     and D.issuer_from_title(e.title)), "")
        regions.append(_Region(h.index + h.span, end, h, hint))
    return regions


def _build(src: Source, lines: list[str], active: list[bool], junk: list[bool], region: _Region,
           wrap: Optional[float], tables_done: set[int]) -> tuple[Document, list[Line]]:
    """One document's tree and its preamble paragraphs, from the lines of its region."""
    builder = TreeBuilder(hard_wrap_width=wrap if src.fmt == "text" else None, plain_text=src.fmt == "text")
    blocks = src.blocks
    signer = D.issuer_from_title(region.hit.title) if region.hit else ""  # its name alone = the 署名
    for i in range(region.start, region.end):
        if not active[i]:
            continue
        text = lines[i]
        if not text or is_page_mark(text):
            continue
        if is_footer(text):
            break
        if junk[i] or _is_sign_off(lines, active, i) or (signer and text == signer):
            continue
        b = blocks[i]
        if b.cell is not None:
            t = b.cell[0]
            if t in tables_done:
                continue
            rows = task_rows(src.tables[t], first_name_leads(lines)) if t < len(src.tables) else None
            if rows is not None:
                tables_done.add(t)
                for node, family in rows:
                    builder.add_node(node, family)
                continue
        builder.feed(b.line, text, b.outline if b.cell is None else None)
    tree = builder.tree
    hit = region.hit
    doc = Document(kind=hit.kind if hit else "unknown", title=hit.title if hit else "",
                   line=blocks[hit.index].line if hit else None, sections=tree.roots)
    preamble = _preamble(tree.before)
    doc.preamble = "\n".join(ln.text for ln in preamble)
    return doc, preamble


def _fill_nodes(doc: Document, preamble: list[Line]) -> None:
    """Each node's lead sentence, agencies and targets; the headline targets, each at its own paragraph."""
    split_agencies, extract_targets = _extractors()
    for node in doc.walk():
        node.title = lead_sentence(node)
        if not node.agencies:
            _, node.agencies = split_agencies(node.body)
        node.targets = extract_targets(node.body, node.line)
    doc.targets = [t for ln in preamble for t in extract_targets(ln.text, ln.number)]


def _numbering(doc: Document) -> Optional[str]:
    """Do the items count on across sections ("continuous") or start again ("restart")?

    The items are the most common numbered family below the top level (1. under 一、, not the
    （1） under some of them); judged on the leaves of that family.
    """
    below = Counter(c.style for s in doc.walk() for c in s.children if c.number is not None)
    if not below:
        return None
    family = below.most_common(1)[0][0]
    by_parent: list[list[int]] = []
    for s in doc.walk():
        nums = [c.number for c in s.children if c.style == family and c.number is not None]
        if nums and any(not c.children for c in s.children if c.style == family):
            by_parent.append(nums)
    if len(by_parent) < 2:
        return None
    restarts = sum(1 for nums in by_parent[1:] if nums[0] == 1)
    return "restart" if restarts >= (len(by_parent) - 1) / 2 else "continuous"


def _infer_kind(doc: Document) -> str:
    items = doc.items()
    if not items:
        return "unknown"
    with_agency = sum(1 for n in items if n.agencies)
    if with_agency >= 0.6 * len(items):
        return "division"
    if sum(1 for n in items if n.style == "shi") >= 0.5 * len(items):
        return "summary"
    return "plan"


def _metadata(doc: Document, region: _Region, lines: list[str], active: list[bool], numbers: list[int],
              full_text: str) -> None:
    if doc.kind == "unknown":
        doc.kind = _infer_kind(doc)
    start = region.hit.index if region.hit else region.start
    # the 成文日期 and signature: after the body, else in the notice just before the title
    date, signature = "", ""
    after = range(region.start, region.end)
    before = range(max(0, start - 15), start)
    for rng in (after, reversed(before)):
        for i in rng:
            if active[i] and D.is_date_line(lines[i]):
                date = date or lines[i]
                k = i - 1
                while k >= 0 and not lines[k]:
                    k -= 1
                if k >= 0 and D.is_signature(lines[k]):
                    signature = signature or lines[k]
        if date:
            break
    doc.date = date.replace(" ", "")
    doc.year = D.year_of(doc.title) or (D.year_of(doc.date) if doc.date else None) or \
        (D.year_of(doc.preamble[:200]) if doc.preamble else None)
    issuer = D.issuer_from_title(doc.title) or region.issuer_hint or signature
    doc.issuer = D.expand_issuer(issuer, full_text)
    doc.numbering = _numbering(doc)


def _cut_run_in(src: Source, lines: list[str], active: list[bool], junk: list[bool]):
    """Lines cut where a title or a heading ran into the text (runin.py); each piece keeps its line number."""
    pieces = split_run_in(lines, [a and not j and b.cell is None for a, j, b in zip(active, junk, src.blocks)])
    if all(len(p) == 1 for p in pieces):
        return src, lines, active, junk
    blocks, cut_lines, cut_active, cut_junk = [], [], [], []
    for b, p, a, j in zip(src.blocks, pieces, active, junk):
        for t in p:
            blocks.append(replace(b, text=t) if len(p) > 1 else b)
            cut_lines.append(t)
            cut_active.append(a)
            cut_junk.append(j)
    return replace(src, blocks=blocks), cut_lines, cut_active, cut_junk


def parse_source(src: Source) -> ParseResult:
    src = read_flat_tables(src)  # task tables flattened into a .txt: pipe rows, one cell per line
    lines = [normalize(b.text) for b in src.blocks]
    numbers = [b.line for b in src.blocks]
    # a blank line after every printed line (a PDF as mirror sites render it) is no paragraph break; a web
    # page's blank line between paragraphs is one (its lines are paragraphs, not printed lines of one width)
    gaps = printed_line_gaps(lines) if src.fmt == "text" and wrap_width([t for t in lines if t]) else set()
    furniture = (running_headers(lines) | gaps) if src.fmt == "text" else set()
    active = [not is_page_mark(t) and i not in furniture for i, t in enumerate(lines)]
    junk = [is_junk(t) for t in lines]
    result = ParseResult(source=src.path, lines=[b.text for b in src.blocks])
    result.furniture = [numbers[i] for i, a in enumerate(active) if not a]
    rep = find_repeated_body(lines)
    if rep:
        for i in range(rep.dropped_start, rep.dropped_end + 1):
            active[i] = False
        a, b = numbers[rep.dropped_start], numbers[rep.dropped_end]
        c, d = numbers[rep.kept_start], numbers[rep.kept_end]
        where = f"{a}" if a == b else f"{a}-{b}"
        result.warnings.append({
            "code": "DUP002", "line": a, "end_line": b, "other_line": c, "other_end_line": d,
            "message": f"正文重复出现：第 {where} 行与第 {c}-{d} 行内容相同，只解析了后者",
            "message_en": f"the body appears twice: line {where} repeats lines {c}-{d}; parsed once",
        })
    if src.fmt == "text":  # no line breaks, or headings run together: each title, heading and item on its own line
        src, lines, active, junk = _cut_run_in(src, lines, active, junk)
        numbers = [b.line for b in src.blocks]
    wrap = wrap_width([t for t, a in zip(lines, active) if a and t]) if src.fmt == "text" else None
    full_text = "\n".join(t for t, a in zip(lines, active) if a)
    tables_done: set[int] = set()
    in_table = [b.cell is not None for b in src.blocks]
    for region in _regions(lines, active, junk, in_table, wrap):
        doc, preamble = _build(src, lines, active, junk, region, wrap, tables_done)
        if not doc.sections and not doc.preamble and not doc.title:
            continue
        _fill_nodes(doc, preamble)
        _metadata(doc, region, lines, active, numbers, full_text)
        result.documents.append(doc)
    return result
