"""What fix --layout has to change in a part of the document, and where each wrong value comes from
(a style, direct formatting, numbering, the document defaults) — read from the layout model and the
judgements the FMT rules make (check/layout_faults.py); no XML here.
"""
from __future__ import annotations

from ..check.layout_faults import font_fault, indent_fault, lines_per_page
from ..check.layout_parts import LayoutRules, Part


def part_faults(rules: LayoutRules, layout, part: Part, want: dict, lead: bool = False) -> dict[str, str]:
    """property (east | size | line | indent | align | hint) → where its wrong value comes from (`lead`: the
    label and lead sentence of a run-in heading, whose font and size only are its own)."""
    out: dict[str, str] = {}
    fault = font_fault(rules, part, want)
    if fault is not None:
        if fault[0] is not None:
            out["east"] = fault[1]
        if fault[3] is not None:
            out["size"] = fault[4]
    look = part.look()
    if look is not None and look.has_cjk and look.face is None:
        out["east"] = "none"
    if lead:
        return out
    para = part.para
    sec = layout.sections[min(para.section, len(layout.sections) - 1)]
    if part.role != "title" and not sec.landscape:
        n, _ = lines_per_page(para, sec, 225)
        if n != int(rules.data.get("lines_per_page", 22)):
            out["line"] = para.spacing_from or "docDefaults"
    if part.role == "title":
        if para.align != "center":
            out["align"] = para.align_from or "docDefaults"
        if abs(para.first_line) > 0.25 or abs(para.left) > 0.25:
            out["indent"] = para.indent_from or "docDefaults"
    elif indent_fault(rules, part) is not None and not _exempt(part):
        out["indent"] = para.indent_from or "docDefaults"
    if any(c in rules.western_punct for r, t in part.pieces for c in t
           if r.hint != "eastAsia" and not rules.is_cjk_font(r.h_ansi)):
        out["hint"] = "docDefaults"
    return out


def style_wrong(rules: LayoutRules, layout, sid: str, prop: str, want: dict) -> bool:
    """Is `prop` wrong in style `sid` itself (what shows once a paragraph's direct value is taken away)?"""
    base = layout.style_looks.get(sid)
    if base is None:
        return True
    run = base.runs[0] if base.runs else None
    if prop == "east":
        return run is None or rules.family(run.east_asia) != want["font"]
    if prop == "size":
        return run is None or not rules.size_ok(run.size, want["size"])
    if prop == "line":
        sec = layout.sections[0]
        return lines_per_page(base, sec, 225)[0] != int(rules.data.get("lines_per_page", 22))
    if prop == "indent":
        return abs(base.first_line - 2) > 0.25 or abs(base.left) > 0.25
    return False


def size_wrong(rules: LayoutRules, part: Part) -> bool:
    look = part.look()
    return look is not None and not rules.size_ok(look.size, rules.spec(part.role)["size"])


def _exempt(part: Part) -> bool:
    """Lines fix --layout does not indent: centred and right-aligned ones, 附件说明, a short line ending in a
    colon that is no heading (主送机关)."""
    text = part.para.text.strip()
    return part.para.align in ("center", "right", "end") or text.startswith("附件") or \
        (text.endswith(("：", ":")) and len(text) <= 60 and part.node is None)
