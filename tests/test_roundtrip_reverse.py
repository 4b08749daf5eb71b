"""Round trips the other way: an outline drafted, parsed back and drafted again is the same document;
the model survives JSON and YAML serialisation unchanged."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from conftest import SEED_FILES, seed_path
from drafter.api import load
from drafter.model import Document

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "outline-2024.yaml"


def invoke(*args):
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r.output


def shape(path: str):
    doc = load(path).documents[0]
    return [(n.label, n.title, n.body, [(a.name, a.role) for a in n.agencies]) for n in doc.walk()]


@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_outline_draft_parse_draft_is_stable(tmp_path, fmt):
    first = tmp_path / f"first.{fmt}"
    invoke("draft", str(EXAMPLE), "-o", str(first), "--format", fmt)
    again_yaml = tmp_path / "again.yaml"
    invoke("parse", str(first), "--format", "yaml", "-o", str(again_yaml))
    second = tmp_path / f"second.{fmt}"
    invoke("draft", str(again_yaml), "-o", str(second), "--format", fmt)
    assert shape(str(second)) == shape(str(first))
    a, b = load(str(first)).documents[0], load(str(second)).documents[0]
    assert (a.title, a.year, a.issuer, a.date) == (b.title, b.year, b.issuer, b.date)
    assert a.preamble == b.preamble


@pytest.mark.parametrize("name", SEED_FILES)
def test_model_survives_json(name):
    result = load(seed_path(name.split("_")[0]))
    for doc in result.documents:
        d = doc.to_dict()
        assert Document.from_dict(json.loads(json.dumps(d, ensure_ascii=False))).to_dict() == d
