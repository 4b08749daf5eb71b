"""DUP001's "same target, reworded" pairs are exactly those of the all-pairs loop it replaced (kept here as
the oracle, verbatim from main at 6369594): the same pairs, scores and targets, in the same order — on the seeds,
and on synthetic plans where one value (70%, 3 件) recurs in hundreds of items, where the old loop scored
every pair of a group; and the whole DUP001 findings with the oracle swapped in are the same."""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pytest

from drafter.api import load
from drafter.check.base import Context
from drafter.check.engine import documents_to_check, run_checks
from drafter.check.rules import duplicates
from drafter.check.rules.duplicates import (SHARED_TARGET_THRESHOLD, SMALL_TARGET_THRESHOLD, _countable, _dice,
                                            _same_thing, _sentence_of, _shared_target_pairs, _specific, normalise)

from conftest import SEED_FILES, seed_path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

needs_seeds = pytest.mark.skipif(not SEED_FILES, reason="seeds not available")


def oracle_shared_target_pairs(ctx, items, texts):
    """Every pair of every group scored — the implementation before the join (main at 6369594)."""
    from drafter.check.data import data_of
    d = data_of(ctx)
    by_value: dict[tuple, list[tuple[int, object]]] = defaultdict(list)
    for i, n in enumerate(items):
        for t in n.targets:
            if _countable(t):
                by_value[(t.value, d.base_unit(t.unit), t.kind)].append((i, t))
    out = []
    for group in by_value.values():
        for a in range(len(group)):
            for b in range(a + 1, len(group)):
                (i, ti), (j, tj) = group[a], group[b]
                if i == j or not _same_thing(d, ti.metric, tj.metric):
                    continue
                if not d.same_measure(d.measure(ti.text, ti.kind), d.measure(tj.text, tj.kind)):
                    continue   # 新建12个 and 累计达到12个 are two figures of one thing, not one target twice
                score = max(_dice(texts[i], texts[j]),
                            _dice(_sentence_of(items[i], ti), _sentence_of(items[j], tj)))
                need = SHARED_TARGET_THRESHOLD if _specific(ti) and _specific(tj) else SMALL_TARGET_THRESHOLD
                if score >= need:
                    out.append((min(i, j), max(i, j), score, tj.text or ti.text))
    return out


def contexts(path: str):
    res = load(path)
    for doc in documents_to_check(res):
        ctx = Context(result=res, doc=doc)
        items = [n for n in doc.items() if n.line]
        yield ctx, items, [normalise(n) for n in items]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    from synth import near_duplicate_plan_text, plan_text
    d = tmp_path_factory.mktemp("shared")
    out = {}
    for name, text in (("distinct-3200", plan_text(3200)), ("near-dup-320", near_duplicate_plan_text(320)),
                       ("near-dup-3200", near_duplicate_plan_text(3200))):
        p = d / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        out[name] = str(p)
    return out


def _same(path: str, monkeypatch, small: int) -> int:
    monkeypatch.setattr(duplicates, "_SHARED_SMALL", small)
    n = 0
    for ctx, items, texts in contexts(path):
        got = _shared_target_pairs(ctx, items, texts)
        want = oracle_shared_target_pairs(ctx, items, texts)
        assert got == want, ([p for p in got if p not in want][:3], [p for p in want if p not in got][:3])
        n += len(want)
    return n


@needs_seeds
@pytest.mark.parametrize("name", sorted(SEED_FILES), ids=lambda p: p[:3])
@pytest.mark.parametrize("small", [0, duplicates._SHARED_SMALL])
def test_seeds_same_shared_target_pairs(name, small, monkeypatch):
    _same(seed_path(name), monkeypatch, small)


@needs_seeds
@pytest.mark.parametrize("name", ["distinct-3200", "near-dup-320", "near-dup-3200"])
def test_synthetic_plans_same_shared_target_pairs(synthetic, name, monkeypatch):
    """The 3,200-item plans have thousands of target pairs per value (the join's path); 320 items take the
    every-pair path, and are run through the join too."""
    n = _same(synthetic[name], monkeypatch, duplicates._SHARED_SMALL)
    if name.endswith("-3200"):
        assert n > 100
    else:
        _same(synthetic[name], monkeypatch, 0)


@needs_seeds
@pytest.mark.parametrize("group_all", [0, 20])
def test_large_groups_through_the_join(synthetic, group_all, monkeypatch):
    """Groups above _GROUP_ALL entries are joined, not counted pair by pair: the same pairs (all groups
    joined, and the large ones joined beside the small ones counted)."""
    monkeypatch.setattr(duplicates, "_GROUP_ALL", group_all)
    assert _same(synthetic["near-dup-3200"], monkeypatch, duplicates._SHARED_SMALL) > 100


@needs_seeds
@pytest.mark.parametrize("batch", [1, 3000])
def test_group_bitsets_built_a_run_at_a_time(synthetic, batch, monkeypatch):
    """The groups' bitsets are built for runs of about _BATCH_CHARS characters at a time: the same pairs."""
    monkeypatch.setattr(duplicates, "_BATCH_CHARS", batch)
    assert _same(synthetic["near-dup-3200"], monkeypatch, duplicates._SHARED_SMALL) > 100


@needs_seeds
@pytest.mark.parametrize("name", ["distinct-3200", "near-dup-3200"])
def test_same_findings_as_the_oracle(synthetic, name, monkeypatch):
    """Whole DUP001 findings (messages, places, related) with the all-pairs loop swapped in are the same."""
    res = load(synthetic[name])
    got = [f.to_dict() for f in run_checks(res, select="DUP001")]
    monkeypatch.setattr(duplicates, "_shared_target_pairs", oracle_shared_target_pairs)
    want = [f.to_dict() for f in run_checks(res, select="DUP001")]
    assert got == want
    assert any("目标" in f["message"] for f in want)
