"""`drafter compare --format docx`: the new plan, with the differences against the old as Word tracked changes.

Word's review pane (and LibreOffice's Edit ▸ Track Changes) shows every change; "Accept all" gives the new
plan's text.  What is tracked and what is not:

- a revised item: its label as written this year (renumbering is *not* tracked — that is the noise this
  command exists to remove), then its text with character-level ``w:del``/``w:ins``;
- a new item: the whole paragraph inserted (runs in ``w:ins`` and an inserted paragraph mark);
- a dropped item: a deleted paragraph (runs in ``w:del`` with ``w:delText``, deleted paragraph mark) in
  its old place;
- a heading whose wording changed: tracked like an item; a new heading inserted; a heading that is gone
  deleted, with its dropped items;
- the title and the preamble: tracked against last year's (the year in the title shows as a change).

This is the only compare module that speaks OOXML.
"""
from __future__ import annotations

import datetime as _dt
from typing import Optional

from docx import Document as _new_docx
from docx.shared import Mm, Pt

from .. import ooxml
from ..compare.diff import char_diff
from ..compare.model import Change, Comparison, SectionRow
from ..model import Node

AUTHOR = "drafter"
BODY_FONT = "仿宋_GB2312"
HEAD_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
TITLE_FONT = "方正小标宋简体"


class _Writer:
    def __init__(self, date: Optional[str] = None):
        self.doc = _new_docx()
        self.next_id = 1
        self.date = date or _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._setup()

    def _setup(self) -> None:
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
        sec.left_margin, sec.right_margin = Mm(28), Mm(26)
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(16)
        normal.font.name = BODY_FONT
        ooxml.get_or_add(normal.element.get_or_add_rPr(), "w:rFonts").set(ooxml.qn("w:eastAsia"), BODY_FONT)
        pf = normal.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.line_spacing = Pt(28)

    # ---- low level
    def _mark(self, tag: str):
        el = ooxml.make(tag, id=self.next_id, author=AUTHOR, date=self.date)
        self.next_id += 1
        return el

    @staticmethod
    def _run(text: str, deleted: bool = False, font: Optional[str] = None, bold: bool = False,
             size: Optional[float] = None):
        r = ooxml.make("w:r")
        t = ooxml.insert(r, ooxml.make("w:delText" if deleted else "w:t", {"xml:space": "preserve"}))
        t.text = text
        if font or bold or size:
            rpr = ooxml.get_or_add(r, "w:rPr")
            if size:
                ooxml.set_prop(rpr, "w:sz", val=int(size * 2))
            if bold:
                ooxml.set_prop(rpr, "w:b")
            if font:
                ooxml.set_prop(rpr, "w:rFonts", ascii=font, hAnsi=font, eastAsia=font)
        return r

    def paragraph(self, segments: list[tuple[str, str]], *, para_mark: str = "=", font: Optional[str] = None,
                  bold: bool = False, size: Optional[float] = None, center: bool = False, indent: bool = True):
        """One paragraph from ("=" | "-" | "+", text) segments; `para_mark` tracks the paragraph itself."""
        p = self.doc.add_paragraph()
        if center:
            p.alignment = 1
        elif indent:
            p.paragraph_format.first_line_indent = Pt(32)
        if para_mark in ("+", "-"):           # a tracked paragraph mark: w:pPr/w:rPr/w:ins|w:del
            rpr = ooxml.get_or_add(p._p.get_or_add_pPr(), "w:rPr")
            ooxml.insert(rpr, self._mark("w:ins" if para_mark == "+" else "w:del"))
        for op, text in segments:
            if not text:
                continue
            if op == "=":
                ooxml.insert(p._p, self._run(text, font=font, bold=bold, size=size))
            else:
                wrap = self._mark("w:ins" if op == "+" else "w:del")
                wrap.append(self._run(text, deleted=(op == "-"), font=font, bold=bold, size=size))
                ooxml.insert(p._p, wrap)
        return p


def _heading_style(node: Optional[Node]) -> dict:
    label = node.label if node is not None else ""
    if label.endswith("、"):
        return {"font": HEAD_FONT}
    if label.startswith(("(", "（")) and not label[1:2].isdigit():
        return {"font": KAI_FONT}
    return {}


def _heading(w: _Writer, row: SectionRow) -> None:
    st = _heading_style(row.new or row.old)
    if row.new is not None and row.old is not None:
        segs = [("=", row.new.label)] + (row.diff if row.diff else [("=", row.new.title)])
        w.paragraph(segs, **st)
    elif row.new is not None:
        w.paragraph([("+", row.new.label + row.new.title)], para_mark="+", **st)
    elif row.old is not None:
        w.paragraph([("-", row.old.label + row.old.title)], para_mark="-", **st)


def _item(w: _Writer, ch: Change) -> None:
    if ch.status == "new":
        w.paragraph([("+", ch.new.label + ch.new.body)], para_mark="+")  # type: ignore[union-attr]
    elif ch.status == "dropped":
        w.paragraph([("-", ch.old.label + ch.old.body)], para_mark="-")  # type: ignore[union-attr]
    else:
        label = ch.new.label  # type: ignore[union-attr]
        body = ch.diff if (ch.text_changed and ch.diff) else [("=", ch.new.body)]  # type: ignore[union-attr]
        w.paragraph([("=", label)] + body)


def build_docx(cmp: Comparison, date: Optional[str] = None):
    """A python-docx Document: the new plan with tracked changes against the old."""
    w = _Writer(date)
    old_t, new_t = cmp.old_doc.title, cmp.new_doc.title
    if new_t or old_t:
        w.paragraph(char_diff(old_t, new_t), font=TITLE_FONT, size=22, center=True)
        w.paragraph([], indent=False)
    if cmp.new_doc.preamble or cmp.old_doc.preamble:
        w.paragraph(char_diff(cmp.old_doc.preamble, cmp.new_doc.preamble))
    rows = {id(r.new): r for r in cmp.sections if r.new is not None}
    done: set[int] = set()

    def emit(node: Node) -> None:
        row = rows.get(id(node))
        if row is not None:
            _heading(w, row)
            for ch in row.changes:
                _item(w, ch)
            done.add(id(row))
        for c in node.children:
            if c.children:
                emit(c)

    for row in cmp.sections:  # items at the top level, under no heading
        if row.new is None and row.old is None:
            for ch in row.changes:
                _item(w, ch)
            done.add(id(row))
    for s in cmp.new_doc.sections:
        if s.children:
            emit(s)
    for row in cmp.sections:
        if id(row) not in done:
            _heading(w, row)
            for ch in row.changes:
                _item(w, ch)
    props = w.doc.core_properties
    props.title = new_t
    props.author = AUTHOR
    props.comments = f"drafter compare: {cmp.old_source} → {cmp.new_source}"
    return w.doc


def write_docx(cmp: Comparison, path: str, date: Optional[str] = None) -> None:
    doc = build_docx(cmp, date)
    ooxml.drop_styles_with_effects(doc)
    ooxml.prune_styles(doc)               # python-docx's template: ~150 styles this file never uses
    doc.save(path)
