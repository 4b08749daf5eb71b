"""Did a parser change move anything it should not? Parse and check every document the tests hold (tests/fixtures,
the seeds; the layout fixtures of issue 11 left out) and write the structure and findings to a JSON file; compare
two such files. Run it once with the code before the change and once with the code after:

    PYTHONPATH=/path/to/old/checkout .venv/bin/python bench/parse_snapshot.py /tmp/before.json
    .venv/bin/python bench/parse_snapshot.py /tmp/after.json
    .venv/bin/python bench/parse_snapshot.py --compare /tmp/before.json /tmp/after.json

Prints; asserts nothing.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("DRAFTER_SEEDS", ROOT.parent / "shared" / "seeds"))


def snapshot(out: str) -> None:
    from drafter.api import load
    from drafter.check.engine import run_checks
    files = sorted([*ROOT.glob("tests/fixtures/**/*.txt"), *ROOT.glob("tests/fixtures/**/*.docx"), *SEEDS.glob("0*.txt")])
    res = {}
    for f in files:
        key = str(f.relative_to(ROOT)) if ROOT in f.parents else f.name
        if "/layouts/" in key or "/fix/" in key:
            continue
        try:
            r = load(str(f))
            docs = [{k: v for k, v in d.to_dict().items() if k != "line"} for d in r.documents]
            res[key] = {"docs": docs, "findings": sorted([x.rule, x.severity, x.line or 0] for x in run_checks(r))}
        except Exception as e:  # a file the reader refuses is part of the picture
            res[key] = {"error": str(e)[:200]}
    Path(out).write_text(json.dumps(res, ensure_ascii=False), encoding="utf-8")
    import drafter
    print(f"{len(res)} documents, drafter from {Path(drafter.__file__).parent}")


def compare(a_path: str, b_path: str) -> None:
    a = json.loads(Path(a_path).read_text(encoding="utf-8"))
    b = json.loads(Path(b_path).read_text(encoding="utf-8"))
    same = [k for k in a if a[k] == b.get(k)]
    print(f"identical parse and findings: {len(same)} of {len(a)}")
    for k in a:
        if k in same:
            continue
        x, y = a[k], b.get(k, {})
        what = [w for w in ("docs", "findings", "error") if x.get(w) != y.get(w)]
        print(f"  {k}: {', '.join(what)} differ")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--compare"]:
        compare(sys.argv[2], sys.argv[3])
    else:
        snapshot(sys.argv[1])
