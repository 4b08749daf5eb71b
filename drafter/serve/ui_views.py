"""What the 检查 and 对比 pages show, from the same objects the commands print:

- `document_lines`: the checked file as it reads — its lines (paragraphs of a .docx) from the first document's
  title to the end of its last item, each marked title / heading / item / text with its depth, so the page
  can set it out and put each finding beside the line it names;
- `comparison_view`: what `compare --format html` shows (report/compare_html.py's context), as JSON for the
  page to lay out, with the JSON report of `compare --format json` beside it.
"""
from __future__ import annotations

import json
from typing import Iterable

from ..model import Node, ParseResult

MAX_LINES = 20000


def _continuation_end(lines: list[str], n: int, stop: set[int]) -> int:
    """The last line of the paragraph starting at line `n` (hard-wrapped text runs on to the next blank line)."""
    last = n
    while last < len(lines) and lines[last].strip() and (last + 1) not in stop:
        last += 1
    return last


def _lead_end(text: str, n: Node) -> int:
    """Where the node's label and lead sentence (its `title`, as the parser reads it) end in its first line,
    so the page can set them as a run-in heading; 0 when the line does not start with them."""
    if not n.title:
        return 0
    at = text.find(n.title[:12])
    if at < 0 or at > len(n.label) + 3:
        return 0
    end = at + len(n.title)
    return end if text[at:end] == n.title else 0


def document_lines(result: ParseResult, finding_lines: Iterable[int] = ()) -> dict:
    lines = result.lines or []
    furniture = set(result.furniture or [])
    marks: dict[int, dict] = {}
    docs = []

    def walk(nodes: list[Node], depth: int) -> None:
        for n in nodes:
            if n.line and 0 < n.line <= len(lines):
                mark = {"kind": "heading" if n.children else "item", "depth": depth, "label": n.label}
                lead = _lead_end(lines[n.line - 1], n)
                if lead:
                    mark["lead"] = lead
                marks.setdefault(n.line, mark)
            walk(n.children, depth + 1)
    for d in result.documents:
        if d.line:
            marks[d.line] = {"kind": "title", "depth": 0, "label": ""}
        walk(d.sections, 0)
        docs.append({"kind": d.kind, "title": d.title, "year": d.year, "line": d.line})
    wanted = {int(x) for x in finding_lines if isinstance(x, int) and 0 < x <= len(lines)}
    if marks:
        first = min(marks)
        starts = set(marks)
        last = max(_continuation_end(lines, n, starts) for n in marks)
        wanted.update(range(first, last + 1))
    elif lines:
        wanted.update(range(1, len(lines) + 1))
    out = []
    prev = 0
    for n in sorted(wanted)[:MAX_LINES]:
        text = lines[n - 1]
        if n in furniture or not text.strip():
            continue
        row = {"n": n, "text": text, "kind": "text", "depth": 0}
        row.update(marks.get(n, {}))
        # lines of text left out before this one (between two documents, a finding outside them)
        skipped = sum(1 for k in range(prev + 1, n) if lines[k - 1].strip() and k not in furniture)
        if skipped and out:
            row["skipped"] = skipped
        out.append(row)
        prev = n
    return {"lines": out, "documents": docs, "total": len(lines)}


def comparison_view(cmp) -> dict:
    """The html report's context and the JSON report, for the 对比 page."""
    from ..report.compare_html import context
    from ..report.compare_json import render_json
    return {"view": context(cmp), "report": json.loads(render_json(cmp))}
