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
    print(plan_text(int(sys.argv[1]) if len(sys.argv) > 1 else 100), end="")
