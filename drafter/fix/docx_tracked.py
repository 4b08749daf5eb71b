"""Write fix's changes into a .docx as Word tracked changes — the only module of `fix` that touches OOXML.

Every text change becomes a deletion of the old characters (`w:del` holding them as `w:delText`) followed by
an insertion of the new (`w:ins`), author `drafter`, one date, ids unique in the document; a run is split
only where a change begins or ends, and the inserted run carries a copy of the properties of the run it
replaces (or follows). Nothing else in document.xml is touched: formatting, comments, tables, images,
fields, bookmarks, hyperlinks and content controls stay as they were, and every other part of the package
is copied byte for byte. Accept all → the fixed text; reject all → the original text.

A label that Word's automatic numbering draws is not text: typing over it would leave Word drawing the
old label as well. Its number or its form is changed in the numbering instead, each paragraph that moves
to another list a paragraph property change (`w:pPrChange`) — docx_numbering.py.
"""
from __future__ import annotations

import re
import zipfile
from typing import Optional

from lxml import etree

from .. import ooxml
from ..errors import DrafterError
from ..read import Source
from ..read.docx import _Package, paragraph_elements
from .docx_numbering import AutoNumbering
from .stamp import revision_date
from .docx_text import W, XML_SPACE, ParagraphMap, isolate, paragraph_map, pieces, split_run_at
from .plan import Change, apply_to_line

AUTHOR = "drafter"
_NUMERAL_CHARS = set("0123456789０１２３４５６７８９一二三四五六七八九十百零〇两") | {chr(c) for c in range(0x2460, 0x2474)}
_WHY = {"label": "numbering-form", "tab": "tab", "symbol": "symbol", "field": "field", "tracked": "tracked",
        "textbox": "textbox", "container": "container"}


def _parse(data: bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser)


def _serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _numeral_only(old: str, new: str) -> bool:
    return all(c in _NUMERAL_CHARS for c in old + new)


