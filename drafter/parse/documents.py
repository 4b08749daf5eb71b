"""Finding the documents inside a file, and what a document says about itself: title, kind, year, issuer, date."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .markers import cn_to_int, fullwidth_digits, match_marker

# title keyword -> kind; checked in this order ("重点任务分工" is a division, "工作总结" a summary)
_KIND_WORDS = (
    ("division", ("任务分工", "责任分工", "分工方案", "责任分解", "任务分解", "分工安排", "任务清单", "责任清单")),
    ("summary", ("工作总结", "年度总结", "总结")),
    ("plan", ("工作要点", "要点", "工作计划", "工作安排", "工作方案", "实施方案", "行动方案", "行动计划", "重点任务",
              "工作任务", "计划")),
)
_NOT_TITLE = re.compile(r"[《》，,。；;：:“”]|印发|关于.*(通知|函|意见|报告|批复)$|的(通知|函|意见|报告|批复|决定)$|现将|请结合|"
                        r"^[各].*[:：]$")
_END_PUNCT = "。；;，,：:！!？?"
# how the name of a plan, summary or division ends (the tail a title split over two lines may leave on the second)
_TITLE_TAIL = re.compile(r"(方案|分工|分解|清单|计划|要点|总结|安排|任务|分工表|分解表)$")

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})\s*年")
_DATE_LINE = re.compile(r"^((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$")
# an issuing body named alone on a line (the 署名 above a date)
_AGENCY_TAIL = r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管理委员会|管委会|监督管理局|局|厅|委|办|院|中心|部)"
_SIGNATURE = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,30}}{_AGENCY_TAIL}$")
_ISSUER_IN_TITLE = re.compile(rf"[\u4e00-\u9fff]{{2,24}}?{_AGENCY_TAIL}")


def kind_of_title(line: str) -> Optional[str]:
    for kind, words in _KIND_WORDS:
        if any(w in line for w in words):
            return kind
    return None


def is_title(line: str) -> Optional[str]:
    """The kind of document a line is the title of, or None."""
    if not line or len(line) > 60 or line[-1] in _END_PUNCT or _NOT_TITLE.search(line):
        return None
    if match_marker(line):
        return None
    kind = kind_of_title(line)
    if kind is None:
        return None
    # a title names a year, a body or a scope, not just the kind word ("工作要点" alone is fine too)
    return kind


def year_of(text: str) -> Optional[int]:
    m = _YEAR.search(fullwidth_digits(text))
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(text)
    if m:
        digits = "".join(str(cn_to_int(c) or 0) for c in m.group(1))
        return int(digits)
    return None


def is_date_line(line: str) -> bool:
    return bool(_DATE_LINE.match(line.replace(" ", "")))


def is_signature(line: str) -> bool:
    return bool(_SIGNATURE.match(line)) and len(line) <= 30


def issuer_from_title(title: str) -> str:
    """`天津市知识产权局2020年工作要点` → 天津市知识产权局; `2021 年山东省市场监督管理局知识产权工作要点` → 山东省市场监督管理局."""
    m = _YEAR.search(fullwidth_digits(title)) or _CN_YEAR.search(title)
    parts = [title[:m.start()], title[m.end():]] if m else [title]
    for part in parts:
        part = re.sub(r"^(关于|实施|印发)", "", part.strip())
        found = _ISSUER_IN_TITLE.match(part)
        if found and not any(w in found.group(0) for w in ("要点", "总结", "分工", "计划")):
            return found.group(0)
    return ""


def expand_issuer(short: str, full_text: str) -> str:
    """`市知识产权局` → `天津市知识产权局` when the file names the place somewhere."""
    if not short or short[0] not in "市省区县":
        return short
    counts: Counter = Counter()
    for n in (2, 3):
        for m in re.finditer(rf"([\u4e00-\u9fff]{{{n}}}){re.escape(short)}", full_text):
            counts[m.group(1) + short] += 1
    if counts:
        best, _ = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))
        return best
    return short


_ATTACHMENT = re.compile(r"^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*")


@dataclass
class TitleHit:
    index: int  # 0-based index of the first line of the title
    span: int  # how many lines the title takes (1 or 2)
    kind: str
    title: str


def _named_document(line: str) -> Optional[tuple[str, str]]:
    """(kind, title) of a line that introduces a document by name.

    `附件：重点任务分工表` names the attachment that follows (or a 附件说明 the same title repeats);
    `第二部分　2024年工作要点` starts the second document of a file that prints two.
    """
    attached = _ATTACHMENT.match(line)
    if attached and attached.end() < len(line):
        rest = line[attached.end():]
    else:
        m = match_marker(line)
        if m is None or m.family != "part" or year_of(m.rest) is None:
            return None  # `第二部分　重点任务` is a heading, `第二部分　2024年工作要点` a document
        rest = m.rest
    kind = is_title(rest)
    return (kind, rest) if kind else None


def find_titles(lines: list[str], active: list[bool], wrap: Optional[float] = None) -> list[TitleHit]:
    """Title lines; a title may be split over two short lines (`天津市知识产权局` / `2024年工作要点`).

    In a text hard-wrapped at `wrap`, a line that a full line runs on into is the rest of a sentence
    (`…面向2035年的知识产权强省建设的远景发展目标、重点任务和重要举` / `措…`), never a title.
    """
    from .structure import runs_on
    hits: list[TitleHit] = []
    i, n = 0, len(lines)
    prev = ""
    while i < n:
        line = lines[i]
        if not active[i] or not line:
            i += 1
            continue
        before, prev = prev, line
        if runs_on(before, wrap):
            i += 1
            continue
        j = i + 1
        while j < n and active[j] and not lines[j]:
            j += 1
        nxt = lines[j] if j < n and active[j] else ""
        named = _named_document(line)
        if named:
            hits.append(TitleHit(i, 1, *named))
            i += 1
            continue
        alone = is_title(line)
        # `…2024年重点任务` / `分解方案`: a title (or a long first line) split before its tail, the tail a few
        # characters that end a title's name
        tail_only = bool(nxt) and len(nxt) <= 8 and bool(_TITLE_TAIL.search(nxt)) and not is_title(nxt)
        if (nxt and ((not alone and len(line) <= 30) or tail_only) and len(nxt) <= 30 and line[-1] not in _END_PUNCT
                and not match_marker(line) and not match_marker(nxt) and not is_date_line(nxt)):
            joined = is_title(line + nxt)
            # `…2024年知识产权` / `工作要点`: the second line alone looks like a title, but the year is above it
            tail = is_signature(line) or (year_of(line) is not None and year_of(nxt) is None
                                          and not is_date_line(line))
            if joined and (not is_title(nxt) or tail) and (not alone or joined != alone or tail_only):
                hits.append(TitleHit(i, j - i + 1, joined, line + nxt))
                i, prev = j + 1, nxt
                continue
        if alone:
            hits.append(TitleHit(i, 1, alone, line))
        i += 1
    return hits
