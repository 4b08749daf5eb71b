"""`make bench`: speed and memory of drafter's commands, printed as a table (never asserted).

Each command runs as a user runs it — a fresh `drafter` process — best of several runs; peak memory is
the child's max RSS.  Every time is printed beside its ratio to the bare
`import docx, rapidfuzz, jinja2, click, jsonschema` (what any run of drafter pays before doing anything),
and every goal (issues 6 and 13) beside the number it is about.

Two kinds of synthetic plan (bench/synth.py), each at 320, 3,200 and 10,000 items:
- distinct: every item a new mix of the seeds' clauses;
- near-duplicate heavy: each seed item written for 16 prefectures, every copy with a dozen characters
  changed (what a province's consolidated 任务分工 looks like) — where all-pairs similarity explodes.

Other benchmarks hook in without editing this file: a module `bench/bench_<name>.py` that defines
`bench_rows(bench)` is imported and its rows printed under its own heading; `bench` is this module's
`Bench` (its `run(cmd)`, `row(...)`, `tmp`, `drafter`, `bare_import`).

    .venv/bin/python bench/run.py [--repeat N] [--only check,compare,...]
"""
from __future__ import annotations

import argparse
import difflib
import importlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synth import SEEDS, mutate, near_duplicate_plan_text, plan_text  # noqa: E402

PY = sys.executable
_SCRIPT = Path(PY).parent / "drafter"
DRAFTER = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "cli"]
LARGEST = max(SEEDS.glob("0*.txt"), key=lambda p: p.stat().st_size)
IMPORTS = "import docx, rapidfuzz, jinja2, click, jsonschema"
PLANS = {"distinct": plan_text, "near-duplicate": near_duplicate_plan_text}
SIZES = (320, 3200, 10000)
MEMORY_GOAL_MB = 200


LAST_CPU: list[float] = [0.0]   # CPU seconds (user + sys) of the child in the last `run`, least of its runs


def run(cmd: list[str], repeat: int = 5) -> tuple[float, float]:
    """Best wall time (s) over `repeat` runs and the peak RSS (MB) of the runs, in a fresh process each.

    The least CPU time (user + sys) of the runs is left in LAST_CPU[0]: on a machine shared with other work
    the wall time waits for a core, the CPU time much less."""
    probe = ("import resource,subprocess,sys,time;t=time.perf_counter();"
             "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
             "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
             "print(time.perf_counter()-t, u.ru_maxrss, u.ru_utime+u.ru_stime)")
    best, peak, cpu = float("inf"), 0.0, float("inf")
    for _ in range(repeat):
        out = subprocess.run([PY, "-c", probe, *cmd], capture_output=True, text=True, check=True).stdout.split()
        best = min(best, float(out[0]))
        peak = max(peak, int(out[1]) / 1024)
        cpu = min(cpu, float(out[2]))
    LAST_CPU[0] = cpu
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


