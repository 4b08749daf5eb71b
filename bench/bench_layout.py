"""FMT001–FMT008 on the layout fixtures: the findings a proofreader expects against what check finds, and
what `fix --layout` leaves.

    .venv/bin/python bench/bench_layout.py [--show]

The fixtures and their expectations are tests/layout_fixtures.py's (EXPECTED, written before the rules
existed: rule and first paragraph of each finding). Per rule: expected, found where expected (hit),
expected but not found (miss), found where none was expected (false alarm). Then every fixture goes
through `fix --layout` (apply_layout, tracked): FMT findings left in the result, and any change of text.
Printed, never asserted (tests/test_layout_rules.py and tests/test_layout_fix.py assert).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from drafter.api import load  # noqa: E402
from drafter.check.engine import run_checks  # noqa: E402
from drafter.fix.layout import apply_layout  # noqa: E402
from drafter.read import read_source  # noqa: E402
from layout_fixtures import EXPECTED, FIXTURES  # noqa: E402


def fmt(path) -> list:
    return [f for f in run_checks(load(str(path))) if f.rule.startswith("FMT")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="list every miss and false alarm")
    a = ap.parse_args()
    t0 = time.time()
    rules = [f"FMT00{i}" for i in range(1, 9)]
    exp, hit, miss, extra = Counter(), Counter(), Counter(), Counter()
    left, text_changed, shown = Counter(), [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in sorted(FIXTURES.items()):
            src = make().write(Path(tmp) / f"{name}.docx")
            want = Counter((r, ln) for r, ln, _, _ in EXPECTED[name])
            got = Counter((f.rule, f.line) for f in fmt(src))
            for (r, ln), k in want.items():
                exp[r] += k
                hit[r] += min(k, got[(r, ln)])
                if got[(r, ln)] < k:
                    miss[r] += k - got[(r, ln)]
                    shown.append(f"  miss  {name}: {r} at {ln}")
            for (r, ln), k in got.items():
                if k > want[(r, ln)]:
                    extra[r] += k - want[(r, ln)]
                    shown.append(f"  extra {name}: {r} at {ln}")
            dst = Path(tmp) / f"{name}.fixed.docx"
            apply_layout(str(src), str(dst))
            for f in fmt(dst):
                left[f.rule] += 1
                shown.append(f"  left after fix --layout  {name}: {f.rule} {f.message_zh[:60]}")
            if [b.text for b in read_source(str(src)).blocks] != [b.text for b in read_source(str(dst)).blocks]:
                text_changed.append(name)
    n_clean = sum(1 for v in EXPECTED.values() if not v)
    print(f"FMT rules on tests/layout_fixtures.py: {len(FIXTURES)} fixtures ({n_clean} clean), expectations written first\n")
    hdr = f"{'rule':<8}{'expected':>9}{'hit':>6}{'miss':>6}{'false alarm':>13}{'left after fix --layout':>25}"
    print(hdr + "\n" + "-" * len(hdr))
    for r in rules:
        print(f"{r:<8}{exp[r]:>9}{hit[r]:>6}{miss[r]:>6}{extra[r]:>13}{left[r]:>25}")
    print("-" * len(hdr))
    print(f"{'all':<8}{sum(exp.values()):>9}{sum(hit.values()):>6}{sum(miss.values()):>6}{sum(extra.values()):>13}"
          f"{sum(left.values()):>25}")
    print(f"\nfixtures whose text fix --layout changed: {len(text_changed)} {text_changed or ''}")
    if a.show and shown:
        print("\n".join(shown))
    print(f"\n({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
