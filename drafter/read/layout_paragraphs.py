"""The look of one paragraph as a reader sees it: its runs' fonts, size and bold resolved through the style
sheet (read/formatting.py) and direct formatting, its alignment, indent (characters vs twips, as Word reads
them) and line spacing, and the look of its automatic number. Runs are walked in read/docx.py's order,
fields and text boxes included.
"""
from __future__ import annotations

import re
from typing import Optional

from .docx import MC
from .formatting import StyleSheet, on, ppr_props, rpr_props
from .theme import Theme
from .layout_model import DEFAULT_SIZE, ParaLook, RunLook

_PAGE_FIELD = re.compile(r"^\s*PAGE(?:\s|\\|$)", re.I)


def _majority(pairs):
    counts: dict = {}
    for v, n in pairs:
        counts[v] = counts.get(v, 0) + n
    return max(counts, key=counts.get) if counts else None


class ParagraphReader:
    """Looks of paragraphs and runs, against one style sheet and numbering.xml's levels."""

    def __init__(self, w: str, sheet: StyleSheet, numbering: dict, style_numbering: dict):
        self.w = w
        self.sheet = sheet
        self.numbering = numbering  # numId → {ilvl: (pPr, rPr)} of its abstractNum
        self.sheet_num = style_numbering  # styleId → (numId, ilvl) its pPr carries

    def paragraph(self, p, line: int, in_table: bool = False, boxes: Optional[list] = None) -> ParaLook:
        """The look of one w:p; the text boxes it anchors are appended to `boxes` (read/docx.py's order)."""
        w, sheet = self.w, self.sheet
        ppr = p.find(w + "pPr")
        sid = ""
        if ppr is not None:
            ps = ppr.find(w + "pStyle")
            sid = ps.get(w + "val", "") if ps is not None else ""
        sid = sheet.para_style(sid)
        base_p, base_r = sheet.para_base(sid)
        props = dict(base_p)
        label = None
        lvl = self.level(ppr, sid)
        if lvl is not None:
            props.update(ppr_props(lvl[0], w, "numbering"))
        props.update(ppr_props(ppr, w, "direct"))
        mark = dict(base_r)
        mark.update(rpr_props(ppr.find(w + "rPr") if ppr is not None else None, w, "direct"))
        if lvl is not None:
            label_props = dict(mark)
            label_props.update(rpr_props(lvl[1], w, "numbering"))
            label = self.look("", label_props)
        runs: list[RunLook] = []
        self.inline(p, sid, runs, [], boxes if boxes is not None else [], None)
        size = _value(mark.get("sz"), DEFAULT_SIZE)
        text = "".join(r.text for r in runs)
        merged = _merge(runs)
        look = ParaLook(line=line, text=text, style_id=sid,
                        style=sheet.name.get(sid, sid), runs=merged, in_table=in_table, label=label,
                        size=_majority([(r.size, len(r.text)) for r in merged]) or size)
        look.align, look.align_from = _pair(props.get("jc"), "left")
        _indent(look, props, size)
        rule, rule_from = _pair(props.get("lineRule"), "auto")
        value, value_from = _pair(props.get("line"), 240)
        look.line_rule = rule if rule in ("exact", "atLeast") else "auto"
        look.line_value = value / 20 if look.line_rule != "auto" else value / 240
        look.spacing_from = value_from or rule_from
        look.snap = _value(props.get("snap"), True)
        look.frame_x = _value(props.get("frameX"), "")
        return look

    def level(self, ppr, sid: str):
        """(pPr, rPr) of the numbering level a paragraph is drawn with, or None."""
        w = self.w
        num_pr = ppr.find(w + "numPr") if ppr is not None else None
        num_id = ilvl = None
        if num_pr is not None:
            n, i = num_pr.find(w + "numId"), num_pr.find(w + "ilvl")
            num_id = n.get(w + "val") if n is not None else None
            ilvl = i.get(w + "val") if i is not None else None
        for s in reversed(self.sheet.chain(sid)):
            snum = self.sheet_num.get(s)
            if snum:
                num_id = num_id or snum[0]
                ilvl = ilvl if ilvl is not None else snum[1]
        if not num_id or num_id == "0":
            return None
        levels = self.numbering.get(num_id) or {}
        return levels.get(str(ilvl or "0"))

    def inline(self, el, sid: str, out: list[RunLook], fields: list, boxes: list, elems: Optional[list]) -> None:
        """Runs in reading order, the way read/docx.py collects a paragraph's text; `fields` is the stack of
        open complex fields [instruction, in_result]; text boxes go to `boxes`; `elems` (when given) gets the
        (w:r, text) behind each look, for fix --layout."""
        w = self.w
        for ch in el:
            tag = ch.tag
            if not isinstance(tag, str):
                continue
            if tag == w + "r":
                self.run(ch, sid, out, fields, boxes, elems)
            elif tag == w + "fldSimple":
                instr = ch.get(w + "instr") or ""
                fields.append(["PAGE" if _PAGE_FIELD.match(instr) else "other", True])
                self.inline(ch, sid, out, fields, boxes, elems)
                fields.pop()
            elif tag == w + "sdt":
                c = ch.find(w + "sdtContent")
                if c is not None:
                    self.inline(c, sid, out, fields, boxes, elems)
            elif tag == MC + "AlternateContent":
                c = _choice(ch)
                if c is not None:
                    self.inline(c, sid, out, fields, boxes, elems)
            elif tag == w + "txbxContent":
                boxes.append(ch)
            elif tag.startswith(w) and tag[len(w):] in _SKIP:
                continue
            elif tag != MC + "Fallback":
                self.inline(ch, sid, out, fields, boxes, elems)

    def run(self, r, sid: str, out: list[RunLook], fields: list, boxes: list, elems: Optional[list]) -> None:
        w = self.w
        rpr = r.find(w + "rPr")
        text = []
        for c in r:
            t = c.tag
            if t == w + "t":
                text.append(c.text or "")
            elif t == w + "tab":
                text.append("\t")
            elif t == w + "noBreakHyphen":
                text.append("-")
            elif t == w + "fldChar":
                kind = c.get(w + "fldCharType")
                if kind == "begin":
                    fields.append(["", False])
                elif kind == "separate" and fields:
                    fields[-1][1] = True
                elif kind == "end" and fields:
                    fields.pop()
            elif t == w + "instrText" and fields and not fields[-1][1]:
                fields[-1][0] += c.text or ""
            elif t in (w + "drawing", w + "pict", w + "object", MC + "AlternateContent"):
                _boxes(c, boxes, w)
        s = "".join(text)
        if not s:
            return
        vanish = rpr.find(w + "vanish") if rpr is not None else None
        if vanish is not None and on(vanish, w):
            return
        if fields and not fields[-1][1]:
            return  # the instruction part of a field shows nothing
        rs = rpr.find(w + "rStyle") if rpr is not None else None
        props = dict(self.sheet.run_base(sid, rs.get(w + "val", "") if rs is not None else ""))
        props.update(rpr_props(rpr, w, "direct"))
        look = self.look(s, props)
        if any(f[1] and (f[0] == "PAGE" or _PAGE_FIELD.match(f[0] or "")) for f in fields):
            look.field = "PAGE"
        out.append(look)
        if elems is not None:
            elems.append((r, s))

    def look(self, text: str, props) -> RunLook:
        sheet = self.sheet
        east, east_from, theme = sheet.font(props, "eastAsia")
        ascii_, _, latin_theme = sheet.font(props, "ascii")
        hansi, _, _ = sheet.font(props, "hAnsi")
        size, size_from = _pair(props.get("sz"), DEFAULT_SIZE)
        return RunLook(text=text, east_asia=east, ascii=ascii_, h_ansi=hansi, hint=_value(props.get("hint"), ""),
                       size=size, bold=bool(_value(props.get("b"), False)), east_from=east_from,
                       size_from=size_from, east_theme=theme, latin_theme=latin_theme)



