"""Word's "Accept All" and "Reject All" computed from the XML, for the tests of tracked changes.

    accepted = accept_all(path, out)   # every w:ins kept, w:del gone, every *PrChange dropped
    rejected = reject_all(path, out)   # every w:ins gone, w:del restored, each *PrChange's original put back

Formatting changes: w:rPrChange / w:pPrChange / w:sectPrChange hold the properties as they were; rejecting one
puts them back in place of the current ones (a w:pPr keeps its w:rPr and w:sectPr, a w:sectPr its header and
footer references — those are not part of the recorded original).
"""
from __future__ import annotations

import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KEEP_IN_PPR = {W + "rPr", W + "sectPr", W + "pPrChange"}
KEEP_IN_SECT = {W + "headerReference", W + "footerReference", W + "sectPrChange"}


def _reject(root) -> None:
    for ch in list(root.iter(W + "rPrChange")):
        rpr = ch.getparent()
        inner = ch.find(W + "rPr")
        for c in list(rpr):
            if c is not ch and c.tag not in (W + "ins", W + "del"):
                rpr.remove(c)
        for c in list(inner if inner is not None else []):
            rpr.append(c)
        rpr.remove(ch)
    for ch in list(root.iter(W + "pPrChange")):
        ppr = ch.getparent()
        inner = ch.find(W + "pPr")
        for c in list(ppr):
            if c.tag not in KEEP_IN_PPR:
                ppr.remove(c)
        anchor = next((c for c in ppr if c.tag in KEEP_IN_PPR), None)
        for c in list(inner if inner is not None else []):
            if anchor is not None:
                anchor.addprevious(c)
            else:
                ppr.append(c)
        ppr.remove(ch)
    for ch in list(root.iter(W + "sectPrChange")):
        sect = ch.getparent()
        inner = ch.find(W + "sectPr")
        for c in list(sect):
            if c.tag not in KEEP_IN_SECT:
                sect.remove(c)
        for c in list(inner if inner is not None else []):
            sect.append(c)
        sect.remove(ch)
    for p in list(root.iter(W + "p")):
        mark = p.find(f"{W}pPr/{W}rPr/{W}ins")
        if mark is not None:
            p.getparent().remove(p)
    for ins in list(root.iter(W + "ins")):
        if ins.getparent() is not None and ins.getparent().tag != W + "rPr":
            ins.getparent().remove(ins)
    for d in list(root.iter(W + "del")):
        parent = d.getparent()
        if parent is None or parent.tag == W + "rPr":
            continue
        for t in d.iter(W + "delText"):
            t.tag = W + "t"
        for c in list(d):
            d.addprevious(c)
        parent.remove(d)


def _accept(root) -> None:
    for tag in ("rPrChange", "pPrChange", "sectPrChange"):
        for ch in list(root.iter(W + tag)):
            ch.getparent().remove(ch)
    for mark in list(root.iter(W + "ins")):
        parent = mark.getparent()
        if parent.tag == W + "rPr":
            parent.remove(mark)
            continue
        for c in list(mark):
            mark.addprevious(c)
        parent.remove(mark)
    for d in list(root.iter(W + "del")):
        parent = d.getparent()
        if parent is not None and parent.tag != W + "rPr":
            parent.remove(d)


def _rewrite(src, dst, fn) -> str:
    with zipfile.ZipFile(src) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name.endswith(".xml") and name.startswith("word/"):
                root = etree.fromstring(data)
                fn(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            z.writestr(name, data)
    return str(dst)


def reject_all(src, dst) -> str:
    return _rewrite(src, dst, _reject)


def accept_all(src, dst) -> str:
    return _rewrite(src, dst, _accept)


def count_changes(path) -> dict:
    out: dict = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") and name.startswith("word/"):
                root = etree.fromstring(z.read(name))
                for tag in ("rPrChange", "pPrChange", "sectPrChange", "ins", "del"):
                    n = sum(1 for _ in root.iter(W + tag))
                    if n:
                        out[tag] = out.get(tag, 0) + n
    return out
