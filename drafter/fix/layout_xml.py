"""The OOXML edits of `fix --layout` (a writer module): page set-up, style properties, a paragraph's style, a
run's character style, direct formatting taken away, page-number footers — each recorded, when `track`
is on, as the tracked change Word shows as "Formatted": w:sectPrChange, w:pPrChange / w:rPrChange (in a
paragraph, a run, or a style's own w:pPr/w:rPr, where ECMA-376 allows them), w:ins / w:del for footer text.

Every child is put in its schema place by drafter.ooxml; nothing is appended blindly. What Word cannot track
(docDefaults, settings, a new style or footer part) is done untracked and said so in the report.
"""
from __future__ import annotations

import copy
from typing import Optional

from lxml import etree

from .. import ooxml
from ..ooxml import qn
from .stamp import revision_date

AUTHOR = "drafter"
W = ooxml.NS["w"]


class Tracker:
    """Ids, author and date of the tracked changes one run of fix --layout writes."""

    def __init__(self, track: bool, first_id: int, date: Optional[str] = None):
        self.track = track
        self.next = first_id
        self.date = date or revision_date()
        self.count = 0

    def new_id(self) -> int:
        self.next += 1
        return self.next

    def before(self, props) -> None:
        """Call before changing a w:pPr / w:rPr / w:sectPr: keeps what it holds now as the tracked original."""
        if self.track:
            ooxml.record_original(props, self.new_id(), AUTHOR, self.date)
        self.count += 1

    def insertion(self, runs: list):
        """Runs written as tracked insertions (or as they are, untracked)."""
        self.count += 1
        if not self.track:
            return runs
        ins = ooxml.make("w:ins", id=self.new_id(), author=AUTHOR, date=self.date)
        for r in runs:
            ins.append(r)
        return [ins]

    def delete(self, run) -> None:
        """A run of text deleted, tracked (w:del with w:delText) or removed."""
        parent = run.getparent()
        self.count += 1
        if not self.track:
            parent.remove(run)
            return
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
        d = ooxml.make("w:del", id=self.new_id(), author=AUTHOR, date=self.date)
        run.addprevious(d)
        d.append(run)


def max_id(roots) -> int:
    """The largest numeric w:id in these parts (revision, comment and bookmark ids share one space here)."""
    best = 0
    key = qn("w:id")
    for root in roots:
        for el in root.iter():
            v = el.get(key) if isinstance(el.tag, str) else None
            if v and v.lstrip("-").isdigit():
                best = max(best, int(v))
    return best


# --- page set-up ---------------------------------------------------------------------------------------------

def set_section(sect, tracker: Tracker, page: dict) -> bool:
    """A4, the GB/T 9704 margins and a 22-line grid on one w:sectPr; False when it already had them."""
    pg = sect.find(qn("w:pgSz"))
    mar = sect.find(qn("w:pgMar"))
    grid = sect.find(qn("w:docGrid"))
    landscape = pg is not None and (pg.get(qn("w:orient")) == "landscape"
                                    or _int(pg.get(qn("w:w"))) > _int(pg.get(qn("w:h"))))
    w, h = (page["h_tw"], page["w_tw"]) if landscape else (page["w_tw"], page["h_tw"])
    want_mar = {"top": page["top_tw"], "bottom": page["bottom_tw"], "left": page["left_tw"],
                "right": page["right_tw"], "header": page["header_tw"], "footer": page["footer_tw"], "gutter": 0}
    close = lambda a, b: abs(_int(a) - b) <= page.get("slack_tw", 57)   # noqa: E731  (±1 mm, FMT001's tolerance)
    ok = (pg is not None and close(pg.get(qn("w:w")), w) and close(pg.get(qn("w:h")), h)
          and (landscape or (mar is not None and all(close(mar.get(qn("w:" + k)), v)
                                                     for k, v in want_mar.items() if k in ("top", "bottom", "left", "right"))))
          and grid is not None and grid.get(qn("w:type")) in ("lines", "linesAndChars")
          and abs(_int(grid.get(qn("w:linePitch"))) - page["pitch_tw"]) <= 1)
    if ok:
        return False
    tracker.before(sect)
    attrs = {"w": w, "h": h}
    if landscape:
        attrs["orient"] = "landscape"
    elif pg is not None and pg.get(qn("w:code")):
        attrs["code"] = pg.get(qn("w:code"))
    ooxml.set_prop(sect, "w:pgSz", **attrs)
    if not landscape:               # a landscape table page keeps its margins (GB/T 9704 §8)
        ooxml.set_prop(sect, "w:pgMar", **want_mar)
    ooxml.set_prop(sect, "w:docGrid", type="lines", linePitch=page["pitch_tw"])
    return True


