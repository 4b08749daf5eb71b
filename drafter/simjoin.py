"""All pairs of sets whose Dice coefficient 2|A∩B|/(|A|+|B|) reaches a threshold, without scoring all pairs.

A similarity join with prefix filtering (Bayardo, Ma, Srikant, "Scaling Up All Pairs Similarity Search",
WWW 2007; PPJoin, Xiao, Wang, Lin, Yu, WWW 2008), vectorised with numpy:

1. tokens are ranked from rarest to commonest and every set is sorted by rank;
2. a pair needs an overlap α = ⌈t(|A|+|B|)/2⌉, so two sets that reach it share a token among the first
   |A|−α+1 of A and the first |B|−α+1 of B (their *prefixes*).  α is at least t|A|/(2−t) for either set
   of the pair, so every set's prefix is its first |A|−⌈t|A|/(2−t)⌉+1 tokens; taking sets from small to
   large, each set's prefix meets an index of the prefixes of the sets before it.  (The shorter index
   prefix of AllPairs, |B|−⌈t|B|⌉+1, makes fewer matches but a much weaker count filter: measured on
   plans made of shared clauses it left 8× the candidates, see bench/bench_simjoin.py);
3. size filter: Dice ≥ t needs |B| ≥ t|A|/(2−t), so a set only meets a contiguous run of the sets before it;
4. count filter: every shared token that is not in both prefixes ranks after the earlier of the two
   prefixes' last tokens, so the c tokens shared in the prefixes plus what either set holds after that
   rank bound the overlap; a pair whose bound is below α is dropped;
5. the survivors are verified exactly (`overlaps`: bitsets and popcounts), or by the caller's own scorer.

The prefixes hold the rare tokens, so the candidates are few even when every set shares the common ones
(``知识``, ``产权``), while near-duplicate sets still meet — the pairs wanted.  The work grows with the
sets and the pairs found, not with the square of their number.
"""
from __future__ import annotations

from typing import Iterable, Sequence, Union

import numpy as np

_EPS = 1e-9              # slack so that floating point never loses a pair exactly at the threshold
_EXPAND = 1 << 18        # (probe token, index token) matches handled at a time: bounds the memory
_VERIFY_WORDS = 1 << 19  # 64-bit bitset words gathered at a time when verifying


class TokenSets:
    """Sets of integer tokens as flat numpy arrays, each set's tokens ranked rarest first and sorted.

    Built from a list of sets (or lists of distinct ints, or arrays), or with `from_flat` from all tokens
    end to end and each set's size."""

    def __init__(self, sets: Sequence[Iterable[int]] = (), *, flat=None, sizes=None, vocab=None):
        if flat is None:
            arrs = [np.asarray(s if isinstance(s, np.ndarray) else list(s), dtype=np.int64) for s in sets]
            sizes = [len(a) for a in arrs]
            flat = np.concatenate(arrs) if arrs else np.zeros(0, np.int64)
        self.size = np.asarray(sizes, dtype=np.int64)
        self.n = len(self.size)
        self.start = np.concatenate(([0], np.cumsum(self.size)))
        if vocab is None:
            tok, n_tok = dense_ids(np.asarray(flat, dtype=np.int64))
        else:                                                    # already dense_ids' numbers
            tok, n_tok = np.asarray(flat, dtype=np.int64), int(vocab)
        df = np.bincount(tok, minlength=n_tok)
        rank_of = np.empty(n_tok, dtype=np.int64)
        rank_of[np.argsort(df, kind="stable")] = np.arange(n_tok)    # rarest first, ties by token
        self.vocab = max(1, n_tok)
        # (set, rank) pairs are distinct, so one sort of the combined key orders each set by rank
        key = rank_of[tok]
        del tok, rank_of
        key += np.repeat(np.arange(self.n, dtype=np.int64) * self.vocab, self.size)
        key.sort()
        self.key = key                                           # set × vocab + rank, ascending
        self.df_by_rank = np.sort(df)                            # how many sets hold the token of each rank

    def rec(self) -> np.ndarray:
        """The set of each token of `key` (made when asked: the arrays are as long as all sets together)."""
        return np.repeat(np.arange(self.n, dtype=np.int64), self.size)

    def rank(self) -> np.ndarray:
        """The rank of each token of `key`: per set, rarest token first."""
        r = self.key.copy()
        r -= np.repeat(np.arange(self.n, dtype=np.int64) * self.vocab, self.size)
        return r

    @classmethod
    def from_flat(cls, flat: np.ndarray, sizes: np.ndarray, vocab=None) -> "TokenSets":
        """`vocab`: the tokens are `dense_ids` numbers 0…vocab−1, every one of them present."""
        return cls(flat=flat, sizes=sizes, vocab=vocab)

    def above(self, sets: np.ndarray, rank: np.ndarray) -> np.ndarray:
        """How many tokens of each of `sets` rank after `rank`."""
        return self.start[sets + 1] - _search(self.key, sets * self.vocab + rank, side="right")


