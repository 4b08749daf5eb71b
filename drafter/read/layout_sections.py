"""The page as a reader sees it: each section's paper, margins, footer distance and document grid, its footers
(Word's inheritance from the previous section included) with the paragraphs that hold a PAGE field, and the
footnotes' paragraphs.
"""
from __future__ import annotations

from .docx import MC
from .formatting import on
from .layout_model import FooterLook, ParaLook, SectionLook
from .layout_paragraphs import ParagraphReader

TW_PER_MM = 1440 / 25.4
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def section_look(sp, w: str, first: int, last: int, rels: dict, footers: dict, previous) -> SectionLook:
    """One w:sectPr (None: Word's defaults) covering paragraphs first..last; a footer reference it lacks is
    inherited from the `previous` section."""
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


def part_paragraphs(root, w: str):
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


def footer_look(reader: ParagraphReader, root, name: str, w: str) -> FooterLook:
    out = FooterLook(part=name)
    for k, (p, anchor) in enumerate(part_paragraphs(root, w), 1):
        look = reader.paragraph(p, k)
        look.anchor_x = anchor
        out.paragraphs.append(look)
    return out



def footnote_looks(reader: ParagraphReader, root, w: str) -> list[ParaLook]:
    """The paragraphs of footnotes.xml's real notes (not the separators)."""
    notes = []
    if root is not None:
        for n in root.findall(w + "footnote"):
            if n.get(w + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            for p, _ in part_paragraphs(n, w):
                notes.append(reader.paragraph(p, 0))
    return notes
