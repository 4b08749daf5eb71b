"""DUP001's candidate pairs are exactly those of the all-pairs implementation it replaced (kept here as the
oracle): the same pairs, the same scores, in the same order — on the seeds, the fixtures and synthetic
plans (distinct and near-duplicate heavy), at thresholds at the edges, and on random texts."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from drafter.api import load
from drafter.check.rules import duplicates
from drafter.check.rules.duplicates import BODY_MIN_CHARS, MIN_CHARS, body_of, normalise, similar_pairs

from conftest import SEED_FILES, seed_path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

needs_seeds = pytest.mark.skipif(not SEED_FILES, reason="seeds not available")
FIXTURES = sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in (".txt", ".docx"))
EDGE_THRESHOLDS = [-0.5, 0.0, 0.004, 0.005, 0.01, 0.29, 0.3, 0.5, 0.565, 0.57, 0.7, 0.715, 0.72, 0.725, 0.73,
                   0.8, 0.99, 1.0, 1.01]


# ---------------------------------------------------------------- the oracle: the implementation before issue 13

def oracle_bigram_codes(texts: list[str]) -> list[str]:
    vocab: dict[str, int] = {}
    out = []
    for s in texts:
        ids = sorted({vocab.setdefault(s[i:i + 2], len(vocab)) for i in range(len(s) - 1)})
        out.append("".join(chr(0x10000 + i) for i in ids))
    return out


def oracle_similar_pairs(texts: list[str], threshold: float, small: int = 300) -> list[tuple[int, int, float]]:
    """All pairs i<j whose bigram Dice is at least `threshold` (0–1), best first — brute force, as it was."""
    from rapidfuzz import fuzz

    if len(texts) < 2:
        return []
    codes = oracle_bigram_codes(texts)
    cutoff = int(threshold * 100)
    if len(codes) <= small:
        pairs = []
        for i in range(len(codes)):
            for j in range(i + 1, len(codes)):
                score = round(fuzz.ratio(codes[i], codes[j], score_cutoff=cutoff))
                if score >= max(cutoff, 1):
                    pairs.append((i, j, score / 100))
        pairs.sort(key=lambda p: -p[2])
        return pairs
    import numpy as np
    from rapidfuzz import process

    scores = process.cdist(codes, codes, scorer=fuzz.ratio, score_cutoff=cutoff, workers=-1, dtype=np.uint8)
    iu = np.argwhere(np.triu(scores, 1) >= max(cutoff, 1))
    pairs = [(int(i), int(j), float(scores[i, j]) / 100) for i, j in iu]
    pairs.sort(key=lambda p: -p[2])
    return pairs


# ---------------------------------------------------------------- what DUP001 feeds the join

def rule_inputs(path: str) -> list[list[str]]:
    """The two lists of texts DUP001 joins for each checked document of a file: whole items, and bodies."""
    from drafter.check.engine import documents_to_check
    out = []
    for doc in documents_to_check(load(path)):
        items = [n for n in doc.items() if n.line]
        out.append([t for t in (normalise(n) for n in items) if len(t) >= MIN_CHARS])
        out.append([t for t in (body_of(n) for n in items) if len(t) >= BODY_MIN_CHARS])
    return out


def _same(texts: list[str], threshold: float) -> None:
    got = similar_pairs(texts, threshold)
    want = oracle_similar_pairs(texts, threshold)
    assert got == want, (threshold, len(texts), [p for p in got if p not in want][:5],
                         [p for p in want if p not in got][:5])


@needs_seeds
@pytest.mark.parametrize("name", sorted(SEED_FILES), ids=lambda p: p[:3])
def test_seeds_same_pairs(name):
    for texts in rule_inputs(seed_path(name)):
        for t in EDGE_THRESHOLDS:
            _same(texts, t)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.relative_to(ROOT / "tests" / "fixtures").as_posix())
def test_fixtures_same_pairs(path):
    try:
        inputs = rule_inputs(str(path))
    except Exception:  # a fixture that is meant to be refused (hostile input) has no pairs to pin
        pytest.skip("not a readable plan")
    for texts in inputs:
        for t in (0.0, 0.3, 0.5, 0.72, 0.9, 1.0):
            _same(texts, t)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    from synth import near_duplicate_plan_text, plan_text
    d = tmp_path_factory.mktemp("dup")
    out = {}
    for name, text in (("distinct-320", plan_text(320)), ("distinct-1200", plan_text(1200)),
                       ("near-dup-320", near_duplicate_plan_text(320)),
                       ("near-dup-1600", near_duplicate_plan_text(1600))):
        p = d / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        out[name] = str(p)
    return out


@needs_seeds
@pytest.mark.parametrize("name", ["distinct-320", "distinct-1200", "near-dup-320", "near-dup-1600"])
def test_synthetic_plans_same_pairs(synthetic, name):
    for texts in rule_inputs(synthetic[name]):
        for t in (0.3, 0.5, 0.72, 0.9, 1.0) if "320" in name else (0.5, 0.72, 0.9):
            _same(texts, t)


@needs_seeds
def test_near_duplicate_plan_has_many_pairs(synthetic):
    """The near-duplicate plan is what it says: most items have a partner above DUP001's threshold."""
    texts = rule_inputs(synthetic["near-dup-1600"])[0]
    pairs = similar_pairs(texts, duplicates.DEFAULT_THRESHOLD)
    assert len({i for i, _, _ in pairs} | {j for _, j, _ in pairs}) > 0.5 * len(texts)


@needs_seeds
@pytest.mark.parametrize("name", ["near-dup-1600", "distinct-1200"])
def test_same_findings_as_the_oracle(synthetic, name, monkeypatch):
    """Whole DUP001 findings (messages, places, related) do not change with the join."""
    from drafter.check.engine import run_checks
    res = load(synthetic[name])
    got = [f.to_dict() for f in run_checks(res, select="DUP001")]
    monkeypatch.setattr(duplicates, "similar_pairs", oracle_similar_pairs)
    want = [f.to_dict() for f in run_checks(res, select="DUP001")]
    assert got == want
    assert len(want) > (100 if "near" in name else -1)


# ---------------------------------------------------------------- random texts against brute force

_TEXTS = st.lists(st.text(alphabet="知识产权保护专利", min_size=0, max_size=30), min_size=0, max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.sampled_from(EDGE_THRESHOLDS) | st.floats(0.0, 1.0))
def test_random_texts_same_pairs(texts, threshold):
    assert similar_pairs(texts, threshold) == oracle_similar_pairs(texts, threshold)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.sampled_from(EDGE_THRESHOLDS[1:-1]) | st.floats(0.0, 1.0))
def test_random_texts_same_pairs_on_the_large_plan_path(texts, threshold):
    """Above 300 items the old code took rapidfuzz's cdist, which rounds 72.5 up (Python's round: to 72).
    (A threshold below 0 or above 1 made cdist raise there; now it finds what it always found below 300
    items: every pair with a score, or none.)"""
    old, duplicates._SMALL = duplicates._SMALL, 0
    try:
        assert similar_pairs(texts, threshold) == oracle_similar_pairs(texts, threshold, small=0)
        if threshold == 0.0:
            assert similar_pairs(texts, -0.5) == oracle_similar_pairs(texts, threshold, small=0)
        assert similar_pairs(texts, 1.01) == []
    finally:
        duplicates._SMALL = old
