"""Round trip: a slip fix has one answer for, injected at a random place in the seeds and the unseen plans;
after `fix` it is gone, the line is as it was before the slip, nothing else changed, nothing new is found.
(bench/bench_fix.py runs the same with more injections and prints the counts per rule.)"""
from __future__ import annotations

import sys

import pytest

from conftest import ROOT, SEED_FILES

sys.path.insert(0, str(ROOT / "bench"))

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="../shared/seeds not found")

# kinds whose every finding has one right answer: each one found must be fixed
ALWAYS = {"NUM001", "NUM002", "YR001", "TXT003", "PUN003", "AGY003", "PUN002"}


@pytest.fixture(scope="module")
def docs():
    import fault_injection as fi
    return fi.corpus("all")


@pytest.mark.parametrize("use_docx", [False, True], ids=["txt", "docx"])
def test_injected_slips_are_fixed_and_nothing_else_changes(docs, use_docx):
    import bench_fix
    rows = bench_fix.run(3 if not use_docx else 2, seed=7, docs=docs, use_docx=use_docx)
    assert len(rows) >= 9 * 2
    for r in rows:
        where = (r["kind"], r["doc"], r["line"], r["path"])
        assert not r["collateral"], where          # the diff touches only the injected line
        assert not r["new"], where                 # no new finding of any kind
        if r["rule"] in ALWAYS and r["found"]:
            assert r["fixed"], where
        if r["fixed"] and r["exact"] is not None:
            assert r["exact"], where               # fixed means put back, never changed into something else
        if use_docx:
            assert r["revisions"], where           # accept-all = the fix, reject-all = the injected text
    assert sum(r["fixed"] for r in rows) >= 0.9 * sum(r["found"] for r in rows)
