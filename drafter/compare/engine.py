"""compare(old, new): align items, give each pair a status, and say what changed inside.

Statuses
--------
- ``carried``: the same text (width and spaces folded), under the corresponding heading; maybe renumbered.
- ``revised``: the text changed, under the corresponding heading.
- ``moved``: now under another heading than the one its old heading became (it may also be reworded:
  ``text_changed``).
- ``new`` / ``dropped``: no partner at or above the alignment threshold.

Headings are aligned too, so "another heading" survives renumbered and renamed headings: old and new
containers (the immediate parent of an item) are matched one-to-one by heading-title similarity plus the
share of their items that went from one to the other.
"""
from __future__ import annotations

import re
from typing import Optional

import numpy as np

from ..model import Document, Node, ParseResult
from . import align as _align
from .diff import char_diff
from .model import Change, Comparison, ItemRef, SectionRow
from .targets import FigureIndex, agency_change, item_target_changes, tracking_table


def pick_plan(result: ParseResult) -> Optional[Document]:
    """The document of a file that compare reads: the plan, else the division, else the first."""
    for kind in ("plan", "division"):
        d = result.first(kind)
        if d is not None:
            return d
    return result.documents[0] if result.documents else None


def pick_summary(result: ParseResult) -> Optional[Document]:
    return result.first("summary")


_BREAK = re.compile(r"[ \t\u3000]*\n[\s\u3000]*")


def join_lines(text: str) -> str:
    """An item's text on one line: a hard line break (PDF extraction, a wrapped web page) inside Chinese
    text is no change a reader wants to see as ``[-⏎-]`` in every diff; between two Latin letters or
    digits it stands for a space."""
    def sub(m: re.Match) -> str:
        a = text[m.start() - 1] if m.start() else ""
        b = text[m.end()] if m.end() < len(text) else ""
        return " " if (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()) else ""
    return _BREAK.sub(sub, text.strip()) if "\n" in text else text


def item_refs(doc: Document) -> list[ItemRef]:
    out: list[ItemRef] = []

    def walk(n: Node, parent: Optional[Node], prefix: str) -> None:
        p = f"{prefix}/{n.label}" if prefix else n.label
        if not n.children:
            out.append(ItemRef(node=n, index=len(out), section=parent, path=p,
                               body=join_lines(_align.strip_label(n.text or n.title, n.label))))
            return
        for c in n.children:
            walk(c, n, p)

    for s in doc.sections:
        walk(s, None, "")
    return out


def _item_text(r: ItemRef) -> _align.ItemText:
    title = _align.strip_label(r.node.title, r.label) if r.node.title else r.body
    return _align.ItemText(title=title or r.body, whole=r.body or title)


def _containers(doc: Document) -> list[Optional[Node]]:
    """Every node that has children, in reading order; None stands for the document's top level."""
    out: list[Optional[Node]] = []
    if any(not s.children for s in doc.sections):
        out.append(None)
    for n in doc.walk():
        if n.children:
            out.append(n)
    return out


def _map_sections(old_doc: Document, new_doc: Document, old_refs: list[ItemRef], new_refs: list[ItemRef],
                  pairs: list[tuple[int, int, float]]) -> dict[int, Optional[Node]]:
    """id(old container) → new container (absent: the old heading has no counterpart)."""
    oc, nc = _containers(old_doc), _containers(new_doc)
    oi = {id(c): k for k, c in enumerate(oc)}
    ni = {id(c): k for k, c in enumerate(nc)}
    flow = np.zeros((len(oc), len(nc)))
    for r, c, _ in pairs:
        flow[oi[id(old_refs[r].section)], ni[id(new_refs[c].section)]] += 1
    o_size = np.zeros(len(oc))
    n_size = np.zeros(len(nc))
    for r in old_refs:
        o_size[oi[id(r.section)]] += 1
    for r in new_refs:
        n_size[ni[id(r.section)]] += 1
    # heading-title similarity, one cdist for all heading pairs; the top level only matches itself
    tsim = _align.score_matrix([_align.ItemText(c.title, c.title) if c is not None else _align.ItemText("", "")
                                for c in oc],
                               [_align.ItemText(c.title, c.title) if c is not None else _align.ItemText("", "")
                                for c in nc], stop=False).astype(np.float64) / 100.0
    o_none = np.array([c is None for c in oc])
    n_none = np.array([c is None for c in nc])
    tsim[o_none[:, None] != n_none[None, :]] = 0.0
    tsim[o_none[:, None] & n_none[None, :]] = 1.0
    share = flow / np.maximum(1.0, np.minimum(o_size[:, None], n_size[None, :]))
    w = np.where((tsim >= 0.5) | (flow > 0), tsim + share, 0.0)
    out: dict[int, Optional[Node]] = {}
    for a, b in _align.max_weight_matching(w):
        out[id(oc[a])] = nc[b]
    return out


