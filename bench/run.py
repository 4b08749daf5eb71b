"""`make bench`: speed and memory of drafter's commands, printed as a table (never asserted).

Each command runs as a user runs it — a fresh `drafter` process — best of several runs; peak
memory is the child's max RSS. Floors from issue 6 are printed beside the measured ratio.
"""
from __future__ import annotations

import difflib
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synth import SEEDS, mutate, plan_text  # noqa: E402

PY = sys.executable
_SCRIPT = Path(PY).parent / "drafter"
DRAFTER = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "cli"]
LARGEST = max(SEEDS.glob("0*.txt"), key=lambda p: p.stat().st_size)


def run(cmd: list[str], repeat: int = 5) -> tuple[float, float]:
    """Best wall time (s) over `repeat` runs and the peak RSS (MB) of one run, in a fresh process each."""
    probe = ("import resource,subprocess,sys,time;t=time.perf_counter();"
             "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
             "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        out = subprocess.run([PY, "-c", probe, *cmd], capture_output=True, text=True, check=True).stdout.split()
        best = min(best, float(out[0]))
        peak = max(peak, int(out[1]) / 1024)
    return best, peak


def difflib_alignment_estimate(old: list[str], new: list[str], sample: int = 150) -> float:
    """Seconds difflib.SequenceMatcher would take for the full old×new similarity matrix (extrapolated)."""
    a, b = old[:sample], new[:sample]
    t = time.perf_counter()
    for x in a:
        sm = difflib.SequenceMatcher(None, x, autojunk=False)
        for y in b:
            sm.set_seq2(y)
            sm.ratio()
    spent = time.perf_counter() - t
    return spent * (len(old) * len(new)) / (len(a) * len(b))


def main() -> None:
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        p320, p3200 = Path(tmp, "plan320.txt"), Path(tmp, "plan3200.txt")
        p320.write_text(plan_text(320), encoding="utf-8")
        big = plan_text(3200)
        p3200.write_text(big, encoding="utf-8")
        p3200b = Path(tmp, "plan3200-next.txt")
        p3200b.write_text(mutate(big), encoding="utf-8")

        t_parse, m_parse = run(DRAFTER + ["parse", str(LARGEST)])
        rows.append((f"parse {LARGEST.name} ({LARGEST.stat().st_size // 1024} KB)", f"{t_parse:.3f} s", f"{m_parse:.0f} MB"))

        t_imp, _ = run([PY, "-c", "import docx, rapidfuzz, jinja2, click, jsonschema"])
        t_chk, m_chk = run(DRAFTER + ["check", str(LARGEST), "--fail-on", "never"])
        rows.append(("bare `import docx, rapidfuzz, jinja2, click, jsonschema`", f"{t_imp:.3f} s", ""))
        rows.append((f"check {LARGEST.name}", f"{t_chk:.3f} s", f"{m_chk:.0f} MB"))
        rows.append(("  ratio check / bare import (floor ≤ 1.5×)", f"{t_chk / t_imp:.2f}×", ""))

        t320, m320 = run(DRAFTER + ["check", str(p320), "--fail-on", "never"], repeat=3)
        t3200, m3200 = run(DRAFTER + ["check", str(p3200), "--fail-on", "never"], repeat=3)
        rows.append(("check 320-item plan", f"{t320:.3f} s", f"{m320:.0f} MB"))
        rows.append(("check 3,200-item plan", f"{t3200:.3f} s", f"{m3200:.0f} MB"))
        rows.append(("  ratio 3,200 / 320 items (floor ≤ 15×; memory < 400 MB)", f"{t3200 / t320:.2f}×", ""))

        t_cmp, m_cmp = run(DRAFTER + ["compare", str(p3200), str(p3200b), "--format", "json"], repeat=3)
        rows.append(("compare two 3,200-item plans (floor < 10 s)", f"{t_cmp:.3f} s", f"{m_cmp:.0f} MB"))
        sys.path.insert(0, str(HERE.parent))
        from drafter.api import load
        old = [n.body for n in load(str(p3200)).documents[0].items()]
        new = [n.body for n in load(str(p3200b)).documents[0].items()]
        t_dl = difflib_alignment_estimate(old, new)
        rows.append(("  difflib similarity matrix, same plans (extrapolated)", f"{t_dl:.0f} s", ""))
        rows.append(("  ratio difflib / drafter compare", f"{t_dl / t_cmp:.0f}×", ""))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'time':>10}  {'peak RSS':>9}")
    print("-" * (width + 23))
    for name, t, m in rows:
        print(f"{name:<{width}}  {t:>10}  {m:>9}")
    print(f"\n(machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; best of 3–5 runs, fresh process each)")


if __name__ == "__main__":
    os.chdir(HERE.parent)
    random.seed(0)
    main()
