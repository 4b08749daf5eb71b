"""Run the rule catalog over a parsed file: pick the documents, build each one's Context, filter rules by
--select/--ignore and drafter.yaml, and return the findings sorted by place.

Which documents: every plan, division and summary in the file (a notice that prints last year's
summary and this year's plan is checked as two documents). A rule says which kinds it reads in its
`kinds` (default: plans and divisions). A summary in the same file is the summary context of its plans
unless `--summary` names another one.
"""
from __future__ import annotations

from typing import Iterable, Optional, Union

from .. import progress
from ..errors import DrafterError
from ..model import Document, ParseResult
from .base import SEVERITIES, SEVERITY_RANK, Context, Finding, Rule, all_rules

DEFAULT_KINDS = ("plan", "division")


def split_codes(value: Union[None, str, Iterable[str]]) -> list[str]:
    """`"NUM, DUP001"` or `["NUM", "DUP001"]` → `["NUM", "DUP001"]` (upper-cased, blanks dropped)."""
    if value is None:
        return []
    if isinstance(value, str):
        parts = value.replace("，", ",").replace(" ", ",").split(",")
    else:
        parts = [str(v) for v in value]
    return [p.strip().upper() for p in parts if p and p.strip()]


def _matches(code: str, prefixes: list[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in prefixes)


def _check_known(codes: list[str], where: str) -> None:
    known = [r.code for r in all_rules()]
    for c in codes:
        if c != "ALL" and not any(k.startswith(c) for k in known):
            raise DrafterError(where, f"未知的规则代码“{c}”（可用 `drafter rules` 查看全部规则）",
                               f"unknown rule code '{c}' (see `drafter rules`)")


def enabled_rules(config: Optional[dict] = None, select=None, ignore=None) -> list[type[Rule]]:
    """The rules to run. Command-line --select/--ignore win over drafter.yaml's select/ignore."""
    config = config or {}
    cli_sel, cli_ign = split_codes(select), split_codes(ignore)
    cfg_sel, cfg_ign = split_codes(config.get("select")), split_codes(config.get("ignore"))
    _check_known(cli_sel, "--select")
    _check_known(cli_ign, "--ignore")
    sel = cli_sel or cfg_sel or ["ALL"]
    ign = list(cli_ign)
    # a code the command line selects is not switched off again by the config file
    ign += [c for c in cfg_ign if not (cli_sel and any(c.startswith(s) or s.startswith(c) for s in cli_sel))]
    sev = config.get("severity") or {}
    out = []
    for r in all_rules():
        if not _matches(r.code, sel) or _matches(r.code, ign):
            continue
        if str(sev.get(r.code, "")).lower() in ("off", "none", "ignore"):
            continue
        out.append(r)
    return out


def _doc_of(x, kind: str) -> Optional[Document]:
    if x is None:
        return None
    if isinstance(x, Document):
        return x
    if isinstance(x, ParseResult):
        return x.first(kind) or (x.documents[0] if x.documents else None)
    raise TypeError(f"expected Document or ParseResult, got {type(x).__name__}")


def documents_to_check(result: ParseResult) -> list[Document]:
    docs = [d for d in result.documents if d.kind in ("plan", "division", "summary")]
    if not docs:
        docs = [d for d in result.documents]  # an untitled list of items: check it as it is
    return docs


def run_checks(result: ParseResult, prior=None, summary=None, config: Optional[dict] = None,
               select=None, ignore=None) -> list[Finding]:
    """All findings for one parsed file. `prior`/`summary` are Documents or ParseResults (or None)."""
    config = config or {}
    rules = enabled_rules(config, select, ignore)
    prior_doc = _doc_of(prior, "plan")
    summary_doc = _doc_of(summary, "summary")
    try:
        from .data import load_data
        data = load_data(config)
    except ImportError:  # pragma: no cover - data.py is always shipped
        data = None
    sev_over = {k.upper(): str(v).lower() for k, v in (config.get("severity") or {}).items()
                if str(v).lower() in SEVERITIES}
    cfg = dict(config)
    cfg["severity"] = sev_over
    findings: list[Finding] = []
    in_file_summary = result.first("summary")
    for doc in documents_to_check(result):
        ctx = Context(result=result, doc=doc, prior=prior_doc,
                      summary=summary_doc or (in_file_summary if doc.kind != "summary" else None),
                      config=cfg, data=data, layout=getattr(result, "layout", None))
        for i, rule_cls in enumerate(rules):
            progress.report("check", i, len(rules))
            kinds = getattr(rule_cls, "kinds", DEFAULT_KINDS)
            if doc.kind not in kinds and not (doc.kind == "unknown" and "plan" in kinds):
                continue
            for f in rule_cls().check(ctx) or ():
                if f.rule in sev_over:
                    f.severity = sev_over[f.rule]
                findings.append(f)
    return sort_findings(dedupe(findings))


def dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.source, f.rule, f.line, f.message_zh)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.source, f.line or 0, -SEVERITY_RANK.get(f.severity, 0), f.rule))


def count(findings: list[Finding]) -> dict[str, int]:
    c = {s: 0 for s in SEVERITIES}
    for f in findings:
        c[f.severity] = c.get(f.severity, 0) + 1
    return c


def exit_code(findings: list[Finding], fail_on: str = "error") -> int:
    """0 when nothing is at or above `fail_on` (error|warning|info|never), else 1."""
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK.get(fail_on, 3)
    return 1 if any(SEVERITY_RANK.get(f.severity, 0) >= floor for f in findings) else 0