def compare_documents(old_doc: Document, new_doc: Document, summary_doc: Optional[Document] = None,
                      old_source: str = "", new_source: str = "", summary_source: Optional[str] = None,
                      threshold: float = _align.THRESHOLD, workers: int = -1) -> Comparison:
    old_refs, new_refs = item_refs(old_doc), item_refs(new_doc)
    pairs = _align.align([_item_text(r) for r in old_refs], [_item_text(r) for r in new_refs],
                         threshold=threshold, workers=workers)
    smap = _map_sections(old_doc, new_doc, old_refs, new_refs, pairs)
    figures = FigureIndex(summary_doc.all_targets()) if summary_doc is not None else None

    by_new: dict[int, Change] = {}
    paired_old: dict[int, int] = {}
    for r, c, s in pairs:
        o, n = old_refs[r], new_refs[c]
        exact = _align.norm_exact(o.body) == _align.norm_exact(n.body)
        target_sec = smap.get(id(o.section), "unmapped")
        moved = target_sec is not n.section
        status = "moved" if moved else ("carried" if exact else "revised")
        ch = Change(status=status, similarity=100.0 if exact else min(s, 99.9), old=o, new=n,
                    text_changed=not exact, renumbered=o.label != n.label,
                    diff=[] if exact else char_diff(o.body, n.body))
        ch.targets = item_target_changes(o.node, n.node, figures)
        ch.agencies = agency_change(o.node, n.node)
        by_new[c] = ch
        paired_old[r] = c

    # merged reading order: the new plan's items; each dropped item after the new partner of the
    # nearest earlier old item that survived
    keyed: list[tuple[float, Change]] = []
    for c, n in enumerate(new_refs):
        ch = by_new.get(c)
        if ch is None:
            ch = Change(status="new", similarity=None, new=n, diff=[("+", n.body)] if n.body else [])
            ch.targets = item_target_changes(None, n.node, figures)
        keyed.append((float(c), ch))
    for r, o in enumerate(old_refs):
        if r in paired_old:
            continue
        ch = Change(status="dropped", similarity=None, old=o, diff=[("-", o.body)] if o.body else [])
        ch.targets = item_target_changes(o.node, None, figures)
        keyed.append((_drop_anchor(r, old_refs, paired_old) + r * 1e-6, ch))
    keyed.sort(key=lambda kc: kc[0])
    changes = [ch for _, ch in keyed]
    _note_merges_and_splits(changes, old_refs, new_refs)

    cmp = Comparison(old_source=old_source, new_source=new_source, old_doc=old_doc, new_doc=new_doc,
                     summary_source=summary_source, summary_doc=summary_doc, changes=changes,
                     threshold=threshold)
    cmp.sections = _section_rows(old_doc, new_doc, changes, smap)
    cmp.tracking = tracking_table(old_doc, new_doc, summary_doc, changes)
    _align.forget()
    return cmp


CONTAINED = 0.6  # share of a dropped item's character pairs found in one new item: merged into it
SPLIT_OFF = 0.4  # share of a new item's character pairs found in one old item that kept a partner: split from it


def _note_merges_and_splits(changes: list[Change], old_refs: list[ItemRef], new_refs: list[ItemRef]) -> None:
    """A dropped item most of whose words stand in one new item was merged into it; a new item most of whose
    words stand in one old item was split from it. Found through an inverted index of character pairs
    (pairs common to many items left out), so the cost grows with the unpaired items, not old × new."""
    dropped = [ch for ch in changes if ch.status == "dropped"]
    new = [ch for ch in changes if ch.status == "new"]
    if dropped:
        for ch, (k, share) in zip(dropped, _best_containers([ch.old.body for ch in dropped],
                                                            [r.body for r in new_refs])):
            if k is not None and share >= CONTAINED:
                ch.merged_into = new_refs[k]
    if new:
        kept = {id(ch.old) for ch in changes if ch.old is not None and ch.new is not None}
        for ch, (k, share) in zip(new, _best_containers([ch.new.body for ch in new], [r.body for r in old_refs])):
            if k is not None and share >= SPLIT_OFF and id(old_refs[k]) in kept:
                ch.split_from = old_refs[k]


_CELLS = 1 << 20   # (query, text) counts held at a time
_WORK = 1 << 22    # (query, text) postings expanded at a time


