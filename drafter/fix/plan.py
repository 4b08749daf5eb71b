"""From findings to the character edits `fix` makes: small, located in the lines as read, never overlapping.

A finding's edit replaces a span (`（三）` → `（二）`, `市工商局` → `市市场监管局`); written as a Word revision it
should delete and insert only what changes. So each edit is cut into the differences between the span's
text and its replacement (`工商` → `市场监管`, the `市` and `局` kept). Edits from different findings that
come out the same are one edit. Edits that still overlap with different text have no one right answer:
all of them are dropped, and the findings they came from are left for a person. A renumbering (NUM001)
is applied whole or not at all — half a renumbered sequence is a new gap.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from ..check.base import Edit, Finding, Span

# rules whose edits only make sense together (one renumbered sequence)
WHOLE = {"NUM001"}


@dataclass
class Change:
    """Replace `lines[line-1][start:end]` by `text` (start == end: insert)."""
    line: int
    start: int
    end: int
    text: str
    rules: set[str] = field(default_factory=set)
    owners: set[int] = field(default_factory=set)  # units (see `plan`) this change belongs to

    @property
    def key(self) -> tuple:
        return (self.line, self.start, self.end, self.text)


@dataclass
class Plan:
    changes: list[Change]                      # sorted by (line, start, end)
    applied: list[Finding]                     # findings whose edits are all in `changes`
    dropped: list[tuple[Finding, str]]         # findings with edits that could not be made, and why


def _positions(lines: list[str], span: Span) -> Optional[list[tuple[int, int]]]:
    """(line, column) of each character of the span, or None when it does not fit the lines."""
    last = span.last_line
    if not (1 <= span.line <= last <= len(lines)):
        return None
    out = []
    for ln in range(span.line, last + 1):
        text = lines[ln - 1]
        a = span.start if ln == span.line else 0
        b = span.end if ln == last else len(text)
        if a > b or b > len(text):
            return None
        out.extend((ln, c) for c in range(a, b))
    return out


def split_edit(lines: list[str], e: Edit) -> Optional[list[Change]]:
    """The character differences between the span's text and its replacement, as changes on the lines."""
    pos = _positions(lines, e.span)
    if pos is None:
        return None
    old = "".join(lines[ln - 1][c] for ln, c in pos)
    if old == e.text:
        return []
    out = []
    sm = difflib.SequenceMatcher(None, old, e.text, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        new = e.text[j1:j2]
        if i1 == i2:  # an insertion: after the character before it (or before the first one)
            if i1 > 0:
                ln, c = pos[i1 - 1]
                out.append(Change(ln, c + 1, c + 1, new))
            else:
                ln, c = pos[0]
                out.append(Change(ln, c, c, new))
            continue
        # a deletion or replacement, cut at line breaks; the new text goes with the first piece
        piece_start = i1
        for k in range(i1, i2 + 1):
            if k == i2 or (k > piece_start and pos[k][0] != pos[k - 1][0]):
                ln, c0 = pos[piece_start]
                out.append(Change(ln, c0, pos[k - 1][1] + 1, new))
                new = ""
                piece_start = k
    return out


def _overlap(a: Change, b: Change) -> bool:
    if a.line != b.line:
        return False
    if a.start == a.end and b.start == b.end:
        return a.start == b.start  # two insertions at one place: which comes first?
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def plan(findings: Iterable[Finding], lines: list[str],
         feasible: Optional[Callable[[Change], Optional[str]]] = None) -> Plan:
    """The changes that fix `findings` (those with edits), conflicts settled as described above.
    `feasible(change)` (the writer's say) returns why a change cannot be written, or None."""
    units: list[tuple[Finding, list[Edit]]] = []
    for f in findings:
        if not f.edits:
            continue
        if f.rule in WHOLE:
            units.append((f, list(f.edits)))
        else:
            units.extend((f, [e]) for e in f.edits)
    dropped: dict[int, str] = {}
    unit_changes: dict[int, list[Change]] = {}
    for u, (f, edits) in enumerate(units):
        got: list[Change] = []
        for e in edits:
            part = split_edit(lines, e)
            if part is None:
                dropped[u] = "span"
                break
            got.extend(part)
        if u not in dropped and feasible is not None:
            why = next((w for w in map(feasible, got) if w), None)
            if why:
                dropped[u] = why
        if u not in dropped:
            for ch in got:
                ch.rules.add(f.rule)
                ch.owners.add(u)
            unit_changes[u] = got
    while True:
        merged: dict[tuple, Change] = {}
        for u, chs in unit_changes.items():
            if u in dropped:
                continue
            for ch in chs:
                m = merged.get(ch.key)
                if m is None:
                    merged[ch.key] = Change(ch.line, ch.start, ch.end, ch.text, set(ch.rules), set(ch.owners))
                else:
                    m.rules |= ch.rules
                    m.owners |= ch.owners
        ordered = sorted(merged.values(), key=lambda c: (c.line, c.start, c.end, c.text))
        bad: set[int] = set()
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if b.line != a.line or b.start > a.end:
                    break
                if _overlap(a, b):
                    bad |= a.owners | b.owners
        if not bad:
            break
        for u in bad:
            dropped[u] = "conflict"
    applied_units = [u for u in unit_changes if u not in dropped]
    by_finding: dict[int, bool] = {}
    for u, (f, _) in enumerate(units):
        ok = u in applied_units
        by_finding[id(f)] = by_finding.get(id(f), True) and ok
    applied, lost = [], []
    seen = set()
    for f, _ in units:
        if id(f) in seen:
            continue
        seen.add(id(f))
        if by_finding[id(f)]:
            applied.append(f)
        else:
            why = next(dropped[u] for u, (g, _) in enumerate(units) if g is f and u in dropped)
            lost.append((f, why))
    return Plan(changes=ordered, applied=applied, dropped=lost)


def apply_to_line(text: str, changes: list[Change]) -> str:
    """One line with its changes made (changes sorted, not overlapping)."""
    out, pos = [], 0
    for ch in sorted(changes, key=lambda c: (c.start, c.end)):
        out.append(text[pos:ch.start])
        out.append(ch.text)
        pos = ch.end
    out.append(text[pos:])
    return "".join(out)


def apply(lines: list[str], changes: list[Change]) -> list[str]:
    """All lines with the changes made."""
    by_line: dict[int, list[Change]] = {}
    for ch in changes:
        by_line.setdefault(ch.line, []).append(ch)
    return [apply_to_line(t, by_line[i + 1]) if i + 1 in by_line else t for i, t in enumerate(lines)]
