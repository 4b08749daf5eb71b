"""compare on large plans: scores in blocks, only candidate pairs kept, sparse assignment — same answers as dense."""
from __future__ import annotations

import itertools
import json
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from drafter.api import load
from drafter.compare import align
from drafter.compare.engine import _item_text, compare_documents, item_refs, pick_plan
from drafter.report.compare_json import render_json, to_dict

from conftest import SEED_FILES, seed_path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

needs_seeds = pytest.mark.skipif(not SEED_FILES, reason="seeds not available")


def _texts(name: str) -> list[align.ItemText]:
    return [_item_text(r) for r in item_refs(pick_plan(load(seed_path(name))))]


@pytest.fixture(scope="module")
def synth_pair(tmp_path_factory):
    from bench.synth import mutate, plan_text
    d = tmp_path_factory.mktemp("synth")
    a, b = d / "a.txt", d / "b.txt"
    text = plan_text(1200)
    a.write_text(text, encoding="utf-8")
    b.write_text(mutate(text), encoding="utf-8")
    return pick_plan(load(str(a))), pick_plan(load(str(b)))


@needs_seeds
@pytest.mark.parametrize("cells,work", [(1, 1), (64, 500), (1 << 18, 1 << 20)])
def test_blocks_give_the_dense_matrix(monkeypatch, cells, work):
    """However the old items are cut into blocks, the scores are the same."""
    old, new = _texts("000") + _texts("002"), _texts("004") + _texts("000")
    monkeypatch.setattr(align, "BLOCK_CELLS", 1 << 30)
    monkeypatch.setattr(align, "BLOCK_WORK", 1 << 40)
    ref = align.score_matrix(old, new)
    monkeypatch.setattr(align, "BLOCK_CELLS", cells)
    monkeypatch.setattr(align, "BLOCK_WORK", work)
    assert np.array_equal(align.score_matrix(old, new), ref)
    r, c, v = align.score_pairs(old, new, 40)
    rr, cc = np.nonzero(ref >= 40)
    assert np.array_equal(r, rr) and np.array_equal(c, cc) and np.array_equal(v, ref[rr, cc])


@needs_seeds
def test_integer_bigram_sets_equal_string_sets():
    """The int64 bigram keys are the `bigrams()` sets, one-character and empty texts included."""
    for t in ["", "知", "知识", "知识产权知识", "推进0项任务"] + [x.whole for x in _texts("000")[:10]]:
        s = align.norm_fuzzy(t)
        keys = align._bigram_keys(s)
        assert len(keys) == len(align.bigrams(s)) == len(np.unique(keys))


def test_sparse_matching_is_optimal_on_small_random_cases():
    rng = np.random.default_rng(11)
    for _ in range(200):
        n, m = int(rng.integers(1, 6)), int(rng.integers(1, 6))
        w = rng.integers(0, 6, (n, m)).astype(float) * (rng.random((n, m)) < 0.5)
        r, c = np.nonzero(w > 0)
        got = align.max_weight_matching_sparse(r, c, w[r, c], (n, m))
        assert len({a for a, _ in got}) == len(got) == len({b for _, b in got})
        total = sum(w[a, b] for a, b in got)
        if n <= m:
            best = max(sum(w[i, p[i]] for i in range(n)) for p in itertools.permutations(range(m), n))
        else:
            best = max(sum(w[p[j], j] for j in range(m)) for p in itertools.permutations(range(n), m))
        assert abs(total - best) < 1e-9


def test_assign_pairs_equals_dense_assign():
    rng = np.random.default_rng(3)
    for _ in range(50):
        n, m = int(rng.integers(1, 30)), int(rng.integers(1, 30))
        s = (rng.integers(0, 101, (n, m)) * (rng.random((n, m)) < 0.2)).astype(np.float32)
        r, c = np.nonzero(s >= 40)
        assert align.assign_pairs(r, c, s[r, c], n, m, 40) == align.assign(s, 40)


def test_large_plans_align_exactly_and_in_little_memory(synth_pair, monkeypatch):
    """Memory follows the block size, not old × new: with small blocks the whole alignment of 1,200 × 1,100
    items stays under what one dense float64 score matrix of them would take."""
    old_doc, new_doc = synth_pair
    ot = [_item_text(r) for r in item_refs(old_doc)]
    nt = [_item_text(r) for r in item_refs(new_doc)]
    dense = align.assign(align.score_matrix(ot, nt))
    monkeypatch.setattr(align, "BLOCK_CELLS", 1 << 14)
    monkeypatch.setattr(align, "BLOCK_WORK", 1 << 16)
    tracemalloc.start()
    try:
        pairs = align.align(ot, nt)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert pairs == dense
    assert peak < 8 * len(ot) * len(nt), peak / 2**20   # one dense float64 matrix


def test_json_report_is_json_dumps_text(synth_pair):
    cmp = compare_documents(*synth_pair)
    text = render_json(cmp)
    assert text == json.dumps(to_dict(cmp), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(text)["summary"] == cmp.counts()
