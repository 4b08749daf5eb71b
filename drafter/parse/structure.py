"""From lines to the tree of headings and items.

Each line either starts a node (it begins with a marker the numbering can accept there) or
continues the node before it: joined directly when the line was hard-wrapped (PDF extraction),
as a new paragraph otherwise. A marker's family decides its depth: a family already open on
the stack closes back to it (a sibling); a new family opens below the current node unless its
canonical rank (一、 > （一） > 1. > （1） > bullets) puts it higher.

A Word paragraph in a heading style with no marker is a heading all the same: label "", number
None, placed by its outline level above every marker. A paragraph that is a list of 是-points
(`一是…。二是…。`) is cut into one item per point; a numbered item keeps its points as its text.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..model import Node
from .markers import RANK, Marker, match_marker, run_in_positions, shi_positions

SENTENCE_END = "。；;！!？?：:）)”」』】"


def display_width(s: str) -> float:
    return sum(0.5 if (c.isascii() and c.isalnum()) else 1 for c in s)


def wrap_width(lines: list[str]) -> Optional[float]:
    """The width at which a PDF extraction hard-wrapped the text, if it did (else None)."""
    widths = [round(display_width(t)) for t in lines if t and t[-1] not in SENTENCE_END]
    if len(widths) < 10:
        return None
    width, count = Counter(widths).most_common(1)[0]
    if width < 15 or count < 10 or count < 0.2 * len(widths):
        return None
    return width


# a closing quotation mark ends a line mid-sentence unless a sentence end stands inside it (`…“蓝天”` / `专项…`);
# a full line ending in ； ends a clause, not the paragraph
_QUOTE_CLOSE = "”’」』"


def runs_on(prev: str, wrap: Optional[float]) -> bool:
    """Did a printed line of a text hard-wrapped at `wrap` break mid-sentence (a full line, no sentence end)?"""
    if not prev or wrap is None or display_width(prev) < wrap - 4:
        return False
    if prev[-1] in "；;":  # a clause of a sentence: the sentence goes on on the next printed line
        return True
    if prev[-1] in _QUOTE_CLOSE:
        return len(prev) < 2 or prev[-2] not in "。！!？?；;"
    return prev[-1] not in SENTENCE_END


@dataclass
class Line:
    number: int  # 1-based line / paragraph number in the file
    text: str


@dataclass
class _Open:
    node: Node
    family: str


@dataclass
class Tree:
    roots: list[Node] = field(default_factory=list)
    before: list[Line] = field(default_factory=list)  # lines before the first marker (the preamble)


class TreeBuilder:
    """Feed lines in order; `tree` holds the result."""

    def __init__(self, hard_wrap_width: Optional[float] = None, plain_text: bool = False):
        self.tree = Tree()
        self.plain = plain_text  # lines of a .txt (a line break may be a wrap), not paragraphs of a .docx
        self.stack: list[_Open] = []
        self.last_number: dict[str, int] = {}
        self.wrap = hard_wrap_width
        self.prev_text = ""  # the previous line as read, for hard-wrap detection

    # --- acceptance -------------------------------------------------------------------
    def _expected(self, family: str) -> set[int]:
        last = self.last_number.get(family)
        ok = {1}
        if last is not None:
            ok.add(last + 1)
        return ok

    def _wrapped(self) -> bool:
        """Did the previous line break mid-sentence because of a hard wrap?"""
        return runs_on(self.prev_text, self.wrap)

    def _broken_sentence(self) -> bool:
        """Where no wrap width could be measured (a short text): did the previous line of running text stop
        mid-sentence (`…贷款支持不少于30` / `亿元。`)? A bare heading line (`八、强化疫情防控`) did not."""
        p = self.prev_text
        if not self.plain or self.wrap is not None or not self.stack or not p or p[-1] in SENTENCE_END or len(p) < 10:
            return False
        m = match_marker(p)
        return m is None or any(c in m.rest for c in "。；;")

    def _accept(self, m: Marker, strict: bool) -> bool:
        if not strict and not m.broken:
            return True
        if m.family == "dash" and not m.broken:
            # a full line before a `——`: a heading (no sentence in it) filling its line, then the first bullet
            top = self.stack[-1] if self.stack else None
            return top is not None and RANK[top.family] < RANK["dash"] and not any(c in top.node.text for c in "。；;")
        if m.number is None:
            return False
        return m.number in self._expected(m.family)

    # --- placing ----------------------------------------------------------------------
    def _place(self, node: Node, family: str) -> None:
        families = [o.family for o in self.stack]
        if family in families:
            del self.stack[families.index(family):]
        else:
            rank = RANK[family]
            while self.stack and RANK[self.stack[-1].family] >= rank:
                self.stack.pop()
        if self.stack:
            self.stack[-1].node.children.append(node)
        else:
            self.tree.roots.append(node)
        self.stack.append(_Open(node, family))
        if node.number is not None:
            self.last_number[family] = node.number

    def _start(self, m: Marker, text: str, line: int) -> None:
        node = Node(label=m.label, number=m.number, text=text, line=line, style=m.family)
        self._place(node, m.family)

    def _continue(self, text: str, line: int, wrapped: bool) -> None:
        if not self.stack:
            before = self.tree.before
            if wrapped and before:
                before[-1].text += text
            else:
                before.append(Line(line, text))
            return
        node = self.stack[-1].node
        if wrapped or (text[:1] in "(（" and not match_marker(text) and node.text[-1:] in "。；;"):
            node.text += text  # a hard wrap, or an agency clause put on its own line
        else:
            node.text += "\n" + text

    # --- feeding ----------------------------------------------------------------------
    def feed(self, line: int, text: str, heading: Optional[int] = None) -> None:
        """One line; `heading` is the outline level (0 = 标题 1) of a Word heading-styled paragraph."""
        wrapped = self._wrapped()
        joins = wrapped or self._broken_sentence()  # how a line that starts no node continues the one before
        self.prev_text = text
        first = match_marker(text)
        if heading is not None and first is None:
            family = f"h{min(heading, 8) + 1}"
            self._place(Node(label="", number=None, text=text, line=line, style=family), family)
            return
        for seg in self._segments(text, first):
            m = first if seg is text else match_marker(seg)
            if m and self._accept(m, strict=wrapped):
                self._start(m, seg, line)
            else:
                self._continue(seg, line, joins)
            wrapped = joins = False

    def add_node(self, node: Node, family: str) -> None:
        """A node made elsewhere (a table row) placed as if its marker had been read."""
        self._place(node, family)
        self.prev_text = ""

    def _segments(self, text: str, first: Optional[Marker]) -> list[str]:
        """Split run-in items: `…安全性。5.推进…` → two segments, when 5. is the next number expected.
        `first` is the line's own marker."""
        positions = run_in_positions(text)
        cuts = sorted(set(self._numbered_cuts(text, positions, first) if positions else []) |
                      set(_shi_cuts(text, first)))
        if not cuts:
            return [text]
        bounds = [0] + cuts + [len(text)]
        return [text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]

    def _numbered_cuts(self, text: str, positions: list[int], first: Optional[Marker]) -> list[int]:
        expect = dict(self.last_number)
        families = [o.family for o in self.stack]
        if first and first.number is not None:
            # the families still open once the line's own marker is placed (as _place would)
            if first.family in families:
                families = families[:families.index(first.family)]
            else:
                families = [f for f in families if RANK[f] < RANK[first.family]]
            families.append(first.family)
            expect[first.family] = first.number
        open_families = set(families)
        deepest = max((RANK[f] for f in open_families), default=-1)
        cuts = []
        for pos in positions:
            m = match_marker(text[pos:])
            if m is None or m.number is None:
                continue
            if m.family in open_families:
                ok = m.number == expect.get(m.family, 0) + 1
            else:  # the first item of a new, deeper level: "一、稳定粮食生产。1.落实…" (or one running on)
                ok = RANK[m.family] > deepest and m.number in (1, expect.get(m.family, 0) + 1)
            if ok:
                cuts.append(pos)
                expect[m.family] = m.number
                open_families.add(m.family)
                deepest = max(deepest, RANK[m.family])
        return cuts


def _shi_cuts(text: str, first: Optional[Marker]) -> list[int]:
    """`一是…。二是…；三是…` in one paragraph: cut before each next point, as if each had its own line.

    Only in a paragraph that is itself a 是-point, or plain text with at least 一是 and 二是 in it;
    a numbered item (`（三）加强保护。一是…；二是…（市局负责）`) keeps its points as its own text —
    they are that item's content, and its agency clause covers all of them.
    """
    if first is not None and first.family != "shi":
        return []
    n = (first.number or 0) if first else 0
    cuts = []
    for pos in shi_positions(text):
        m = match_marker(text[pos:])
        if m and m.family == "shi" and m.number == n + 1:
            cuts.append(pos)
            n += 1
    return cuts if first is not None or len(cuts) >= 2 else []
