"""Inject one fault of each kind at random places in real plans and measure how often `check` finds it.

    .venv/bin/python bench/fault_injection.py [--n 30] [--seed 1]

For each seed (000, 002, 003, 004) and each fault kind, N times: take the seed's text, make one edit a
writer could make (renumber an item, copy an item with a word changed, roll a year back, put an expired
term in, delete a `》`, leave `XX`, …), check it, and count it found when the expected rule reports the
edited line. Prints the detection rate per rule and overall.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from drafter.api import load  # noqa: E402
from drafter.check.engine import run_checks  # noqa: E402
from drafter.check.textutil import int2cn, make_label, parse_marker  # noqa: E402

SEEDS_DIR = os.environ.get("DRAFTER_SEEDS", os.path.join(os.path.dirname(HERE), "..", "shared", "seeds"))
SEEDS = ["000", "002", "003", "004"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def seed_file(prefix: str) -> str:
    for f in sorted(os.listdir(SEEDS_DIR)):
        if f.startswith(prefix + "_"):
            return os.path.join(SEEDS_DIR, f)
    raise FileNotFoundError(prefix)


def plan_of(res):
    return res.first("plan") or res.first("division") or res.documents[0]


def _nodes(doc, fams=("cn", "paren_cn", "arabic", "paren_arabic")):
    out = []
    for n in doc.walk():
        m = parse_marker(n.label) if n.label else None
        if m and m["family"] in fams and n.line:
            out.append((n, m))
    return out


# each injector: (lines, doc, rng) -> (expected rule, line) or None; edits `lines` in place

def renumber(lines, doc, rng):
    cands = _nodes(doc)
    n, m = rng.choice(cands)
    new = m["value"] + rng.choice([1, -1, 2]) if m["value"] > 1 else m["value"] + rng.choice([1, 2])
    old_label = lines[n.line - 1].lstrip()[:m["end"]]
    new_label = make_label(m["family"], new, m)
    if m["family"] == "cn":
        new_label = f"{int2cn(new)}{m['punct'] or '、'}"
    lines[n.line - 1] = lines[n.line - 1].replace(old_label, new_label, 1)
    return "NUM001", n.line


def copy_item(lines, doc, rng):
    items = [n for n in doc.items() if n.line and len(n.body) >= 30]
    a, b = rng.sample(items, 2)
    body = a.body
    # change one word (two characters) in the copied text
    spots = [i for i in range(len(body) - 1) if CJK.match(body[i]) and CJK.match(body[i + 1])]
    i = rng.choice(spots)
    body = body[:i] + rng.choice(["推进", "加强", "深化", "完善", "健全"]) + body[i + 2:]
    raw = lines[b.line - 1]
    indent = raw[:len(raw) - len(raw.lstrip())]
    lines[b.line - 1] = indent + (b.label or "") + body
    # a PDF-broken item spans several lines: drop the rest of the overwritten item
    j = b.line
    while j < len(lines) and lines[j].strip() and not parse_marker(lines[j].strip()) and not b.text.endswith(lines[j - 1].strip()[-5:]):
        j += 1
    return "DUP001", b.line


def roll_year(lines, doc, rng):
    y = doc.year
    start = (doc.line or 1) + 1
    end = doc.end_line or len(lines)
    spots = [(i, m) for i in range(start, end + 1) for m in re.finditer(rf"(?<![\d\-—]){y}\s*年(?![\-—])", lines[i - 1])
             if "《" not in lines[i - 1][max(0, m.start() - 15):m.start()]]
    if not spots:
        return None
    i, m = rng.choice(spots)
    lines[i - 1] = lines[i - 1][:m.start()] + str(y - 1) + lines[i - 1][m.start() + 4:]
    return "YR001", i


def stale_term(lines, doc, rng):
    y = doc.year
    periods = [("十一五", 2010), ("十二五", 2015), ("十三五", 2020), ("十四五", 2025)]
    stale = [p for p, until in periods if until < y - 1] or [p for p, until in periods if until < y]
    term = stale[-1]
    items = [n for n in doc.items() if n.line]
    n = rng.choice(items)
    line = lines[n.line - 1]
    k = line.find("。")
    phrase = rng.choice([f"，推进“{term}”规划实施", f"，落实{term}规划部署", f"，对标“{term}”目标"])
    lines[n.line - 1] = line[:k] + phrase + line[k:] if k > 0 else line + phrase
    return "YR002", n.line


def delete_closer(lines, doc, rng):
    start, end = doc.line or 1, doc.end_line or len(lines)
    spots = [(i, m.start()) for i in range(start + 1, end + 1) for m in re.finditer("[》”)）]", lines[i - 1])]
    if not spots:
        return None
    i, pos = rng.choice(spots)
    lines[i - 1] = lines[i - 1][:pos] + lines[i - 1][pos + 1:]
    return "TXT001", i


def leave_xx(lines, doc, rng):
    items = [n for n in doc.walk() if n.line]
    spots = [(n.line, m) for n in items for m in re.finditer(r"\d+(?:\.\d+)?(?=[万亿]?[件家个项场次%])", lines[n.line - 1])]
    if not spots:
        n = rng.choice(items)
        line = lines[n.line - 1]
        k = line.find("。")
        lines[n.line - 1] = line[:k] + "，全年完成XX项" + line[k:] if k > 0 else line + "XX"
        return "TXT002", n.line
    ln, m = rng.choice(spots)
    lines[ln - 1] = lines[ln - 1][:m.start()] + rng.choice(["XX", "××", "X"]) * 1 + lines[ln - 1][m.end():]
    return ("TXT002", ln) if "X" not in lines[ln - 1][m.start():m.start() + 1] or lines[ln - 1][m.start():m.start() + 2] in ("XX", "××") else None


def bad_form(lines, doc, rng):
    n, m = rng.choice(_nodes(doc))
    raw = lines[n.line - 1]
    lab = raw.lstrip()[:m["end"]]
    if m["family"] == "arabic":
        new = lab[:-1] + "、"
    elif m["family"] == "cn":
        new = lab[:-1] + rng.choice([".", "，"])
    else:
        new = lab + "、"
    lines[n.line - 1] = raw.replace(lab, new, 1)
    return "NUM002", n.line


def mixed_form(lines, doc, rng):
    cands = [(n, m) for n, m in _nodes(doc, ("paren_cn", "paren_arabic")) if m["open"] == "("]
    if len(cands) < 3:
        return None
    n, m = rng.choice(cands)
    raw = lines[n.line - 1]
    lab = raw.lstrip()[:m["end"]]
    lines[n.line - 1] = raw.replace(lab, lab.replace("(", "（").replace(")", "）"), 1)
    return "NUM003", n.line


def repeat_para(lines, doc, rng):
    items = [n for n in doc.items() if n.line and len(n.body) >= 20 and n.body.endswith("。")]
    n = rng.choice(items)
    lines.insert(n.line, lines[n.line - 1])
    return "DUP002", n.line + 1


def stray_space(lines, doc, rng):
    n = rng.choice([n for n in doc.items() if n.line])
    line = lines[n.line - 1]
    spots = [i for i in range(len(line) - 1) if CJK.match(line[i]) and CJK.match(line[i + 1])]
    i = rng.choice(spots)
    lines[n.line - 1] = line[:i + 1] + " " + line[i + 1:]
    return "TXT003", n.line


FAULTS = {"renumber an item": renumber, "copy an item, one word changed": copy_item,
          "roll a year back": roll_year, "expired term (十三五…)": stale_term, "delete a closing 》/”/)": delete_closer,
          "leave XX": leave_xx, "wrong marker form (1、)": bad_form, "mixed bracket width": mixed_form,
          "paragraph printed twice": repeat_para, "space inside words": stray_space}


def run(n: int, seed: int) -> dict:
    rng = random.Random(seed)
    stats = defaultdict(lambda: [0, 0])   # rule -> [found, tried]
    by_fault = defaultdict(lambda: [0, 0])
    misses = defaultdict(list)
    tmp = tempfile.mkdtemp(prefix="drafter-faults-")
    for prefix in SEEDS:
        path = seed_file(prefix)
        text = open(path, encoding="utf-8").read()
        clean = load(path)
        doc = plan_of(clean)
        for fname, inject in FAULTS.items():
            for k in range(n):
                lines = text.split("\n")
                try:
                    got = inject(lines, doc, rng)
                except (IndexError, ValueError):
                    got = None
                if not got:
                    continue
                rule, line = got
                p = os.path.join(tmp, f"{prefix}-{k}.txt")
                with open(p, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines))
                fs = run_checks(load(p), select=rule)
                # a finding that names two places (DUP001) counts when either is the edited line
                hit = any(f.rule == rule and (f.line == line or any(x.get("line") == line for x in f.related)) for f in fs)
                stats[rule][1] += 1
                by_fault[fname][1] += 1
                if hit:
                    stats[rule][0] += 1
                    by_fault[fname][0] += 1
                else:
                    misses[rule].append((prefix, line, lines[line - 1][:50] if line <= len(lines) else ""))
    return {"rules": dict(stats), "faults": dict(by_fault), "misses": dict(misses)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show-misses", action="store_true")
    a = ap.parse_args()
    r = run(a.n, a.seed)
    tf = tt = 0
    print(f"{'fault':<34}{'rule':<8}{'found':>7}{'tried':>7}{'rate':>8}")
    for fname, (f, t) in r["faults"].items():
        tf += f
        tt += t
        print(f"{fname:<34}{'':<8}{f:>7}{t:>7}{f / t:>8.0%}")
    print()
    for rule, (f, t) in sorted(r["rules"].items()):
        print(f"{'':<34}{rule:<8}{f:>7}{t:>7}{f / t:>8.0%}")
    print(f"\noverall: {tf}/{tt} = {tf / tt:.0%}")
    if a.show_misses:
        for rule, ms in r["misses"].items():
            for m in ms[:8]:
                print("MISS", rule, *m)


if __name__ == "__main__":
    main()
