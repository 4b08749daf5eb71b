"""Where each character of a .docx paragraph's text is in the XML, and splitting a run at a character.

`read/docx.py` turns a w:p into the text `check` reads (Word's automatic label in front, tabs as the
reader joins them). `paragraph_map` walks the same w:p the same way and records, for every character of
that text, the w:t element and offset it came from — or why it cannot be edited as text: it is the
automatic label, a tab, a field's result, text inside someone else's tracked insertion or a text box.
When the walk does not give exactly the reader's text, the paragraph is not mapped at all (no edits,
no anchors there): a wrong place is worse than none.

`split_run_at(t, k)` cuts the run holding w:t `t` before character `k`, so a revision or a comment
range can start exactly there; both halves keep the run's properties.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Optional

from ..read.docx import _TYPED_LABEL, MC

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# containers a run may sit in and still be edited with w:ins/w:del around it
_EDITABLE_PARENTS = {W + "p", W + "hyperlink", W + "smartTag", W + "customXml", W + "sdtContent"}
_SKIP = {"del", "moveFrom", "delText", "delInstrText", "instrText", "pPr", "rPr", "sdtPr", "sdtEndPr", "rt",
         "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "sym", "fldData",
         "br", "cr", "softHyphen", "lastRenderedPageBreak", "bookmarkStart", "bookmarkEnd"}


@dataclass
class Char:
    """Where one character of the paragraph text comes from."""
    t: Optional[object] = None     # the w:t element (None: not plain run text)
    offset: int = 0                # index in t.text
    why: str = ""                  # why it cannot be edited as text ("" = it can)


@dataclass
class ParagraphMap:
    p: object
    text: str
    chars: list[Char]
    label: str = ""

    def editable(self, start: int, end: int) -> Optional[str]:
        """Why text[start:end] cannot be replaced as run text, or None when it can."""
        for c in self.chars[start:end]:
            if c.why:
                return c.why
        return None


def _run_ok(r, p) -> str:
    """'' when the run sits where revisions may go round it; else why not."""
    el = r.getparent()
    while el is not None and el is not p:
        tag = el.tag
        if tag in (W + "ins", W + "moveTo"):
            return "tracked"
        if tag == W + "fldSimple":
            return "field"
        if tag == W + "txbxContent":
            return "textbox"
        if tag not in _EDITABLE_PARENTS and tag != W + "sdt":
            return "container"
        el = el.getparent()
    return ""


class _Walk:
    """The reader's inline walk (read/docx.py `_Reader.inline`), keeping each character's source."""

    def __init__(self, p):
        self.p = p
        self.pieces: list[tuple[str, list[Char]]] = []
        self.field_depth = 0
        self.in_box = 0

    def inline(self, el, why: str = "") -> None:
        for ch in el:
            tag = ch.tag
            if not isinstance(tag, str):
                continue
            if tag.startswith(W):
                name = tag[len(W):]
                if name == "t":
                    text = ch.text or ""
                    r = ch.getparent()
                    bad = why or ("field" if self.field_depth else "") or _run_ok(r, self.p)
                    self.pieces.append((text, [Char(ch, k, bad) for k in range(len(text))]))
                elif name == "tab":
                    self.pieces.append(("\t", [Char(why="tab")]))
                elif name == "noBreakHyphen":
                    self.pieces.append(("-", [Char(why="symbol")]))
                elif name == "fldChar":
                    kind = ch.get(W + "fldCharType")
                    if kind == "begin":
                        self.field_depth += 1
                    elif kind == "end" and self.field_depth:
                        self.field_depth -= 1
                elif name in _SKIP:
                    continue
                elif name == "txbxContent":
                    continue  # its paragraphs are blocks of their own
                elif name == "r":
                    rpr = ch.find(W + "rPr")
                    vanish = None if rpr is None else rpr.find(W + "vanish")
                    if vanish is None or vanish.get(W + "val", "true") in ("0", "false", "off"):
                        self.inline(ch, why)
                elif name == "sdt":
                    c = ch.find(W + "sdtContent")
                    if c is not None:
                        self.inline(c, why)
                else:
                    self.inline(ch, why)
            elif tag == MC + "AlternateContent":
                c = ch.find(MC + "Choice")
                if c is None:
                    c = ch.find(MC + "Fallback")
                if c is not None:
                    self.inline(c, why or "container")
            elif tag != MC + "Fallback":
                self.inline(ch, why or "container")


def _join(pieces: list[tuple[str, list[Char]]]) -> tuple[str, list[Char]]:
    """read/docx.py `_join`: a tab at the start or right after a typed label is dropped, others are a space."""
    out, chars = "", []
    for text, cs in pieces:
        if text == "\t":
            if out.strip() == "" or _TYPED_LABEL.fullmatch(out):
                continue
            out += " "
            chars.append(Char(why="tab"))
        else:
            out += text
            chars.extend(cs)
    return out, chars


def paragraph_map(p, block_text: str, label: str) -> Optional[ParagraphMap]:
    """The character map of w:p `p` whose reader text is `block_text` (automatic `label` in front), or None
    when walking it does not give exactly that text."""
    walk = _Walk(p)
    walk.inline(p)
    text, chars = _join(walk.pieces)
    if label:
        k = len(text) - len(text.lstrip("\t "))
        text, chars = label + text[k:], [Char(why="label") for _ in label] + chars[k:]
    if text != block_text or len(chars) != len(text):
        return None
    return ParagraphMap(p=p, text=text, chars=chars, label=label)


def _content_children(r) -> list:
    return [c for c in r if isinstance(c.tag, str) and c.tag != W + "rPr"]


def _empty_like(r):
    """A run with `r`'s attributes and a copy of its properties, and nothing else."""
    new = r.makeelement(r.tag, dict(r.attrib))
    rpr = r.find(W + "rPr")
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    return new


