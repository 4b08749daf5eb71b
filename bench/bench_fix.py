"""Round trip of `drafter fix`: inject a slip fix has one answer for, fix, and see what changed.

    .venv/bin/python bench/bench_fix.py [--n 20] [--seed 1] [--corpus all|seeds|unseen] [--docx] [--show]

The corpus and the injections are bench/fault_injection.py's (the seeds and tests/fixtures/unseen/, one
writer's slip at a random place), plus ASCII punctuation (PUN003) and a 文号 in square brackets (PUN002),
which that file does not inject. Every document is first fixed as it is (the seeds come with ASCII
punctuation throughout): that is the baseline. Then, per injection:

- fixed:      the injected finding is gone after `fix` (check reports no finding of its rule on that line);
- exact:      the injected line came back as the baseline has it (for slips whose fix is their undoing:
              a number, a year, a marker, a space, a misspelt name; a renamed agency gets its new name, and
              a 文号 its 〔〕, so for those the line differs from the baseline by design);
- collateral: lines the fix changed beyond the injected one, compared with the baseline (the --dry-run
              diff touching anything else);
- new:        findings of any rule after the fix that the fixed baseline does not have (besides the
              injected one, where fix rightly leaves it: a misspelt name with two near matches).

`--docx` runs the same through a .docx made from the text (one paragraph per line, as `check --annotate`
makes one): the fixed file must read as the text fix's result, accept-all (computed from the XML) the
same, reject-all the injected text exactly. Speed: fix of the largest seed against check of it, each a
fresh `drafter` process, best of 5 (printed, never asserted).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import fault_injection as fi  # noqa: E402
from drafter.api import load  # noqa: E402
from drafter.fix.engine import fix_file  # noqa: E402

_FW_TO_ASCII = {"，": ",", "；": ";", "：": ":"}


def ascii_punct(lines, d, rng):
    """One full-width ，；： between Chinese characters, or one （…） pair, typed in ASCII."""
    doc = d.plan
    start, end = (doc.line or 1) + 1, doc.end_line or len(lines)
    spots = []
    for i in range(start, end + 1):
        t = lines[i - 1]
        spots += [(i, m.start(), None) for m in re.finditer(r"(?<=[\u4e00-\u9fff])[，；：](?=[\u4e00-\u9fff])", t)]
        # brackets inside the text (a label written （十七） among (十八) is NUM003's, not this slip)
        spots += [(i, m.start(), m.end() - 1) for m in re.finditer(r"（[\u4e00-\u9fff、]{2,30}）", t)
                  if t[:m.start()].strip(" \u3000")]
    if not spots:
        return None
    i, a, b = rng.choice(spots)
    t = lines[i - 1]
    if b is None:
        lines[i - 1] = t[:a] + _FW_TO_ASCII[t[a]] + t[a + 1:]
    else:
        lines[i - 1] = t[:a] + "(" + t[a + 1:b] + ")" + t[b + 1:]
    return {"rule": "PUN003", "line": i}


def document_number(lines, d, rng):
    """A 文号 with its year in [] instead of 〔〕, cited in an item."""
    n = rng.choice(fi._items(d.plan))
    y = (d.plan.year or 2024) - 1
    lines[n.line - 1] = fi._insert_sentence(lines[n.line - 1], f"，落实《通知》（国办发[{y}]{rng.randint(1, 60)}号）要求")
    return {"rule": "PUN002", "line": n.line}


# fault kind → (injector, the fix undoes it exactly)
KINDS = {
    "renumber an item": (fi.renumber, True),
    "wrong marker form (1、)": (fi.bad_form, True),
    "one level, two widths": (fi.mixed_width, True),
    "misspell an agency": (fi.misspell_agency, True),
    "old agency name (市工商局)": (fi.old_name, False),
    "roll a year back": (fi.roll_year, True),
    "space inside words": (fi.stray_space, True),
    "ASCII punctuation": (ascii_punct, True),
    "文号 in [ ]": (document_number, False),
}


def _lines_of(path: str) -> list[str]:
    return load(path).lines


def _to_docx(lines: list[str], path: str) -> None:
    import docx
    d = docx.Document()
    for t in lines:
        d.add_paragraph(t)
    d.save(path)


def _places(findings) -> set:
    """(rule, line) of each finding, and of each place it names (PUN003 is one finding for the whole text)."""
    out = set()
    for f in findings:
        out.add((f.rule, f.line))
        if f.span is not None:
            out.add((f.rule, f.span.line))
        out.update((f.rule, e.span.line) for e in f.edits)
    return out


def _fix(path: str, out: str, summary):
    """(lines of the fixed file, its findings, the findings before) — `fix` as the command runs it."""
    res = fix_file(path, out=out, summary=summary, force=True)
    before, after = _places(res.before), _places(res.after)
    fixed_lines = _lines_of(out) if res.written else _lines_of(path)
    return fixed_lines, after, before


def run(n: int, seed: int, docs, use_docx: bool = False) -> list[dict]:
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix="drafter-benchfix-")
    ext = ".docx" if use_docx else ".txt"
    base = {}
    for d in docs:
        src = os.path.join(tmp, f"{d.name}-clean{ext}")
        lines = d.text.split("\n")
        if use_docx:
            _to_docx(lines, src)
        else:
            Path(src).write_text(d.text, encoding="utf-8")
        base[d.name] = _fix(src, os.path.join(tmp, f"{d.name}-clean.fixed{ext}"), d.summary_path)
    rows = []
    for kind, (inject, exact_kind) in KINDS.items():
        order = docs[:]
        rng.shuffle(order)
        k = tries = 0
        while k < n and tries < n * 30:
            d = order[tries % len(order)]
            tries += 1
            lines = d.text.split("\n")
            try:
                got = inject(lines, d, rng)
            except (IndexError, ValueError):
                got = None
            if not got:
                continue
            k += 1
            src = os.path.join(tmp, f"{d.name}-{kind[:6]}-{k}{ext}")
            if use_docx:
                _to_docx(lines, src)
            else:
                Path(src).write_text("\n".join(lines), encoding="utf-8")
            out = src.replace(ext, ".fixed" + ext)
            fixed_lines, after, before = _fix(src, out, d.summary_path)
            clean_fixed, clean_after, _ = base[d.name]
            line = got["line"]
            found = (got["rule"], line) in before
            row = {"kind": kind, "rule": got["rule"], "doc": d.name, "line": line, "path": src, "found": found,
                   "fixed": found and (got["rule"], line) not in after,
                   "exact": (fixed_lines[line - 1] == clean_fixed[line - 1]) if exact_kind and found else None,
                   "collateral": [i + 1 for i, (a, b) in enumerate(zip(fixed_lines, clean_fixed))
                                  if a != b and i + 1 != line],
                   # findings the fix brought (the injected one, when fix rightly leaves it, is not one of them)
                   "new": sorted(after - clean_after - {(got["rule"], line)})}
            if use_docx:
                row["revisions"] = _revisions_ok(out, lines, fixed_lines, tmp)
            rows.append(row)
    return rows


def _revisions_ok(out: str, injected: list[str], fixed_lines: list[str], tmp: str) -> bool:
    """Accept-all (from the XML) reads as the fixed file; reject-all as the injected text, exactly."""
    if not os.path.exists(out):
        return True
    from docx_revisions import paragraphs, resolved
    acc = paragraphs(resolved(out, "accept", os.path.join(tmp, "acc.docx")))
    rej = paragraphs(resolved(out, "reject", os.path.join(tmp, "rej.docx")))
    return acc == fixed_lines and rej == injected


def table(rows: list[dict], use_docx: bool) -> str:
    by = defaultdict(list)
    for r in rows:
        by[(r["kind"], r["rule"])].append(r)
    hdr = f"{'injected slip':<28}{'rule':<8}{'found/inj.':>11}{'fixed/found':>13}{'exact':>9}{'collateral':>12}{'new':>6}"
    if use_docx:
        hdr += f"{'revisions ok':>14}"
    out = [hdr, "-" * len(hdr)]
    for (kind, rule), rs in by.items():
        ex = [r["exact"] for r in rs if r["exact"] is not None]
        exact = f"{sum(ex)}/{len(ex)}" if ex else "—"
        nf = sum(r["found"] for r in rs)
        line = (f"{kind:<28}{rule:<8}{nf:>6}/{len(rs):<4}{sum(r['fixed'] for r in rs):>8}/{nf:<4}{exact:>9}"
                f"{sum(len(r['collateral']) for r in rs):>12}{sum(len(r['new']) for r in rs):>6}")
        if use_docx:
            line += f"{sum(r['revisions'] for r in rs):>8}/{len(rs)}"
        out.append(line)
    tot = len(rows)
    out.append("-" * len(hdr))
    out.append(f"all: found {sum(r['found'] for r in rows)}/{tot}, fixed {sum(r['fixed'] for r in rows)}/"
               f"{sum(r['found'] for r in rows)}; lines changed beyond the injected one "
               f"{sum(len(r['collateral']) for r in rows)}; new findings {sum(len(r['new']) for r in rows)}")
    return "\n".join(out)


def speed(repeat: int = 5) -> str:
    from run import DRAFTER, LARGEST, run as timed
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "fixed.txt")
        t_check, _ = timed(DRAFTER + ["check", str(LARGEST), "--fail-on", "never"], repeat)
        t_fix, m_fix = timed(DRAFTER + ["fix", str(LARGEST), "-o", out, "--force"], repeat)
    return (f"check {LARGEST.name}: {t_check:.3f} s; fix of it: {t_fix:.3f} s ({m_fix:.0f} MB); "
            f"ratio fix / check {t_fix / t_check:.2f}× (floor ≤ 1.5×; fresh process each, best of {repeat})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20, help="injections per kind")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", choices=["all", "seeds", "unseen"], default="all")
    ap.add_argument("--docx", action="store_true", help="also through .docx files (tracked changes)")
    ap.add_argument("--show", action="store_true", help="list the injections not fixed, or with collateral")
    ap.add_argument("--no-speed", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    docs = fi.corpus(a.corpus)
    print(f"fix round trip — corpus: {', '.join(d.name for d in docs)}; seed {a.seed}; {a.n} per kind\n")
    for use_docx in ([False, True] if a.docx else [False]):
        rows = run(a.n, a.seed, docs, use_docx)
        print(("through .docx (tracked changes)\n" if use_docx else "through .txt\n") + table(rows, use_docx) + "\n")
        if a.show:
            for r in rows:
                if not r["fixed"] and r["found"] or r["collateral"] or r["new"] or r.get("revisions") is False or r["exact"] is False:
                    print("  ", r["rule"], r["doc"], r["line"], "fixed" if r["fixed"] else "NOT FIXED" if r["found"] else "not found",
                          "exact" if r["exact"] else ("" if r["exact"] is None else "NOT EXACT"),
                          "collateral", r["collateral"][:5], "new", r["new"][:5], r["path"])
    if not a.no_speed:
        print(speed())
    print(f"\n({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
