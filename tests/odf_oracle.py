"""What LibreOffice shows: convert .docx files to flat ODF (.fodt) with soffice and read back, for every
paragraph of the body, the East Asian font and size LibreOffice applies to each character — an independent
reading of the same inheritance (ODF styles, parents, default style, spans) to test read/layout against.

    paras = fodt_paragraphs("a.fodt")   # per paragraph: {"chars": [(char, east_asian_font, size_pt)], "align",
                                        #                 "indent_pt" (first line), "left_pt", "line": "exact 28.95" …}
"""
from __future__ import annotations

import subprocess
from pathlib import Path

from lxml import etree

NS = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
      "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
      "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
      "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0"}


def q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def convert(files: list[Path], outdir: Path, fmt: str = "fodt") -> None:
    """One soffice call for all files, with a private profile."""
    profile = outdir / "lo-profile"
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", fmt, "--outdir", str(outdir)] + [str(f) for f in files]
    subprocess.run(cmd, check=False, timeout=300, capture_output=True)


class _Styles:
    def __init__(self, root):
        self.faces = {}
        for f in root.iter(q("style", "font-face")):
            fam = (f.get(q("svg", "font-family")) or f.get(q("style", "name")) or "").strip("'\"")
            self.faces[f.get(q("style", "name"))] = fam
        self.styles = {}
        self.defaults = {}
        for s in root.iter(q("style", "style")):
            self.styles[(s.get(q("style", "family")), s.get(q("style", "name")))] = s
        for s in root.iter(q("style", "default-style")):
            self.defaults[s.get(q("style", "family"))] = s

    def chain(self, family: str, name: str):
        out = []
        while name and (family, name) in self.styles and len(out) < 32:
            s = self.styles[(family, name)]
            out.append(s)
            name = s.get(q("style", "parent-style-name"))
        if family in self.defaults:
            out.append(self.defaults[family])
        return out

    def prop(self, chain, kind: str, attr: str):
        for s in chain:
            tp = s.find(q("style", kind))
            if tp is not None and tp.get(attr) is not None:
                return tp.get(attr)
        return None


def _size(v):
    if v is None:
        return None
    v = v.strip()
    if v.endswith("pt"):
        return float(v[:-2])
    return None


def _length(v) -> float:
    """'0.4445in' / '1.2cm' / '16pt' → points (0 for None)."""
    if not v:
        return 0.0
    for unit, k in (("in", 72.0), ("cm", 72 / 2.54), ("mm", 72 / 25.4), ("pt", 1.0)):
        if v.endswith(unit):
            return float(v[:-len(unit)]) * k
    return 0.0


def fodt_paragraphs(path: Path):
    root = etree.parse(str(path)).getroot()
    st = _Styles(root)
    body = root.find(f"{q('office', 'body')}/{q('office', 'text')}")
    out = []
    for p in body.iter(q("text", "p"), q("text", "h")):
        pchain = st.chain("paragraph", p.get(q("text", "style-name")))
        pp = lambda attr, ns="fo": st.prop(pchain, "paragraph-properties", q(ns, attr))  # noqa: E731
        line = pp("line-height")
        if line and line.endswith("%"):
            line = f"auto {float(line[:-1]) / 100:g}"
        elif line:
            line = f"exact {_length(line):.2f}"
        elif pp("line-height-at-least", "style"):
            line = f"atLeast {_length(pp('line-height-at-least', 'style')):.2f}"
        para = {"align": pp("text-align") or "start", "indent_pt": _length(pp("text-indent")),
                "left_pt": _length(pp("margin-left")), "line": line or "auto 1", "chars": []}
        chars = para["chars"]

        def walk(el, chain):
            if el.text:
                add(el.text, chain)
            for ch in el:
                if ch.tag == q("text", "span"):
                    walk(ch, st.chain("text", ch.get(q("text", "style-name"))) + chain)
                elif ch.tag == q("text", "s"):
                    add(" " * int(ch.get(q("text", "c"), "1")), chain)
                elif ch.tag == q("text", "tab"):
                    add("\t", chain)
                elif ch.tag in (q("text", "a"),):
                    walk(ch, chain)
                if ch.tail:
                    add(ch.tail, chain)

        def add(text, chain):
            name = st.prop(chain, "text-properties", q("style", "font-name-asian"))
            face = st.faces.get(name, name)
            size = _size(st.prop(chain, "text-properties", q("style", "font-size-asian")))
            for c in text:
                chars.append((c, face, size))

        walk(p, pchain)
        out.append(para)
    return out
