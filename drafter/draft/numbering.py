"""Heading numbers, computed (never typed by hand): 一、 （一） 1. （1） —— 一是 ① 第一，

`assign(doc, options)` writes `label` and `number` on every node, by depth, following the outline's
`markers` (one per level) and `numbering` (continuous/restart).
"""
from __future__ import annotations

import re

from ..model import Document, Node
from ..parse.markers import int_to_cn

def chinese(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (chineseCounting)."""
    return int_to_cn(n) if n > 0 else str(n)


def circled(n: int) -> str:
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"({n})"


def format_label(marker: str, n: int) -> str:
    """Render number `n` in the form of `marker` (a sample such as "（一）" or "1.")."""
    if marker == "——":
        return "——"
    if marker == "①":
        return circled(n)
    if marker == "一是":
        return chinese(n) + "是"
    if marker == "第一，":
        return "第" + chinese(n) + "，"
    if "一" in marker:
        return marker.replace("一", chinese(n), 1)
    if "1" in marker:
        return marker.replace("1", str(n), 1)
    return marker


def depth_of(doc: Document) -> int:
    def d(node: Node, level: int) -> int:
        return max([level] + [d(c, level + 1) for c in node.children])
    return max([d(s, 0) for s in doc.sections] or [0])


def marker_at(markers: list, level: int) -> str:
    if level < len(markers):
        return markers[level]
    defaults = ["一、", "（一）", "1.", "（1）", "①"]
    # below the last given marker, continue with the standard sequence after it
    last = markers[-1] if markers else "一、"
    try:
        i = defaults.index(last) + (level - len(markers) + 1)
    except ValueError:
        i = level
    return defaults[min(i, len(defaults) - 1)]


def assign(doc: Document, markers: list, numbering_at, item_level: str = "depth") -> None:
    """numbering_at(level, deepest) -> 'continuous' | 'restart'.

    Headings are numbered by depth. With item_level "deepest", work items (nodes without children below
    the top level) are numbered at the item level (the deepest), so a section whose items sit directly
    under it while other sections have sub-sections still gets `1.` items, counting on with the rest
    (seed 002's 一、 → 1.–3.); with "depth" (the default) every node is numbered at its own depth.
    """
    deepest = depth_of(doc)
    running: dict[int, int] = {}

    def level_of(node: Node, depth: int) -> int:
        if item_level == "deepest" and not node.children and 0 < depth < deepest:
            return deepest
        return depth

    def walk(nodes: list, depth: int) -> None:
        counts: dict[int, int] = {}
        for node in nodes:
            level = level_of(node, depth)
            mode = numbering_at(level, deepest)
            if level not in counts:
                counts[level] = running.get(level, 0) if mode == "continuous" else 0
            counts[level] += 1
            n = counts[level]
            if mode == "continuous":
                running[level] = n
            marker = marker_at(markers, level)
            node.number = None if marker == "——" else n
            node.label = format_label(marker, n)
            walk(node.children, depth + 1)

    walk(doc.sections, 0)


# a leading marker a writer may have typed into `text` or `title`: strip it (drafter numbers)
_LEAD = re.compile(
    r"^\s*(?:"
    r"[一二三四五六七八九十百零〇]+\s*[、.．，,]"
    r"|[（(]\s*[一二三四五六七八九十百零〇]+\s*[）)]\s*[、.．]?"
    r"|[0-9０-９]+\s*[.．、](?![0-9０-９])"
    r"|[（(]\s*[0-9０-９]+\s*[）)]\s*[、.．]?"
    r"|[\u2460-\u2473]"
    r"|——|—{1,2}|--"
    r"|第[一二三四五六七八九十]+[，,、]"
    r"|[一二三四五六七八九十]+是(?=[\u4e00-\u9fff])"
    r")\s*")


def strip_marker(text: str) -> str:
    m = _LEAD.match(text or "")
    return text[m.end():].lstrip() if m else (text or "").strip()
