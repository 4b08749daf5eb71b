"""Benchmark `drafter compare` on two 3,200-item synthetic plans made from the seed items.

Old plan: 3,200 items in 40 sections; each item is a lead clause plus 6–10 clauses drawn from the
~2,000 clauses of the five seeds (about 150 characters, like a real item).  New plan: 70 % of the old items mutated (numbers changed, a clause
dropped or swapped, a phrase inserted; 5 % of them moved to another section), the rest new items;
everything renumbered.  Prints wall time and peak memory of the comparison (and of parsing the two
files with the real parser, and of the text/json/html renderers), the alignment accuracy against the
known truth, and the same alignment scored with difflib.SequenceMatcher on a subsample, extrapolated.
Prints numbers, asserts nothing.

    .venv/bin/python bench/bench_compare.py [--items 3200] [--seed 1]
"""
from __future__ import annotations

import argparse
import difflib
import os
import random
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.compare import align  # noqa: E402
from drafter.compare.engine import compare_documents, item_refs, _item_text  # noqa: E402
from drafter.model import Document, Node  # noqa: E402

SEEDS = Path(os.environ.get("DRAFTER_SEEDS", ROOT.parent / "shared" / "seeds"))
CN = "一二三四五六七八九十"


def cn_num(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + (CN[n - 11] if n > 10 else "")
    t, u = divmod(n, 10)
    return CN[t - 1] + "十" + (CN[u - 1] if u else "")


def sentence_pool() -> list[str]:
    pool = []
    for p in sorted(SEEDS.glob("0*.txt")):
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.strip().replace("\u00a0", "")
            for s in re.split(r"(?<=。)", line):
                s = re.sub(r"^([0-9]+\.|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|——)", "", s).strip()
                if 12 <= len(s) <= 120 and s.endswith("。") and "http" not in s:
                    pool.append(s)
    return sorted(set(pool))


def clause_pool(sentences: list[str]) -> list[str]:
    out = set()
    for s in sentences:
        for c in re.split(r"[,，;；。]", s):
            c = c.strip()
            if 6 <= len(c) <= 40:
                out.add(c)
    return sorted(out)


def make_item(rng: random.Random, pool: list[str], uid: int) -> str:
    """A lead clause and 6–10 clauses drawn from all seeds' clauses, ~150 characters, like a real item."""
    lead = rng.choice(pool)[:rng.randint(4, 8)] + rng.choice(pool)[-rng.randint(4, 8):] + "。"
    body = rng.sample(pool, rng.randint(6, 10))
    sents, cur = [], []
    for c in body:
        cur.append(c)
        if len(cur) >= rng.randint(2, 3):
            sents.append(",".join(cur) + "。")
            cur = []
    if cur:
        sents.append(",".join(cur) + "。")
    sents.append(f"全年完成{rng.randint(3, 900)}项任务。")
    return lead + "".join(sents)


def mutate(rng: random.Random, text: str, pool: list[str]) -> str:
    sents = re.split(r"(?<=。)", text)
    sents = [s for s in sents if s]
    lead, rest = sents[0], sents[1:]
    r = rng.random()
    if r < 0.25 and len(rest) > 2:
        rest.pop(rng.randrange(len(rest)))                 # a clause dropped
    elif r < 0.5 and len(rest) > 1:
        i = rng.randrange(len(rest) - 1)
        rest[i], rest[i + 1] = rest[i + 1], rest[i]        # two clauses swapped
    elif r < 0.7:
        rest.insert(rng.randrange(len(rest) + 1), rng.choice(pool) + "。")  # a clause added
    out = lead + "".join(rest)
    out = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), out)   # new figures
    if rng.random() < 0.3:
        out = out.replace("加强", "进一步加强", 1).replace("推进", "深入推进", 1)
    return out


def build(n_items: int, seed: int):
    rng = random.Random(seed)
    pool = clause_pool(sentence_pool())
    n_sec = 40
    per = n_items // n_sec
    old_secs = []
    uid = 0
    for s in range(n_sec):
        items = []
        for _ in range(per):
            uid += 1
            items.append((uid, make_item(rng, pool, uid)))
        old_secs.append((rng.choice(pool)[:20], items))
    new_secs = [(h, []) for h, _ in old_secs]
    truth = {}
    for s, (_, items) in enumerate(old_secs):
        for u, text in items:
            r = rng.random()
            if r < 0.70:
                target = s if rng.random() > 0.05 else rng.randrange(n_sec)
                new_secs[target][1].append((u, mutate(rng, text, pool)))
                truth[u] = True
            # else: dropped
    n_new = n_items - sum(len(i) for _, i in new_secs)
    for k in range(max(0, n_new)):
        uid += 1
        new_secs[rng.randrange(n_sec)][1].append((-uid, make_item(rng, pool, uid)))
    for _, items in new_secs:
        rng.shuffle(items) if rng.random() < 0.1 else None
    return old_secs, new_secs


def to_doc(secs, year: int) -> tuple[Document, dict[int, int]]:
    doc = Document(kind="plan", title=f"某局{year}年工作要点", year=year)
    ids = {}
    n = 0
    line = 3
    for k, (head, items) in enumerate(secs, 1):
        sec = Node(label=f"{cn_num(k)}、", number=k, title=head, text=f"{cn_num(k)}、{head}", line=line)
        line += 1
        for u, text in items:
            n += 1
            lab = f"{n}."
            sec.children.append(Node(label=lab, number=n, title=text.split("。")[0] + "。", text=lab + text,
                                     line=line))
            ids[n - 1] = u
            line += 1
        doc.sections.append(sec)
    return doc, ids