def _split_before(r, child):
    """Move `child` and everything after it in run `r` into a new run right after `r`; return the new run."""
    new = _empty_like(r)
    moving = False
    for c in list(r):
        moving = moving or c is child
        if moving:
            r.remove(c)
            new.append(c)
    r.addnext(new)
    return new


def split_run_at(t, k: int):
    """Cut the run holding w:t `t` before its character `k`. Returns the w:t that now starts a run with
    the characters from `k` on, or None when there are none (k at the end: the content after `t`, if any,
    moves to a run of its own)."""
    r = t.getparent()
    text = t.text or ""
    kids = _content_children(r)
    if 0 < k < len(text):
        new_t = copy.deepcopy(t)
        new_t.text = text[k:]
        t.text = text[:k]
        t.set(XML_SPACE, "preserve")
        new_t.set(XML_SPACE, "preserve")
        t.addnext(new_t)
        _split_before(r, new_t)
        return new_t
    if k <= 0:
        if kids and kids[0] is not t:
            _split_before(r, t)
        return t
    i = kids.index(t)
    if i + 1 < len(kids):
        _split_before(r, kids[i + 1])
    return None


def isolate(t, a: int, b: int):
    """Make characters a:b of w:t `t` a run of their own (same properties); return that run's w:t."""
    if b < len(t.text or ""):
        split_run_at(t, b)
    return split_run_at(t, a)


def pieces(pm: ParagraphMap, start: int, end: int) -> list[tuple[object, int, int]]:
    """(w:t, a, b) for the characters start:end of the paragraph text, in order (all must be run text)."""
    out: list[list] = []
    for c in pm.chars[start:end]:
        if out and out[-1][0] is c.t and out[-1][2] == c.offset:
            out[-1][2] += 1
        else:
            out.append([c.t, c.offset, c.offset + 1])
    return [tuple(x) for x in out]


def isolate_range(pm: ParagraphMap, start: int, end: int) -> Optional[tuple[object, object]]:
    """Make the run text among characters start:end of the paragraph runs of their own; return the first
    and the last of those runs (None when no character there is run text: an automatic label, a tab)."""
    start, end = max(0, start), min(end, len(pm.chars))
    ks = [k for k in range(start, end) if pm.chars[k].t is not None]
    if not ks:
        return None
    a, b = ks[0], ks[-1] + 1
    parts = [(t, x, y) for t, x, y in pieces(pm, a, b) if t is not None]
    runs = [isolate(t, x, y).getparent() for t, x, y in reversed(parts)]
    return runs[-1], runs[0]