_SKIP = {"del", "moveFrom", "pPr", "rPr", "sdtPr", "sdtEndPr", "rt", "commentReference",
         "footnoteReference", "endnoteReference", "bookmarkStart", "bookmarkEnd", "proofErr"}


def _choice(alt):
    c = alt.find(MC + "Choice")
    return c if c is not None else alt.find(MC + "Fallback")


def _boxes(el, out: list, w: str) -> None:
    """Text boxes inside a drawing/picture, in document order, each once (the VML copy in mc:Fallback skipped)."""
    if el.tag == w + "txbxContent":
        out.append(el)
        return
    if el.tag == MC + "AlternateContent":
        c = _choice(el)
        if c is not None:
            _boxes(c, out, w)
        return
    if el.tag == MC + "Fallback":
        return
    for ch in el:
        if isinstance(ch.tag, str):
            _boxes(ch, out, w)


def _value(pair, default=None):
    return pair[0] if pair else default


def _pair(pair, default):
    return (pair[0], pair[1]) if pair else (default, "")


def _merge(runs: list[RunLook]) -> list[RunLook]:
    """Adjacent runs with the same look become one."""
    out: list[RunLook] = []
    for r in runs:
        if out:
            last = out[-1]
            if (last.east_asia, last.ascii, last.h_ansi, last.hint, last.size, last.bold, last.east_from,
                    last.size_from, last.east_theme, last.latin_theme, last.field) == (
                    r.east_asia, r.ascii, r.h_ansi, r.hint, r.size, r.bold, r.east_from, r.size_from,
                    r.east_theme, r.latin_theme, r.field):
                last.text += r.text
                continue
        out.append(r)
    return out