def write_txt(doc: Document, path: str) -> None:
    lines = [doc.title, ""]
    for s in doc.sections:
        lines.append(s.text)
        lines.extend(c.text for c in s.children)
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(fn, *a, **kw):
    """(result, wall seconds, peak traced bytes); traced runs are slower than plain ones."""
    tracemalloc.start()
    t0 = time.perf_counter()
    out = fn(*a, **kw)
    dt = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return out, dt, peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=3200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=150, help="difflib subsample size (square)")
    args = ap.parse_args()

    old_secs, new_secs = build(args.items, args.seed)
    old_doc, old_ids = to_doc(old_secs, 2023)
    new_doc, new_ids = to_doc(new_secs, 2024)
    no, nn = len(old_doc.items()), len(new_doc.items())
    mean_len = sum(len(n.text) for n in old_doc.items()) / no
    print(f"plans: {no} old items × {nn} new items, mean {mean_len:.0f} characters, cores: {os.cpu_count()}")

    # warm-up (imports, thread pool)
    compare_documents(Document(sections=old_doc.sections[:1]), Document(sections=new_doc.sections[:1]))

    t0 = time.perf_counter()
    cmp = compare_documents(old_doc, new_doc)
    dt = time.perf_counter() - t0
    _, _, peak = timed(compare_documents, old_doc, new_doc)   # memory in a second run (tracemalloc is slow)
    print(f"compare_documents (align + statuses + diffs + sections + tracking): {dt:.2f} s wall; "
          f"peak traced memory {peak / 2**20:.0f} MiB")

    o_refs, n_refs = item_refs(old_doc), item_refs(new_doc)
    ot, nt = [_item_text(r) for r in o_refs], [_item_text(r) for r in n_refs]
    t0 = time.perf_counter()
    cand = align.score_pairs(ot, nt)
    t1 = time.perf_counter()
    pairs = align.assign_pairs(*cand, no, nn)
    t2 = time.perf_counter()
    dt_s = t1 - t0
    print(f"  of which: scores (bigram Dice: whole items by inverted index, lead sentences by rapidfuzz cdist, "
          f"in blocks of old items; {len(cand[0])} candidate pairs kept) {dt_s:.2f} s; "
          f"one-to-one assignment {t2 - t1:.2f} s")

    # accuracy against the truth
    by_uid_new = {u: i for i, u in new_ids.items()}
    truth = {o: by_uid_new.get(u) for o, u in old_ids.items()}
    got = {r: c for r, c, _ in pairs}
    tp = sum(1 for o, n in truth.items() if n is not None and got.get(o) == n)
    fp = sum(1 for o, n in got.items() if truth.get(o) != n)
    n_true = sum(1 for n in truth.values() if n is not None)
    print(f"  alignment: {len(pairs)} pairs; {tp}/{n_true} true pairs found, {fp} wrong pairs; "
          f"counts {cmp.counts()}")

    from drafter.report.compare_html import render_html
    from drafter.report.compare_json import render_json
    from drafter.report.compare_text import render_text
    for name, fn in (("text", lambda: render_text(cmp, colour=False)), ("json", lambda: render_json(cmp)),
                     ("html", lambda: render_html(cmp))):
        t0 = time.perf_counter()
        out = fn()
        dt_r = time.perf_counter() - t0
        print(f"  render {name}: {dt_r:.2f} s ({len(out) / 2**20:.1f} MiB)")
    try:
        from drafter.report.compare_docx import build_docx
        t0 = time.perf_counter()
        build_docx(cmp)
        dt_d = time.perf_counter() - t0
        print(f"  build docx: {dt_d:.2f} s")
    except Exception as e:  # pragma: no cover
        print(f"  build docx: failed: {e}")

    # end to end through the real parser, as the command does it
    with tempfile.TemporaryDirectory() as d:
        po, pn = os.path.join(d, "old.txt"), os.path.join(d, "new.txt")
        write_txt(old_doc, po)
        write_txt(new_doc, pn)
        try:
            from drafter.api import load
            from drafter.compare.engine import pick_plan
            t0 = time.perf_counter()
            ro, rn = load(po), load(pn)
            t1 = time.perf_counter()
            c2 = compare_documents(pick_plan(ro), pick_plan(rn))
            t2 = time.perf_counter()
            print(f"end to end from .txt: parse both {t1 - t0:.2f} s + compare {t2 - t1:.2f} s "
                  f"= {t2 - t0:.2f} s ({len(pick_plan(ro).items())} × {len(pick_plan(rn).items())} items parsed; "
                  f"counts {c2.counts()})")
        except Exception as e:  # pragma: no cover
            print(f"end to end from .txt: parser failed: {type(e).__name__}: {e}")

    # difflib reference on a subsample
    k = min(args.sample, no, nn)
    rng = random.Random(0)
    so = rng.sample(range(no), k)
    sn = rng.sample(range(nn), k)
    a = [align.norm_fuzzy(ot[i].whole) for i in so]
    b = [align.norm_fuzzy(nt[j].whole) for j in sn]
    t0 = time.perf_counter()
    for x in a:
        sm = difflib.SequenceMatcher(None, autojunk=False)
        sm.set_seq2(x)
        for y in b:
            sm.set_seq1(y)
            sm.ratio()
    dt_dl = time.perf_counter() - t0
    est = dt_dl * (no * nn) / (k * k)
    print(f"difflib.SequenceMatcher.ratio on {k}×{k}: {dt_dl:.2f} s → {no}×{nn} extrapolated ≈ {est:.0f} s "
          f"({est / 60:.1f} min), vs {dt_s:.2f} s for the rapidfuzz score matrix")
    ru = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"process peak RSS: {ru / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
