"""Word automatic numbering (numbering.xml) rendered as the text Word draws: 一、 （一） 1. （1） ① 甲、 壹、.

`Numbering.label(num_id, ilvl, style_id)` is called once per numbered paragraph in reading order and
returns the label with the counters advanced, following Word's rules: counters belong to the abstractNum
(so two w:num sharing one abstractNum continue each other), a w:startOverride restarts its level the first
time its w:num is used, using level L resets the deeper levels (unless their w:lvlRestart says otherwise),
w:numStyleLink is followed to the abstractNum that carries the matching w:styleLink.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

_CN_DIGITS = "〇一二三四五六七八九"
_CN_UNITS = ("", "十", "百", "千")
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_UNITS = ("", "拾", "佰", "仟")
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_DASHES = {"-", "–", "—", "―", "－", "——", "--", "−"}


def _cn_below_10000(n: int, digits: str, units: tuple) -> str:
    out: list[str] = []
    zero = False
    for power, unit in ((1000, units[3]), (100, units[2]), (10, units[1]), (1, "")):
        q = n // power % 10
        if q == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(digits[q] + unit)
    return "".join(out)


def chinese_counting(n: int, digits: str = _CN_DIGITS, units: tuple = _CN_UNITS, short_ten: bool = True,
                     big: tuple = ("万", "亿")) -> str:
    """10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 10005 → 一万零五 (as Word and LibreOffice draw them)."""
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    parts: list[str] = []
    for size, name in ((100_000_000, big[1]), (10_000, big[0])):
        if n >= size:
            parts.append(chinese_counting(n // size, digits, units, False, big) + name)
            n %= size
            if 0 < n < 1000:
                parts.append("零")
    if n:
        parts.append(_cn_below_10000(n, digits, units))
    text = "".join(parts)
    if short_ten and text.startswith(digits[1] + units[1]):
        text = text[1:]  # 一十一 → 十一 (only at the very start)
    return text


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                 (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letter(n: int) -> str:
    """1 → a, 26 → z, 27 → aa, 28 → bb (Word repeats the letter)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _enclosed(base: int, n: int, last: int = 20) -> str:
    return chr(base + n - 1) if 1 <= n <= last else str(n)


def _circle(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}),
    "decimalFullWidth2": lambda n: str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}),
    "decimalEnclosedCircle": _circle,
    "decimalEnclosedCircleChinese": _circle,
    "decimalEnclosedParen": lambda n: _enclosed(0x2474, n),
    "decimalEnclosedFullstop": lambda n: _enclosed(0x2488, n),
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "japaneseCounting": chinese_counting,
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(c)] for c in str(n)),
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(c)] for c in str(n)),
    "chineseLegalSimplified": lambda n: chinese_counting(n, _LEGAL_DIGITS, _LEGAL_UNITS, short_ten=False),
    "ideographLegalTraditional": lambda n: chinese_counting(n, "零壹貳參肆伍陸柒捌玖", _LEGAL_UNITS, False, ("萬", "億")),
    # 甲…癸 and 子…亥 run out after 10 and 12; LibreOffice goes on in decimal, and so do we
    "ideographTraditional": lambda n: _TIANGAN[n - 1] if 1 <= n <= 10 else str(n),
    "ideographZodiac": lambda n: _DIZHI[n - 1] if 1 <= n <= 12 else str(n),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """One counter value in one w:numFmt; unknown formats fall back to decimal (as Word does)."""
    return FORMATS.get(fmt, str)(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: Optional[str] = None  # w:lvlText; None when absent
    is_lgl: bool = False
    restart: Optional[int] = None  # w:lvlRestart (1-based level; 0 = never)
    pstyle: str = ""


@dataclass
class Abstract:
    levels: dict[int, Level] = field(default_factory=dict)
    num_style_link: str = ""
    style_link: str = ""


@dataclass
class Num:
    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)  # lvlOverride/startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # lvlOverride/lvl


def _int(value: Optional[str], default: Optional[int] = None) -> Optional[int]:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on(el, attr: str) -> bool:
    return el is not None and el.get(attr, "true") not in ("0", "false", "off")


