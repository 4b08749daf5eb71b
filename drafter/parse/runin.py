"""Text with no line breaks, or headings run together (issue 11 class 4), cut back into the lines it had.

`…任务分工一、总体任务（一）加快推进数字化转型1.实施…。…（责任单位：…按职责分工负责）2.推动…`, or a 总结 and a 计划
on one line: each line is cut where a title or a marker starts, so the steps after this one see a title, a heading
and an item each on a line of its own (every piece keeps its line number in the file).

A marker is a cut only where the numbering goes on as it stands (the next 一、, the first （一） under a 一、, the
next item of a numbering that runs across sections …), and only after the end of a sentence or of a bracket — or
straight after a heading's few words (`一、总体任务（一）…`), where a deeper level opens. A title is a cut where it
starts the line and text runs on after it, or where a title naming its year follows the end of a sentence.
The run-in items after a sentence (`…安全性。5.推进…`) the tree builder cuts itself; they are cut here too when
the line is cut at all, by the same rule.
"""
from __future__ import annotations

import re
from typing import Optional

from .documents import is_title, year_of
from .markers import CN, RANK, cn_to_int, match_marker

_HEADING_FAMILIES = ("part", "cn", "paren_cn")
_NUMBERED = ("part", "cn", "paren_cn", "arabic", "paren_arabic")
_SENTENCE_END = "。；;！!？?：:"
_CLOSE = "）)”"
# where a marker may begin inside a line (the lookahead of every branch's first character makes the scan 2.4x faster)
_CANDIDATE = re.compile(rf"(?=[—第（(0-9０-９{CN}])"
                        rf"(?:——(?=[^—])|第[{CN}]{{1,3}}部分|[（(][{CN}]{{1,4}}[）)]|[{CN}]{{1,4}}、|[（(][0-9０-９]{{1,3}}[）)]|"
                        r"[0-9０-９]{1,3}[.．](?![0-9０-９]))")
_KIND = re.compile(r"工作要点|工作总结|年度总结|工作计划|工作安排|工作方案|实施方案|行动方案|行动计划|重点任务|工作任务|"
                   r"任务分工|责任分工|分工方案|责任分解|任务分解|分工安排|任务清单|责任清单|要点|总结|计划")
_SHI = re.compile(rf"[{CN}]{{1,3}}是(?=[^，,。；;、])")
_TAIL = re.compile(r"(分解方案|分工方案|分解表|分工表|方案|清单|安排)")
# how the text after a title begins: a marker, or the first words of a preamble (a title's words in a sentence
# go on otherwise: `2024年工作要点印发后，…`)
_OPENER = re.compile(r"(?:19|20)\d{2}\s*年|为|根据|按照|依据|各|今年|全年|一年来|过去一年|经|现将|现就|现对|近年来|当前|"
                     r"[\u4e00-\u9fff]{0,12}(?:市|区|县|省|局|委|厅|办)(?:各|坚持|以|在)")
_MAX_HEADING = 40


class _State:
    """The numbering as read so far: the open families (outermost first) and the last number of each."""

    def __init__(self):
        self.stack: list[str] = []
        self.last: dict[str, int] = {}

    def fits(self, family: str, number: int, skip: bool = False) -> bool:
        """Does `number` go on the numbering of `family`? With `skip`, one number left out also does (`1. 2. 4.`:
        the slip is NUM001's to report, which it can only when 4. is an item of its own)."""
        nexts = {self.last.get(family, 0) + 1} | ({self.last.get(family, 0) + 2} if skip else set())
        if family in self.stack:
            return number in nexts
        deepest = max((RANK[f] for f in self.stack), default=-99)
        if RANK[family] > deepest:  # a new, deeper level: its first item, or one numbered on across sections
            return number == 1 or number in nexts
        return number in nexts  # a higher level goes on

    def take(self, family: str, number: Optional[int]) -> None:
        if family in self.stack:
            del self.stack[self.stack.index(family) + 1:]
        else:
            while self.stack and RANK[self.stack[-1]] >= RANK[family]:
                self.stack.pop()
            self.stack.append(family)
        if number is not None:
            self.last[family] = number


_SPAN = re.compile(r"[^，。；：、,.;:！？!?“”《》（）()]{4,60}")
# _KIND as it matches at each position of the words (a lookahead finds a match starting at every position)
_KIND_AT = re.compile(rf"(?=({_KIND.pattern}))")


def _title_end(text: str, start: int) -> Optional[int]:
    """Where a title that starts at `start` ends, when a title stands there with more text after it."""
    span = _SPAN.match(text, start)
    if not span:
        return None
    words = span.group(0)
    if not _KIND.search(words):   # most spans name no kind (one search is cheaper than a look at every position)
        return None
    ends = [m.start() + len(m.group(1)) for m in _KIND_AT.finditer(words)]
    if not ends:
        return None
    end = start + max(ends)  # `…重点任务分工`: the longest title the words make
    tail = _TAIL.match(text, end)
    if tail:
        end = tail.end()
    rest = text[end:]
    title = text[start:end]
    if not rest or is_title(title) is None:
        return None
    if not (match_marker(rest) or _OPENER.match(rest)):
        return None
    return end


