"""Agencies and roles on the agency fixtures (issue 11, classes 2 and 6), counted: for each file, the items whose
agencies+roles are exactly what tests/fixtures/agency/expected.yaml says (seed001_tasks.docx against the seeds'
expected.json), and the AGY findings `drafter check` reports on these clean files. Prints; never asserts.

    python bench/agency_eval.py            # add -v to list every wrong item
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "agency"
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))

from drafter.api import load  # noqa: E402


def expectations() -> dict[str, list]:
    out = {k: [(lab, [tuple(p) for p in w]) for lab, w in v]
           for k, v in yaml.safe_load((FIX / "expected.yaml").read_text(encoding="utf-8"))["documents"].items()}
    doc = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))["001_fd40c90dbaa4972a.txt"]["documents"][0]
    role = {"牵头": "lead", "负责": "responsible"}
    items = [it for s in doc["sections"] for it in s["items"]]
    out["seed001_tasks.docx"] = [(str(k), [(n, role[it["role"]]) for n in it["agencies"]])
                                 for k, it in enumerate(items, start=1)]
    return out


def main() -> None:
    verbose = "-v" in sys.argv
    tot_right = tot = tot_agy = 0
    for name, want in expectations().items():
        items = {n.label: n for d in load(str(FIX / name)).documents for n in d.items()}
        wrong = []
        for label, w in want:
            got = [(a.name, a.role) for a in items[label].agencies] if label in items else None
            if got != w:
                wrong.append((label, got, w))
        proc = subprocess.run([str(Path(sys.executable).parent / "drafter"), "check", str(FIX / name), "--format",
                               "json", "--fail-on", "never"], capture_output=True, text=True)
        agy = [f for f in json.loads(proc.stdout)["findings"] if f["rule"].startswith("AGY")]
        right = len(want) - len(wrong)
        tot_right, tot, tot_agy = tot_right + right, tot + len(want), tot_agy + len(agy)
        print(f"{name:36} items right {right:3}/{len(want):3}   AGY findings {len(agy)}")
        if verbose:
            for label, got, w in wrong:
                print(f"    {label}: got {got}\n    {' ' * len(label)}  want {w}")
            for f in agy:
                print(f"    {f['rule']} line {f.get('line')}: {f['message']}")
    print(f"{'total':36} items right {tot_right:3}/{tot:3}   AGY findings {tot_agy}")


if __name__ == "__main__":
    main()