def _best_containers(queries: list[str], texts: list[str]) -> list[tuple[Optional[int], float]]:
    """For each query, the text holding most of its character pairs, and the share it holds: (k, n / |pairs|).

    Pairs are ``bigrams(norm_fuzzy(…))`` as sets; a pair in more than max(3, len(texts) // 20) texts is left
    out of the index (boilerplate); a tie goes to the first text; a query of fewer than 4 pairs, or sharing
    none, gets (None, 0.0). Counted with numpy over an inverted index (the same numbers as a dict of counts):
    a block of queries at a time, every (query, text) count in one bincount, the best text by argmax (the
    first of the most)."""
    out: list[tuple[Optional[int], float]] = [(None, 0.0)] * len(queries)
    q_flat, q_size = _align.bigram_key_sets([_align.norm_fuzzy(x) for x in queries])
    asked = np.flatnonzero(q_size >= 4)
    if not len(asked) or not texts:
        return out
    t_flat, t_size = _align.bigram_key_sets([_align.norm_fuzzy(x) for x in texts])
    t_rec = np.repeat(np.arange(len(texts), dtype=np.int64), t_size)
    order = np.argsort(t_flat, kind="stable")            # postings: by key, then by text
    t_flat, t_rec = t_flat[order], t_rec[order]
    uniq, first, df = np.unique(t_flat, return_index=True, return_counts=True)
    if not len(uniq):
        return out
    common = max(3, len(texts) // 20)
    q_rec = np.repeat(np.arange(len(queries), dtype=np.int64), q_size)
    q_flat, q_rec = q_flat[q_size[q_rec] >= 4], q_rec[q_size[q_rec] >= 4]
    q_rec = np.searchsorted(asked, q_rec)                # numbered among the queries asked (ascending)
    at = np.minimum(np.searchsorted(uniq, q_flat), len(uniq) - 1)
    hit = (uniq[at] == q_flat) & (df[at] <= common)
    at, q_rec = at[hit], q_rec[hit]
    lens, starts = df[at], first[at]
    nt, na = len(texts), len(asked)
    best_k = np.full(na, -1, dtype=np.int64)
    best_n = np.zeros(na, dtype=np.int64)
    work = np.cumsum(np.bincount(q_rec, weights=lens, minlength=na).astype(np.int64))
    rows_per = max(1, _CELLS // nt)
    a = 0
    while a < na:
        base = work[a - 1] if a else 0
        b = min(max(a + 1, int(np.searchsorted(work, base + _WORK, side="right"))), a + rows_per, na)
        e0, e1 = np.searchsorted(q_rec, [a, b])
        ln, st, qr = lens[e0:e1], starts[e0:e1], q_rec[e0:e1]
        total = int(ln.sum())
        if total:
            pos = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(ln) - ln - st, ln)
            counts = np.bincount(np.repeat((qr - a) * nt, ln) + t_rec[pos], minlength=(b - a) * nt).reshape(b - a, nt)
            k = counts.argmax(axis=1)
            n = counts[np.arange(b - a), k]
            best_k[a:b] = np.where(n > 0, k, -1)
            best_n[a:b] = n
        a = b
    for j, q in enumerate(asked.tolist()):
        if best_k[j] >= 0:
            out[q] = (int(best_k[j]), int(best_n[j]) / int(q_size[q]))
    return out


def _drop_anchor(r: int, old_refs: list[ItemRef], paired_old: dict[int, int]) -> float:
    """Where a dropped item goes in the merged order: after the partner of the nearest earlier survivor
    of its own heading, else before the partner of the nearest later one, else after any earlier survivor."""
    sec = old_refs[r].section
    for k in range(r - 1, -1, -1):
        if old_refs[k].section is sec and k in paired_old:
            return paired_old[k] + 0.5
    for k in range(r + 1, len(old_refs)):
        if old_refs[k].section is sec and k in paired_old:
            return paired_old[k] - 0.5
    for k in range(r - 1, -1, -1):
        if k in paired_old:
            return paired_old[k] + 0.5
    return -0.5


def _section_rows(old_doc: Document, new_doc: Document, changes: list[Change],
                  smap: dict[int, Optional[Node]]) -> list[SectionRow]:
    back = {id(n): o for o in _containers(old_doc) if id(o) in smap for n in [smap[id(o)]]}
    rows: dict[int, SectionRow] = {}
    order: list[SectionRow] = []
    for c in _containers(new_doc):
        o = back.get(id(c))
        row = SectionRow(old=o, new=c)
        if o is not None and c is not None and _align.norm_exact(o.title) != _align.norm_exact(c.title):
            row.diff = char_diff(o.title, c.title)
        rows[id(c)] = row
        order.append(row)
    gone: dict[int, SectionRow] = {}
    for ch in changes:
        if ch.new is not None:
            rows[id(ch.new.section)].changes.append(ch)
            continue
        sec = ch.old.section  # type: ignore[union-attr]
        target = smap.get(id(sec), "unmapped")
        if target != "unmapped" and id(target) in rows:
            rows[id(target)].changes.append(ch)
        else:
            if id(sec) not in gone:
                gone[id(sec)] = SectionRow(old=sec, new=None)
            gone[id(sec)].changes.append(ch)
    order.extend(gone.values())
    return [r for r in order if r.changes or r.new is not None]
