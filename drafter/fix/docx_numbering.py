"""fix's changes to labels that Word's automatic numbering draws — made in the numbering, never typed over.

A label Word draws (`（四）` from `（%1）`, `1、` from `%3、`) is not text: typing over it would leave Word drawing
the old label as well. Two kinds of change reach it:

- a number (NUM001): the paragraph is given a numbering of its own — a new `w:num` on the same list definition
  that restarts the level at the right value (`w:startOverride`);
- a form (NUM002 `1、` → `1.`, NUM003 `(一)` → `（一）`): the level's `w:lvlText` (and, for a digit's width, its
  `w:numFmt`) is what is wrong. When every paragraph the document draws from that level of that list
  definition is to get the same form, the definition is copied with the level put right (a new
  `w:abstractNum`, its own `w:nsid`) and every paragraph of the lists on it moves to a copy of its `w:num` on
  the new definition — the counters belong to the definition, so every number stays as it was. When only
  some are, each of those gets a `w:num` of its own whose `w:lvlOverride` carries the level put right and
  restarts it at its own number.

Every paragraph moved is a paragraph property change (`w:pPrChange` holding its old `w:numPr`), so rejecting
it gives back the old numbering and the old label; the old definitions stay in numbering.xml untouched.
After the changes the labels are drawn again exactly as the reader draws them: every wanted label must come
out, and every other label must stay as it was.
"""
from __future__ import annotations

import copy
import random
import re
from typing import Callable, Optional

from .. import ooxml
from ..errors import DrafterError
from ..parse.markers import label_marker
from ..read.docx import _Reader, _Styles
from ..read.numbering import Numbering, format_number
from .docx_text import W

_NUMERAL = "0-9０-９一二三四五六七八九十百零〇两\u2460-\u2473"
_FORM = re.compile(rf"^([^{_NUMERAL}]*)([{_NUMERAL}]+)([^{_NUMERAL}]*)$")
# formats a number may be redrawn in when only its width is wrong (１ → 1)
_WIDTHS = ("decimal", "decimalFullWidth")


def split_label(label: str) -> Optional[tuple[str, str, str]]:
    """`（十二）` → ("（", "十二", "）"): the text before the one number, the number, the text after it."""
    m = _FORM.match(label or "")
    return (m.group(1), m.group(2), m.group(3)) if m else None


def _level_text(text: Optional[str], ilvl: int) -> Optional[tuple[str, str]]:
    """("（", "）") for w:lvlText `（%1）` at level 0: its text around its own level's number, or None when the
    text draws another level's number too (`%1.%2`) or none."""
    if text is None:
        return None
    marks = re.findall(r"%[1-9]", text)
    if marks != [f"%{ilvl + 1}"]:
        return None
    before, _, after = text.partition(marks[0])
    return before, after


