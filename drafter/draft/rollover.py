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


def fullwidth_punct(text: str) -> str:
    """ASCII , ; : ? ! and ( ) next to Chinese become full-width (GB/T 15834); numbers, URLs, `1.` stay."""
    if not text:
        return text
    out = text
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
    old: str
    new: str
    year: int = 0          # from this year on, `old` is gone


@dataclass
class DatedTerm:
    term: str
    note: str
    after: int = 0         # dated in plans of a year > after (or >= after when inclusive)


FALLBACK_TERMS = [
    DatedTerm("十三五", "“十三五”已于2020年结束", 2020),
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
    """rules/agencies.yaml: accepts a list of renames under `renames:` (old/new/year, or from/to/since),
    or agency entries carrying `former:`/`renamed_from:` names. Unknown shapes give no renames."""
    data = _read_yaml("agencies.yaml")
    out: list[Rename] = []
    if not data:
        return out

    def year_of(d) -> int:
        for k in ("year", "since", "from_year", "effective", "date"):
            v = d.get(k)
            if v:
                m = re.search(r"\d{4}", str(v))
                if m:
                    return int(m.group(0))
        return 0

    renames = data.get("renames") if isinstance(data, dict) else None
    if isinstance(renames, list):
        for r in renames:
            if not isinstance(r, dict):
                continue
            olds = r.get("old") or r.get("from") or r.get("before")
            new = r.get("new") or r.get("to") or r.get("after")
            if not olds or not new:
                continue
            for o in (olds if isinstance(olds, list) else [olds]):
                out.append(Rename(str(o), str(new), year_of(r)))
    agencies = data.get("agencies") if isinstance(data, dict) else None
    if isinstance(agencies, list):
        for a in agencies:
            if not isinstance(a, dict):
                continue
            new = a.get("name")
            for k in ("former", "renamed_from", "formerly", "replaces"):
                for o in a.get(k) or []:
                    if isinstance(o, dict):
                        if o.get("name") and new:
                            out.append(Rename(str(o["name"]), str(new), year_of(o)))
                    elif new:
                        out.append(Rename(str(o), str(new), year_of(a)))
    out.sort(key=lambda r: -len(r.old))
    return out


def load_terms() -> list[DatedTerm]:
    for name in ("terms.yaml", "dated_terms.yaml", "years.yaml"):
        data = _read_yaml(name)
        if not data:
            continue
        seq = data.get("terms") if isinstance(data, dict) else data
        out = []
        for t in seq or []:
            if isinstance(t, dict) and (t.get("term") or t.get("pattern")):
                after = 0
                for k in ("after", "until", "obsolete_after", "expires"):
                    if t.get(k):
                        m = re.search(r"\d{4}", str(t.get(k)))
                        after = int(m.group(0)) if m else 0
                        break
                out.append(DatedTerm(str(t.get("term") or t.get("pattern")),
                                     str(t.get("note") or t.get("message") or t.get("zh") or ""), after))
        if out:
            return out
    return FALLBACK_TERMS


@dataclass
class Notes:
    """What a person should look at in one node."""
    items: list[str] = field(default_factory=list)

    def add(self, s: str) -> None:
        if s not in self.items:
            self.items.append(s)

    def text(self) -> Optional[str]:
        return "请核对：" + "；".join(self.items) if self.items else None


def rename_agencies(text: str, renames: list[Rename], year: int, notes: Notes) -> str:
    for r in renames:
        if r.year and year < r.year:
            continue
        if r.old != r.new and r.old in text and not (r.new.startswith(r.old) and r.new in text):
            text = text.replace(r.old, r.new)
            notes.add(f"“{r.old}”已改为“{r.new}”")
    return text


def dated_terms(text: str, year: int, terms: list[DatedTerm], notes: Notes) -> None:
    for t in terms:
        if t.term and t.term in text and (not t.after or year > t.after):
            notes.add(f"含“{t.term}”" + (f"（{t.note}）" if t.note else ""))
