"""Resolve `carry:` items: pull an item from last year's plan (--prior) verbatim.

`carry: (五)` names the item by its label in the prior plan; `carry: 三、(五)` (or `三、/(五)`) adds the section
when labels restart per section. Brackets may be written half- or full-width. The outline's own keys on the
carrying node (title, text, agencies, children …) win over what is carried.

What is carried gets what `drafter init` gives every item: punctuation made full-width, hard line breaks
joined, last year's own years rolled to the outline's year, renamed agencies updated.
"""
from __future__ import annotations

import copy
import re
from typing import Optional

from ..errors import DrafterError
from ..model import Document, Node

_FW = str.maketrans({"(": "（", ")": "）", "．": ".", "、": "、", " ": ""})


def norm_label(s: str) -> str:
    return (s or "").strip().translate(_FW).replace("\u3000", "")


def _index(prior: Document) -> list[tuple[list[str], Node]]:
    out = []

    def walk(n: Node, path: list[str]) -> None:
        p = path + [norm_label(n.label)]
        out.append((p, n))
        for c in n.children:
            walk(c, p)
    for s in prior.sections:
        walk(s, [])
    return out


def find(prior: Document, ref: str) -> list[Node]:
    ref = re.sub(r"^\s*\d{4}\s*", "", ref or "")            # "2023 (五)" → "(五)"
    parts = [norm_label(p) for p in re.split(r"\s*/\s*|(?<=、)", ref) if norm_label(p)]
    if not parts:
        return []
    hits = []
    for path, node in _index(prior):
        if path[-1] != parts[-1]:
            continue
        # every earlier part must appear, in order, among the ancestors
        anc, ok = path[:-1], True
        for want in parts[:-1]:
            if want in anc:
                anc = anc[anc.index(want) + 1:]
            else:
                ok = False
                break
        if ok:
            hits.append(node)
    return hits


def _freshen(node: Node, roller) -> None:
    from .rollover import Notes
    notes = Notes()
    node.title = roller.text(node.title, notes)
    node.text = roller.text(node.text, notes)
    for a in node.agencies:
        a.name = roller.text(a.name, notes)
    for c in node.children:
        _freshen(c, roller)


def resolve(doc: Document, prior: Optional[Document], outline_name: str, prior_name: str = "") -> None:
    """Replace every carrying node's content with the prior item it names. Errors name the outline line."""
    roller = None
    if prior is not None:
        from .to_outline import Roller
        year = doc.year if isinstance(doc.year, int) else None
        roller = Roller(prior.year if year else None, year or 0, f"{doc.issuer} {doc.title}")

    def visit(nodes: list[Node]) -> None:
        for n in nodes:
            if n.carry:
                where = f"{outline_name}:{n.line}" if n.line else outline_name
                if prior is None:
                    raise DrafterError(where, f"“carry: {n.carry}”需要用 --prior 指定去年的工作要点",
                                       f"'carry: {n.carry}' needs --prior (last year's plan)")
                hits = find(prior, n.carry)
                if not hits:
                    raise DrafterError(where, f"去年的工作要点{('（' + prior_name + '）') if prior_name else ''}里没有序号为“{n.carry}”的事项",
                                       f"no item labelled '{n.carry}' in the prior plan")
                if len(hits) > 1:
                    raise DrafterError(where, f"“{n.carry}”在去年的工作要点里出现了 {len(hits)} 次；请写上所在章节，如“三、{n.carry}”",
                                       f"'{n.carry}' matches {len(hits)} items; add the section, e.g. '三、{n.carry}'")
                src = copy.deepcopy(hits[0])
                _freshen(src, roller)
                if not n.title:
                    n.title = src.title
                if not n.text:
                    n.text = src.text
                if not n.agencies:
                    n.agencies = src.agencies
                if not n.targets:
                    n.targets = src.targets
                if not n.children:
                    n.children = src.children
                if not n.origin:
                    year = f"{prior.year} " if prior.year else ""
                    n.origin = f"{year}{src.label}"
            visit(n.children)
    visit(doc.sections)