class AutoNumbering:
    """The automatic numbering of one document's body, and the changes fix makes to what it draws."""

    def __init__(self, path: str, body, numbering, styles, paras: list, new_id: Callable[[], str], date: str,
                 author: str):
        self.path = path
        self.body, self.numbering, self.styles, self.paras = body, numbering, styles, paras
        self.new_id, self.date, self.author = new_id, date, author
        self.changed = False

    # --- reading --------------------------------------------------------------------------------
    def _styles(self) -> _Styles:
        return _Styles(self.styles, W)

    def draw(self) -> list:
        """Blocks as the reader draws them from the numbering as it stands now."""
        styles = self._styles()
        reader = _Reader(W, styles, Numbering(self.numbering, W, styles.num_id))
        reader.container(self.body)
        return reader.blocks

    def numbering_of(self, p) -> tuple[Optional[str], Optional[int]]:
        """(numId, ilvl) the paragraph's label comes from: its own w:numPr, else its style chain's."""
        styles = self._styles()
        ppr = p.find(W + "pPr")
        num_id = ilvl = None
        sid = ""
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            sid = ps.get(W + "val", "") if ps is not None else ""
            npr = ppr.find(W + "numPr")
            if npr is not None:
                nid, lv = npr.find(W + "numId"), npr.find(W + "ilvl")
                num_id = nid.get(W + "val") if nid is not None else None
                ilvl = int(lv.get(W + "val")) if lv is not None and (lv.get(W + "val") or "").isdigit() else None
        chain = styles.chain(sid or styles.default)
        for s in chain:
            if s in styles.num:
                snum, slvl = styles.num[s]
                num_id = num_id if num_id is not None else snum
                ilvl = ilvl if ilvl is not None else slvl
        if num_id and ilvl is None:
            ilvl = Numbering(self.numbering, W, styles.num_id).level_for_style(num_id, chain) or 0
        return num_id, ilvl

    def _num_el(self, num_id: str):
        return next((n for n in self.numbering.findall(W + "num") if n.get(W + "numId") == num_id), None)

    def _abstract_el(self, aid: str):
        return next((a for a in self.numbering.findall(W + "abstractNum") if a.get(W + "abstractNumId") == aid), None)

    def _resolved(self, num_id: str) -> Optional[str]:
        """The abstractNumId whose levels draw list `num_id` (w:numStyleLink followed), as the reader has it."""
        styles = self._styles()
        nb = Numbering(self.numbering, W, styles.num_id)
        num = nb.nums.get(num_id)
        if num is None:
            return None
        aid, ab = nb._resolve(num)
        return aid if ab is not None else None

    def _override_lvl(self, num_id: str, ilvl: int):
        """The w:lvl a w:lvlOverride of list `num_id` puts in place of the definition's level, or None."""
        num = self._num_el(num_id)
        for ov in (num.findall(W + "lvlOverride") if num is not None else []):
            if ov.get(W + "ilvl") == str(ilvl) and ov.find(W + "lvl") is not None:
                return ov.find(W + "lvl")
        return None

    def _level_el(self, num_id: str, ilvl: int):
        """The w:lvl that draws level `ilvl` of list `num_id`."""
        over = self._override_lvl(num_id, ilvl)
        if over is not None:
            return over
        aid = self._resolved(num_id)
        ab = self._abstract_el(aid) if aid is not None else None
        if ab is None:
            return None
        return next((lv for lv in ab.findall(W + "lvl") if lv.get(W + "ilvl") == str(ilvl)), None)

    # --- can it be done ---------------------------------------------------------------------------
    def form_problem(self, p, label: str, want: str) -> Optional[str]:
        """Why the label `label` Word draws on paragraph `p` cannot be redrawn as `want`, or None."""
        if self.numbering is None:
            return "numbering-form"
        num_id, ilvl = self.numbering_of(p)
        if num_id is None or ilvl is None:
            return "numbering-form"
        return None if self._new_level(num_id, ilvl, label, want) is not None else "numbering-form"

    def _new_level(self, num_id: str, ilvl: int, label: str, want: str):
        """A copy of the w:lvl drawing `label` that draws the number in `want`'s form (its text around the number,
        the number's width) — or None when that cannot be said in a w:lvl."""
        lvl = self._level_el(num_id, ilvl)
        if lvl is None:
            return None
        text_el = lvl.find(W + "lvlText")
        if _level_text(None if text_el is None else text_el.get(W + "val"), ilvl) is None:
            return None
        old, new = split_label(label), split_label(want)
        m = label_marker(want)
        if old is None or new is None or m is None or m.number is None:
            return None
        fmt_el = lvl.find(W + "numFmt")
        fmt = fmt_el.get(W + "val") if fmt_el is not None else "decimal"
        if format_number(m.number, fmt) != new[1]:
            fmt = next((f for f in _WIDTHS if format_number(m.number, f) == new[1]), None)
            if fmt is None:
                return None
        out = copy.deepcopy(lvl)
        ooxml.replace(out, ooxml.make("w:lvlText", val=f"{new[0]}%{ilvl + 1}{new[2]}"))
        ooxml.replace(out, ooxml.make("w:numFmt", val=fmt))
        return out

    # --- writing ------------------------------------------------------------------------------------
    def relabel(self, want: dict[int, str]) -> None:
        """Make Word draw label `want[line]` on each of those paragraphs: first the forms, then the numbers."""
        before = [b.auto_label for b in self.draw()]
        self._forms(want, before)
        self._numbers(want)
        after = [b.auto_label for b in self.draw()]
        for i, was in enumerate(before):
            if after[i] != want.get(i + 1, was):
                raise DrafterError(self.path, f"无法修改第 {i + 1} 段的自动编号",
                                   f"cannot change the automatic number of paragraph {i + 1}")

    def _forms(self, want: dict[int, str], drawn: list[str]) -> None:
        # the paragraphs each w:lvl draws: (numId, ilvl) of every numbered paragraph
        where = {}
        for i, p in enumerate(self.paras):
            if drawn[i]:
                where[i + 1] = self.numbering_of(p)
        groups: dict[str, dict[int, dict]] = {}   # abstractNumId → ilvl → {line: new w:lvl}
        single: dict[int, object] = {}
        for line in sorted(want):
            num_id, ilvl = where.get(line, (None, None))
            if num_id is None or split_label(drawn[line - 1]) is None:
                continue
            lvl = self._new_level(num_id, ilvl, drawn[line - 1], want[line])
            if lvl is None or _same(self._level_el(num_id, ilvl), lvl):
                continue   # only the number changes: _numbers' business
            if self._override_lvl(num_id, ilvl) is not None:
                single[line] = lvl
            else:
                groups.setdefault(self._resolved(num_id), {}).setdefault(ilvl, {})[line] = lvl
        for aid, levels in groups.items():
            whole = {}
            for ilvl, lines in levels.items():
                drawn_there = {ln for ln, (n, k) in where.items()
                               if k == ilvl and n is not None and self._resolved(n) == aid
                               and self._override_lvl(n, k) is None}
                if drawn_there == set(lines) and len({_key(lv) for lv in lines.values()}) == 1:
                    whole[ilvl] = next(iter(lines.values()))
                else:
                    single.update(lines)
            if whole:
                self._copy_definition(aid, whole, where)
        for line, lvl in sorted(single.items()):
            p = self.paras[line - 1]
            num_id, ilvl = self.numbering_of(p)
            m = label_marker(want[line])
            self.set_num(p, self._new_num(num_id, ilvl, m.number, lvl), ilvl)

    def _numbers(self, want: dict[int, str]) -> None:
        for line in sorted(want):
            blocks = self.draw()
            if blocks[line - 1].auto_label == want[line]:
                continue  # an earlier restart (or the form change) already put it right
            m = label_marker(want[line])
            p = self.paras[line - 1]
            num_id, ilvl = self.numbering_of(p)
            if m is None or m.number is None or num_id is None or self.numbering is None:
                raise DrafterError(self.path, f"无法修改第 {line} 段的自动编号", f"cannot change the automatic number of paragraph {line}")
            self.set_num(p, self._new_num(num_id, ilvl, m.number), ilvl)

    def _copy_definition(self, aid: str, levels: dict, where: dict) -> None:
        """The list definition `aid` copied with its levels put right ({ilvl: new w:lvl}); every paragraph on a
        list drawn by it moved to a copy of its list on the copy."""
        root = self.numbering
        old = self._abstract_el(aid)
        ids = [int(a.get(W + "abstractNumId")) for a in root.findall(W + "abstractNum")
               if (a.get(W + "abstractNumId") or "").isdigit()]
        new_aid = str(max(ids + [0]) + 1)
        new = copy.deepcopy(old)
        new.set(W + "abstractNumId", new_aid)
        for tag in ("styleLink", "numStyleLink"):
            ooxml.remove(new, "w:" + tag)
        nsid = new.find(W + "nsid")
        if nsid is not None:
            nsid.set(W + "val", f"{random.Random(f'{aid}:{new_aid}').getrandbits(32):08X}")
        for lv in new.findall(W + "lvl"):
            k = lv.get(W + "ilvl") or ""
            if k.isdigit() and int(k) in levels:
                lv.addprevious(copy.deepcopy(levels[int(k)]))
                new.remove(lv)
        ooxml.insert(root, new)   # after the last w:abstractNum, before the first w:num
        self.changed = True
        copies: dict[str, str] = {}
        for line, (num_id, k) in sorted(where.items()):
            if num_id is None or self._resolved(num_id) != aid:
                continue
            if num_id not in copies:
                copies[num_id] = self._copy_num(num_id, new_aid)
            self.set_num(self.paras[line - 1], copies[num_id], k)

    def _copy_num(self, num_id: str, aid: str) -> str:
        old = self._num_el(num_id)
        new_id = self._next_num_id()
        num = copy.deepcopy(old)
        num.set(W + "numId", new_id)
        num.find(W + "abstractNumId").set(W + "val", aid)
        ooxml.insert(self.numbering, num)
        return new_id

    def _next_num_id(self) -> str:
        nums = self.numbering.findall(W + "num")
        return str(max([0] + [int(n.get(W + "numId")) for n in nums if (n.get(W + "numId") or "").isdigit()]) + 1)

    def _new_num(self, old_id: str, ilvl: int, start: int, lvl=None) -> str:
        """A new w:num on the list definition of `old_id` that restarts level `ilvl` at `start` (drawn by
        `lvl` in place of the definition's level, when given)."""
        root = self.numbering
        old = self._num_el(old_id)
        new_id = self._next_num_id()
        num = ooxml.make("w:num", numId=new_id)
        num.append(copy.deepcopy(old.find(W + "abstractNumId")))
        kept = False
        for ov in old.findall(W + "lvlOverride"):
            old_lvl = ov.find(W + "lvl")
            mine = ov.get(W + "ilvl") == str(ilvl)
            if old_lvl is None and not mine:
                continue
            new_ov = ooxml.make("w:lvlOverride", ilvl=ov.get(W + "ilvl"))
            if mine:
                new_ov.append(ooxml.make("w:startOverride", val=str(start)))
                kept = True
                if lvl is not None:
                    old_lvl = lvl
            if old_lvl is not None:
                new_ov.append(copy.deepcopy(old_lvl))
            num.append(new_ov)
        if not kept:
            ov = ooxml.make("w:lvlOverride", ilvl=str(ilvl))
            ov.append(ooxml.make("w:startOverride", val=str(start)))
            if lvl is not None:
                ov.append(copy.deepcopy(lvl))
            num.append(ov)
        ooxml.insert(root, num)  # after the last w:num, before a w:numIdMacAtCleanup
        self.changed = True
        return new_id

    def set_num(self, p, num_id: str, ilvl: int) -> None:
        """Give paragraph `p` numbering `num_id` at `ilvl`, as a tracked paragraph property change."""
        ppr = ooxml.get_or_add(p, "w:pPr")
        ooxml.record_original(ppr, change_id=self.new_id(), author=self.author, date=self.date)
        npr = ooxml.make("w:numPr")
        npr.append(ooxml.make("w:ilvl", val=str(ilvl)))
        npr.append(ooxml.make("w:numId", val=num_id))
        ooxml.replace(ppr, npr)


def _key(lvl) -> tuple:
    t, f = lvl.find(W + "lvlText"), lvl.find(W + "numFmt")
    return (t.get(W + "val") if t is not None else None, f.get(W + "val") if f is not None else None)


def _same(a, b) -> bool:
    return a is not None and b is not None and _key(a) == _key(b)
