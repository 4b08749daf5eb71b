"""`check --format sarif`: SARIF 2.1.0, for code-scanning dashboards and editors that read it.

Levels: error → error, warning → warning, info → note. A .docx finding's `startLine` is its paragraph
number (as everywhere in drafter). The heading path goes into a logical location, the suggestion into
the result's properties (SARIF `fixes` need byte offsets a Word file does not have).
"""
from __future__ import annotations

import hashlib
import json
import os
import pathlib

from .. import __version__
from ..check.base import Finding, all_rules
from ..i18n import get_lang

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    if not path:
        return ""
    p = pathlib.PurePath(path)
    if p.is_absolute():
        return pathlib.Path(path).as_uri()
    return p.as_posix()


def _first_para(doc: str) -> str:
    for block in (doc or "").split("\n\n"):
        b = block.strip()
        if b and not b.startswith("#"):
            return " ".join(x.strip() for x in b.splitlines())
    return ""


def to_sarif(findings: list[Finding], sources: list[str] | None = None, exit_code: int = 0) -> dict:
    en = get_lang() == "en"
    rules = list(all_rules())
    index = {r.code: i for i, r in enumerate(rules)}
    descriptors = []
    for r in rules:
        doc = (r.__doc__ or "") if en else (r.doc_zh or r.__doc__ or "")
        import inspect
        doc = inspect.cleandoc(doc)
        short = _first_para(doc.split("##", 2)[1].split("\n", 1)[1] if doc.count("##") >= 1 else doc) or r.name
        descriptors.append({
            "id": r.code, "name": r.name,
            "shortDescription": {"text": short[:200]},
            "fullDescription": {"text": doc},
            "help": {"text": doc, "markdown": doc},
            "defaultConfiguration": {"level": _LEVEL.get(r.severity, "warning")},
        })
    results = []
    for f in findings:
        loc: dict = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.source)}}}
        if f.line:
            region: dict = {"startLine": int(f.line)}
            if f.excerpt:
                region["snippet"] = {"text": f.excerpt}
            loc["physicalLocation"]["region"] = region
        if f.path or f.label:
            loc["logicalLocations"] = [{"name": f.label or f.path.split("/")[-1],
                                        "fullyQualifiedName": f.path or f.label, "kind": "section"}]
        res = {"ruleId": f.rule, "level": _LEVEL.get(f.severity, "warning"),
               "message": {"text": f.message + (f"（建议：{f.suggestion}）" if f.suggestion and not en
                                                 else (f" (suggestion: {f.suggestion_text})" if f.suggestion else ""))},
               "locations": [loc],
               "partialFingerprints": {"drafterFinding/v1": hashlib.sha1(
                   f"{f.rule}|{os.path.basename(f.source)}|{f.excerpt}".encode("utf-8")).hexdigest()},
               "properties": {"severity": f.severity, "name": f.name, "label": f.label, "path": f.path,
                              "suggestion": f.suggestion_text, "message_zh": f.message_zh, "message_en": f.message_en}}
        if f.rule in index:
            res["ruleIndex"] = index[f.rule]
        if f.related:
            res["relatedLocations"] = []
            for i, r in enumerate(f.related):
                rl: dict = {"id": i, "physicalLocation": {"artifactLocation": {"uri": _uri(r.get("source") or f.source)}}}
                if r.get("line"):
                    rl["physicalLocation"]["region"] = {"startLine": int(r["line"])}
                    if r.get("excerpt"):
                        rl["physicalLocation"]["region"]["snippet"] = {"text": str(r["excerpt"])}
                rl["message"] = {"text": str(r.get("label") or r.get("excerpt") or "")[:80] or "related"}
                res["relatedLocations"].append(rl)
        results.append(res)
    run = {
        "tool": {"driver": {"name": "drafter", "version": __version__, "semanticVersion": __version__,
                            "language": "en" if en else "zh-CN",
                            "rules": descriptors}},
        "invocations": [{"executionSuccessful": True, "exitCode": exit_code}],
        "artifacts": [{"location": {"uri": _uri(s)}} for s in (sources or [])],
        "results": results,
        "language": "en-US" if en else "zh-CN",
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(findings: list[Finding], sources: list[str] | None = None, exit_code: int = 0) -> str:
    return json.dumps(to_sarif(findings, sources, exit_code), ensure_ascii=False, indent=2) + "\n"
