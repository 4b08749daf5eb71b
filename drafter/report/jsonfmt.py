"""`check --format json`: the shape fixed in DESIGN.md ({"findings": [...], "summary": {...}})."""
from __future__ import annotations

import json
from typing import Iterator

from ..check.base import Finding
from ..check.engine import count
from ..jsonout import dumps


def to_json_obj(findings: list[Finding]) -> dict:
    return {"findings": [f.to_dict() for f in findings], "summary": count(findings)}


_LONG = 256      # edits from which a finding's JSON is written a few characters at a time
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)   # what json.dumps(..., ensure_ascii=False, indent=2) uses


def iter_json(findings: list[Finding]) -> Iterator[str]:
    """`render_json`'s text piece by piece, one finding at a time: the bytes of json.dumps(to_json_obj(...),
    ensure_ascii=False, indent=2) without holding every finding's dict and the whole string at once."""
    if not findings:
        yield render_json(findings)
        return
    yield '{\n  "findings": [\n'
    for k, f in enumerate(findings):
        d = f.to_dict()
        if len(d.get("edits", ())) < _LONG:
            yield ("    " if not k else ",\n    ") + dumps(d, "    ")
            continue
        yield "    " if not k else ",\n    "
        for piece in _ENCODER.iterencode(d):   # PUN003's one finding can carry 50,000 edits: 5 M characters
            yield piece.replace("\n", "\n    ")
    yield '\n  ],\n  "summary": ' + dumps(count(findings), "  ") + "\n}\n"


def render_json(findings: list[Finding]) -> str:
    return dumps(to_json_obj(findings)) + "\n"
