"""Shared fixtures: the real seed documents beside the checkout (../shared/seeds)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("DRAFTER_SEEDS", ROOT.parent / "shared" / "seeds"))
SEED_FILES = sorted(p.name for p in SEEDS.glob("0*.txt")) if SEEDS.is_dir() else []


def seed_path(name: str) -> str:
    """Full path of a seed by file name or by its three-digit prefix ("004")."""
    for f in SEED_FILES:
        if f == name or f.startswith(name + "_"):
            return str(SEEDS / f)
    raise FileNotFoundError(name)


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds() -> dict:
    """Parsed seeds, by file name (parsed once per test session)."""
    from drafter.api import load
    return {name: load(str(SEEDS / name)) for name in SEED_FILES}
