"""Per-rule recall and false alarms of `check` on documents written by proofreaders, not tuned on.

    .venv/bin/python bench/corpus_eval.py [--show] [--only NAME]

Three sets, each with its expectations written before the checker was run on it:
- tests/fixtures/corpus/: plans, summaries and task divisions of offices the seeds lack, each `X.txt` with
  `X.expect.yaml` beside it — `expected` (rule, line found from the `at` text, and `says`: words the message,
  suggestion or evidence must contain), `quiet` (tricky text where nothing may be reported), `quiet_rules`
  (rules that must not fire anywhere in the document), `with` (summary / prior given to check);
- tests/fixtures/qa/expected.yaml (rule, line per slip; for a .docx also `layout`: the FMT findings its own layout
  calls for — rule, paragraph or null for the whole document, words the finding must say);
- tests/fixtures/unseen/ (clean, plus the health plan against its summary: tests/test_unseen_check.py).

A finding *matches* an expectation when rule and line agree (or one of the `also` lines) and every `says` phrase
is in its message, suggestion or related excerpts; a finding of the right rule and line that lacks them counts
as a miss with the wrong evidence. Every finding that matches no expectation is a false alarm (by severity).
A document is *clean* when it expects nothing.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
CORPUS = os.path.join(ROOT, "tests", "fixtures", "corpus")
QA = os.path.join(ROOT, "tests", "fixtures", "qa")
UNSEEN = os.path.join(ROOT, "tests", "fixtures", "unseen")


@dataclass
class Expect:
    rule: str
    lines: set
    says: list = field(default_factory=list)
    note: str = ""


@dataclass
class Case:
    name: str
    path: str
    context: dict = field(default_factory=dict)    # {"summary": path, "prior": path}
    expected: list = field(default_factory=list)   # [Expect]
    quiet_lines: set = field(default_factory=set)
    quiet_rules: set = field(default_factory=set)
    group: str = "corpus"

    @property
    def clean(self) -> bool:
        return not self.expected


def locate(lines: list[str], at: str, nth: Optional[int] = None) -> int:
    """The 1-based line holding the `nth` occurrence of `at`; without `nth` it must occur once."""
    hits = [i + 1 for i, t in enumerate(lines) if at in t]
    if len(hits) < (nth or 1):
        raise ValueError(f"{at!r} occurs {len(hits)} times, wanted #{nth or 1}")
    if nth is None and len(hits) > 1:
        raise ValueError(f"{at!r} is on lines {hits}: say which (nth)")
    return hits[(nth or 1) - 1]


def _lines_of(entry: dict, lines: list[str]) -> set:
    out = {locate(lines, entry["at"], entry.get("nth"))}
    for a in entry.get("also") or []:
        out.add(locate(lines, a["at"], a.get("nth")))
    if "line" in entry and int(entry["line"]) not in out:
        raise ValueError(f"line {entry['line']} does not hold {entry['at']!r}")
    return out


def corpus_cases() -> list[Case]:
    out = []
    for fn in sorted(os.listdir(CORPUS)):
        if not fn.endswith(".expect.yaml"):
            continue
        stem = fn[: -len(".expect.yaml")]
        path = os.path.join(CORPUS, stem + ".txt")
        spec = yaml.safe_load(open(os.path.join(CORPUS, fn), encoding="utf-8")) or {}
        lines = open(path, encoding="utf-8").read().split("\n")
        c = Case(stem + ".txt", path, {k: os.path.join(CORPUS, v) for k, v in (spec.get("with") or {}).items()})
        for e in spec.get("expected") or []:
            c.expected.append(Expect(e["rule"], _lines_of(e, lines), list(e.get("says") or []), e.get("note", "")))
        for q in spec.get("quiet") or []:
            c.quiet_lines |= _lines_of(q, lines)
        c.quiet_rules = set(spec.get("quiet_rules") or [])
        out.append(c)
    return out


def qa_cases() -> list[Case]:
    spec = yaml.safe_load(open(os.path.join(QA, "expected.yaml"), encoding="utf-8"))
    accepted = spec.get("accepted_after_run") or {}
    out = []
    for name, v in spec.items():
        if not name.endswith((".txt", ".docx")):
            continue
        rows = list(v.get("expected") or []) + list(accepted.get(name) or [])
        layout = [Expect(r, {ln}, list(says or [])) for r, ln, says in v.get("layout") or []]
        c = Case(name, os.path.join(QA, name), {k: os.path.join(QA, p) for k, p in (v.get("with") or {}).items()},
                 [Expect(r, {ln}) for r, ln in rows] + layout, set(v.get("not") or []), group="qa")
        out.append(c)
    return out


def unseen_cases() -> list[Case]:
    """The unseen fixtures with the findings tests/test_unseen_check.py expects of them (EXPECTED_ALONE)."""
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    try:
        from test_unseen_check import EXPECTED_ALONE
    except ImportError:   # outside a checkout with the tests
        EXPECTED_ALONE = {}
    out = []
    for fn in sorted(os.listdir(UNSEEN)):
        if fn.endswith(".txt"):
            exp = [Expect(r, {ln}) for r, ln in sorted(EXPECTED_ALONE.get(fn) or ())]
            out.append(Case(fn, os.path.join(UNSEEN, fn), expected=exp, group="unseen"))
    # the health plan against its summary (tests/test_unseen_check.py: five TGT001 at three lines)
    summ = os.path.join(UNSEEN, "health_county_2023_summary.txt")
    exp = [Expect("TGT001", {21}), Expect("TGT001", {21}), Expect("TGT001", {27}), Expect("TGT001", {41}),
           Expect("TGT001", {41})]
    out.append(Case("health_county_2024_plan.txt+summary", os.path.join(UNSEEN, "health_county_2024_plan.txt"),
                    {"summary": summ}, exp, group="unseen"))
    return out


def all_cases() -> list[Case]:
    return corpus_cases() + qa_cases() + unseen_cases()


def _texts(f) -> str:
    parts = [f.message_zh, f.suggestion or "", f.excerpt or ""]
    parts += [str(r.get("excerpt", "")) for r in f.related or []]
    return " ".join(parts)


@dataclass
class Outcome:
    case: Case
    findings: list
    matched: list            # [(Expect, finding or None, reason)]
    false: list              # findings that match nothing


def evaluate(case: Case) -> Outcome:
    from drafter.api import load
    from drafter.check.engine import run_checks

    ctx = {k: load(v) for k, v in case.context.items()}
    fs = run_checks(load(case.path), **ctx)
    free = list(fs)
    matched = []
    for e in case.expected:
        cands = [f for f in free if f.rule == e.rule and f.line in e.lines]
        good = [f for f in cands if all(s in _texts(f) for s in e.says)]
        if good:
            free.remove(good[0])
            matched.append((e, good[0], "found"))
        elif cands:
            free.remove(cands[0])
            matched.append((e, cands[0], "wrong evidence"))
        else:
            matched.append((e, None, "missed"))
    return Outcome(case, fs, matched, free)


def report(outcomes: list[Outcome], show: bool = False) -> str:
    rows = defaultdict(lambda: [0, 0])           # rule -> [found, expected]
    false = Counter()                             # (rule, severity)
    clean_docs = 0
    false_on_clean = Counter()
    out = []
    for o in outcomes:
        for e, f, why in o.matched:
            rows[e.rule][1] += 1
            rows[e.rule][0] += why == "found"
        for f in o.false:
            false[(f.rule, f.severity)] += 1
        if o.case.clean:
            clean_docs += 1
            for f in o.false:
                false_on_clean[f.severity] += 1
        if show:
            for e, f, why in o.matched:
                if why != "found":
                    got = f"  got: {f.message_zh} | {f.suggestion}" if f else ""
                    out.append(f"{why.upper():<15}{o.case.name}:{sorted(e.lines)} {e.rule} {e.note}{got}")
            for f in o.false:
                out.append(f"FALSE {f.severity:<8}{o.case.name}:{f.line} {f.rule} {f.message_zh[:70]}")
    out.append(f"{'rule':<9}{'found':>7}{'of':>5}{'recall':>9}   false: error warning info")
    tot_f = tot_e = 0
    for rule in sorted(set(rows) | {r for r, _ in false}):
        fnd, exp = rows.get(rule, [0, 0])
        tot_f += fnd
        tot_e += exp
        rec = f"{fnd / exp:.0%}" if exp else "-"
        out.append(f"{rule:<9}{fnd:>7}{exp:>5}{rec:>9}   {false[(rule, 'error')]:>12}{false[(rule, 'warning')]:>8}"
                   f"{false[(rule, 'info')]:>5}")
    for label, pick in (("content rules", lambda r: not r.startswith("FMT")), ("layout rules (FMT, the .docx)",
                                                                            lambda r: r.startswith("FMT"))):
        f_, e_ = sum(v[0] for r, v in rows.items() if pick(r)), sum(v[1] for r, v in rows.items() if pick(r))
        fa = sum(v for (r, _), v in false.items() if pick(r))
        out.append(f"{label}: recall {f_}/{e_} = {f_ / max(1, e_):.1%}, false alarms {fa}")
    out.append(f"overall recall {tot_f}/{tot_e} = {tot_f / max(1, tot_e):.1%}; false alarms: "
               f"{sum(v for (r, s), v in false.items() if s == 'error')} errors, "
               f"{sum(v for (r, s), v in false.items() if s == 'warning')} warnings, "
               f"{sum(v for (r, s), v in false.items() if s == 'info')} info "
               f"on {len(outcomes)} documents; on the {clean_docs} clean ones: {false_on_clean['error']} errors, "
               f"{false_on_clean['warning']} warnings, {false_on_clean['info']} info")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="list every miss and false alarm")
    ap.add_argument("--only", choices=["corpus", "qa", "unseen"], default=None)
    a = ap.parse_args()
    cases = [c for c in all_cases() if a.only is None or c.group == a.only]
    print(report([evaluate(c) for c in cases], show=a.show))


if __name__ == "__main__":
    main()
