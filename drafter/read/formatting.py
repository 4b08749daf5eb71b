"""Paragraph and run formatting resolved the way Word resolves it (ECMA-376 §17.7.2), for read/layout.py.

Paragraph properties: docDefaults pPr → the paragraph style's basedOn chain (root first) → direct pPr.
Run properties: docDefaults rPr → the paragraph style chain's rPr → the character style chain (w:rStyle) →
direct rPr. Each rFonts slot (ascii, hAnsi, eastAsia, cs) and each w:ind / w:spacing attribute is inherited
on its own; inside one w:rFonts a theme attribute (w:eastAsiaTheme …) wins over the name (MS-OI29500
§2.1.88). Theme fonts are named by read/theme.py.

Every resolved value carries where it was set ("docDefaults", "style:<id>", "char:<id>", "direct"), so a
rule can say "正文样式为宋体" rather than list paragraphs, and fix --layout knows what to change.
Simplifications: w:b is taken as set by the last level (not toggled against the style chain); table
styles and conditional formatting are not applied.
"""
from __future__ import annotations

from typing import Optional

from .theme import Theme

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
_IND = ("left", "start", "right", "end", "firstLine", "hanging", "leftChars", "startChars", "rightChars",
        "endChars", "firstLineChars", "hangingChars")

Props = dict  # key -> (value, origin)


def on(el, w: str) -> bool:
    """An OOXML on/off element: present and not w:val="0|false|off"."""
    return el.get(w + "val", "true") not in ("0", "false", "off", "none")


def _int(v: Optional[str]) -> Optional[int]:
    try:
        return int(float(v)) if v is not None else None
    except ValueError:
        return None


def rpr_props(rpr, w: str, origin: str) -> Props:
    """The run properties one w:rPr sets (fonts by slot, hint, size, bold, East Asian language)."""
    out: Props = {}
    if rpr is None:
        return out
    rf = rpr.find(w + "rFonts")
    if rf is not None:
        for slot in FONT_SLOTS:
            theme = rf.get(w + _THEME_ATTR[slot])
            name = rf.get(w + slot)
            if theme:
                out[slot] = (("theme", theme), origin)
            elif name is not None:
                out[slot] = (("name", name), origin)
        hint = rf.get(w + "hint")
        if hint:
            out["hint"] = (hint, origin)
    sz = rpr.find(w + "sz")
    if sz is not None and _int(sz.get(w + "val")) is not None:
        out["sz"] = (_int(sz.get(w + "val")) / 2, origin)
    b = rpr.find(w + "b")
    if b is not None:
        out["b"] = (on(b, w), origin)
    lang = rpr.find(w + "lang")
    if lang is not None and lang.get(w + "eastAsia"):
        out["lang"] = (lang.get(w + "eastAsia"), origin)
    vanish = rpr.find(w + "vanish")
    if vanish is not None:
        out["vanish"] = (on(vanish, w), origin)
    return out


def ppr_props(ppr, w: str, origin: str) -> Props:
    """The paragraph properties one w:pPr sets (jc, w:ind and w:spacing attributes, snapToGrid, framePr)."""
    out: Props = {}
    if ppr is None:
        return out
    jc = ppr.find(w + "jc")
    if jc is not None and jc.get(w + "val"):
        out["jc"] = (jc.get(w + "val"), origin)
    ind = ppr.find(w + "ind")
    if ind is not None:
        for a in _IND:
            v = _int(ind.get(w + a))
            if v is not None:
                out["ind." + a] = (v, origin)
    sp = ppr.find(w + "spacing")
    if sp is not None:
        v = _int(sp.get(w + "line"))
        if v is not None:
            out["line"] = (v, origin)
        rule = sp.get(w + "lineRule")
        if rule:
            out["lineRule"] = (rule, origin)
    snap = ppr.find(w + "snapToGrid")
    if snap is not None:
        out["snap"] = (on(snap, w), origin)
    frame = ppr.find(w + "framePr")
    if frame is not None:
        out["frameX"] = (frame.get(w + "xAlign") or "", origin)
    return out