def _marker_at(text: str, pos: int):
    m = match_marker(text[pos:])
    if m is None or m.broken or not (m.family == "dash" or (m.family in _NUMBERED and m.number is not None)):
        return None
    return m


_FULL_STOP = re.compile("。")
_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"
                   r"[一二三四五六七八九十]{1,3}日")


def _titles_inside(text: str) -> dict[int, tuple[int, list[int]]]:
    """start -> (end, other cuts) of each title after the end of a sentence: the next document. It names its
    year, or it follows the 落款 of the notice that issues it (`…请照此执行。天津市人民政府办公厅二〇一〇年三月十五日
    实施…任务分工为推进…`: the signature, the date and the title are three lines)."""
    out = {}
    for stop in _FULL_STOP.finditer(text, 0, len(text) - 1):
        k = stop.start()
        end = _title_end(text, k + 1)
        if end is None:
            continue
        date = _DATE.search(text, k + 1, end)
        if date is not None and date.end() < end:
            start = date.end()
            if _title_end(text, start) == end:
                out[start] = (end, [k + 1, date.start()])
        elif year_of(text[k + 1:end]) is not None:
            out[k + 1] = (end, [])
    return out


def _shi_cuts(text: str, cuts: list[int], own) -> list[int]:
    """`一、教育资源不断扩大。一是…。二是…。` — a summary's heading with its points run on after it: each point from
    the sentence end before it (a point of an item — `（三）加强保护。一是…；二是…` — stays in its item).
    `own` is the marker of the whole line."""
    out = []
    bounds = sorted(set([0] + cuts + [len(text)]))
    for a, b in zip(bounds, bounds[1:]):
        m = own if a == 0 and b == len(text) else match_marker(text[a:b])
        if m is None or m.family not in ("part", "cn"):
            continue
        head = len(m.label)
        # after a sentence, or the first point straight after the heading's words (`…强品牌工作一是推进…`)
        points = [k for k in (a + p.start() for p in _SHI.finditer(text[a:b]))
                  if text[k - 1] == "。" or (k - a - head <= _MAX_HEADING and not any(
                      ch in text[a:k] for ch in "。；;！？!?") and text[k:k + 2] == "一是")]
        numbers = [cn_to_int(text[k:text.index("是", k)]) for k in points]
        if numbers[:2] == [1, 2]:
            n = 0
            for k, v in zip(points, numbers):
                if v == n + 1:
                    out.append(k)
                    n = v
    return out


def split_line(text: str, state: _State) -> list[str]:
    """`text` cut into the pieces that were lines; `state` carries the numbering from line to line."""
    cuts: list[int] = []
    titles = _titles_inside(text)
    seg_start, seg_marker = 0, None
    first = own = match_marker(text)
    end = _title_end(text, 0) if own is None else None
    if end is not None:  # a title at the start of the line with text run on after it: a new document
        titles[0] = (end, [])
    if end is None and first is not None and first.family in _NUMBERED and first.number is not None:
        state.take(first.family, first.number)
        seg_marker = first
    events = sorted([(c.start(), "m") for c in _CANDIDATE.finditer(text)] + [(k, "t") for k in titles])
    for pos, kind in events:
        if pos < seg_start or (pos == seg_start and kind == "m" and seg_marker is not None):
            continue
        if kind == "t":
            end, more = titles[pos]
            cuts += [pos, end] + more
            state.__init__()
            seg_start, seg_marker = end, None
            first = match_marker(text[seg_start:])
            if first is not None and first.family in _NUMBERED and first.number is not None:
                state.take(first.family, first.number)
                seg_marker = first
            continue
        if pos == 0:
            continue
        m = _marker_at(text, pos)
        if m is None:
            continue
        before = text[pos - 1]
        piece = text[seg_start:pos]
        after_sentence = before in _SENTENCE_END or before in _CLOSE
        # straight after a heading's own words: `一、总体任务（一）加快…1.实施…`
        after_heading = (seg_marker is not None and seg_marker.family in _HEADING_FAMILIES
                         and RANK[m.family] > RANK[seg_marker.family]
                         and not any(ch in piece for ch in "。；;！？!?")
                         and len(piece) - len(seg_marker.label) <= _MAX_HEADING)
        if m.family == "dash":  # a bullet: after a heading's words, or after the sentence ending the bullet before
            if not (after_heading or (after_sentence and before == "。" and seg_marker is not None
                                      and seg_marker.family == "dash")):
                continue
        elif not (after_sentence or after_heading) or not state.fits(m.family, m.number,
                                                                      skip=after_heading or before == "。"):
            continue
        cuts.append(pos)
        state.take(m.family, m.number)
        seg_start, seg_marker = pos, m
    cuts += _shi_cuts(text, cuts, own)
    cuts = sorted(set(c for c in cuts if 0 < c < len(text)))
    if not cuts:
        return [text]
    bounds = [0] + cuts + [len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def split_run_in(lines: list[str], eligible: list[bool]) -> list[list[str]]:
    """Each line's pieces (a line not cut is one piece); only `eligible` lines are cut."""
    state = _State()
    out = []
    for text, ok in zip(lines, eligible):
        if not ok or not text:
            out.append([text])
            continue
        out.append(split_line(text, state))
    return out