def _int(v) -> int:
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return -1


# --- properties ------------------------------------------------------------------------------------------------

def set_fonts(rpr, east: Optional[str], size: Optional[float], *, hint: bool = True,
              char_spacing: Optional[int] = None, latin: Optional[str] = None) -> None:
    """East Asian font (a theme attribute on that slot dropped), w:hint="eastAsia", size, character spacing —
    other slots and properties left as they are."""
    if east is not None or hint or latin is not None:
        rf = rpr.find(qn("w:rFonts"))
        if rf is None:
            rf = ooxml.insert(rpr, ooxml.make("w:rFonts"))
        if east is not None:
            rf.attrib.pop(qn("w:eastAsiaTheme"), None)
            rf.set(qn("w:eastAsia"), east)
        if latin is not None:
            for slot, theme in (("ascii", "asciiTheme"), ("hAnsi", "hAnsiTheme"), ("cs", "cstheme")):
                rf.attrib.pop(qn("w:" + theme), None)
                rf.set(qn("w:" + slot), latin)
        if hint:
            rf.set(qn("w:hint"), "eastAsia")
    if char_spacing is not None:
        ooxml.set_prop(rpr, "w:spacing", val=char_spacing)
    if size is not None:
        hp = str(int(round(size * 2)))
        ooxml.set_prop(rpr, "w:sz", val=hp)
        ooxml.set_prop(rpr, "w:szCs", val=hp)


