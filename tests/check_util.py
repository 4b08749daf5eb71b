"""Helpers for the checker tests: check a text (or a seed with one fault injected) and look for findings."""
from __future__ import annotations

import os
import tempfile
from typing import Optional

from drafter.api import load
from drafter.check.engine import run_checks

from conftest import seed_path


def parse_text(text: str, name: str = "plan.txt"):
    d = tempfile.mkdtemp(prefix="drafter-test-")
    p = os.path.join(d, name)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    return load(p)


def check_text(text: str, select=None, summary: Optional[str] = None, prior: Optional[str] = None,
               config: Optional[dict] = None, ignore=None):
    res = parse_text(text)
    s = parse_text(summary, "summary.txt") if summary else None
    p = parse_text(prior, "prior.txt") if prior else None
    return run_checks(res, prior=p, summary=s, config=config or {}, select=select, ignore=ignore)


def seed_text(prefix: str) -> str:
    with open(seed_path(prefix), encoding="utf-8") as f:
        return f.read()


def seed_lines(prefix: str) -> list[str]:
    return seed_text(prefix).split("\n")


def mutate_line(prefix: str, line: int, old: str, new: str, count: int = 1) -> str:
    """The seed's text with `old` replaced by `new` in line `line` (1-based); asserts `old` is there."""
    lines = seed_lines(prefix)
    assert old in lines[line - 1], (line, old, lines[line - 1][:80])
    lines[line - 1] = lines[line - 1].replace(old, new, count)
    return "\n".join(lines)


def insert_line(prefix: str, after: int, text: str) -> str:
    lines = seed_lines(prefix)
    lines.insert(after, text)
    return "\n".join(lines)


def codes_at(findings, code: str) -> list[Optional[int]]:
    return [f.line for f in findings if f.rule == code]
