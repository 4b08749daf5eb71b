"""The hard floor issue 12 sets on the held-out corpus: no false error on a clean document.

Everything else about that corpus — recall per rule, false warnings, the evidence a target finding quotes — is
measured, not asserted: `python bench/heldout_eval.py` prints it (results in /work/notes/heldout-results.md).
The corpus and its expectations (tests/fixtures/heldout/expected.yaml) were written by a proofreader before the
checker was run on them; a clean document there expects no finding at all, so any error on one is a false error.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parent.parent / "bench" / "heldout_eval.py"
_spec = importlib.util.spec_from_file_location("heldout_eval", _BENCH)
heldout_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(heldout_eval)

CLEAN = [doc for doc in heldout_eval.load_expected() if doc.get("clean")]


def test_corpus_has_clean_documents():
    assert len(CLEAN) >= 6 and all(doc["findings"] == [] for doc in CLEAN)


@pytest.mark.parametrize("doc", CLEAN, ids=[doc["file"] for doc in CLEAN])
def test_no_false_error_on_a_clean_document(doc):
    rc, findings, err = heldout_eval.run_check(doc)
    assert rc in (0, 1), f"drafter check exited {rc}: {err}"
    errors = [f"{f['rule']} line {f.get('line')}: {f.get('message')}" for f in findings if f.get("severity") == "error"]
    assert errors == []
