"""compare's candidate pairs (issue 13) against the exhaustive methods they replaced, kept here as oracles:
the scores of `align.score_pairs` (lead sentences scored only for candidates of a similarity join) equal
those of scanning every pair (`_score_pairs_blocks`, the code before), at several thresholds; merges and
splits found with numpy equal those of the dict of counts (verbatim from a29acdb) — on synthetic plans
with many near-duplicates, where candidates are crowded, and on distinct ones."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import numpy as np
import pytest

from drafter.compare import align
from drafter.compare.engine import _best_containers, _item_text, item_refs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from test_compare_pinned import split_plan  # noqa: E402


def plans(make, n):
    from synth import mutate
    text = make(n)
    return split_plan(text, 2024), split_plan(mutate(text), 2025)


@pytest.fixture(scope="module")
def cases():
    from synth import near_duplicate_plan_text, plan_text
    out = {}
    for name, make, n in (("near-dup-320", near_duplicate_plan_text, 320), ("near-dup-1600", near_duplicate_plan_text, 1600),
                          ("distinct-1200", plan_text, 1200)):
        old, new = plans(make, n)
        out[name] = ([_item_text(r) for r in item_refs(old)], [_item_text(r) for r in item_refs(new)],
                     item_refs(old), item_refs(new))
    return out


@pytest.mark.parametrize("name", ["near-dup-320", "near-dup-1600", "distinct-1200"])
@pytest.mark.parametrize("threshold", [align.THRESHOLD, 20.0, 39.5, 40.5, 55.0, 80.0, 100.0])
def test_score_pairs_equal_every_pair_scored(cases, name, threshold):
    if name == "near-dup-1600" and threshold != align.THRESHOLD:
        pytest.skip("one threshold is enough at this size")
    ot, nt = cases[name][:2]
    got = align.score_pairs(ot, nt, threshold)
    want = align._score_pairs_blocks(ot, nt, threshold)
    assert len(want[0]) > 0
    for g, w in zip(got, want):
        assert g.dtype == w.dtype
        assert np.array_equal(g, w)


def test_score_pairs_equal_score_matrix_on_odd_items():
    """Empty, one-character and boilerplate-only items, and items whose lead sentence is all there is."""
    texts = ["", "甲", "甲乙", "知识产权", "知识产权保护", "加强知识产权保护。", "1.", "（一）", "加强知识产权保护。推进专利转化运用。",
             "推进专利转化运用。加强知识产权保护。", "完善地理标志保护制度。", "完善地理标志保护制度，培育商标品牌。"]
    items = [align.ItemText(title=t.split("。")[0], whole=t) for t in texts] * 2
    for threshold in (align.THRESHOLD, 30.0, 60.0, 99.0):
        got = align.score_pairs(items, items[::-1], threshold)
        m = align.score_matrix(items, items[::-1])
        r, c = np.nonzero(m >= threshold)
        assert np.array_equal(got[0], r) and np.array_equal(got[1], c) and np.array_equal(got[2], m[r, c])


def oracle_best(queries: list[str], texts: list[str]) -> list[tuple[Optional[int], float]]:
    """The dict of counts over postings of Python sets of bigram strings — as `_note_merges_and_splits` was."""
    def grams(s: str) -> set[str]:
        return align.bigrams(align.norm_fuzzy(s))

    postings: dict[str, list[int]] = {}
    for k, g in enumerate(grams(t) for t in texts):
        for b in g:
            postings.setdefault(b, []).append(k)
    common = max(3, len(texts) // 20)
    postings = {b: ks for b, ks in postings.items() if len(ks) <= common}
    out = []
    for q in queries:
        g = grams(q)
        if len(g) < 4:
            out.append((None, 0.0))
            continue
        counts: dict[int, int] = {}
        for b in g:
            for k in postings.get(b, ()):
                counts[k] = counts.get(k, 0) + 1
        if not counts:
            out.append((None, 0.0))
            continue
        k, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
        out.append((k, n / len(g)))
    return out


@pytest.mark.parametrize("name", ["near-dup-320", "near-dup-1600", "distinct-1200"])
def test_merges_and_splits_equal_the_dict_of_counts(cases, name):
    o_refs, n_refs = cases[name][2:]
    olds, news = [r.body for r in o_refs], [r.body for r in n_refs]
    # every old item asked against the new ones and back: far more queries than the dropped and new items
    assert _best_containers(olds, news) == oracle_best(olds, news)
    assert _best_containers(news, olds) == oracle_best(news, olds)


def test_best_containers_odd_texts():
    texts = ["", "甲", "甲乙丙丁戊", "加强知识产权保护工作", "加强知识产权保护工作", "推进专利转化运用"]
    queries = texts + ["加强知识产权保护", "知识产权保护工作推进专利转化运用", "甲乙"]
    assert _best_containers(queries, texts) == oracle_best(queries, texts)
    assert _best_containers(queries, []) == oracle_best(queries, [])
    assert _best_containers([], texts) == []
    assert _best_containers(queries, ["", "", "甲"]) == oracle_best(queries, ["", "", "甲"])