def _search(sorted_values: np.ndarray, needles: np.ndarray, side: str = "left") -> np.ndarray:
    """np.searchsorted with the needles looked up in sorted order (several times faster than in any order:
    each search starts where the last one ended)."""
    order = np.argsort(needles)
    out = np.empty(len(needles), dtype=np.int64)
    out[order] = np.searchsorted(sorted_values, needles[order], side=side)
    return out


def dense_ids(values: np.ndarray) -> tuple[np.ndarray, int]:
    """`values` renumbered 0… in sorted order (np.unique's inverse, by one argsort: numpy's hash-based
    unique, and a search of every value, are several times slower here), and how many distinct values."""
    if not len(values):
        return np.zeros(0, np.int64), 0
    order = np.argsort(values)
    srt = values[order]
    new = np.empty(len(srt), dtype=np.int64)
    new[0] = 0
    np.not_equal(srt[1:], srt[:-1], out=new[1:])
    del srt
    np.cumsum(new, out=new)
    out = np.empty(len(values), dtype=np.int64)
    out[order] = new
    return out, int(new[-1]) + 1


Sets = Union[TokenSets, Sequence[Iterable[int]]]


def _sets(sets: Sets) -> TokenSets:
    return sets if isinstance(sets, TokenSets) else TokenSets(sets)


def _ceil(x) -> np.ndarray:
    return np.ceil(np.asarray(x, dtype=np.float64) - _EPS).astype(np.int64)


def _none() -> tuple[np.ndarray, np.ndarray]:
    return np.zeros(0, np.int64), np.zeros(0, np.int64)


