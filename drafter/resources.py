"""Where the shipped data lives: `templates/` and `rules/`, in a checkout or an installed wheel.

In a checkout they sit beside the package; setup.cfg installs them inside it as
`drafter/templates` and `drafter/rules`.
"""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _find(folder: str) -> Path:
    for candidate in (_HERE / folder, _HERE.parent / folder):
        if candidate.is_dir() and (candidate.parent == _HERE or (_HERE.parent / "setup.cfg").is_file()):
            return candidate
    raise FileNotFoundError(f"drafter data folder '{folder}' is missing from this installation")


def templates_dir() -> Path:
    return _find("templates")


def rules_dir() -> Path:
    return _find("rules")
