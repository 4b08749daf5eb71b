"""The edits that fix heading numbers: label spans, a whole sequence renumbered at once, references updated.

NUM001 judges each family of markers against the document's own convention (numbers run on across
sections, or restart in each). Renumbering one item shifts the ones after it, so the fix is computed
for the whole sequence: every counted item gets the number the convention gives its place, and a
paragraph printed twice (DUP002's business) keeps the number of its twin. Each changed label is an edit
of the numeral only (`（三）` → `（二）` changes `三`), so the label's brackets and marks stay as written and
the fixes of NUM002/NUM003 on the same label do not collide with it.

A reference to a renumbered item (`按照本要点第（三）项`, `见第5条`) is updated with it when the old number
names exactly one item of that family; `《专利法》第二十条第（三）项` and other citations are left alone.
"""
from __future__ import annotations

import re
from typing import Optional

from ..model import Node
from .base import Context, Edit, Finding, Span
from .spans import node_span

_NUMERAL = re.compile(r"[0-9０-９]+|[一二三四五六七八九十百零〇两]+|[①-⑳]")


def label_length(node: Node, m: dict) -> int:
    """How many characters of `node.text` the label takes (its trailing spaces left out)."""
    lab = (node.text or "")[:m["end"]]
    return len(lab.rstrip(" \t\u00a0\u3000"))


def label_span(ctx: Context, node: Node, m: dict, extra: int = 0) -> Optional[Span]:
    """The span of the node's label as written (plus `extra` characters after it)."""
    n = label_length(node, m) + extra
    return node_span(ctx, node, 0, n) if n > 0 else None


def numeral_text(fam: str, value: int, m: dict) -> str:
    """The numeral of `value` written as the label `m` writes its own (Chinese, digits, full-width, ①)."""
    from .textutil import int2cn
    if fam == "circled":
        return chr(ord("①") + value - 1) if 1 <= value <= 20 else str(value)
    if fam in ("arabic", "paren_arabic"):
        s = str(value)
        return s.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}) if m.get("fw_digits") else s
    return int2cn(value)


def numeral_edit(ctx: Context, node: Node, fam: str, m: dict, value: int) -> Optional[Edit]:
    """Change the numeral inside the node's label to `value`."""
    lab = (node.text or "")[:m["end"]]
    num = _NUMERAL.search(lab)
    if num is None:
        return None
    sp = node_span(ctx, node, num.start(), num.end())
    new = numeral_text(fam, value, m)
    return Edit(sp, new) if sp is not None and new != num.group(0) else None


def renumbering(flat: list[tuple[int, int, Node, dict]], conv: str) -> dict[int, int]:
    """For `flat` (group index, index in group, node, marker) of one family in document order: the
    number each item should carry under the convention `conv` ("continuous" or "restart")."""
    out: dict[int, int] = {}
    expected = 1
    for k, (gi, i, node, m) in enumerate(flat):
        if i == 0 and (gi == 0 or conv == "restart"):
            expected = 1
        if k > 0 and i > 0 and m["value"] == flat[k - 1][3]["value"] and flat[k - 1][2].body == node.body:
            out[k] = out.get(k - 1, flat[k - 1][3]["value"])  # printed twice: keeps its twin's number
            continue
        out[k] = expected
        expected += 1
    return out


# a reference to an item of this document: 第（三）项 / 第(3)条 / 见第5条; what may stand before it
_REF = {
    "paren_cn": re.compile(r"第[（(]([一二三四五六七八九十百]+)[）)](?=[项条款点])"),
    "paren_arabic": re.compile(r"第[（(]([0-9]+)[）)](?=[项条款点])"),
    "arabic": re.compile(r"第([0-9]+)(?=[项条点])"),
}
_LEAD = re.compile(r"(?:见|参见|详见|按照|依照|依据|按|参照|对照|根据|落实|同|与|本要点|本计划|本方案|本文件|本通知|上述|前述)\s*$")
_OPEN_BEFORE = "，,。；;：:、（(“\"《 \u3000"
# `见第5条及第（五）项`: a reference joined to the one before it
_JOINED = re.compile(r"(第[（(]?[0-9一二三四五六七八九十百]+[）)]?[项条款点])\s*(?:和|及|与|、|或|至|到|-|－|~|～)\s*$")


def _is_internal_ref(text: str, start: int, fam: str) -> bool:
    """`第（三）项` after 见/按照/本要点… or at the start of a clause is this document's; after 》, 条, 法 … it cites
    another; joined to a reference of this document's (`见第5条及第（五）项`) it is this document's too."""
    before = text[max(0, start - 6):start]
    if _LEAD.search(before):
        return True
    joined = _JOINED.search(text[:start])
    if joined and _is_internal_ref(text, joined.start(1), "paren_cn" if joined.group(1)[1] in "（(" else "arabic"):
        return True
    if fam == "arabic":
        return False  # 第5条 alone is as likely a law's article
    prev = before.rstrip(" \u3000")[-1:] if before.strip(" \u3000") else ""
    return prev == "" or prev in _OPEN_BEFORE


def reference_edits(ctx: Context, fam: str, moves: dict[int, int]) -> list[tuple[int, Edit]]:
    """(old number, edit) for each reference in the document to an item renumbered old → new."""
    from .textutil import cn2int, doc_lines
    rx = _REF.get(fam)
    if rx is None or not moves:
        return []
    out = []
    for ln, text in doc_lines(ctx):
        for m in rx.finditer(text):
            raw = m.group(1)
            old = int(raw) if raw.isdigit() else cn2int(raw)
            if old not in moves or not _is_internal_ref(text, m.start(), fam):
                continue
            new = moves[old]
            new_raw = str(new) if raw.isdigit() else numeral_text("paren_cn", new, {})
            out.append((old, Edit(Span(ln, m.start(1), m.end(1)), new_raw)))
    return out


def attach_renumbering(ctx: Context, fam: str, flat: list[tuple[int, int, Node, dict]], conv: str,
                       found: list[tuple[Node, Finding]]) -> None:
    """Give each NUM001 finding of this family the edits that renumber its part of the sequence: the
    items from its own up to the next finding's, and the references to them."""
    if not found:
        return
    new = renumbering(flat, conv)
    where = {id(node): k for k, (_, _, node, _) in enumerate(flat)}
    owners = sorted((where[id(node)], f) for node, f in found if id(node) in where)
    if not owners:
        return
    olds: dict[int, list[int]] = {}
    for k, (_, _, node, m) in enumerate(flat):
        olds.setdefault(m["value"], []).append(k)
    owner_of_item: dict[int, Finding] = {}
    for k, (_, _, node, m) in enumerate(flat):
        if new.get(k, m["value"]) == m["value"]:
            continue
        prev = [f for at, f in owners if at <= k]
        f = prev[-1] if prev else owners[0][1]
        e = numeral_edit(ctx, node, fam, m, new[k])
        if e is not None:
            f.edits.append(e)
            owner_of_item[k] = f
    # references: only to an old number that named exactly one item
    moves = {old: new[ks[0]] for old, ks in olds.items() if len(ks) == 1 and ks[0] in owner_of_item}
    for old, e in reference_edits(ctx, fam, moves):
        owner_of_item[olds[old][0]].edits.append(e)
