"""Character-level differences between two versions of one item.

rapidfuzz's ``Indel.opcodes`` gives a minimal insert/delete script in C++ (fine at paragraph size).
A minimal script on Chinese text is hard to read: it keeps single shared characters (``的``, ``和``,
``,``) as islands inside a rewritten clause.  A semantic clean-up in the spirit of diff-match-patch
absorbs short equal runs sitting between two edits into the edits, so a reader sees
``<del>加强法制建设</del><ins>加强机关依法行政</ins>`` rather than a confetti of one-character pieces.
"""
from __future__ import annotations

import re

from rapidfuzz.distance import Indel

# a number is one symbol of the diff: 600 → 700 reads as [-600-]{+700+}, not 6[-0-]… or [-6-]{+7+}00
_TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|.", re.S)

Segment = tuple[str, str]  # ("=" | "-" | "+", text)


def char_diff(a: str, b: str, island: int = 2) -> list[Segment]:
    """Segments that turn `a` into `b`: concatenating '=' and '-' gives a, '=' and '+' gives b."""
    if a == b:
        return [("=", a)] if a else []
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    raw: list[Segment] = []
    for op in Indel.opcodes(ta, tb):
        old, new = "".join(ta[op.src_start:op.src_end]), "".join(tb[op.dest_start:op.dest_end])
        if op.tag == "equal":
            raw.append(("=", old))
        elif op.tag == "delete":
            raw.append(("-", old))
        elif op.tag == "insert":
            raw.append(("+", new))
        else:  # replace (not produced by Indel, but harmless)
            raw.append(("-", old))
            raw.append(("+", new))
    return _cleanup(raw, island)


def _cleanup(segs: list[Segment], island: int) -> list[Segment]:
    # absorb short equal islands that sit between two edits
    if island > 0:
        changed = True
        while changed:
            changed = False
            out: list[Segment] = []
            i = 0
            while i < len(segs):
                op, t = segs[i]
                if (op == "=" and 0 < i < len(segs) - 1 and len(t) <= island
                        and segs[i - 1][0] != "=" and segs[i + 1][0] != "="):
                    out.append(("-", t))
                    out.append(("+", t))
                    changed = True
                else:
                    out.append((op, t))
                i += 1
            segs = _merge(out)
    return segs


def _merge(segs: list[Segment]) -> list[Segment]:
    """Group each run of edits as one deletion followed by one insertion; join neighbours of one kind."""
    out: list[Segment] = []
    dels: list[str] = []
    ins: list[str] = []

    def flush() -> None:
        if dels:
            out.append(("-", "".join(dels)))
        if ins:
            out.append(("+", "".join(ins)))
        dels.clear()
        ins.clear()

    for op, t in segs:
        if not t:
            continue
        if op == "-":
            dels.append(t)
        elif op == "+":
            ins.append(t)
        else:
            flush()
            if out and out[-1][0] == "=":
                out[-1] = ("=", out[-1][1] + t)
            else:
                out.append(("=", t))
    flush()
    return out


def old_text(segs: list[Segment]) -> str:
    return "".join(t for op, t in segs if op != "+")


def new_text(segs: list[Segment]) -> str:
    return "".join(t for op, t in segs if op != "-")
