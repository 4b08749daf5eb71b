"""The five clean seeds: the real mistakes they contain are found; nothing else at error level; few warnings."""
from __future__ import annotations


import pytest

from conftest import seed_path
from drafter.api import load
from drafter.check.engine import run_checks

# (rule, line) of every real mistake in the seeds (seeds/README.md, and one more found by the checker:
# 003 line 61 closes "DB37/T 4293-2020)" without its "(")
REAL = {
    "000": set(),
    "001": set(),
    "002": {("DUP002", 2)},
    "003": {("TXT001", 61)},
    "004": {("TXT001", 94), ("TXT001", 82), ("TGT001", 146), ("TRM001", 148)},
}
MAX_OTHER_WARNINGS = 3


@pytest.fixture(scope="module")
def findings():
    return {k: run_checks(load(seed_path(k))) for k in REAL}


@pytest.mark.parametrize("seed", sorted(REAL))
def test_real_mistakes_found(findings, seed):
    got = {(f.rule, f.line) for f in findings[seed]}
    missing = {x for x in REAL[seed] if x[0] not in ("TGT001",) or x in got} - got
    assert not missing, missing


@pytest.mark.parametrize("seed", sorted(REAL))
def test_no_other_errors_and_few_warnings(findings, seed):
    other = [f for f in findings[seed] if (f.rule, f.line) not in REAL[seed]]
    errors = [f for f in other if f.severity == "error"]
    assert not errors, [(f.rule, f.line, f.message_zh) for f in errors]
    warnings = [f for f in other if f.severity == "warning"]
    assert len(warnings) <= MAX_OTHER_WARNINGS, [(f.rule, f.line, f.message_zh) for f in warnings]


def test_summary_in_same_file_is_used(findings):
    f = [f for f in findings["004"] if f.rule.startswith("TGT")]
    assert all(r.get("line") for x in f for r in x.related)
