"""Heading and item markers: 第一部分 一、 (一) （一） 1. 1． (1) 1） ① —— 一是, as written at the start of a paragraph.

A marker has a *family* (its shape, ignoring ASCII/full-width and typos such as `1、`) and a
value. Families have a canonical rank (GB/T 9704 §7.3.3: 一、 → （一） → 1. → （1）); 第X部分 ranks
above them all, bullets (—— and 一是) below every numbered level. A paragraph in a Word heading
style with no marker at all is a heading of family `h1`…`h9`, ranked above every marker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN = "一二三四五六七八九十百零〇"

# family -> rank (lower = higher in the hierarchy)
RANK = {**{f"h{i}": i - 20 for i in range(1, 10)}, "part": -1, "cn": 0, "paren_cn": 1, "arabic": 2, "paren_arabic": 3, "circled": 4, "shi": 5, "dash": 5}


def cn_to_int(s: str) -> Optional[int]:
    """Chinese numerals up to 九百九十九: 一 → 1, 十 → 10, 十一 → 11, 二十 → 20, 一百零五 → 105."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    seen = False
    for ch in s:
        if ch in CN_DIGITS:
            cur = CN_DIGITS[ch]
            seen = True
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
            seen = True
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
            seen = True
        else:
            return None
    return total + cur if seen else None


