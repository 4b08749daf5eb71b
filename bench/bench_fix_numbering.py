"""fix on labels drawn by Word's automatic numbering, across the seeds.

    .venv/bin/python bench/bench_fix_numbering.py

Each seed is made a .docx whose 一、/（一）/1. labels are all drawn by numbering.xml (a level restarts after the
heading above it where the seed's own numbers do, else it is a list of its own that runs on), then one slip is
put into the numbering as a writer makes it in Word: a level defined in the wrong form (`%1.` for 一、, `(%2)`
for （一）, `%3、` for 1.), or one item on a copy-pasted list that restarts one number on. Then
`drafter fix --select NUM,PUN` as a user runs it (a fresh process). Per seed and slip: the NUM findings before
and after, reject-all = the injected file and accept-all = the fixed file (from the XML), and `exact`: the
labels after the fix are those of the same seed without the slip, fixed. Printed, never asserted
(tests/test_fix_auto_numbering.py asserts).
"""
from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, ROOT)

from docx_revisions import paragraphs, resolved  # noqa: E402
from docxbuild import abstract_num, build_docx, lvl, num, numbering, para  # noqa: E402
from drafter.api import load  # noqa: E402
from drafter.check.engine import run_checks  # noqa: E402
from drafter.check.textutil import cn2int  # noqa: E402

DRAFTER = os.path.join(os.path.dirname(sys.executable), "drafter")
SEEDS = os.path.join(ROOT, "..", "shared", "seeds")
MARK = {"cn": re.compile(r"^([一二三四五六七八九十]+)、"), "paren_cn": re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]"),
        "arabic": re.compile(r"^(\d+)[.．](?!\d)")}
LEVEL = {"cn": 0, "paren_cn": 1, "arabic": 2}
FORM = {"cn": ("chineseCounting", "%1、"), "paren_cn": ("chineseCounting", "（%2）"), "arabic": ("decimal", "%3.")}
WRONG = {"cn": "%1.", "paren_cn": "(%2)", "arabic": "%3、"}
OWN_LIST = {"cn": (1, 10), "paren_cn": (2, 20), "arabic": (3, 30)}    # numId, abstractNumId when it runs on
NUMS = ("NUM001", "NUM002", "NUM003")


def _value(fam: str, m: re.Match) -> int:
    return int(m.group(1)) if fam == "arabic" else cn2int(m.group(1))


def restarts(lines: list[str]) -> dict[str, bool]:
    """Does each family start again at 1 under the heading above it (else it runs on across sections)?"""
    out = {fam: True for fam in MARK}
    seen = {"paren_cn": 0, "arabic": 0}
    for t in lines:
        s = t.strip(" \u3000\u00a0")
        fam = next((f for f, rx in MARK.items() if rx.match(s)), None)
        if fam == "cn":
            seen = {"paren_cn": 0, "arabic": 0}
        elif fam is not None:
            if _value(fam, MARK[fam].match(s)) > 1 and seen[fam] == 0:
                out[fam] = False
            seen[fam] += 1
            if fam == "paren_cn":
                seen["arabic"] = 0
    return out


def _place(fam: str, restart: dict) -> tuple[int, int, int]:
    """(numId, abstractNumId, ilvl) of a family's paragraphs."""
    if restart[fam] or fam == "cn":
        return 1, 10, LEVEL[fam]
    nid, aid = OWN_LIST[fam]
    return nid, aid, 0