class Numbering:
    """The numbering definitions of one document plus the running counters."""

    def __init__(self, root, w: str, style_num: Callable[[str], Optional[str]]):
        """`root` is w:numbering (or None), `w` the WordprocessingML namespace in braces,
        `style_num(style_id)` the numId a (numbering) style carries."""
        self._w = w
        self._style_num = style_num
        self.abstracts: dict[str, Abstract] = {}
        self.nums: dict[str, Num] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._overridden: set[tuple[str, int]] = set()
        if root is None:
            return
        for a in root.iter(w + "abstractNum"):
            ab = Abstract()
            for lvl in a.findall(w + "lvl"):
                ilvl = _int(lvl.get(w + "ilvl"))
                if ilvl is not None:
                    ab.levels[ilvl] = self._level(lvl)
            ab.num_style_link = self._val(a.find(w + "numStyleLink")) or ""
            ab.style_link = self._val(a.find(w + "styleLink")) or ""
            self.abstracts[a.get(w + "abstractNumId", "")] = ab
        for n in root.iter(w + "num"):
            num = Num(abstract_id=self._val(n.find(w + "abstractNumId")) or "")
            for ov in n.findall(w + "lvlOverride"):
                ilvl = _int(ov.get(w + "ilvl"))
                if ilvl is None:
                    continue
                start = _int(self._val(ov.find(w + "startOverride")))
                if start is not None:
                    num.starts[ilvl] = start
                lvl = ov.find(w + "lvl")
                if lvl is not None:
                    num.levels[ilvl] = self._level(lvl)
            self.nums[n.get(w + "numId", "")] = num

    def _val(self, el) -> Optional[str]:
        return None if el is None else el.get(self._w + "val")

    def _level(self, lvl) -> Level:
        w = self._w
        text_el = lvl.find(w + "lvlText")
        return Level(
            start=_int(self._val(lvl.find(w + "start")), 1),
            fmt=self._val(lvl.find(w + "numFmt")) or "decimal",
            text=None if text_el is None else (text_el.get(w + "val") or ""),
            is_lgl=_on(lvl.find(w + "isLgl"), w + "val"),
            restart=_int(self._val(lvl.find(w + "lvlRestart"))),
            pstyle=self._val(lvl.find(w + "pStyle")) or "",
        )

    def _resolve(self, num: Num) -> tuple[str, Optional[Abstract]]:
        """numId → (abstractNumId, abstractNum), following w:numStyleLink through the numbering style."""
        aid = num.abstract_id
        seen = set()
        while aid in self.abstracts and self.abstracts[aid].num_style_link and aid not in seen:
            seen.add(aid)
            linked_num = self._style_num(self.abstracts[aid].num_style_link)
            if linked_num not in self.nums:
                break
            aid = self.nums[linked_num].abstract_id
        return aid, self.abstracts.get(aid)

    def level_for_style(self, num_id: str, style_ids: list[str]) -> Optional[int]:
        """The ilvl whose w:pStyle is the paragraph's style (numbering attached through a heading style)."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        _, ab = self._resolve(num)
        if ab is None:
            return None
        for sid in style_ids:
            for ilvl, lvl in sorted(ab.levels.items()):
                if lvl.pstyle == sid:
                    return ilvl
        return None

    def label(self, num_id: str, ilvl: int) -> Optional[str]:
        """Advance the counters for one paragraph and return its label; None if the numbering is undefined."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid, ab = self._resolve(num)
        if ab is None:
            return None

        def level(i: int) -> Optional[Level]:
            return num.levels.get(i) or ab.levels.get(i)

        lvl = level(ilvl)
        if lvl is None:
            return None
        counters = self._counters.setdefault(aid, {})
        if ilvl in num.starts and (num_id, ilvl) not in self._overridden:
            self._overridden.add((num_id, ilvl))
            counters[ilvl] = num.starts[ilvl]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = lvl.start
        for deeper in [d for d in counters if d > ilvl]:
            dl = level(deeper)
            threshold = deeper if dl is None or dl.restart is None else min(dl.restart, deeper)
            if ilvl < threshold:
                del counters[deeper]
        return self._render(lvl, counters, level)

    @staticmethod
    def _render(lvl: Level, counters: dict[int, int], level) -> str:
        text = lvl.text or ""
        if lvl.fmt == "bullet":
            return "——" if text.strip() in _DASHES else ""
        out = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
                k = int(text[i + 1]) - 1
                ref = level(k)
                value = counters.get(k, ref.start if ref else 1)
                fmt = "decimal" if lvl.is_lgl and ref is not None and ref.fmt != "none" else (ref.fmt if ref else "decimal")
                out.append(format_number(value, fmt))
                i += 2
            else:
                out.append(ch)
                i += 1
        return "".join(out)
