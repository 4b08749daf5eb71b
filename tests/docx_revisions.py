"""What Word shows after "Accept all changes" or "Reject all changes", computed from the XML (for tests).

    from docx_revisions import resolved, paragraphs
    accept = paragraphs(resolved(path, "accept", tmp_path / "a.docx"))   # the text drafter's reader sees

accept: w:del (and w:moveFrom) removed with what they hold, w:ins/w:moveTo unwrapped, w:pPrChange/w:rPrChange
dropped. reject: w:ins removed, w:del unwrapped with w:delText back to w:t, and every w:pPrChange's original
w:pPr put back in place of the paragraph properties (w:rPrChange likewise for run properties).
"""
from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _unwrap(el) -> None:
    parent = el.getparent()
    i = parent.index(el)
    for k, c in enumerate(list(el)):
        parent.insert(i + k, c)
    parent.remove(el)


def resolve_tree(root, mode: str) -> None:
    gone, keep = ((W + "del", W + "moveFrom"), (W + "ins", W + "moveTo")) if mode == "accept" else \
        ((W + "ins", W + "moveTo"), (W + "del", W + "moveFrom"))
    for el in list(root.iter(*gone)):
        if el.getparent() is not None and el.getparent().tag not in (W + "rPr",):
            el.getparent().remove(el)
    for el in list(root.iter(*keep)):
        if el.getparent() is not None and el.getparent().tag != W + "rPr":
            _unwrap(el)
    if mode == "reject":
        for t in list(root.iter(W + "delText")):
            t.tag = W + "t"
    for tag, inner in ((W + "pPrChange", W + "pPr"), (W + "rPrChange", W + "rPr")):
        for ch in list(root.iter(tag)):
            props = ch.getparent()
            if mode == "accept":
                props.remove(ch)
                continue
            old = ch.find(inner)
            keep_kids = [c for c in props if c.tag in (W + "rPr", W + "sectPr")] if tag == W + "pPrChange" else []
            for c in list(props):
                props.remove(c)
            for c in (list(old) if old is not None else []):
                props.append(copy.deepcopy(c))
            for c in keep_kids:
                props.append(c)


def resolved(src, mode: str, out) -> str:
    """Write `out`: the .docx `src` with every revision accepted (mode "accept") or rejected ("reject")."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                resolve_tree(root, mode)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, data)
    return str(out)


def paragraphs(path) -> list[str]:
    """The paragraph texts drafter's reader gives (automatic labels drawn)."""
    from drafter.read.docx import read_docx
    return [b.text for b in read_docx(str(path)).blocks]


def revisions(path) -> dict:
    """Counts and attributes of the tracked changes in document.xml."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    marks = list(root.iter(W + "ins", W + "del", W + "pPrChange"))
    return {"count": len(marks), "ids": [m.get(W + "id") for m in marks],
            "authors": {m.get(W + "author") for m in marks}, "dates": {m.get(W + "date") for m in marks}}


def text_parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


__all__ = ["resolved", "paragraphs", "revisions", "text_parts", "resolve_tree", "Path"]
