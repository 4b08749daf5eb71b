"""Carry last year's text into next year: years rolled, renamed agencies updated, punctuation made full-width,
and notes on what a person still has to look at (dated terms, targets with last year's values).

Pure text functions; `drafter init` (draft/to_outline.py) applies them to every node.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..resources import rules_dir

# --- years ------------------------------------------------------------------------------------------------

_DASH = r"[-－—–~～至到]"
_YEAR = re.compile(r"(?<![\d.])(\d{4})(?=\s*年)")


def _in_book_title(text: str, pos: int) -> bool:
    """Is `pos` inside 《…》 (a title that must never change)?"""
    depth = 0
    for ch in text[:pos]:
        if ch == "《":
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
    return depth > 0


def _in_range(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 3):start]
    after = text[end:end + 8]
    if re.search(_DASH + r"\s*$", before):
        return True
    if re.match(r"\s*年?\s*" + _DASH + r"\s*\d{2,4}", after):
        return True
    return False


def roll_years(text: str, old: int, new: int) -> tuple[str, list[int]]:
    """Move the plan's own year references forward: `old` → `new` and `old-1` → `new-1`.

    Ranges (`2021-2035年`, `2016—2020年`) and anything inside 《》 stay as written.
    Returns the new text and the other standalone years left untouched (for a review note).
    """
    shift = new - old
    left: list[int] = []

    def sub(m: re.Match) -> str:
        y = int(m.group(1))
        if _in_book_title(text, m.start()) or _in_range(text, m.start(), m.end()):
            return m.group(0)
        if y in (old, old - 1):
            return str(y + shift)
        if y < old - 1:
            left.append(y)
        return m.group(0)

    return _YEAR.sub(sub, text), left


# --- punctuation ------------------------------------------------------------------------------------------

_CJK = r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》—…]"
_PAIRS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


_TERMINAL = "。！？；!?;…"          # a preamble line ending so ends its paragraph


def join_hard_breaks(text: str, paragraphs: bool = False) -> str:
    """Undo the line breaks a PDF or a web page put inside a sentence.

    With `paragraphs=False` every break goes (an item's text is one paragraph); with `paragraphs=True` a
    break stays only where the line before it ends a sentence (a preamble keeps its paragraphs)."""
    if not text or "\n" not in text:
        return (text or "").strip()
    lines = [ln.strip() for ln in text.splitlines()]
    out: list[str] = []
    for ln in lines:
        if not ln:
            if paragraphs and out and out[-1] != "\n":
                out.append("\n")
            continue
        if out and out[-1] != "\n":
            prev = out[-1]
            if paragraphs and prev.endswith(tuple(_TERMINAL)):
                out.append("\n")
            elif re.search(r"[A-Za-z0-9]$", prev) and re.match(r"[A-Za-z0-9]", ln):
                out.append(" ")      # two Latin words or numbers broken apart keep a space
        out.append(ln)
    return "".join(out).strip()


def _quotes(text: str) -> str:
    """ASCII double quotes in Chinese text, paired in order, become “”; a line with an odd count is left."""
    if '"' not in text or text.count('"') % 2 or not re.search(r"[\u4e00-\u9fff]", text):
        return text
    parts = text.split('"')
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append("“" if i % 2 == 0 else "”")
        out.append(part)
    return "".join(out)


def fullwidth_punct(text: str) -> str:
    """ASCII , ; : ? ! ( ) and "" next to Chinese become full-width (GB/T 15834); numbers, URLs, `1.` stay.
    No-break and ideographic spaces a web copy leaves inside a sentence go too."""
    if not text:
        return text
    out = text.replace("\u00a0", " ").replace("\u2002", " ").replace("\u2003", " ")
    out = _quotes(out)
    for a, f in _PAIRS.items():
        a_re = re.escape(a)
        out = re.sub(rf"(?<={_CJK})\s*{a_re}\s*|{a_re}\s*(?={_CJK})", f, out)
    # brackets: a pair whose content or surroundings are Chinese
    out = re.sub(r"\(([^()]*)\)", lambda m: f"（{m.group(1)}）"
                 if re.search(_CJK, m.group(1)) or re.search(_CJK, out[max(0, m.start() - 1):m.start()]) else m.group(0),
                 out)
    # stray spaces between Chinese characters (web copies)
    out = re.sub(rf"(?<={_CJK}) +(?={_CJK})", "", out)
    out = re.sub(r"(?<=[\u4e00-\u9fff]) +(?=\d)|(?<=\d) +(?=[\u4e00-\u9fff])", "", out)
    return out


# --- agency renames and dated terms (data in rules/, with small fallbacks) -------------------------------

@dataclass
class Rename:
    old: str               # core name, without a place prefix (工商局)
    new: str               # core name (市场监管局)
    year: int = 0          # the new name is in force from this year (reported for plans of later years)
    region: str = ""       # only for documents whose issuer or title names this place
    until: int = 0         # the old name came back after this year


@dataclass
class DatedTerm:
    term: str              # a regular expression (or plain text)
    note: str
    after: int = 0         # dated in plans of a year > after
    unless: str = ""       # not dated when the sentence also matches this (十三五 … 成绩/总结/回顾)
    name: str = ""


FALLBACK_TERMS = [
    DatedTerm("十三五", "“十三五”已于2020年结束", 2020, "时期|期间|以来|成就|成绩|总结|回顾|收官|评估|完成"),
    DatedTerm("十九大", "党的十九大精神的提法在2022年10月党的二十大之后已过时", 2022),
    DatedTerm("收官之年", "“收官之年”等说法随年份变化", 0),
    DatedTerm("开局之年", "“开局之年”等说法随年份变化", 0),
    DatedTerm("疫情防控", "疫情防控的提法随年份变化", 2022),
    DatedTerm("脱贫", "脱贫攻坚已于2020年完成", 2020),
    DatedTerm("全面建成小康社会", "全面建成小康社会的提法随年份变化", 2020),
]


def _read_yaml(name: str):
    p = None
    try:
        p = rules_dir() / name
    except FileNotFoundError:
        return None
    if not p.is_file():
        return None
    from ..yamlio import load_yaml
    try:
        return load_yaml(p.read_text(encoding="utf-8"), p.name)
    except Exception:   # a broken rules file must not stop init; check reports it
        return None


def load_renames() -> list[Rename]:
    """rules/agencies.yaml `renames:` — [{old: [..], new: .., year: N, region: .., until: N}]."""
    data = _read_yaml("agencies.yaml")
    out: list[Rename] = []
    if not isinstance(data, dict) or not isinstance(data.get("renames"), list):
        return out

    def year(v) -> int:
        m = re.search(r"\d{4}", str(v or ""))
        return int(m.group(0)) if m else 0

    for r in data["renames"]:
        if not isinstance(r, dict) or not r.get("old") or not r.get("new"):
            continue
        olds = r["old"] if isinstance(r["old"], list) else [r["old"]]
        for o in olds:
            out.append(Rename(str(o), str(r["new"]), year(r.get("year")), str(r.get("region") or ""),
                              year(r.get("until"))))
    return out


def load_terms() -> list[DatedTerm]:
    """rules/terms.yaml `terms:` — [{name, pattern, until: YYYY-MM-DD, grace: N, unless: regex, suggestion}]."""
    data = _read_yaml("terms.yaml")
    seq = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(seq, list):
        return FALLBACK_TERMS
    out = []
    for t in seq:
        if not isinstance(t, dict) or not (t.get("pattern") or t.get("name")):
            continue
        m = re.search(r"\d{4}", str(t.get("until") or ""))
        if not m:
            continue                     # not dated (or dated in a way init cannot judge)
        after = int(m.group(0)) + int(t.get("grace") or 0)
        name = str(t.get("name") or t.get("pattern"))
        note = str(t.get("note") or t.get("message") or "")
        out.append(DatedTerm(str(t.get("pattern") or re.escape(name)), note, after, str(t.get("unless") or ""), name))
    return out or FALLBACK_TERMS


@dataclass
class Notes:
    """What a person should look at in one node."""
    items: list[str] = field(default_factory=list)

    def add(self, s: str) -> None:
        s = re.sub(r"\s*\n\s*", "", s)    # a note is one YAML comment line: a break in it would end the comment
        if s not in self.items:
            self.items.append(s)

    def text(self) -> Optional[str]:
        return "请核对：" + "；".join(self.items) if self.items else None


def applicable(renames: list[Rename], year: int, context: str) -> dict[str, str]:
    """old core name → new core name for a plan of `year` issued where `context` (issuer + title) says.
    A rename for the document's region wins over a general one; chains (A → B → C) are followed."""
    best: dict[str, Rename] = {}
    for r in renames:
        if r.year and year <= r.year:
            continue
        if r.until and year > r.until:
            continue
        if r.region and r.region not in context:
            continue
        cur = best.get(r.old)
        if cur is None or (r.region and not cur.region) or (bool(r.region) == bool(cur.region) and r.year > cur.year):
            best[r.old] = r
    table = {}
    for old in best:
        new, seen = best[old].new, {old}
        while new in best and new not in seen:
            seen.add(new)
            new = best[new].new
        if new != old:
            table[old] = new
    return table


def rename_agencies(text: str, table: dict[str, str], notes: Notes) -> str:
    """Replace old agency names (core names, any place prefix kept) with their current names."""
    for old in sorted(table, key=len, reverse=True):
        new = table[old]
        if old not in text:
            continue
        out, i = [], 0
        for m in re.finditer(re.escape(old), text):
            # skip when this occurrence is part of the new name already (旅游局 inside 文化和旅游局)
            s0 = max(0, m.start() - len(new))
            if new in text[s0:m.end() + len(new)] and text.find(new, s0) <= m.start() < text.find(new, s0) + len(new):
                continue
            out.append(text[i:m.start()])
            out.append(new)
            i = m.end()
        if out:
            out.append(text[i:])
            text = "".join(out)
            notes.add(f"“{old}”已改为“{new}”")
    return text


_YEAR_ROLE = re.compile(r"\d{4}\s*年[^。；]{0,40}?(?:收官|开局|起步|决胜|攻坚|关键|承上启下)[^。；]{0,6}?之年")


def dated_terms(text: str, year: int, terms: list[DatedTerm], notes: Notes) -> None:
    m = _YEAR_ROLE.search(text)
    if m:
        notes.add(f"“{m.group(0)}”：这一年的定位要按{year}年重写")
    for t in terms:
        if t.after and year <= t.after:
            continue
        try:
            rx = re.compile(t.term)
            unless = re.compile(t.unless) if t.unless else None
        except re.error:
            continue
        for sentence in re.split(r"(?<=[。；！？])", text):
            if rx.search(sentence) and not (unless and unless.search(sentence)):
                label = t.name or rx.pattern
                notes.add(f"含“{label}”" + (f"（{t.note}）" if t.note else "，提法可能已过时"))
                break
