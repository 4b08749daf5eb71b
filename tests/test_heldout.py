"""The hard floor issue 12 sets on the held-out corpus: no false error on a clean document.

Everything else about that corpus — recall per rule, false warnings, the evidence a target finding quotes — is
measured, not asserted: `python bench/heldout_eval.py` prints it (first-run results of each held-out corpus in docs/dev-notes/issue-12-check.md).
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

CORPORA = {name: heldout_eval.ROOT / "tests" / "fixtures" / name for name in ("heldout", "heldout2", "heldout3", "heldout4")}
CLEAN = [(name, doc) for name, path in CORPORA.items() for doc in heldout_eval.load_expected(path) if doc.get("clean")]


def test_corpus_has_clean_documents():
    assert len(CLEAN) >= 7 and all(doc["findings"] == [] for _, doc in CLEAN)


def _lines(path: Path, doc: dict) -> list[str]:
    """The file's lines; for a .docx every w:p in reading order (table cells included), as DESIGN.md numbers them."""
    if path.suffix == ".docx":
        from docx import Document
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        return ["".join(t.text or "" for t in p.iter(w + "t")) for p in Document(str(path)).element.body.iter(w + "p")]
    return path.read_text(encoding=doc.get("encoding") or "utf-8").split("\n")


@pytest.mark.parametrize("name", ["heldout2", "heldout3", "heldout4"])
def test_expected_words_stand_on_their_lines(name):
    """The proofreader's line numbers, checked against the text (not against the checker): the first phrase of
    `words` (up to “…” or “ / ”) stands on `line`."""
    import re
    wrong = []
    for doc in heldout_eval.load_expected(CORPORA[name]):
        lines = _lines(CORPORA[name] / doc["file"], doc)
        for slip in doc["findings"]:
            first = re.split(r" / |…| printed twice", slip["words"])[0].strip()
            if not (0 < slip["line"] <= len(lines)) or first not in lines[slip["line"] - 1]:
                wrong.append((doc["file"], slip["line"], first))
    assert wrong == []


@pytest.mark.parametrize("name,doc", CLEAN, ids=[f"{name}/{doc['file']}" for name, doc in CLEAN])
def test_no_false_error_on_a_clean_document(name, doc):
    rc, findings, err = heldout_eval.run_check(doc, CORPORA[name])
    assert rc in (0, 1), f"drafter check exited {rc}: {err}"
    errors = [f"{f['rule']} line {f.get('line')}: {f.get('message')}" for f in findings if f.get("severity") == "error"]
    assert errors == []