def candidate_pairs(sets: Sets, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j), i < j, in (i, j) order, that may have Dice ≥ `threshold`; every pair that has is there.

    `threshold` ≤ 0 (within 1e-9) gives every pair; two empty sets count as equal (Dice 1), as rapidfuzz
    scores two empty strings 100.
    """
    s = _sets(sets)
    n, t = s.n, float(threshold)
    if n < 2 or t > 1 + _EPS:
        return _none()
    if t <= _EPS:
        i, j = np.triu_indices(n, 1)
        return i.astype(np.int64), j.astype(np.int64)
    xs, ys = [], []
    empty = np.flatnonzero(s.size == 0)
    if len(empty) > 1:
        i, j = np.triu_indices(len(empty), 1)
        xs.append(empty[i])
        ys.append(empty[j])
    size = s.size
    by_proc = np.argsort(size, kind="stable")        # processing order: by size, then by index
    proc = np.empty(n, dtype=np.int64)
    proc[by_proc] = np.arange(n)
    smallest = _ceil(t * size / (2 - t))             # the smallest partner a set can have
    first_proc = np.searchsorted(size[by_proc], smallest, side="left")
    plen = np.clip(size - np.maximum(1, smallest) + 1, 0, size)
    in_prefix = np.zeros(len(s.key) + 1, dtype=np.int8)         # +1 where a prefix starts, −1 after it
    np.add.at(in_prefix, s.start[:-1], 1)
    np.add.at(in_prefix, s.start[:-1] + plen, -1)
    in_prefix = np.cumsum(in_prefix[:-1], dtype=np.int8).view(bool)
    p_rec = np.repeat(np.arange(n, dtype=np.int64), plen)
    p_rank = s.key[in_prefix] - p_rec * s.vocab
    del in_prefix
    last_rank = np.full(n, -1, dtype=np.int64)
    last_rank[p_rec] = p_rank                        # each set's prefix is in rank order: the last write wins
    # the index: prefix tokens by (rank, processing position) — distinct, so each entry's own place in that
    # order is where the entries of the same token from sets before it end
    order = np.argsort(p_rank * n + proc[p_rec])
    ix_key = (p_rank * n + proc[p_rec])[order]
    ix_rec = by_proc[ix_key % n].astype(np.int32)
    hi = np.empty(len(order), dtype=np.int64)
    hi[order] = np.arange(len(order))
    # each prefix token meets the index entries of the same token from sets first_proc … proc−1: in index
    # order these starts are sorted too (a larger set's smallest partner is no smaller), one ordered search
    lo = np.empty(len(order), dtype=np.int64)
    lo[order] = np.searchsorted(ix_key, (p_rank * n + first_proc[p_rec])[order], side="left")
    del ix_key, order
    cnt = np.maximum(0, hi - lo)
    del hi
    # chunks of whole probing sets: about _EXPAND matches, and pair keys that fit in int32
    set_ends = np.cumsum(np.bincount(p_rec, weights=cnt, minlength=n).astype(np.int64))
    entry_end = np.cumsum(np.bincount(p_rec, minlength=n))
    rows = max(1, (2 ** 31 - 1) // n - 1)
    a = 0
    while a < n:
        base = set_ends[a - 1] if a else 0
        b = min(n, a + rows, max(a + 1, int(np.searchsorted(set_ends, base + _EXPAND, side="right"))))
        e0, e1 = (entry_end[a - 1] if a else 0), entry_end[b - 1]
        if set_ends[b - 1] > base:
            x, y = _matches(s, t, a, lo[e0:e1], cnt[e0:e1], p_rec[e0:e1], ix_rec, last_rank, plen)
            xs.append(x)
            ys.append(y)
        a = b
    if not xs:
        return _none()
    x, y = np.concatenate(xs), np.concatenate(ys)
    i, j = np.minimum(x, y), np.maximum(x, y)
    o = np.lexsort((j, i))
    return i[o], j[o]


def _matches(s: TokenSets, t: float, x0: int, lo, cnt, p_rec, ix_rec, last_rank, plen):
    """The pairs met by one chunk of probing sets (ids from x0) that pass the count filter: the c tokens
    a pair shares in both prefixes, plus what either set holds after the earlier of the two prefixes'
    last tokens (every other shared token is there), must reach α."""
    n = s.n
    at = np.arange(int(cnt.sum()), dtype=np.int64)
    at += np.repeat(lo - (np.cumsum(cnt) - cnt), cnt)      # the index entries each match reads
    key = np.repeat(((p_rec - x0) * n).astype(np.int32), cnt)
    key += ix_rec[at]                                      # (probing set − x0) × n + indexed set
    del at
    key.sort()
    last = np.flatnonzero(np.append(key[1:] != key[:-1], True))
    common = np.diff(np.concatenate(([-1], last)))
    gx, gy = key[last].astype(np.int64) // n + x0, key[last].astype(np.int64) % n
    need = _ceil(t * (s.size[gx] + s.size[gy]) / 2)
    # the set whose prefix ends first holds, after it, exactly the tokens outside its prefix
    first_x = last_rank[gx] <= last_rank[gy]
    ok = common + np.where(first_x, s.size[gx] - plen[gx], s.size[gy] - plen[gy]) >= need
    gx, gy, common, need, first_x = gx[ok], gy[ok], common[ok], need[ok], first_x[ok]
    # the other one may hold fewer: count them (a search, so only for the pairs still in)
    other, r = np.where(first_x, gy, gx), np.minimum(last_rank[gx], last_rank[gy])
    ok = common + s.above(other, r) >= need
    return gx[ok], gy[ok]


def overlaps(sets: Sets, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """|A_x ∩ A_y| for each pair, exactly: every set a bitset over the tokens that two sets share."""
    s = _sets(sets)
    if not len(xs):
        return np.zeros(0, np.int64)
    shared = s.df_by_rank > 1                          # a token of one set never adds to an overlap
    bit_of = np.cumsum(shared) - 1
    rank = s.rank()
    m = shared[rank]
    bit, rec = bit_of[rank[m]], s.rec()[m]
    del rank
    words = max(1, -(-int(shared.sum()) // 64))
    bits = np.zeros(s.n * words, dtype=np.uint64)
    np.bitwise_or.at(bits, rec * words + (bit >> 6), np.left_shift(np.uint64(1), (bit & 63).astype(np.uint64)))
    bits = bits.reshape(s.n, words)
    return _popcount_pairs(bits, xs, ys)


def _popcount_pairs(bits: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """|A ∩ B| for each pair (xs[k], ys[k]) of rows of the bitset matrix `bits`, a bounded number of words
    gathered at a time (`_VERIFY_WORDS`)."""
    out = np.empty(len(xs), dtype=np.int64)
    step = max(1, _VERIFY_WORDS // bits.shape[1])
    for a in range(0, len(xs), step):
        b = min(a + step, len(xs))
        out[a:b] = np.bitwise_count(bits[xs[a:b]] & bits[ys[a:b]]).sum(axis=1, dtype=np.int64)
    return out


def similar_pairs(sets: Sets, threshold: float) -> list[tuple[int, int, float]]:
    """[(i, j, Dice)] of every pair i < j with Dice ≥ `threshold`, in (i, j) order (a pair exactly at the
    threshold is kept even where floating point puts it a hair below)."""
    s = _sets(sets)
    xs, ys = candidate_pairs(s, threshold)
    ov = overlaps(s, xs, ys)
    tot = s.size[xs] + s.size[ys]
    dice = np.where(tot > 0, 2.0 * ov / np.maximum(tot, 1), 1.0)
    ok = dice >= threshold - _EPS
    return [(int(i), int(j), float(d)) for i, j, d in zip(xs[ok], ys[ok], dice[ok])]


def bigram_sets(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The distinct character bigrams of each text as int64 keys (first code point << 21 | second), all
    texts end to end with each text's keys sorted, and how many each has. A one-character text has none."""
    lens = np.fromiter((len(x) for x in texts), dtype=np.int64, count=len(texts))
    if not len(texts) or not lens.sum():
        return np.zeros(0, np.int64), np.zeros(len(texts), np.int64)
    c = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    ends = np.cumsum(lens)
    ok = np.ones(len(c), dtype=bool)
    ok[ends[lens > 0] - 1] = False                     # a text's last character starts no bigram of it
    keys = c[:-1].astype(np.int64)
    keys <<= 21
    keys |= c[1:]
    keys = keys[ok[:-1]]
    del c, ok
    both = np.repeat(np.arange(len(texts), dtype=np.int64) << 42, np.maximum(lens - 1, 0))
    both |= keys
    del keys
    if not len(both):
        return both, np.zeros(len(texts), np.int64)
    both.sort()                                        # by text, then key
    first = np.empty(len(both), dtype=bool)
    first[0] = True
    np.not_equal(both[1:], both[:-1], out=first[1:])
    both = both[first]
    sizes = np.bincount(both >> 42, minlength=len(texts)).astype(np.int64)
    both &= (1 << 42) - 1
    return both, sizes


