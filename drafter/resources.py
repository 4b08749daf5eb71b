"""Where the shipped data lives: `templates/` and `rules/`, in a checkout or an installed wheel."""
from __future__ import annotations

import importlib.resources
from pathlib import Path


def _find(package: str, folder: str) -> Path:
    here = Path(__file__).resolve().parent
    checkout = here.parent / folder
    if checkout.is_dir() and (here.parent / "setup.cfg").is_file():
        return checkout
    try:
        p = Path(str(importlib.resources.files(package)))
        if p.is_dir():
            return p
    except (ModuleNotFoundError, TypeError):
        pass
    raise FileNotFoundError(f"drafter data folder '{folder}' is missing from this installation")


def templates_dir() -> Path:
    return _find("drafter.templates", "templates")


def rules_dir() -> Path:
    return _find("drafter.rules", "rules")