class Bench:
    """The table being printed, the shared temp folder, and how to time a command."""

    def __init__(self, tmp: str, repeat: Optional[int]):
        self.tmp = Path(tmp)
        self.repeat = repeat
        self.drafter = DRAFTER
        self.rows: list[tuple[str, ...]] = []
        self.bare_import = 0.0
        self.bare_import_cpu = 0.0
        self._plans: dict[tuple[str, int, bool], Path] = {}

    def run(self, cmd: list[str], repeat: int = 5) -> tuple[float, float]:
        return run(cmd, self.repeat or repeat)

    def heading(self, text: str) -> None:
        self.rows.append(("", "", "", "", "", ""))
        self.rows.append((text, "", "", "", "", ""))

    def row(self, name: str, seconds: Optional[float] = None, mb: Optional[float] = None, goal: str = "",
            ratio: str = "", cpu: Optional[float] = None) -> None:
        """A measured row: time, its ratio to the bare import, peak memory, and the goal it is held to; with
        `cpu`, the CPU seconds of the command and their ratio to the bare import's."""
        t = f"{seconds:.3f} s" if seconds is not None else ""
        if not ratio and seconds is not None and self.bare_import:
            ratio = f"{seconds / self.bare_import:.1f}×"
        c = ""
        if cpu is not None:
            c = f"{cpu:.2f} s" + (f" ({cpu / self.bare_import_cpu:.1f}×)" if self.bare_import_cpu else "")
        self.rows.append((name, t, ratio, c, f"{mb:.0f} MB" if mb is not None else "", goal))

    def note(self, name: str, value: str, goal: str = "", cpu: str = "") -> None:
        """A derived row (a ratio between two measurements) and its goal."""
        self.rows.append((name, "", value, cpu, "", goal))

    def plan(self, kind: str, n: int, next_year: bool = False) -> Path:
        """The synthetic plan of `kind` with `n` items (or its next year's version), written once."""
        key = (kind, n, next_year)
        if key not in self._plans:
            text = PLANS[kind](n)
            p = self.tmp / f"{kind}-{n}{'-next' if next_year else ''}.txt"
            p.write_text(mutate(text) if next_year else text, encoding="utf-8")
            self._plans[key] = p
        return self._plans[key]

    def print(self) -> None:
        head = ("measure", "time", "× import", "CPU (× import)", "peak RSS", "goal")
        w = [max(len(r[k]) for r in self.rows + [head]) for k in range(6)]
        print(f"{head[0]:<{w[0]}}  {head[1]:>{w[1]}}  {head[2]:>{w[2]}}  {head[3]:>{w[3]}}  {head[4]:>{w[4]}}  {head[5]}")
        print("-" * (sum(w) + 10))
        for r in self.rows:
            print(f"{r[0]:<{w[0]}}  {r[1]:>{w[1]}}  {r[2]:>{w[2]}}  {r[3]:>{w[3]}}  {r[4]:>{w[4]}}  {r[5]}".rstrip())


def _mark(ok: bool) -> str:
    return "met" if ok else "NOT met"


def bench_basics(b: Bench) -> None:
    t_parse, m_parse = b.run(b.drafter + ["parse", str(LARGEST)])
    b.row(f"parse {LARGEST.name} ({LARGEST.stat().st_size // 1024} KB)", t_parse, m_parse, cpu=LAST_CPU[0])
    t_chk, m_chk = b.run(b.drafter + ["check", str(LARGEST), "--fail-on", "never"])
    r = t_chk / b.bare_import
    b.row(f"check {LARGEST.name}", t_chk, m_chk, f"≤ 1.5× import: {_mark(r <= 1.5)}", cpu=LAST_CPU[0])


def _scaling(b: Bench, what: str, times: dict[int, float], cpus: Optional[dict[int, float]] = None) -> None:
    """Time ratio of each size to the one before it, against the goal: 10× the items ≤ 11× the time
    (and the same ratio of CPU times beside it)."""
    sizes = sorted(times)
    for lo, hi in zip(sizes, sizes[1:]):
        k = hi / lo
        r = times[hi] / times[lo]
        c = f"{cpus[hi] / cpus[lo]:.2f}×" if cpus and cpus.get(lo) else ""
        b.note(f"  {what} {hi:,} / {lo:,} items ({k:.3g}× the items)", f"{r:.2f}×",
               f"≤ {1.1 * k:.3g}×: {_mark(r <= 1.1 * k)}", cpu=c)


def bench_check(b: Bench) -> None:
    for kind in PLANS:
        b.heading(f"check, {kind} plan")
        times, cpus, peak = {}, {}, 0.0
        for n in SIZES:
            t, m = b.run(b.drafter + ["check", str(b.plan(kind, n)), "--fail-on", "never"], repeat=3)
            times[n], cpus[n], peak = t, LAST_CPU[0], max(peak, m)
            goal = []
            if n == 3200:
                goal.append(f"≤ 8× import: {_mark(t <= 8 * b.bare_import)}")
            if n == 10000:
                goal.append(f"< 5 s: {_mark(t < 5)}")
            goal.append(f"≤ {MEMORY_GOAL_MB} MB: {_mark(m <= MEMORY_GOAL_MB)}")
            b.row(f"check {n:,}-item plan", t, m, "; ".join(goal), cpu=cpus[n])
        _scaling(b, "check", times, cpus)


