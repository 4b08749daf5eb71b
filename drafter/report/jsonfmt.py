"""`check --format json`: the shape fixed in DESIGN.md ({"findings": [...], "summary": {...}})."""
from __future__ import annotations

import json

from ..check.base import Finding
from ..check.engine import count


def to_json_obj(findings: list[Finding]) -> dict:
    return {"findings": [f.to_dict() for f in findings], "summary": count(findings)}


def render_json(findings: list[Finding]) -> str:
    return json.dumps(to_json_obj(findings), ensure_ascii=False, indent=2) + "\n"
