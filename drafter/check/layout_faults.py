"""What is wrong with the layout, as values and not yet as words: the judgements the FMT rules report
(check/rules/layout_*.py) and fix --layout repairs (fix/layout*.py), in one place so the two agree.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from .layout_parts import LayoutRules, Part

PT_PER_MM = 72 / 25.4
PAGE_NUMBER_FORM = re.compile(r"^\s*—\s?N\s?—\s*$")    # a page number shown as page_number_text gives it
_DASHES = "—"


def font_fault(rules: LayoutRules, part: Part, want: dict) -> Optional[tuple]:
    """(face, face_from, theme, size, size_from) of what is wrong with a part, None when it is right.
    A part with no East Asian font at all is FMT008's, not a wrong font."""
    look = part.look()
    if look is None:
        return None
    face_bad = look.has_cjk and look.face is not None and rules.family(look.face) != want["font"]
    size_bad = not rules.size_ok(look.size, want["size"])
    if not face_bad and not size_bad:
        return None
    return (look.face if face_bad else None, look.face_from if face_bad else "", look.face_theme and face_bad,
            look.size if size_bad else None, look.size_from if size_bad else "")


def indent_fault(rules: LayoutRules, part: Part) -> Optional[tuple]:
    """(kind, characters, origin) of a paragraph not indented 左空二字、回行顶格 — kind hanging | block | first |
    left — or None (centred and right-aligned lines, frames and 附件说明 are placed, not indented)."""
    p = part.para
    want = float(rules.data.get("first_line_chars", 2))
    tol = float(rules.data.get("indent_tolerance_chars", 0.25))
    if p.align in ("center", "right", "end") or p.frame_x:
        return None                       # 署名、成文日期、centred lines: placed, not indented
    text = p.text.strip()
    if text.startswith("附件"):
        return None                       # 附件说明: 左空二字 with a hanging indent under the name (§7.3.4)
    if p.first_line < -tol:
        return ("hanging", round(-p.first_line, 1), p.indent_from)
    if abs(p.left) > tol and abs(p.left + p.first_line - want) <= tol:
        return ("block", round(p.left, 1), p.indent_from)
    if abs(p.first_line - want) > tol:
        return ("first", round(p.first_line, 1), p.indent_from)
    if abs(p.left) > tol:
        return ("left", round(p.left, 1), p.indent_from)
    return None


def lines_per_page(para, sec, height_mm: float) -> tuple[int, float]:
    """(lines in a type area `height_mm` high, line pitch in pt) for a paragraph's spacing. Exact spacing is
    its own pitch (Word does not snap it to the grid); single/multiple spacing snaps to a line grid when
    there is one, else a Chinese line is ~1.3 × its size. The standard type area (225 mm) is used, so a
    wrong margin (FMT001) is not reported again as a wrong line count."""
    height = height_mm * PT_PER_MM
    size = para.size
    if para.line_rule == "exact":
        pitch = para.line_value
    else:
        natural = size * 1.3 * (para.line_value if para.line_rule == "auto" else 1)
        if para.line_rule == "atLeast":
            natural = max(natural, para.line_value)
        if sec.grid_type in ("lines", "linesAndChars", "snapToChars") and sec.grid_pitch > 0 and para.snap:
            pitch = sec.grid_pitch * max(1, math.ceil(natural / sec.grid_pitch - 0.05))
        else:
            pitch = natural
    pitch = max(pitch, 1.0)
    return int(height / pitch + 0.02), pitch


def page_number_text(para) -> str:
    """The footer paragraph as shown, the page number as N (a multi-digit cached result counts once)."""
    out, last_field = [], False
    for r in para.runs:
        if r.field == "PAGE":
            if not last_field:
                out.append("N")
            last_field = True
        else:
            out.append(r.text)
            last_field = False
    return "".join(out)


def page_number_fault(rules: LayoutRules, para) -> tuple[list[str], list[float]]:
    """(faces, sizes) of a page number's digits and dashes that are not the standard's (四号宋体): digits are
    drawn in the ascii font, a dash in the East Asian font when its run has w:hint="eastAsia", else in hAnsi."""
    spec = rules.spec("page_number")
    faces, sizes = set(), set()
    for r in para.runs:
        text = r.text.strip()
        if not text:
            continue
        for c in text:
            if c.isdigit():
                face = r.ascii
            elif c in _DASHES:
                face = r.east_asia if r.hint == "eastAsia" else r.h_ansi
            else:
                continue
            faces.add(face or "Times New Roman")
            sizes.add(r.size)
    bad_face = sorted(f for f in faces if rules.family(f) != spec["font"])
    bad_size = sorted(s for s in sizes if not rules.size_ok(s, spec["size"]))
    return bad_face, bad_size