def bench_compare(b: Bench) -> None:
    for kind in PLANS:
        b.heading(f"compare with next year's version, {kind} plan")
        times, cpus = {}, {}
        for n in SIZES[:2]:
            t, m = b.run(b.drafter + ["compare", str(b.plan(kind, n)), str(b.plan(kind, n, True)),
                                    "--format", "json"], repeat=3)
            times[n], cpus[n] = t, LAST_CPU[0]
            goal = [f"≤ 10× import: {_mark(t <= 10 * b.bare_import)}"] if n == 3200 else []
            goal.append(f"≤ {MEMORY_GOAL_MB} MB: {_mark(m <= MEMORY_GOAL_MB)}")
            b.row(f"compare two {n:,}-item plans", t, m, "; ".join(goal), cpu=cpus[n])
        _scaling(b, "compare", times, cpus)
        if kind == "distinct":
            sys.path.insert(0, str(HERE.parent))
            from drafter.api import load
            old = [n.body for n in load(str(b.plan(kind, 3200))).documents[0].items()]
            new = [n.body for n in load(str(b.plan(kind, 3200, True))).documents[0].items()]
            t_dl = difflib_alignment_estimate(old, new)
            b.row("  difflib similarity matrix, 3,200-item plans (extrapolated)", t_dl)
            b.note("  ratio difflib / drafter compare", f"{t_dl / times[3200]:.0f}×")


def hooked_benches() -> list[tuple[str, Callable[[Bench], None]]]:
    """`bench_rows` of every bench/bench_<name>.py that has one, by name."""
    out = []
    for p in sorted(HERE.glob("bench_*.py")):
        try:
            mod = importlib.import_module(p.stem)
        except Exception as e:  # a broken hook must not hide the rest of the table
            print(f"(bench/{p.name} not run: {type(e).__name__}: {e})", file=sys.stderr)
            continue
        fn = getattr(mod, "bench_rows", None)
        if callable(fn):
            out.append((p.stem[len("bench_"):], fn))
    return out


BENCHES: list[tuple[str, Callable[[Bench], None]]] = [
    ("basics", bench_basics), ("check", bench_check), ("compare", bench_compare)]


def compile_bytecode() -> None:
    """Write drafter's .pyc files first, as `pip install .` does when it installs: under an editable install
    with PYTHONDONTWRITEBYTECODE=1 every timed run would compile all of drafter's sources again (~60 ms CPU),
    which no installed copy pays (the bare import's packages have theirs)."""
    import compileall
    compileall.compile_dir(str(HERE.parent / "drafter"), quiet=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, help="runs per measurement (best is kept); default 3–5")
    ap.add_argument("--drafter", help="the command to time instead of this checkout's drafter, e.g. "
                    "'python /path/to/other/cli.py' (before/after measurements)")
    ap.add_argument("--only", help="comma-separated benches: " + ",".join(n for n, _ in BENCHES) + ",<hooked>")
    args = ap.parse_args()
    only = set(args.only.split(",")) if args.only else None
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        b = Bench(tmp, args.repeat)
        if args.drafter:
            b.drafter = args.drafter.split()
        b.bare_import, _ = b.run([PY, "-c", IMPORTS])
        b.bare_import_cpu = LAST_CPU[0]
        b.row(f"bare `{IMPORTS}`", b.bare_import, ratio="1.0×", cpu=b.bare_import_cpu)
        for name, fn in BENCHES + hooked_benches():
            if only is None or name in only:
                if name not in ("basics", "check", "compare"):
                    b.heading(name)
                fn(b)
    b.print()
    print(f"\n(machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; best of {args.repeat or '3–5'} runs, "
          f"fresh process each; CPU = user + sys of the command, least of the runs — what a loaded machine "
          f"inflates least; goals are judged on the wall time; load average {os.getloadavg()[0]:.1f} at the end)")


if __name__ == "__main__":
    os.chdir(HERE.parent)
    main()
