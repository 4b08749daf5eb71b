"""Synthetic plans of any size, made from the clauses of the real seed plans (deterministic)."""
from __future__ import annotations

import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
CN = "一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return "一二三四五六七八九十"[n - 1]
    if n < 20:
        return "十" + CN[n - 11]
    return CN[n // 10 - 1] + "十" + (CN[n % 10 - 1] if n % 10 else "")


def clause_pool() -> list[str]:
    """Clauses (between commas) of the seed plans' items."""
    from drafter.api import load
    pool: set[str] = set()
    for name in ("000", "002", "003", "004"):
        path = next(SEEDS.glob(name + "_*.txt"))
        for doc in load(str(path)).documents:
            for node in doc.items():
                for c in re.split(r"[，,。；;]", node.body):
                    c = c.strip()
                    if 6 <= len(c) <= 40 and not c[0].isdigit() and not re.search(r"[()（）《》“”\"]", c):
                        pool.add(c)
    return sorted(pool)


def plan_text(n_items: int, year: int = 2024, seed: int = 7, sections: int | None = None) -> str:
    """A plan of `n_items` items, numbered 1.–N. running on across sections, each item a new mix of clauses."""
    rnd = random.Random(seed)
    pool = clause_pool()
    sections = sections or max(1, min(99, n_items // 100 or 1))
    per = -(-n_items // sections)
    out = [f"天津市知识产权局{year}年工作要点", "",
           f"{year}年，全市知识产权工作坚持稳中求进，有效发明专利达到4万件，全年组织线上线下培训不少于70场次。"]
    k = 0
    for s in range(1, sections + 1):
        out.append(f"{_cn(s)}、{rnd.choice(pool)}")
        for _ in range(per):
            if k >= n_items:
                break
            k += 1
            parts = rnd.sample(pool, 4)
            out.append(f"{k}.{parts[0]}。{parts[1]}，{parts[2]}，{parts[3]}。（市知识产权局负责）")
    return "\n".join(out) + "\n"


COPIES = 16      # one task written for each of a province's ~16 prefectures
CHANGED = 12     # characters changed in each copy ("a dozen"), as a few words of 3–5 characters
_CJK = re.compile(r"[\u4e00-\u9fff]")


def seed_items() -> list[str]:
    """The bodies of every item of the five seeds (label left out, one line each), in reading order."""
    from drafter.api import load
    out: list[str] = []
    for path in sorted(SEEDS.glob("0*.txt")):
        for doc in load(str(path)).documents:
            for node in doc.items():
                body = re.sub(r"\s+", "", node.body)
                if body:
                    out.append(body)
    return out


def _change_words(text: str, rnd: random.Random, chars: str, n_changed: int = CHANGED) -> str:
    """`text` with about `n_changed` Chinese characters replaced, a few words at a time, by other seed words;
    punctuation, brackets, digits and labels are left as they are."""
    s = list(text)
    cjk = [i for i, ch in enumerate(s) if _CJK.match(ch)]
    left = min(n_changed, len(cjk))
    while left > 0 and cjk:
        run = min(left, rnd.randint(3, 5))
        i = rnd.choice(cjk)
        k = rnd.randrange(len(chars) - run)
        word = chars[k:k + run]
        for d in range(run):
            if i + d < len(s) and _CJK.match(s[i + d]):
                s[i + d] = word[d]
        left -= run
    return "".join(s)


def near_duplicate_plan_text(n_items: int, year: int = 2024, seed: int = 5, copies: int = COPIES) -> str:
    """A consolidated 任务分工 of `n_items` items: each task of the seeds written `copies` times (once for each
    prefecture), every copy with a dozen characters changed; items numbered 1.–N. running on across sections.

    The number of copies of a task stays the same at every size (more items means more tasks, not more
    prefectures), so the plan has the same character at 320, 3,200 and 10,000 items.  There are 208 seed
    items; a plan needing more tasks than that makes the others by joining the first half of one seed
    item to the second half of another.
    """
    rnd = random.Random(seed)
    base = seed_items()
    chars = "".join(_CJK.findall("".join(base)))
    n_tasks = -(-n_items // copies)
    tasks = []
    for t in range(n_tasks):
        if t < len(base):
            tasks.append(base[t])
        else:
            a, b = base[t % len(base)], base[(t // len(base) * 37 + t * 11 + 5) % len(base)]
            tasks.append(a[:len(a) // 2] + b[len(b) // 2:])
    bodies = [_change_words(tasks[t], rnd, chars) for t in range(n_tasks) for _ in range(copies)][:n_items]
    rnd.shuffle(bodies)
    sections = max(1, min(99, n_items // 100 or 1))
    per = -(-n_items // sections)
    pool = clause_pool()
    out = [f"某省{year}年重点工作任务分工", "",
           f"{year}年，全省工作坚持稳中求进，各市对照本分工逐项抓好落实。"]
    k = 0
    for s in range(1, sections + 1):
        out.append(f"{_cn(s)}、{rnd.choice(pool)}")
        for _ in range(per):
            if k >= n_items:
                break
            out.append(f"{k + 1}.{bodies[k]}")
            k += 1
    return "\n".join(out) + "\n"


def mutate(text: str, seed: int = 11) -> str:
    """Next year's version: ~70% of items kept (some reworded), ~30% replaced, everything renumbered."""
    rnd = random.Random(seed)
    pool = clause_pool()
    out, k = [], 0
    for line in text.split("\n"):
        m = re.match(r"^(\d+)\.(.*)$", line)
        if not m:
            out.append(line.replace("2024年", "2025年"))
            continue
        body = m.group(2)
        r = rnd.random()
        if r < 0.1:
            continue  # dropped
        k += 1
        if r < 0.3:
            parts = rnd.sample(pool, 4)
            body = f"{parts[0]}。{parts[1]}，{parts[2]}，{parts[3]}。（市知识产权局负责）"
        elif r < 0.5:
            body = body.replace("，", "，进一步", 1)
        out.append(f"{k}.{body}")
    return "\n".join(out)


if __name__ == "__main__":
    import sys
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    print((near_duplicate_plan_text if "--near-duplicates" in sys.argv else plan_text)(n), end="")