def int_to_cn(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (up to 999)."""
    digits = "零一二三四五六七八九"
    if n < 0 or n >= 1000:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    h, rest = divmod(n, 100)
    if rest == 0:
        return digits[h] + "百"
    if rest < 10:
        return digits[h] + "百零" + digits[rest]
    tail = int_to_cn(rest)
    if rest < 20:
        tail = "一" + tail
    return digits[h] + "百" + tail


_FULLWIDTH_DIGITS = {0xFF10 + i: 0x30 + i for i in range(10)}


_ANY_FULLWIDTH_DIGIT = re.compile("[０-９]")


def fullwidth_digits(s: str) -> str:
    return s.translate(_FULLWIDTH_DIGITS) if _ANY_FULLWIDTH_DIGIT.search(s) else s


@dataclass
class Marker:
    family: str
    label: str  # as written, e.g. "（一）", "1．", "一、"
    number: Optional[int]
    rest: str  # the text after the label
    # a label missing its closing bracket ("（三加强…"): taken only where its number is the one expected
    broken: bool = False

    @property
    def rank(self) -> int:
        return RANK[self.family]


_WS = r"[ \t\u00a0\u3000]*"
_RE_CN = re.compile(rf"^([{CN}]{{1,4}}){_WS}([、，,．.：:])")
_RE_PAREN_CN = re.compile(rf"^([（(]){_WS}([{CN}]{{1,4}}){_WS}([）)])([、.．,，]?)")
_RE_PAREN_CN_BROKEN = re.compile(rf"^([（(]){_WS}([{CN}]{{1,3}})(?=[\u4e00-\u9fff])")
_RE_ARABIC = re.compile(r"^([0-9０-９]{1,4})([.．、，,])(?![0-9０-９])")
_RE_PAREN_AR = re.compile(rf"^([（(]?){_WS}([0-9０-９]{{1,3}}){_WS}([）)])([、.．,，]?)")
_RE_PART = re.compile(rf"^第([{CN}]{{1,3}})(部分|篇)(?=$|[ \t\u00a0\u3000、：:]|[\u4e00-\u9fff])")
_RE_CIRCLED = re.compile(r"^([\u2460-\u2473])")
_RE_DASH = re.compile(r"^(——|－－|--)(?=\S)")
_RE_SHI = re.compile(rf"^([{CN}]{{1,3}})是(?=[^，,。；;、])")


# the characters each kind of label can start with: a line is tried only against the patterns it can match
_OPEN = frozenset("（(")
_CN_START = frozenset(CN)
_DIGIT = frozenset("0123456789０１２３４５６７８９")
_PAREN_AR_START = _OPEN | _DIGIT | frozenset(" \t\u00a0\u3000")
_CIRCLED = frozenset(map(chr, range(0x2460, 0x2474)))
_DASH = frozenset("—－-")
_STARTS = _PAREN_AR_START | _CN_START | _CIRCLED | _DASH | {"第"}


def match_marker(line: str) -> Optional[Marker]:
    """The marker at the start of `line` (already stripped), or None."""
    if not line or line[0] not in _STARTS:
        return None
    c = line[0]
    if c == "第":
        m = _RE_PART.match(line)
        if m:
            return Marker("part", m.group(0), cn_to_int(m.group(1)), line[m.end():].lstrip(" \t\u00a0\u3000、：:"))
        return None
    if c in _OPEN:
        m = _RE_PAREN_CN.match(line)
        if m:
            n = cn_to_int(m.group(2))
            if n:
                return Marker("paren_cn", m.group(0), n, line[m.end():])
    if c in _PAREN_AR_START:
        m = _RE_PAREN_AR.match(line)
        if m:
            return Marker("paren_arabic", m.group(0), int(m.group(2)), line[m.end():])
    if c in _CN_START:
        m = _RE_CN.match(line)
        if m:
            n = cn_to_int(m.group(1))
            # "一，" / "一." / "一:" only as typos of "一、" when a real heading follows, not "十.5" etc.
            if n and (m.group(2) == "、" or (len(line) > m.end() and not line[m.end()].isdigit())):
                if m.group(2) in "：:" and n > 20:
                    return None
                return Marker("cn", m.group(0), n, line[m.end():])
    elif c in _DIGIT:
        m = _RE_ARABIC.match(line)
        if m:
            n = int(m.group(1))
            rest = line[m.end():]
            if m.group(2) in ",，":  # "1,000" or "3,5个" are numbers; "1，" is not a form of "1."
                return None
            if n == 0 or rest[:1] in ("%", "‰"):
                return None
            return Marker("arabic", m.group(0), n, rest)
    if c in _OPEN:
        m = _RE_PAREN_CN_BROKEN.match(line)
        if m and cn_to_int(m.group(2)):
            return Marker("paren_cn", m.group(0), cn_to_int(m.group(2)), line[m.end():], broken=True)
        return None
    if c in _CIRCLED:
        m = _RE_CIRCLED.match(line)
        return Marker("circled", m.group(0), ord(m.group(1)) - 0x2460 + 1, line[m.end():])
    if c in _DASH:
        m = _RE_DASH.match(line)
        return Marker("dash", m.group(0), None, line[m.end():]) if m else None
    if c in _CN_START:
        m = _RE_SHI.match(line)
        if m:
            n = cn_to_int(m.group(1))
            if n and n <= 30:
                return Marker("shi", m.group(0), n, line[m.end():])
    return None


def label_marker(label: str) -> Optional[Marker]:
    """The marker a label *on its own* is (`一.`, `——`, `三是`, `（三` are only recognised before text, so a
    stand-in character is put after them), or None when the label is not a marker."""
    s = (label or "").strip()
    return (match_marker(s) or match_marker(s + "甲")) if s else None


# sentence ends after which a run-in marker may start a new item: "…安全性。5.推进…"
RUN_IN_BREAK = "。；;！!？?"
_RE_RUN_IN = re.compile(rf"(?<=[{RUN_IN_BREAK}])[ \u3000]*(?=[（(]?[0-9０-９{CN}]{{1,4}}[）)、.．]|——)")


def run_in_positions(line: str) -> list[int]:
    """Offsets in `line` where a marker follows the end of a sentence."""
    return [m.end() for m in _RE_RUN_IN.finditer(line)]
# 二是/三是 after a sentence or a clause: "一是…。二是…；三是…，四是…"
_RE_SHI_RUN_IN = re.compile(rf"(?<=[{RUN_IN_BREAK}，,])[ \u3000]*(?=[{CN}]{{1,3}}是)")


def shi_positions(line: str) -> list[int]:
    """Offsets in `line` where a 是-point (二是, 三是 …) follows the end of a sentence or clause."""
    return [m.end() for m in _RE_SHI_RUN_IN.finditer(line)]