def set_paragraph(ppr, *, line: Optional[int] = None, rule: str = "exact", first_chars: Optional[int] = None,
                  per_char: int = 320, jc: Optional[str] = None, snap: Optional[bool] = None,
                  right: Optional[int] = None, left: Optional[int] = None) -> None:
    """Line spacing (before/after 0), first-line indent in characters (and twips, for LibreOffice), alignment."""
    if line is not None:
        ooxml.set_prop(ppr, "w:spacing", before=0, after=0, line=line, lineRule=rule)
    if first_chars is not None:
        attrs = {"firstLineChars": first_chars, "firstLine": first_chars * per_char // 100}
        if left is not None:
            attrs.update(left=left, leftChars=0)
        else:
            attrs.update(left=0, leftChars=0)
        if right is not None:
            attrs["right"] = right
        ooxml.set_prop(ppr, "w:ind", **attrs)
    elif left is not None or right is not None:
        attrs = {"firstLine": 0, "firstLineChars": 0}
        if left is not None:
            attrs["left"] = left
        if right is not None:
            attrs["right"] = right
        ooxml.set_prop(ppr, "w:ind", **attrs)
    if snap is not None:
        if snap:
            ooxml.remove(ppr, "w:snapToGrid")
        else:
            ooxml.set_prop(ppr, "w:snapToGrid", val=0)
    if jc is not None:
        ooxml.set_prop(ppr, "w:jc", val=jc)


def drop_direct(ppr, *, spacing: bool = False, indent: bool = False, jc: bool = False) -> None:
    """Take away direct paragraph formatting that overrides the style."""
    if spacing:
        sp = ppr.find(qn("w:spacing"))
        if sp is not None:
            for a in ("line", "lineRule", "beforeAutospacing", "afterAutospacing"):
                sp.attrib.pop(qn("w:" + a), None)
            if not sp.attrib:
                ppr.remove(sp)
    if indent:
        ooxml.remove(ppr, "w:ind")
    if jc:
        ooxml.remove(ppr, "w:jc")


def drop_run_direct(rpr, *, east: bool = False, size: bool = False, rstyle: bool = False) -> None:
    """Take away a run's direct East Asian font, size or character style."""
    if east:
        rf = rpr.find(qn("w:rFonts"))
        if rf is not None:
            for a in ("eastAsia", "eastAsiaTheme"):
                rf.attrib.pop(qn("w:" + a), None)
            if not rf.attrib:
                rpr.remove(rf)
    if size:
        ooxml.remove(rpr, "w:sz", "w:szCs")
    if rstyle:
        ooxml.remove(rpr, "w:rStyle")


# --- styles ------------------------------------------------------------------------------------------------------

def find_style(styles, sid: str):
    for s in styles.iter(qn("w:style")):
        if s.get(qn("w:styleId")) == sid:
            return s
    return None


def new_style(styles, sid: str, kind: str = "paragraph", based: Optional[str] = None, outline: Optional[int] = None):
    """A new w:style (styleId = name), inserted after the last style."""
    st = ooxml.make("w:style", type=kind, styleId=sid)
    ooxml.insert(st, ooxml.make("w:name", val=sid))
    if based:
        ooxml.insert(st, ooxml.make("w:basedOn", val=based))
    ooxml.insert(st, ooxml.make("w:qFormat"))
    if kind == "paragraph":
        ppr = ooxml.insert(st, ooxml.make("w:pPr"))
        if outline is not None:
            ooxml.insert(ppr, ooxml.make("w:keepNext"))
            ooxml.insert(ppr, ooxml.make("w:outlineLvl", val=outline))
    ooxml.insert(st, ooxml.make("w:rPr"))
    ooxml.insert(styles, st)
    return st


# --- runs ------------------------------------------------------------------------------------------------------

_TEXT_LEN = {qn("w:t"): None, qn("w:tab"): 1, qn("w:noBreakHyphen"): 1}
_UNSPLITTABLE = {qn("w:fldChar"), qn("w:instrText"), qn("w:drawing"), qn("w:pict"), qn("w:object"),
                 qn("w:footnoteReference"), qn("w:endnoteReference"), qn("w:commentReference")}


def split_run(r, k: int):
    """Split a run after its k-th visible character; returns the second half (None when the run holds a
    field, a drawing or a reference, which are not split). The text is unchanged."""
    kids = [c for c in r if c.tag != qn("w:rPr")]
    if any(c.tag in _UNSPLITTABLE for c in kids):
        return None
    pos = 0
    for i, c in enumerate(kids):
        n = len(c.text or "") if c.tag == qn("w:t") else _TEXT_LEN.get(c.tag, 0)
        if pos + n > k:
            second = copy.deepcopy(r)
            skids = [x for x in second if x.tag != qn("w:rPr")]
            if c.tag == qn("w:t") and k - pos > 0:
                cut = k - pos
                text = c.text or ""
                c.text = text[:cut]
                c.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                skids[i].text = text[cut:]
                skids[i].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                drop_first, drop_second = kids[i + 1:], skids[:i]
            else:
                drop_first, drop_second = kids[i:], skids[:i]
            for x in drop_first:
                r.remove(x)
            for x in drop_second:
                second.remove(x)
            r.addnext(second)
            return second
        pos += n
    return None


def record_once(props, tracker: Tracker) -> None:
    """Keep what a w:pPr / w:rPr / w:sectPr holds as its tracked original, unless it has one already."""
    change = {"rPr": "w:rPrChange", "pPr": "w:pPrChange", "sectPr": "w:sectPrChange"}[etree.QName(props).localname]
    if props.find(qn(change)) is None:
        tracker.before(props)


def run_rpr(r, tracker: Tracker):
    """A run's w:rPr, its original recorded, to be changed."""
    rpr = ooxml.get_or_add(r, "w:rPr")
    record_once(rpr, tracker)
    return rpr


def para_ppr(p, tracker: Tracker):
    """A paragraph's w:pPr, its original recorded, to be changed."""
    ppr = ooxml.get_or_add(p, "w:pPr")
    record_once(ppr, tracker)
    return ppr


# --- footers -----------------------------------------------------------------------------------------------------

def page_number_runs(font: str, half_points: int) -> list:
    """— PAGE — as runs, each 宋体 on every slot (the digits are ASCII: w:ascii decides their face)."""
    def run(child=None, text=None):
        r = ooxml.make("w:r")
        rpr = ooxml.insert(r, ooxml.make("w:rPr"))
        ooxml.insert(rpr, ooxml.make("w:rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font, hint="eastAsia"))
        ooxml.insert(rpr, ooxml.make("w:sz", val=half_points))
        ooxml.insert(rpr, ooxml.make("w:szCs", val=half_points))
        if text is not None:
            t = ooxml.make("w:t", {"xml:space": "preserve"})
            t.text = text
            r.append(t)
        if child is not None:
            r.append(child)
        return r
    instr = ooxml.make("w:instrText", {"xml:space": "preserve"})
    instr.text = " PAGE "
    return [run(text="— "), run(ooxml.make("w:fldChar", fldCharType="begin")), run(instr),
            run(ooxml.make("w:fldChar", fldCharType="separate")), run(text="1"),
            run(ooxml.make("w:fldChar", fldCharType="end")), run(text=" —")]


def page_paragraph_props(ppr, side: str, indent_tw: int) -> None:
    """单页码居右空一字 / 双页码居左空一字; single spacing, no first-line indent."""
    ooxml.set_prop(ppr, "w:spacing", before=0, after=0, line=240, lineRule="auto")
    attrs = {"firstLine": 0, "firstLineChars": 0, side: indent_tw}
    ooxml.set_prop(ppr, "w:ind", **attrs)
    ooxml.remove(ppr, "w:framePr")
    ooxml.set_prop(ppr, "w:jc", val=side)


def new_page_paragraph(side: str, font: str, half_points: int, indent_tw: int, tracker: Tracker,
                       style: Optional[str] = None):
    p = ooxml.make("w:p")
    ppr = ooxml.insert(p, ooxml.make("w:pPr"))
    if style:
        ooxml.insert(ppr, ooxml.make("w:pStyle", val=style))
    page_paragraph_props(ppr, side, indent_tw)
    if tracker.track:
        mark = ooxml.insert(ppr, ooxml.make("w:rPr"))
        ooxml.insert(mark, ooxml.make("w:ins", id=tracker.new_id(), author=AUTHOR, date=tracker.date))
    for x in tracker.insertion(page_number_runs(font, half_points)):
        p.append(x)
    return p


def footer_root(paragraphs: list):
    root = ooxml.make("w:ftr")
    for p in paragraphs:
        root.append(p)
    return root


def page_field_span(p):
    """(first, last) elements of the PAGE field among a paragraph's children (runs, fldSimple), or None."""
    kids = list(p)
    depth = 0
    start = None
    instr = ""
    for i, c in enumerate(kids):
        if c.tag == qn("w:fldSimple") and "PAGE" in (c.get(qn("w:instr")) or "").upper().split():
            return c, c
        if c.tag != qn("w:r"):
            continue
        fc = c.find(qn("w:fldChar"))
        it = c.find(qn("w:instrText"))
        if fc is not None and fc.get(qn("w:fldCharType")) == "begin":
            if depth == 0:
                start, instr = c, ""
            depth += 1
        elif it is not None and depth == 1:
            instr += it.text or ""
        elif fc is not None and fc.get(qn("w:fldCharType")) == "end" and depth:
            depth -= 1
            if depth == 0 and start is not None and instr.strip().upper().split()[:1] == ["PAGE"]:
                return start, c
    return None