class GroupBits:
    """Each of a list of sets as a bitset over the tokens that its group's other sets also hold — the sets
    of one group contiguous (`group` non-decreasing), two groups never compared — so that every pair of a
    group is counted exactly in a few words each (`pair_overlaps`)."""

    def __init__(self, keys: np.ndarray, sizes: np.ndarray, group: np.ndarray):
        sizes, group = np.asarray(sizes, dtype=np.int64), np.asarray(group, dtype=np.int64)
        self.size = sizes
        rec = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
        g = group[rec]
        tok, n_tok = dense_ids((g << 42) | keys)            # keys below 2 ** 42: token ids group by group
        df = np.bincount(tok, minlength=n_tok)
        shared = df > 1
        tok_group = np.zeros(n_tok, dtype=np.int64)
        tok_group[tok] = g
        per_group = np.bincount(tok_group[shared], minlength=int(group.max(initial=0)) + 1)
        bit_of = np.cumsum(shared) - 1 - (np.cumsum(per_group) - per_group)[tok_group]   # 0… within a group
        m = shared[tok]
        bit = bit_of[tok[m]]
        self.width = -(-per_group // 64)                         # words per set, by group
        self.off = np.concatenate(([0], np.cumsum(self.width[group])))
        self.bits = np.zeros(int(self.off[-1]), dtype=np.uint64)
        np.bitwise_or.at(self.bits, self.off[rec[m]] + (bit >> 6),
                         np.left_shift(np.uint64(1), (bit & 63).astype(np.uint64)))

    def pair_overlaps(self, g: int, first: int, k: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """|A ∩ B| for the pairs (first + a, first + b) of the k sets of group g starting at set `first`."""
        w = int(self.width[g])
        if not w:
            return np.zeros(len(a), np.int64)
        block = self.bits[self.off[first]:self.off[first] + k * w].reshape(k, w)
        return _popcount_pairs(block, a, b)