def _indent(look: ParaLook, props, size: float) -> None:
    """w:ind as Word reads it: the twips pair (firstLine/hanging) and the character pair
    (firstLineChars/hangingChars) each resolved at the most specific level that sets either; a non-zero
    character value wins over twips (python-docx issue #848: a direct firstLine=0 under a style's
    firstLineChars=200 still shows two characters)."""
    per_char = max(size, 1.0) * 20  # twips

    def level_of(keys):
        best = None
        for k in keys:
            got = props.get("ind." + k)
            if got is not None:
                rank = _RANK.get(got[1].split(":")[0], 1)
                if best is None or rank > best[0]:
                    best = (rank, got[1])
        return best

    def pair(first_key, hanging_key):
        lv = level_of((first_key, hanging_key))
        if lv is None:
            return None, ""
        h = props.get("ind." + hanging_key)
        f = props.get("ind." + first_key)
        if h is not None and h[1] == lv[1]:
            return -h[0], lv[1]
        if f is not None and f[1] == lv[1]:
            return f[0], lv[1]
        return None, ""

    chars, chars_from = pair("firstLineChars", "hangingChars")
    tw, tw_from = pair("firstLine", "hanging")
    if chars:
        look.first_line, look.indent_from = chars / 100, chars_from
    elif tw is not None:
        look.first_line, look.indent_from = tw / per_char, tw_from
    for side, keys in (("left", ("leftChars", "startChars", "left", "start")),
                       ("right", ("rightChars", "endChars", "right", "end"))):
        value = 0.0
        for k in keys:
            got = props.get("ind." + k)
            if got is not None and (got[0] or not k.endswith("Chars")):
                value = got[0] / 100 if k.endswith("Chars") else got[0] / per_char
                look.indent_from = look.indent_from or got[1]
                break
        setattr(look, side, value)


_RANK = {"docDefaults": 0, "style": 1, "numbering": 2, "direct": 3}


def numbering_levels(root, w: str) -> dict:
    """numId → {ilvl: (pPr, rPr)} (numStyleLink and lvlOverride formatting are not followed)."""
    if root is None:
        return {}
    abstract = {}
    for a in root.iter(w + "abstractNum"):
        levels = {}
        for lvl in a.findall(w + "lvl"):
            levels[lvl.get(w + "ilvl") or "0"] = (lvl.find(w + "pPr"), lvl.find(w + "rPr"))
        abstract[a.get(w + "abstractNumId")] = levels
    out = {}
    for n in root.iter(w + "num"):
        a = n.find(w + "abstractNumId")
        if a is not None:
            out[n.get(w + "numId")] = abstract.get(a.get(w + "val"), {})
    return out


def style_numbering(root, w: str) -> dict:
    """styleId → (numId, ilvl) the numPr of a style's own pPr gives."""
    out = {}
    if root is None:
        return out
    for s in root.iter(w + "style"):
        num = s.find(f"{w}pPr/{w}numPr")
        if num is not None:
            n, i = num.find(w + "numId"), num.find(w + "ilvl")
            out[s.get(w + "styleId") or ""] = (n.get(w + "val") if n is not None else None,
                                               i.get(w + "val") if i is not None else None)
    return out


def paragraph_runs(p, w: str) -> list:
    """(w:r, text) of each run of a paragraph that shows text, in the order its looks have (for fix --layout)."""
    reader = ParagraphReader(w, StyleSheet(None, w, Theme(None), ""), {}, {})
    elems: list = []
    reader.inline(p, "", [], [], [], elems)
    return elems
