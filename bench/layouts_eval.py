"""Issue 11: the seeds re-laid in each published layout (tests/relay.py) and the hand-written layout fixtures
(tests/fixtures/layouts/), parsed and checked: items / labels / lead sentences / agencies right, and the errors and
warnings `drafter check` adds over the original text (false findings). Prints numbers, asserts nothing.

    .venv/bin/python bench/layouts_eval.py [--verbose]
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from drafter.api import load  # noqa: E402
from drafter.check.engine import run_checks  # noqa: E402
from layout_score import false_findings, perfect, score_result  # noqa: E402
import relay  # noqa: E402

SEEDS = Path(os.environ.get("DRAFTER_SEEDS", ROOT.parent / "shared" / "seeds"))
FIXTURES = ROOT / "tests" / "fixtures" / "layouts"


def _parse(text: str, name: str):
    d = tempfile.mkdtemp(prefix="drafter-layouts-")
    p = os.path.join(d, name)
    Path(p).write_text(text, encoding="utf-8")
    return load(p)


def main(verbose: bool = False) -> None:
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
    seeds = sorted(p.name for p in SEEDS.glob("0*.txt"))
    by_class: dict[int, Counter] = {}
    keys = ("items", "items_right", "labels_right", "titles_right", "agencies", "agencies_right", "headings",
            "headings_right")
    for layout, make in relay.LAYOUTS.items():
        cls = relay.CLASS[layout]
        for name in seeds:
            orig = load(str(SEEDS / name))
            text = make(orig)
            got = _parse(text, f"{layout}_{name}")
            c = score_result(expected[name]["documents"], got)
            false = false_findings(run_checks(got), run_checks(orig))
            c["false"] = len(false)
            c["fixtures"] = 1
            c["perfect"] = int(perfect(c))
            by_class.setdefault(cls, Counter()).update(c)
            if verbose:
                print(f"  {layout:12} {name[:3]} " + " ".join(f"{k}={c[k]}" for k in keys),
                      f"perfect={c['perfect']} false={[(f.rule, f.line) for f in false]}")
    for exp_path in sorted(FIXTURES.glob("*.json")):
        spec = json.loads(exp_path.read_text(encoding="utf-8"))
        txt = exp_path.with_suffix(".txt")
        got = load(str(txt))
        c = score_result(spec["documents"], got)
        findings = [f for f in run_checks(got) if f.severity in ("error", "warning")]
        allowed = Counter(spec.get("findings", []))
        false = false_findings(findings, [])
        false = [f for f in false if not (allowed[f.rule] > 0 and not allowed.subtract([f.rule]))]
        c["false"] = len(false)
        c["fixtures"] = 1
        c["perfect"] = int(perfect(c))
        by_class.setdefault(spec["class"], Counter()).update(c)
        if verbose:
            print(f"  {txt.name:28} " + " ".join(f"{k}={c[k]}" for k in keys),
                  f"perfect={c['perfect']} false={[(f.rule, f.line) for f in false]}")
    print("class fixtures perfect  items_right/items  labels  titles  agencies_right/agencies  headings  false")
    for cls in sorted(by_class):
        c = by_class[cls]
        print(f"{cls:5} {c['fixtures']:8} {c['perfect']:7}  {c['items_right']:5}/{c['items']:<5}  {c['labels_right']:6}  "
              f"{c['titles_right']:6}  {c['agencies_right']:5}/{c['agencies']:<5}  {c['headings_right']:4}/{c['headings']:<4} "
              f"{c['false']:5}")


if __name__ == "__main__":
    main("--verbose" in sys.argv)