def build(lines: list[str], restart: dict, path: str, slip: str = "", moved: int = -1, start: int = 0) -> list:
    """Write the seed as an auto-numbered .docx; `slip` a family whose level has the wrong form; paragraph
    `moved` on a list of its own restarting at `start`. Returns [(paragraph index, family)]."""
    body, where = [], []
    for i, t in enumerate(lines):
        s = t.strip(" \u3000\u00a0")
        fam = next((f for f, rx in MARK.items() if rx.match(s)), None)
        if fam is None or (fam != "cn" and i < 3):
            body.append(para(t))
            continue
        nid, _, ilvl = _place(fam, restart)
        body.append(para(s[MARK[fam].match(s).end():], num=9 if i == moved else nid, ilvl=ilvl))
        where.append((i, fam))

    def level(fam: str, at: int) -> str:
        fmt, text = FORM[fam]
        text = (WRONG[fam] if fam == slip else text).replace(f"%{LEVEL[fam] + 1}", f"%{at + 1}")
        return lvl(at, fmt, text)
    parts = [abstract_num(10, *[level(f, LEVEL[f]) for f in MARK if restart[f] or f == "cn"])]
    parts += [abstract_num(aid, level(f, 0)) for f, (_, aid) in OWN_LIST.items() if f != "cn" and not restart[f]]
    parts += [num(nid, aid) for nid, aid in OWN_LIST.values()]
    if moved >= 0:
        fam = dict(where)[moved]
        _, aid, ilvl = _place(fam, restart)
        parts.append(num(9, aid, {ilvl: start}))
    build_docx(path, body, numbering=numbering(*parts))
    return where


def fix(src: str) -> tuple[str, subprocess.CompletedProcess]:
    out = src.replace(".docx", ".fixed.docx")
    return out, subprocess.run([DRAFTER, "fix", src, "-o", out, "--force", "--select", "NUM,PUN"],
                               capture_output=True, text=True, timeout=300)


def labels(path: str, where: list) -> list[str]:
    texts = paragraphs(path)
    return [texts[i][:6] for i, _ in where]


def main() -> None:
    t0 = time.time()
    rng = random.Random(3)
    tmp = tempfile.mkdtemp(prefix="drafter-benchnum-")
    rows = []
    for name in sorted(f for f in os.listdir(SEEDS) if f.endswith(".txt")):
        with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        restart = restarts(lines)
        clean = os.path.join(tmp, f"{name[:3]}-clean.docx")
        where = build(lines, restart, clean)
        clean_out, _ = fix(clean)
        want = labels(clean_out if os.path.exists(clean_out) else clean, where)
        fams = {f for _, f in where}
        for slip in [f for f in MARK if f in fams] + ["restart"]:
            src = os.path.join(tmp, f"{name[:3]}-{slip}.docx")
            if slip == "restart":
                i = rng.choice([i for i, _ in where[1:]])
                drawn = paragraphs(clean)[i]
                fam = dict(where)[i]
                build(lines, restart, src, moved=i, start=_value(fam, MARK[fam].match(drawn)) + 1)
            else:
                build(lines, restart, src, slip=slip)
            before = [f.rule for f in run_checks(load(src)) if f.rule in NUMS]
            out, r = fix(src)
            row = {"seed": name[:3], "slip": slip, "before": len(before), "rc": r.returncode,
                   "unfixed": any("未能修复" in ln for ln in r.stderr.splitlines())}
            if os.path.exists(out):
                row["left"] = len([f for f in run_checks(load(out)) if f.rule in NUMS])
                row["reject"] = paragraphs(resolved(out, "reject", out + ".r.docx")) == paragraphs(src)
                row["accept"] = paragraphs(resolved(out, "accept", out + ".a.docx")) == paragraphs(out)
                row["exact"] = labels(out, where) == want
            rows.append(row)
    hdr = f"{'seed':<6}{'slip in the numbering':<24}{'NUM before':>11}{'left':>6}{'exit':>6}{'reject=orig':>13}" \
          f"{'accept=fixed':>14}{'labels exact':>14}{'unfixed':>9}"
    print("fix on Word automatic numbering (seeds as auto-numbered .docx)\n\n" + hdr + "\n" + "-" * len(hdr))
    for r in rows:
        slip = {"restart": "one item restarts +1"}.get(r["slip"], f"{r['slip']} level {WRONG.get(r['slip'], '')}")
        print(f"{r['seed']:<6}{slip:<24}{r['before']:>11}{r.get('left', '—')!s:>6}{r['rc']:>6}{r.get('reject', '—')!s:>13}"
              f"{r.get('accept', '—')!s:>14}{r.get('exact', '—')!s:>14}{r['unfixed']!s:>9}")
    ok = [r for r in rows if r["rc"] == 0 and r.get("left") == 0 and r.get("reject") and r.get("accept") and r.get("exact")]
    print("-" * len(hdr) + f"\nall right: {len(ok)}/{len(rows)} documents ({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
