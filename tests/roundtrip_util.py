"""Shared by the round-trip tests: a comparable skeleton of a plan (sections, item labels, lead sentences)."""
from __future__ import annotations

import re

from drafter.draft.rollover import fullwidth_punct, roll_years

_W = str.maketrans({"(": "（", ")": "）", "．": "."})


def norm_label(s: str) -> str:
    return (s or "").strip().translate(_W)


def norm_text(s: str, old: int | None = None, new: int | None = None) -> str:
    s = fullwidth_punct((s or "").strip())
    if old and new:
        s, _ = roll_years(s, old, new)
    s = re.sub(r"\s+", "", s)
    return s.rstrip("。；;，,：:")


def skeleton(doc, old: int | None = None, new: int | None = None) -> list:
    out = []
    for s in doc.sections:
        kids = [(norm_label(c.label), norm_text(c.title, old, new)) for c in s.children]
        out.append((norm_label(s.label), norm_text(s.title, old, new), kids))
    return out
