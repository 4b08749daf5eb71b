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
from drafter.compare.diff import char_diff, new_text, old_text
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


# ------------------------------------------------------------------ what an office head reads (QA fixes)

def _plan(tmp_path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


OLD_WRAPPED = """某区科学技术局2024年工作要点
一、促进科技成果转化
(一)完善技术转移体系。建设区技术转移服务中心,培育技术经理人100名,技术
交易额达到180亿元,推动一批成果在区内落地转化。
(二)推进科技金融融合。扩大"科创贷"规模,为科技型企业提供贷款支持。
"""
NEW_ONE_LINE = """某区科学技术局2025年工作要点
一、促进科技成果转化
1.完善技术转移体系。建设区技术转移服务中心,培育技术经理人120名,技术交易额达到200亿元,推动一批成果在区内落地转化。
2.推进科技金融融合。扩大"科创贷"规模,为科技型企业提供贷款支持。
"""


def test_hard_line_breaks_are_not_differences(tmp_path):
    """A PDF-wrapped old plan against a one-line-per-item new plan: the diff shows the figures, not ⏎."""
    from drafter.compare.engine import join_lines
    old = pick_plan(load(_plan(tmp_path, "old.txt", OLD_WRAPPED)))
    new = pick_plan(load(_plan(tmp_path, "new.txt", NEW_ONE_LINE)))
    cmp = compare_documents(old, new)
    first = cmp.changes[0]
    assert first.status == "revised"
    assert all("\n" not in t for _, t in first.diff), first.diff
    assert cmp.changes[1].status == "carried"
    assert join_lines("技术\n交易额") == "技术交易额" and join_lines("GB/T\n9704") == "GB/T 9704"


def test_numbers_are_diffed_whole():
    segs = char_diff("培育技术经理人100名,突破2200家,开展2023年度评价。", "培育技术经理人120名,突破2400家,开展2024年度评价。")
    assert ("-", "100") in segs and ("+", "120") in segs
    assert ("-", "2200") in segs and ("+", "2400") in segs
    assert ("-", "2023") in segs and ("+", "2024") in segs
    assert old_text(segs).startswith("培育") and new_text(segs).endswith("评价。")


def test_target_values_read_as_written():
    from drafter.compare.targets import fmt_value
    from drafter.model import Target

    def f(v, u="元", op=">="):
        return fmt_value(Target(metric="x", value=v, unit=u, op=op, kind="absolute", text=""))
    assert f(18_000_000_000) == "≥180亿元" and f(125_000_000) == "≥1.25亿元"
    assert f(37000, "件") == "≥3.7万件" and f(11745, "件") == "≥11,745件" and f(2200, "家") == "≥2200家"


def test_text_tracking_says_which_row_is_which(tmp_path):
    from drafter.report.compare_text import render_text
    old = pick_plan(load(_plan(tmp_path, "o.txt", "某局2024年工作要点\n全年新增企业600家。\n一、壮大企业\n(一)壮大企业梯队。全年新增企业600家。\n")))
    new = pick_plan(load(_plan(tmp_path, "n.txt", "某局2025年工作要点\n全年新增企业700家。\n一、壮大企业\n1.壮大企业梯队。全年新增企业700家。\n")))
    out = render_text(compare_documents(old, new), colour=False)
    rows = [ln for ln in out.splitlines() if ln.startswith("  ") and "600家 / — / 700家" in ln]
    assert len(rows) == 2 and any("[主要预期目标]" in r for r in rows) and any("1." in r for r in rows), out
