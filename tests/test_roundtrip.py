"""Round trip: init from each seed plan → draft → parse gives back the same skeleton (years rolled);
check of every drafted .docx reports no errors."""
from __future__ import annotations

import importlib.util
import json

import pytest
from click.testing import CliRunner

from cli import main
from conftest import SEED_FILES, seed_path
from drafter.api import load
from roundtrip_util import skeleton

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="seeds not found")
HAS_DOCX_READER = importlib.util.find_spec("drafter.read.docx") is not None
HAS_CHECK = importlib.util.find_spec("drafter.commands.check") is not None


def _plan(result):
    return result.first("plan") or result.first("division") or result.documents[0]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    d = tmp_path_factory.mktemp("roundtrip")
    out = {}
    for seed in SEED_FILES:
        stem = seed.split("_")[0]
        y, docx_, txt = d / f"{stem}.yaml", d / f"{stem}.docx", d / f"{stem}.txt"
        r = CliRunner().invoke(main, ["init", "--from", seed_path(stem), "-o", str(y)])
        assert r.exit_code == 0, r.output
        for fmt, path in (("docx", docx_), ("txt", txt)):
            r = CliRunner().invoke(main, ["draft", str(y), "-o", str(path), "--format", fmt])
            assert r.exit_code == 0, r.output
        out[stem] = (seed_path(stem), y, docx_, txt)
    return out


@pytest.mark.parametrize("stem", [s.split("_")[0] for s in SEED_FILES])
def test_roundtrip_txt(drafted, stem):
    seed, _, _, txt = drafted[stem]
    before = _plan(load(seed))
    after = _plan(load(str(txt)))
    assert after.year == before.year + 1
    assert skeleton(after) == skeleton(before, before.year, before.year + 1)


@pytest.mark.skipif(not HAS_DOCX_READER, reason="drafter.read.docx not there yet")
@pytest.mark.parametrize("stem", [s.split("_")[0] for s in SEED_FILES])
def test_roundtrip_docx(drafted, stem):
    seed, _, docx_, _ = drafted[stem]
    before = _plan(load(seed))
    after = _plan(load(str(docx_)))
    assert after.year == before.year + 1
    assert skeleton(after) == skeleton(before, before.year, before.year + 1)


@pytest.mark.skipif(not HAS_CHECK, reason="drafter check not there yet")
@pytest.mark.parametrize("stem", [s.split("_")[0] for s in SEED_FILES])
def test_check_reports_no_errors_on_drafts(drafted, stem):
    _, _, docx_, txt = drafted[stem]
    target = docx_ if HAS_DOCX_READER else txt
    r = CliRunner().invoke(main, ["check", str(target), "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    data = json.loads(r.output)
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert not errors, errors
