"""The similarity join finds every pair of sets at or above a Dice threshold, as brute force does."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from drafter import simjoin


def brute(sets, t):
    out = []
    for i, j in itertools.combinations(range(len(sets)), 2):
        a, b = set(sets[i]), set(sets[j])
        d = 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0
        if d >= t - 1e-9:
            out.append((i, j, d))
    return out


_SETS = st.lists(st.lists(st.integers(0, 40), max_size=25, unique=True), max_size=30)


@settings(max_examples=400, deadline=None)
@given(_SETS, st.sampled_from([0.0, 0.05, 0.3, 0.4, 0.5, 0.72, 0.9, 1.0, 1.2]) | st.floats(0.0, 1.0))
def test_same_pairs_as_brute_force(sets, t):
    got = simjoin.similar_pairs(sets, t)
    want = brute(sets, t)
    assert [(i, j) for i, j, _ in got] == [(i, j) for i, j, _ in want]
    assert all(abs(a[2] - b[2]) < 1e-12 for a, b in zip(got, want))


@settings(max_examples=150, deadline=None)
@given(_SETS, st.floats(0.01, 1.0))
def test_candidates_cover_the_pairs_and_overlaps_are_exact(sets, t):
    xs, ys = simjoin.candidate_pairs(sets, t)
    cand = set(zip(xs.tolist(), ys.tolist()))
    assert {(i, j) for i, j, _ in brute(sets, t)} <= cand
    assert all(i < j for i, j in cand) and len(cand) == len(xs)
    ov = simjoin.overlaps(sets, xs, ys)
    assert ov.tolist() == [len(set(sets[i]) & set(sets[j])) for i, j in zip(xs.tolist(), ys.tolist())]


def test_near_identical_sets_in_crowds():
    """Clusters of near-identical sets sharing common tokens: all pairs inside a cluster, few candidates across."""
    rng = np.random.default_rng(5)
    common = list(range(20))
    sets = []
    for c in range(40):
        base = list(range(1000 + 100 * c, 1000 + 100 * c + 80))
        for _ in range(12):
            s = set(base) | set(rng.choice(common, 10, replace=False).tolist())
            drop = rng.choice(80, 6, replace=False)
            s -= {base[k] for k in drop}
            sets.append(sorted(s))
    pairs = simjoin.similar_pairs(sets, 0.72)
    assert pairs == brute(sets, 0.72)
    assert len(pairs) >= 40 * 66 * 0.9
    xs, _ = simjoin.candidate_pairs(sets, 0.72)
    assert len(xs) < 2 * 40 * 66


def test_small_chunks_give_the_same_pairs(monkeypatch):
    rng = np.random.default_rng(2)
    sets = [sorted(set(rng.integers(0, 60, rng.integers(0, 30)).tolist())) for _ in range(120)]
    want = simjoin.similar_pairs(sets, 0.4)
    monkeypatch.setattr(simjoin, "_EXPAND", 7)
    monkeypatch.setattr(simjoin, "_VERIFY_WORDS", 1)
    assert simjoin.similar_pairs(sets, 0.4) == want == brute(sets, 0.4)


@pytest.mark.parametrize("sets", [[], [[1, 2]], [[], []], [[], [1]], [[5], [5], [5]]])
def test_degenerate(sets):
    for t in (0.0, 0.5, 1.0):
        assert simjoin.similar_pairs(sets, t) == brute(sets, t)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="知识产权a1\U00020000", max_size=12), max_size=12))
def test_bigram_sets_are_the_bigrams_of_each_text(texts):
    keys, sizes = simjoin.bigram_sets(texts)
    start = np.concatenate(([0], np.cumsum(sizes)))
    for k, t in enumerate(texts):
        got = {(int(x) >> 21, int(x) & ((1 << 21) - 1)) for x in keys[start[k]:start[k + 1]]}
        assert got == {(ord(t[i]), ord(t[i + 1])) for i in range(len(t) - 1)}
        assert sizes[k] == len(got) and list(keys[start[k]:start[k + 1]]) == sorted(keys[start[k]:start[k + 1]])


@pytest.mark.parametrize("texts", [[], [""], ["1"], ["", "专"], ["ab"], ["ab", "b", "abab"]])
def test_bigram_sets_of_tiny_texts(texts):
    keys, sizes = simjoin.bigram_sets(texts)
    assert sizes.tolist() == [len({t[i:i + 2] for i in range(len(t) - 1)}) for t in texts]
    assert len(keys) == sizes.sum()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.lists(st.integers(0, 150), max_size=40, unique=True)), max_size=25),
       st.integers(1, 64))
def test_group_bits_count_every_pair_of_a_group(members, verify_words):
    """GroupBits: the exact overlap of every pair inside a group, for groups of any width (chunked or not)."""
    members = sorted(members, key=lambda m: m[0])                # the sets of one group contiguous
    group = np.array([g for g, _ in members], dtype=np.int64)
    sizes = np.array([len(s) for _, s in members], dtype=np.int64)
    keys = np.array([k for _, s in members for k in sorted(s)], dtype=np.int64)
    old, simjoin._VERIFY_WORDS = simjoin._VERIFY_WORDS, verify_words
    try:
        bits = simjoin.GroupBits(keys, sizes, group)
        for g in set(group.tolist()):
            first, k = int(np.argmax(group == g)), int((group == g).sum())
            a, b = np.triu_indices(k, 1)
            got = bits.pair_overlaps(g, first, k, a, b).tolist()
            sets = [set(s) for _, s in members[first:first + k]]
            assert got == [len(sets[x] & sets[y]) for x, y in zip(a.tolist(), b.tolist())]
    finally:
        simjoin._VERIFY_WORDS = old
    assert bits.size.tolist() == sizes.tolist()
