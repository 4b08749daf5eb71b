"""DUP001's pair finding three ways, on the items of synthetic plans (distinct and near-duplicate heavy):

- all pairs: rapidfuzz `process.cdist` over the Dice-trick codes (what DUP001 did before issue 13);
- product: the item × bigram sparse matrix times its transpose, as intersection counts over an inverted
  index in blocks of rows (numpy; scipy is not a dependency) — exact, but its work is Σ df² over bigrams;
- prefix join: drafter/simjoin.py's candidates (prefix, size and positional filters), scored with
  rapidfuzz's `cpdist` — what DUP001 does now.

Prints the time of each (best of --repeat), the candidate pairs each scores and the pairs found (all three
must agree). Numbers only, nothing asserted.

    .venv/bin/python bench/bench_simjoin.py [--sizes 3200,10000] [--repeat 3] [--no-all-pairs]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synth import near_duplicate_plan_text, plan_text  # noqa: E402

from drafter import simjoin  # noqa: E402
from drafter.api import load  # noqa: E402
from drafter.check.rules import duplicates  # noqa: E402
from drafter.compare.align import _Inverted  # noqa: E402


def texts_of(text: str) -> list[str]:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d, "plan.txt")
        p.write_text(text, encoding="utf-8")
        items = [n for n in load(str(p)).documents[0].items() if n.line]
    return [t for t in (duplicates.normalise(n) for n in items) if len(t) >= duplicates.MIN_CHARS]


def all_pairs(texts, threshold):
    from rapidfuzz import fuzz, process
    codes = duplicates.bigram_codes(texts)
    cutoff = int(threshold * 100)
    scores = process.cdist(codes, codes, scorer=fuzz.ratio, score_cutoff=cutoff, workers=-1, dtype=np.uint8)
    iu = np.argwhere(np.triu(scores, 1) >= max(cutoff, 1))
    return len(texts) * (len(texts) - 1) // 2, {(int(i), int(j)) for i, j in iu}


def product(texts, threshold, block_work=1 << 22):
    """Exact Dice of every pair sharing a bigram, from intersection counts (the sparse product A·Aᵀ)."""
    codes = duplicates.bigram_codes(texts)
    ids = [np.array([ord(c) - 0x10000 for c in code], dtype=np.int64) for code in codes]
    vocab = 1 + max((int(x.max()) for x in ids if len(x)), default=0)
    inv = _Inverted(ids, vocab)
    work = np.cumsum(inv.work(ids))
    size = np.array([len(x) for x in ids], dtype=np.float64)
    n, a, scored, out = len(ids), 0, 0, set()
    while a < n:
        base = work[a - 1] if a else 0
        b = min(n, max(a + 1, int(np.searchsorted(work, base + block_work, side="right")), a + 1),
                a + max(1, (1 << 22) // n))
        inter = inv.intersections(ids[a:b])
        scored += int(np.count_nonzero(inter))
        dice = 200.0 * inter / (size[a:b, None] + size[None, :])
        r, c = np.nonzero(dice >= max(int(threshold * 100), 1) - 1e-9)
        out.update((int(a + i), int(j)) for i, j in zip(r, c) if a + i < j)
        a = b
    return scored, out


def prefix_join(texts, threshold):
    seen = []
    real = simjoin.candidate_pairs

    def counted(*a):
        out = real(*a)
        seen.append(len(out[0]))
        return out
    simjoin.candidate_pairs = counted
    try:
        found = {(i, j) for i, j, _ in duplicates.similar_pairs(texts, threshold)}
    finally:
        simjoin.candidate_pairs = real
    return sum(seen), found


def best(fn, repeat, *a):
    t_best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn(*a)
        t_best = min(t_best, time.perf_counter() - t)
    return t_best, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="3200,10000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-all-pairs", action="store_true", help="skip the n² cdist (minutes at 10,000 items)")
    args = ap.parse_args()
    t = duplicates.DEFAULT_THRESHOLD
    print(f"{'plan':<28} {'method':<12} {'time':>9} {'scored pairs':>14} {'found':>8}")
    for kind, make in (("distinct", plan_text), ("near-duplicate", near_duplicate_plan_text)):
        for n in (int(x) for x in args.sizes.split(",")):
            texts = texts_of(make(n))
            ref = None
            methods = [("prefix join", prefix_join), ("product", product)]
            if not args.no_all_pairs:
                methods.append(("all pairs", all_pairs))
            for name, fn in methods:
                dt, (scored, found) = best(fn, args.repeat if name != "all pairs" else 1, texts, t)
                ref = found if ref is None else ref
                same = "" if found == ref else "  DIFFERENT PAIRS"
                print(f"{kind + f' {n:,} items':<28} {name:<12} {dt:>7.3f} s {scored:>14,} {len(found):>8,}{same}")


if __name__ == "__main__":
    main()
