"""What is not the document: web menus and footers, page marks, running headers, contact blocks, a body printed twice."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u2060"), None)
_ANY_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff\u2060]")
_SPACES = " \t\u00a0\u3000\u2002\u2003\u2009\u202f"

# a whole line that is a page mark: "— 1 —", "- 12 -", "—1—", "第 3 页", "3/12"
_PAGE_LINE = re.compile(r"^[—－‒–\-]{1,2}\s*\d{1,3}\s*[—－‒–\-]{1,2}$|^第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$|^\d{1,3}\s*/\s*\d{1,3}$")
# a page mark inside a line where a PDF page broke a sentence: "推进知识产权 — 3 — 强区建设"
_PAGE_INLINE = re.compile(r"\s*[—－‒–]\s+\d{1,3}\s+[—－‒–]\s*")

# lines that end the document body (footers of web pages and of 公文)
_FOOTER = re.compile(
    r"^(主题词|主题 词|抄送[:：]|抄报[:：]|相关附件|附件[:：]?$|附\s*件$|阅读原文|扫描二维码|扫一扫|联系我们|联系电话|联系人[:：]|"
    r"打印本页|【\s*打印|【\s*关闭|关闭窗口|责任编辑|版权所有|Copyright|ICP备|网站地图|上一篇|下一篇|"
    r"相关链接|相关文章|相关阅读|推荐阅读|分享到|https?://|www\.|协会对公账户|单位名称[:：]|开\s*户\s*行|"
    r"侦策百科|如二维码)", re.I)
# lines that are web page furniture anywhere (never content)
_JUNK = re.compile(
    r"^(发布时间|发布日期|来源[:：]|时间[:：]|点击[:：]|浏览次数|阅读次数|字号[:：]|【字体|字体[:：]|栏目[:：]|分享到|加入收藏|"
    r"(登录|注册|退出)(\s+(登录|注册|退出))+$|首页$|当前位置|您现在的位置|摘要[:：]?$|\(此件主动公开\)|（此件主动公开）|"
    r"订阅号|服务号|.*欢迎您[!！]?$|[\d.\-/: ]+$|.{0,40}\s[>＞»]\s.{0,40}$|.*(首页|网站首页)\s+\S+\s+\S+.*$)")


def normalize(line: str) -> str:
    """Strip the spaces PDF and web extraction leave around a line; drop zero-width characters."""
    line = (line.translate(_ZERO_WIDTH) if _ANY_ZERO_WIDTH.search(line) else line).strip(_SPACES)
    if _PAGE_LINE.match(line):
        return line  # a page mark on its own line stays one (running headers are found next to it)
    return _PAGE_INLINE.sub("", line).strip(_SPACES) if _PAGE_INLINE.search(line) else line


def is_page_mark(line: str) -> bool:
    return bool(_PAGE_LINE.match(line))


# the 印发 line closing a 公文: "长沙市人民政府办公厅　　2024年3月5日印发"
_PRINTED = re.compile(r"^\S.{0,40}?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$")


def is_footer(line: str) -> bool:
    return bool(_FOOTER.match(line) or _PRINTED.match(line))


def is_junk(line: str) -> bool:
    return bool(_JUNK.match(line))


def running_headers(lines: list[str], near: int = 3) -> set[int]:
    """Lines a PDF repeated on every page: the same short line next to two or more page marks.

    "Next to" is within `near` non-empty lines of a page mark, so the document's own title (or 版头)
    printed once at the top of page 1 is kept even when the running title repeats it.
    """
    marks = [i for i, t in enumerate(lines) if is_page_mark(t)]
    if len(marks) < 2:
        return set()
    nonempty = [i for i, t in enumerate(lines) if t]
    rank = {i: k for k, i in enumerate(nonempty)}
    close: dict[str, list[int]] = {}
    for m in marks:
        k = rank[m]
        for j in nonempty[max(0, k - near):k + near + 1]:
            t = lines[j]
            if j != m and len(t) <= 40 and not is_page_mark(t) and t[-1] not in "。；;，,：:）)":
                close.setdefault(t, []).append(j)
    return {j for where in close.values() if len(set(where)) >= 2 for j in where}


def printed_line_gaps(lines: list[str]) -> set[int]:
    """The blank lines a mirror site puts after every printed line of a PDF, when it does.

    In that layout a blank line is no paragraph break (every printed line has one, mid-sentence or not), so
    the lines on either side are read as one text, a hard-wrapped PDF's: nearly every non-empty line stands
    between single blank lines. Returns their indices (0-based), or nothing for any other text.
    """
    n = len(lines)
    filled = [i for i, t in enumerate(lines) if t]
    if len(filled) < 12:
        return set()
    single = [i + 1 for i in filled if i + 2 < n and not lines[i + 1] and lines[i + 2]]
    adjacent = sum(1 for i in filled if i + 1 < n and lines[i + 1])
    if len(single) < 0.8 * len(filled) or adjacent > 0.1 * len(filled):
        return set()
    return set(single)


# --- a body printed twice ------------------------------------------------------------

_SENT_SPLIT = re.compile(r"[。；;！!？?\n]")
_NORM = re.compile(r"[\s\u3000\u00a0,，:：、\"“”'‘’()（）《》]")


@dataclass
class Repeat:
    """Lines [dropped_start, dropped_end] repeat lines [kept_start, kept_end] (0-based, inclusive)."""
    dropped_start: int
    dropped_end: int
    kept_start: int
    kept_end: int


def find_repeated_body(lines: list[str]) -> Repeat | None:
    """Find a body printed twice (e.g. once run together on one line, then again with line breaks).

    Sentences of 12+ characters are hashed; if most of the text's sentences occur in two disjoint
    runs of lines, the run with fewer lines (the run-together copy) is the one to drop.
    """
    occurrences: dict[str, list[int]] = {}
    total = 0
    for i, line in enumerate(lines):
        for s in _SENT_SPLIT.split(line):
            s = _NORM.sub("", s)
            if len(s) >= 12:
                total += 1
                occurrences.setdefault(s, []).append(i)
    repeated = [(occ[0], occ[1]) for occ in occurrences.values() if len(occ) >= 2 and occ[0] != occ[1]]
    if len(repeated) < 5 or len(repeated) * 2 < total * 0.6:
        return None
    firsts = sorted(a for a, _ in repeated)
    seconds = sorted(b for _, b in repeated)
    a0, a1 = firsts[0], firsts[-1]
    b0, b1 = seconds[0], seconds[-1]
    if a1 >= b0:  # the copies interleave: not a body printed twice
        return None
    if (a1 - a0) <= (b1 - b0):
        return Repeat(a0, a1, b0, b1)
    return Repeat(b0, b1, a0, a1)