class TrackedWriter:
    """One .docx: where its paragraphs' characters are, and how to write changes into it."""

    def __init__(self, path: str, src: Source, date: Optional[str] = None):
        self.path = path
        self.src = src
        pkg = _Package(path)
        try:
            main = pkg.rels("").get("officeDocument", "word/document.xml")
            if not pkg.has(main):
                main = "word/document.xml"
            rels = pkg.rels(main)
            folder = main.rpartition("/")[0]
            self.main = main
            self.numbering_part = rels.get("numbering", f"{folder}/numbering.xml")
            self.styles_part = rels.get("styles", f"{folder}/styles.xml")
            self.doc = _parse(pkg.read(main))
            self.numbering = _parse(pkg.read(self.numbering_part)) if pkg.has(self.numbering_part) else None
            self.styles = _parse(pkg.read(self.styles_part)) if pkg.has(self.styles_part) else None
            self.max_id = max([0] + [int(x) for name in pkg.names if name.endswith(".xml")
                                     for x in re.findall(rb'w:id="(\d{1,9})"', pkg.read(name))])
        finally:
            pkg.close()
        self.w = self.doc.tag[:self.doc.tag.index("}") + 1]
        if self.w != W:
            raise DrafterError(path, "只能修复 Transitional 格式的 .docx（这是 Strict 格式）",
                               "only Transitional .docx files can be fixed (this one is Strict)")
        self.body = self.doc.find(W + "body")
        self.paras = paragraph_elements(self.body) if self.body is not None else []
        self.maps: dict[int, Optional[ParagraphMap]] = {}
        self.revisions = 0   # the tracked changes write() made (w:ins, w:del, w:pPrChange)
        self.date = date or revision_date()
        self.auto = AutoNumbering(path, self.body, self.numbering, self.styles, self.paras, self._id, self.date, AUTHOR)

    # --- where things are -------------------------------------------------------------------
    def _map(self, line: int) -> Optional[ParagraphMap]:
        if line not in self.maps:
            pm = None
            if len(self.paras) == len(self.src.blocks) and 1 <= line <= len(self.paras):
                b = self.src.blocks[line - 1]
                pm = paragraph_map(self.paras[line - 1], b.text, b.auto_label)
            self.maps[line] = pm
        return self.maps[line]

    def problem(self, ch: Change) -> Optional[str]:
        """Why `ch` cannot be written as a tracked change here, or None."""
        pm = self._map(ch.line)
        if pm is None:
            return "paragraph"
        n = len(pm.label)
        if ch.start < n:
            if ch.end > n:
                return "numbering-form"
            old = pm.text[ch.start:ch.end]
            if _numeral_only(old, ch.text):
                return None
            return self.auto.form_problem(pm.p, pm.label, apply_to_line(pm.label, [ch]))
        if ch.start == ch.end:
            return None if self._anchor(pm, ch.start) is not None else "anchor"
        why = pm.editable(ch.start, ch.end)
        return _WHY.get(why, why) if why else None

    def _anchor(self, pm: ParagraphMap, k: int) -> Optional[tuple[str, object, int]]:
        """Where an insertion at k goes: ("after", t, offset) the character before, or ("before", …) the one at k."""
        n = len(pm.label)
        if k - 1 >= n and not pm.chars[k - 1].why:
            c = pm.chars[k - 1]
            return ("after", c.t, c.offset)
        if k < len(pm.chars) and not pm.chars[k].why:
            c = pm.chars[k]
            return ("before", c.t, c.offset)
        return None

    # --- writing ------------------------------------------------------------------------------
    def _id(self) -> str:
        self.max_id += 1
        return str(self.max_id)

    def _mark(self, tag: str):
        return ooxml.make(tag, id=self._id(), author=AUTHOR, date=self.date)

    def _ins_after(self, el, text: str, like_run) -> None:
        ins = self._mark("w:ins")
        r = ooxml.make("w:r")
        rpr = like_run.find(W + "rPr")
        if rpr is not None:
            new_rpr = etree.fromstring(etree.tostring(rpr))
            for c in new_rpr.findall(W + "rPrChange"):
                new_rpr.remove(c)
            r.append(new_rpr)
        t = ooxml.make("w:t")
        t.text = text
        t.set(XML_SPACE, "preserve")
        r.append(t)
        ins.append(r)
        el.addnext(ins)
        return ins

    def _replace(self, pm: ParagraphMap, ch: Change) -> None:
        if ch.start == ch.end:
            side, t, off = self._anchor(pm, ch.start)
            if side == "after":
                split_run_at(t, off + 1)
                self._ins_after(t.getparent(), ch.text, t.getparent())
            else:
                t2 = split_run_at(t, off)
                run = t2.getparent()
                ins = self._ins_after(run, ch.text, run)
                run.addprevious(ins)
            return
        parts = pieces(pm, ch.start, ch.end)
        runs = []
        for t, a, b in reversed(parts):
            runs.append(isolate(t, a, b).getparent())
        runs.reverse()
        groups: list[list] = []
        for r in runs:
            if groups and groups[-1][-1].getnext() is r:
                groups[-1].append(r)
            else:
                groups.append([r])
        last = None
        for g in groups:
            d = self._mark("w:del")
            g[0].addprevious(d)
            for r in g:
                d.append(r)
                for t in r.findall(W + "t"):
                    t.tag = W + "delText"
                    t.set(XML_SPACE, "preserve")
            last = d
        if ch.text:
            self._ins_after(last, ch.text, runs[0])

    def write(self, changes: list[Change], out: str) -> None:
        by_line: dict[int, list[Change]] = {}
        for ch in changes:
            by_line.setdefault(ch.line, []).append(ch)
        labels: dict[int, str] = {}
        for line, chs in sorted(by_line.items()):
            pm = self._map(line)
            n = len(pm.label)
            in_label = [c for c in chs if c.start < n]
            if in_label:
                labels[line] = apply_to_line(pm.label, in_label)
            for ch in sorted((c for c in chs if c.start >= n), key=lambda c: (c.start, c.end), reverse=True):
                self._replace(pm, ch)
        if labels:
            self.auto.relabel(labels)
        self.revisions = sum(1 for el in self.doc.iter(W + "ins", W + "del", W + "pPrChange", W + "rPrChange")
                             if el.get(W + "author") == AUTHOR and el.get(W + "date") == self.date)
        self._save(out)

    # --- the package ------------------------------------------------------------------------------
    def _save(self, out: str) -> None:
        new = {self.main: _serialise(self.doc)}
        if self.auto.changed:
            new[self.numbering_part] = _serialise(self.numbering)
        with zipfile.ZipFile(self.path) as zin:
            new.update(_without_stale_styles_with_effects(zin, self.main, self.styles_part))
        with zipfile.ZipFile(self.path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = new.get(info.filename)
                if data is False:
                    continue
                if data is None:
                    data = zin.read(info.filename)
                zi = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                zi.compress_type = info.compress_type
                zi.external_attr = info.external_attr
                zout.writestr(zi, data)


_SWE_REL = rb'<Relationship [^>]*Type="http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"[^>]*/>'


def _without_stale_styles_with_effects(z: zipfile.ZipFile, main: str, styles_part: str) -> dict:
    """Word 2010's second copy of the styles (word/stylesWithEffects.xml), when it no longer matches styles.xml
    — other docDefaults, styles missing (python-docx's template ships it that way) — is what Word may call
    "unreadable content"; Word 2013 and later neither write nor read it. Such a copy is left out of the fixed
    file ({part: False}, with its relationship and content type); a copy that matches is kept as it is."""
    name = main.rpartition("/")[0] + "/stylesWithEffects.xml"
    if name not in z.namelist() or styles_part not in z.namelist():
        return {}
    styles, swe = _parse(z.read(styles_part)), _parse(z.read(name))

    def ids(root):
        return {s.get(W + "styleId") for s in root.findall(W + "style")}

    def defaults(root):
        d = root.find(W + "docDefaults")
        return b"" if d is None else etree.tostring(d, method="c14n")
    if ids(styles) <= ids(swe) and defaults(styles) == defaults(swe):
        return {}
    rels = main.rpartition("/")[0] + "/_rels/" + main.rpartition("/")[2] + ".rels"
    out: dict = {name: False}
    if rels in z.namelist():
        out[rels] = re.sub(_SWE_REL, b"", z.read(rels))
    ct = "[Content_Types].xml"
    out[ct] = re.sub(rb'<Override [^>]*PartName="/' + re.escape(name.encode()) + rb'"[^>]*/>', b"", z.read(ct))
    return out