class StyleSheet:
    """styles.xml, resolved: the base formatting of a paragraph style and of a (paragraph, character) style pair."""

    def __init__(self, root, w: str, theme: Theme, theme_lang: str):
        self.w = w
        self.theme = theme
        self.theme_lang = theme_lang
        self.name: dict[str, str] = {}
        self.kind: dict[str, str] = {}
        self.based: dict[str, str] = {}
        self.ppr: dict[str, Props] = {}
        self.rpr: dict[str, Props] = {}
        self.default_para = ""
        self.default_char = ""
        self.doc_rpr: Props = {}
        self.doc_ppr: Props = {}
        self._para_cache: dict[str, tuple[Props, Props]] = {}
        self._run_cache: dict[tuple[str, str], Props] = {}
        self.lang = theme_lang
        if root is None:
            return
        dd = root.find(w + "docDefaults")
        if dd is not None:
            self.doc_rpr = rpr_props(dd.find(f"{w}rPrDefault/{w}rPr"), w, "docDefaults")
            self.doc_ppr = ppr_props(dd.find(f"{w}pPrDefault/{w}pPr"), w, "docDefaults")
        for s in root.iter(w + "style"):
            sid = s.get(w + "styleId") or ""
            kind = s.get(w + "type") or "paragraph"
            n = s.find(w + "name")
            self.name[sid] = n.get(w + "val", sid) if n is not None else sid
            self.kind[sid] = kind
            b = s.find(w + "basedOn")
            if b is not None and b.get(w + "val"):
                self.based[sid] = b.get(w + "val")
            tag = "char:" if kind == "character" else "style:"
            self.ppr[sid] = ppr_props(s.find(w + "pPr"), w, tag + sid)
            self.rpr[sid] = rpr_props(s.find(w + "rPr"), w, tag + sid)
            if s.get(w + "default") in ("1", "true", "on"):
                if kind == "paragraph" and not self.default_para:
                    self.default_para = sid
                elif kind == "character" and not self.default_char:
                    self.default_char = sid
        self.lang = self.theme_lang or _value(self.doc_rpr.get("lang")) or ""

    def chain(self, sid: str) -> list[str]:
        """The style and its basedOn ancestors, root first (a loop is cut)."""
        out: list[str] = []
        while sid and sid in self.name and sid not in out and len(out) < 32:
            out.append(sid)
            sid = self.based.get(sid, "")
        return out[::-1]

    def para_style(self, sid: str) -> str:
        return sid if sid in self.name else self.default_para

    def para_base(self, sid: str) -> tuple[Props, Props]:
        """(pPr, rPr) of a paragraph in style `sid` before its own direct formatting."""
        got = self._para_cache.get(sid)
        if got is not None:
            return got
        ppr = dict(self.doc_ppr)
        rpr = dict(self.doc_rpr)
        for s in self.chain(self.para_style(sid)):
            ppr.update(self.ppr.get(s, {}))
            rpr.update(self.rpr.get(s, {}))
        self._para_cache[sid] = (ppr, rpr)
        return ppr, rpr

    def run_base(self, psid: str, rsid: str) -> Props:
        """rPr of a run with character style `rsid` in a paragraph of style `psid`, before direct formatting."""
        got = self._run_cache.get((psid, rsid))
        if got is not None:
            return got
        rpr = dict(self.para_base(psid)[1])
        for s in self.chain(rsid or self.default_char):
            if self.kind.get(s) == "character":
                rpr.update(self.rpr.get(s, {}))
        self._run_cache[(psid, rsid)] = rpr
        return rpr

    def font(self, props: Props, slot: str) -> tuple[Optional[str], str, bool]:
        """(face, origin, from_theme) for one rFonts slot; face None when nothing sets it."""
        got = props.get(slot)
        if got is None:
            return None, "", False
        (kind, value), origin = got
        if kind == "theme":
            return self.theme.face(value, self.lang), origin, True
        return (value or None), origin, False


def _value(pair) -> Optional[str]:
    return pair[0] if pair else None
