"""The formatting of a .docx as a reader sees it in Word or WPS: every paragraph's fonts, size, alignment,
indent and line spacing resolved through docDefaults, styles, character styles, theme and direct formatting
(read/formatting.py), the page set-up of each section, and the page numbers in the footers.

    layout = read_layout("plan.docx")
    layout.paragraph(5).runs[0].east_asia     # '仿宋_GB2312'
    layout.sections[0].margins_mm            # (37.0, 35.0, 28.0, 26.0)  top, bottom, left, right

Paragraphs are numbered exactly as read/docx.py numbers its blocks (table cells and text boxes included),
so a layout finding's paragraph is the one `check` and `parse` name. The model holds plain values only —
no lxml object leaves this module. The package is opened with read/docx.py's hardened reader (size- and
ratio-checked zip members, no DTDs or entities).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from lxml import etree

from . import Block
from .docx import MC, W_STRICT, W_TRANSITIONAL, _bad, _check_container, _local, _Package
from .docx import _Reader as _BlockReader
from .docx import _Styles
from .numbering import Numbering
from .formatting import StyleSheet, Theme, on, ppr_props, rpr_props

TW_PER_MM = 1440 / 25.4
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DEFAULT_SIZE = 10.0      # Word's size when nothing sets w:sz
_PAGE_FIELD = re.compile(r"^\s*PAGE(?:\s|\\|$)", re.I)


@dataclass
class RunLook:
    """A stretch of text with one resolved look. Fonts are None when nothing in the chain names one."""
    text: str
    east_asia: Optional[str]
    ascii: Optional[str]
    h_ansi: Optional[str]
    hint: str
    size: float
    bold: bool
    east_from: str = ""         # docDefaults | style:<id> | char:<id> | direct | numbering
    size_from: str = ""
    east_theme: bool = False    # the East Asian face came from the theme
    latin_theme: bool = False   # the ascii (digits, Latin) face came from the theme
    field: str = ""             # "PAGE" for the result of a page-number field


@dataclass
class ParaLook:
    line: int                   # the paragraph number check uses (1-based, reading order)
    text: str
    style_id: str
    style: str                  # the style's name ("Normal", "heading 1", "正文文本")
    runs: list[RunLook] = field(default_factory=list)
    align: str = "left"         # w:jc: left | center | right | both | distribute | start | end
    align_from: str = ""
    first_line: float = 0.0     # first-line indent in characters (negative: hanging)
    left: float = 0.0           # left indent in characters
    right: float = 0.0
    indent_from: str = ""
    line_rule: str = "auto"     # exact | atLeast | auto
    line_value: float = 1.0     # points for exact/atLeast, a multiple of single spacing for auto
    spacing_from: str = ""
    snap: bool = True           # snaps to the document grid
    in_table: bool = False
    section: int = 0
    label: Optional[RunLook] = None   # the look of a Word automatic number drawn before the text
    frame_x: str = ""           # w:framePr/@w:xAlign (a framed paragraph: page numbers)
    anchor_x: str = ""          # horizontal alignment of the text box holding the paragraph
    size: float = DEFAULT_SIZE  # the size most of its characters have


@dataclass
class FooterLook:
    part: str
    paragraphs: list[ParaLook] = field(default_factory=list)

    def page_paragraphs(self) -> list[ParaLook]:
        """Paragraphs that hold a PAGE field."""
        return [p for p in self.paragraphs if any(r.field == "PAGE" for r in p.runs)]


@dataclass
class SectionLook:
    first_line: int
    last_line: int
    page_mm: tuple[float, float]                     # width, height
    margins_mm: tuple[float, float, float, float]    # top, bottom, left, right
    footer_mm: float = 0.0                           # footer distance from the paper's bottom edge
    header_mm: float = 0.0
    landscape: bool = False
    grid_type: str = ""                              # "" | lines | linesAndChars | snapToChars
    grid_pitch: float = 0.0                          # points
    char_space: int = 0
    title_page: bool = False
    footers: dict[str, Optional[FooterLook]] = field(default_factory=dict)   # default | even | first

    @property
    def type_area_mm(self) -> tuple[float, float]:
        t, b, l, r = self.margins_mm
        return self.page_mm[0] - l - r, self.page_mm[1] - t - b


@dataclass
class DocLayout:
    path: str
    paragraphs: list[ParaLook]
    sections: list[SectionLook]
    even_and_odd: bool = False
    footnotes: list[ParaLook] = field(default_factory=list)
    application: str = ""
    wps: bool = False

    def paragraph(self, line: int) -> Optional[ParaLook]:
        return self.paragraphs[line - 1] if 1 <= line <= len(self.paragraphs) else None

    def style_name(self, origin: str) -> str:
        """The style an origin names ("style:Normal" → "Normal"), or ""."""
        return self._names.get(origin.split(":", 1)[1], "") if ":" in origin else ""

    _names: dict = field(default_factory=dict, repr=False)
    # the look a paragraph of each style used has before its own direct formatting (a sample character "字")
    style_looks: dict = field(default_factory=dict, repr=False)


def _majority(pairs):
    counts: dict = {}
    for v, n in pairs:
        counts[v] = counts.get(v, 0) + n
    return max(counts, key=counts.get) if counts else None


# --- reading ------------------------------------------------------------------------------------------------

class _Reader:
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


def _rels_by_id(pkg: _Package, part: str) -> dict[str, str]:
    folder, _, base = part.rpartition("/")
    name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    if not pkg.has(name):
        return {}
    out = {}
    for rel in pkg.xml(name).iter(PKG_REL + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        target = target.lstrip("/") if target.startswith("/") else (f"{folder}/{target}" if folder else target)
        parts: list[str] = []
        for seg in target.split("/"):
            if seg == "..":
                if parts:
                    parts.pop()
            elif seg not in ("", "."):
                parts.append(seg)
        out[rel.get("Id") or ""] = "/".join(parts)
    return out


def _numbering(root, w: str) -> dict:
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


def _section(sp, w: str, first: int, last: int, rels: dict, footers: dict, previous) -> SectionLook:
    def tw(el, attr, default=0.0):
        try:
            return float(el.get(w + attr)) if el is not None and el.get(w + attr) is not None else default
        except ValueError:
            return default
    pg = sp.find(w + "pgSz") if sp is not None else None
    mar = sp.find(w + "pgMar") if sp is not None else None
    grid = sp.find(w + "docGrid") if sp is not None else None
    width, height = tw(pg, "w", 12240), tw(pg, "h", 15840)
    sec = SectionLook(first_line=first, last_line=last, page_mm=(width / TW_PER_MM, height / TW_PER_MM),
                      margins_mm=tuple(abs(tw(mar, k, 1440)) / TW_PER_MM for k in ("top", "bottom", "left", "right")),
                      footer_mm=tw(mar, "footer", 720) / TW_PER_MM, header_mm=tw(mar, "header", 720) / TW_PER_MM,
                      landscape=(pg is not None and pg.get(w + "orient") == "landscape") or width > height)
    if grid is not None:
        sec.grid_type = grid.get(w + "type") or ""
        sec.grid_pitch = tw(grid, "linePitch", 0) / 20
        sec.char_space = int(tw(grid, "charSpace", 0))
    sec.title_page = sp is not None and sp.find(w + "titlePg") is not None and on(sp.find(w + "titlePg"), w)
    refs = {}
    if sp is not None:
        for ref in sp.findall(w + "footerReference"):
            refs[ref.get(w + "type") or "default"] = rels.get(ref.get(REL_NS + "id") or "")
    for kind in ("default", "even", "first"):
        if kind in refs:
            sec.footers[kind] = footers.get(refs[kind])
        elif previous is not None:
            sec.footers[kind] = previous.footers.get(kind)   # a section without a reference inherits it
        else:
            sec.footers[kind] = None
    return sec


def _part_paragraphs(root, w: str):
    """Every w:p of a header/footer/footnote part, text boxes included, each once (mc:Fallback skipped),
    with the horizontal alignment of the box it sits in."""
    out = []

    def walk(el, anchor):
        for ch in el:
            if not isinstance(ch.tag, str) or ch.tag == MC + "Fallback":
                continue
            if ch.tag == w + "p":
                out.append((ch, anchor))
            a = anchor
            if ch.tag == WP + "anchor":
                al = ch.find(f"{WP}positionH/{WP}align")
                a = (al.text or "").strip() if al is not None else anchor
            walk(ch, a)
    walk(root, "")
    return out


def read_layout(path: str) -> DocLayout:
    """Read the formatting of a .docx (raises InputError on a file read_docx would refuse)."""
    _check_container(path)
    pkg = _Package(path)
    try:
        main = pkg.rels("").get("officeDocument", "word/document.xml")
        if not pkg.has(main):
            main = "word/document.xml"
        if not pkg.has(main):
            raise _bad(path, "缺少 word/document.xml", "word/document.xml is missing")
        doc = pkg.xml(main)
        ns = doc.tag[1:].split("}", 1)[0] if doc.tag.startswith("{") else ""
        if ns not in (W_TRANSITIONAL, W_STRICT) or _local(doc) != "document":
            raise _bad(path, f"{main} 不是 Word 文档正文", f"{main} is not a Word document body")
        w = "{" + ns + "}"
        rels = _rels_by_id(pkg, main)
        by_type = pkg.rels(main)

        def part(kind):
            name = by_type.get(kind)
            return pkg.xml(name) if name and pkg.has(name) else None
        settings = part("settings")
        theme_lang = ""
        even_odd = False
        if settings is not None:
            tfl = settings.find(w + "themeFontLang")
            theme_lang = (tfl.get(w + "eastAsia") or "") if tfl is not None else ""
            eo = settings.find(w + "evenAndOddHeaders")
            even_odd = eo is not None and on(eo, w)
        styles_root = part("styles")
        sheet = StyleSheet(styles_root, w, Theme(part("theme")), theme_lang)
        reader = _Reader(w, sheet, _numbering(part("numbering"), w), _style_numbering(styles_root, w))
        footers: dict[str, FooterLook] = {}
        for name in {t for rid, t in rels.items()}:
            if re.search(r"footer\d*\.xml$", name) and pkg.has(name):
                footers[name] = _footer(reader, pkg.xml(name), name, w)
        notes_root = part("footnotes")
        app = ""
        if pkg.has("docProps/app.xml"):
            a = pkg.xml("docProps/app.xml")
            el = next((e for e in a.iter() if isinstance(e.tag, str) and e.tag.endswith("Application")), None)
            app = (el.text or "").strip() if el is not None else ""
    finally:
        pkg.close()
    body = doc.find(w + "body")
    walk = _Walk(w, reader)
    if body is not None:
        walk.container(body)
    paragraphs: list[ParaLook] = walk.out
    sections: list[SectionLook] = []
    first = 1
    for i, (p, look) in enumerate(zip(walk.elements, paragraphs), 1):
        look.section = len(sections)
        sp = p.find(f"{w}pPr/{w}sectPr")
        if sp is not None and not look.in_table:
            sections.append(_section(sp, w, first, i, rels, footers, sections[-1] if sections else None))
            first = i + 1
    final = body.find(w + "sectPr") if body is not None else None
    sections.append(_section(final, w, first, len(paragraphs), rels, footers, sections[-1] if sections else None))
    notes = []
    if notes_root is not None:
        for n in notes_root.findall(w + "footnote"):
            if n.get(w + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            for p, _ in _part_paragraphs(n, w):
                notes.append(reader.paragraph(p, 0))
    wps = "WPS" in app or any("wps.cn" in (u or "") for u in doc.nsmap.values())
    layout = DocLayout(path=path, paragraphs=paragraphs, sections=sections, even_and_odd=even_odd,
                       footnotes=notes, application=app, wps=wps)
    layout._names = dict(sheet.name)
    for sid in {p.style_id for p in paragraphs}:
        sample = etree.fromstring(f'<w:p xmlns:w="{ns}"><w:pPr><w:pStyle w:val="{sid}"/></w:pPr>'
                                  '<w:r><w:t>字</w:t></w:r></w:p>') if sid.isprintable() and '"' not in sid else None
        if sample is not None:
            layout.style_looks[sid] = reader.paragraph(sample, 0)
    return layout


class _Walk(_BlockReader):
    """read/docx.py's walk over the body (tables, content controls, text boxes, deleted paragraphs), with
    each paragraph's look computed in the same pass: paragraph N here is block N there."""

    def __init__(self, w: str, looks: _Reader):
        super().__init__(w, _Styles(None, w), Numbering(None, w, lambda sid: None))
        self.looks = looks
        self.out: list[ParaLook] = []

    def paragraph(self, p, cell) -> None:
        boxes: list = []
        look = self.looks.paragraph(p, len(self.blocks) + 1, cell is not None, boxes)
        ppr = p.find(self.w + "pPr")
        deleted = ppr is not None and ppr.find(f"{self.w}rPr/{self.w}del") is not None and not look.text.strip()
        if not deleted:
            self.blocks.append(Block(text=look.text, line=len(self.blocks) + 1, cell=cell))
            self.elements.append(p)
            self.out.append(look)
        for box in boxes:
            self.container(box, cell)


def paragraph_runs(p, w: str) -> list:
    """(w:r, text) of each run of a paragraph that shows text, in the order its looks have (for fix --layout)."""
    reader = _Reader(w, StyleSheet(None, w, Theme(None), ""), {}, {})
    elems: list = []
    reader.inline(p, "", [], [], [], elems)
    return elems


def paragraph_elements(body) -> list:
    """The w:p elements of a body in the order read_layout (and read_docx) number them."""
    from .docx import paragraph_elements as elements
    return elements(body)


def _style_numbering(root, w: str) -> dict:
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


def _footer(reader: _Reader, root, name: str, w: str) -> FooterLook:
    out = FooterLook(part=name)
    for k, (p, anchor) in enumerate(_part_paragraphs(root, w), 1):
        look = reader.paragraph(p, k)
        look.anchor_x = anchor
        out.paragraphs.append(look)
    return out


class LazyLayout:
    """The layout of a .docx, read the first time a rule asks for it (parse, init and compare never do)."""

    def __init__(self, path: str):
        self.path = path
        self._layout: Optional[DocLayout] = None

    def get(self) -> DocLayout:
        if self._layout is None:
            self._layout = read_layout(self.path)
        return self._layout
