"""The formatting of a .docx as a reader sees it in Word or WPS: every paragraph's fonts, size, alignment,
indent and line spacing resolved through docDefaults, styles, character styles, theme and direct formatting
(read/formatting.py, read/layout_paragraphs.py), the page set-up of each section, and the page numbers in the
footers (read/layout_sections.py). The model is in read/layout_model.py.

    layout = read_layout("plan.docx")
    layout.paragraph(5).runs[0].east_asia     # '仿宋_GB2312'
    layout.sections[0].margins_mm            # (37.0, 35.0, 28.0, 26.0)  top, bottom, left, right

Paragraphs are numbered exactly as read/docx.py numbers its blocks (table cells and text boxes included),
so a layout finding's paragraph is the one `check` and `parse` name. The model holds plain values only —
no lxml object leaves these modules. The package is opened with read/docx.py's hardened reader (size- and
ratio-checked zip members, no DTDs or entities).
"""
from __future__ import annotations

import re
from typing import Optional

from lxml import etree

from . import Block
from .docx import _check_container, _Package
from .docx import _Reader as _BlockReader
from .docx import _Styles
from .formatting import StyleSheet, on
from .layout_model import DocLayout, FooterLook, ParaLook, SectionLook
from .layout_paragraphs import ParagraphReader, numbering_levels, style_numbering
from .layout_sections import footer_look, footnote_looks, section_look
from .numbering import Numbering
from .theme import Theme


def read_layout(path: str) -> DocLayout:
    """Read the formatting of a .docx (raises InputError on a file read_docx would refuse)."""
    _check_container(path)
    pkg = _Package(path)
    try:
        main, doc, w = pkg.main_document()
        rels = pkg.rels_by_id(main)
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
        reader = ParagraphReader(w, sheet, numbering_levels(part("numbering"), w), style_numbering(styles_root, w))
        footers: dict[str, FooterLook] = {}
        for name in {t for rid, t in rels.items()}:
            if re.search(r"footer\d*\.xml$", name) and pkg.has(name):
                footers[name] = footer_look(reader, pkg.xml(name), name, w)
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
            sections.append(section_look(sp, w, first, i, rels, footers, sections[-1] if sections else None))
            first = i + 1
    final = body.find(w + "sectPr") if body is not None else None
    sections.append(section_look(final, w, first, len(paragraphs), rels, footers, sections[-1] if sections else None))
    notes = footnote_looks(reader, notes_root, w)
    wps = "WPS" in app or any("wps.cn" in (u or "") for u in doc.nsmap.values())
    layout = DocLayout(path=path, paragraphs=paragraphs, sections=sections, even_and_odd=even_odd,
                       footnotes=notes, application=app, wps=wps)
    layout._names = dict(sheet.name)
    for sid in {p.style_id for p in paragraphs}:
        sample = etree.fromstring(f'<w:p xmlns:w="{w[1:-1]}"><w:pPr><w:pStyle w:val="{sid}"/></w:pPr>'
                                  '<w:r><w:t>字</w:t></w:r></w:p>') if sid.isprintable() and '"' not in sid else None
        if sample is not None:
            layout.style_looks[sid] = reader.paragraph(sample, 0)
    return layout


class _Walk(_BlockReader):
    """read/docx.py's walk over the body (tables, content controls, text boxes, deleted paragraphs), with
    each paragraph's look computed in the same pass: paragraph N here is block N there."""

    def __init__(self, w: str, looks: ParagraphReader):
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


class LazyLayout:
    """The layout of a .docx, read the first time a rule asks for it (parse, init and compare never do)."""

    def __init__(self, path: str):
        self.path = path
        self._layout: Optional[DocLayout] = None

    def get(self) -> DocLayout:
        if self._layout is None:
            self._layout = read_layout(self.path)
        return self._layout
