"""PUN003: ASCII punctuation inside Chinese text (`,` `;` `:` `?` `!` `( )` `" "`), where GB/T 15834 wants the
full-width marks. Reported once per document (a text pasted from a web page has it on every line), with
every place as an edit for `drafter fix`.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ...parse.clean import is_junk
from ..base import Context, Edit, Finding, Rule, Span, register
from ..textutil import doc_lines, excerpt_at, owner

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# Chinese text: ideographs and the full-width marks around them
_CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf“”‘’《》（）、。，：；！？【】〔〕…—]")
# places whose ASCII marks are right as they are: web addresses, e-mail, 文号 (PUN002's), times, numbers
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[!-~]+|www\.[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|[\u4e00-\u9fff]{1,8}[\[【（(［](?:19|20)\d{2}[\]】）)］]\d{1,4}号")
_SPACE = " \u00a0"


_CJK_MARKS = "“”‘’《》（）、。，：；！？【】〔〕…—"   # _CJK's marks, for _cjk
# the places _PROTECTED finds all contain one of these: a line without any has none
_MAY_PROTECT = re.compile(r"://|www\.|@|号")


def _cjk(ch: str) -> bool:
    """Is `ch` (one character, or "") Chinese text, as _CJK says? Compared, not matched: asked for every mark."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or (ch != "" and ch in _CJK_MARKS)


def _neighbour(text: str, i: int, step: int) -> tuple[str, int]:
    """The first character from `i` on (step ±1) that is not a space, and how many spaces came first."""
    if 0 <= i < len(text) and text[i] not in _SPACE:
        return text[i], 0
    k, n = i, 0
    while 0 <= k < len(text) and text[k] in _SPACE:
        k += step
        n += 1
    return (text[k] if 0 <= k < len(text) else ""), n


_BRACKET = re.compile(r"[(（)）]")
_MARK = re.compile(r'[,;:?!"]')
_ASCII = re.compile(r'[,;:?!"()]')   # what this rule can change (the marks and the brackets)


def _pairs(text: str, protected: list[tuple[int, int]]) -> dict[int, int]:
    """Bracket pairs (ASCII or full-width, either side) by position of the opener → closer."""
    out, stack = {}, []
    for m in _BRACKET.finditer(text):     # only the brackets: a scan of every character cost a generator each
        i = m.start()
        if protected and any(a <= i < b for a, b in protected):
            continue
        if text[i] in "(（":
            stack.append(i)
        elif stack:
            out[stack.pop()] = i
    return out


def halfwidth_marks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for each ASCII mark in Chinese text in one line; the spaces that would
    stand between a full-width mark and Chinese text are taken in (`衔接, 做好` → `衔接，做好`), indentation
    at the start of the line is not."""
    if not _ASCII.search(text):
        return []   # most lines of a plan have no ASCII mark or bracket at all
    protected = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)] if _MAY_PROTECT.search(text) else []

    def free(i: int) -> bool:
        return not protected or not any(a <= i < b for a, b in protected)

    marks: dict[int, str] = {}
    found = [(m.start(), m.group()) for m in _MARK.finditer(text)]
    n = len(text)
    for i, ch in found:
        if ch in ",;" and free(i):
            # the characters beside it, read in place unless a space stands there (most marks: 衔接,做好)
            before = text[i - 1] if i and text[i - 1] not in _SPACE else _neighbour(text, i - 1, -1)[0]
            after = text[i + 1] if i + 1 < n and text[i + 1] not in _SPACE else _neighbour(text, i + 1, 1)[0]
            if before.isdigit() and after.isdigit():
                continue  # 1,000
            if _cjk(before) or _cjk(after):
                marks[i] = _FULL[ch]
        elif ch in ":?!" and free(i):
            if _cjk(_neighbour(text, i - 1, -1)[0]):
                marks[i] = _FULL[ch]
    for a, b in _pairs(text, protected).items():
        if text[a] != "(" and text[b] != ")":
            continue
        inside = text[a + 1:b]
        if _CJK.search(inside) or _cjk(_neighbour(text, a - 1, -1)[0]) or _cjk(_neighbour(text, b + 1, 1)[0]):
            for i in (a, b):
                if text[i] in "()":
                    marks[i] = _FULL[text[i]]
    quotes = [i for i, ch in found if ch == '"' and free(i)]
    if quotes and len(quotes) % 2 == 0:
        for a, b in zip(quotes[::2], quotes[1::2]):
            if _CJK.search(text[a + 1:b]) or _cjk(_neighbour(text, a - 1, -1)[0]):
                marks[a], marks[b] = "“", "”"
    out = []
    for i in sorted(marks):
        start, end = i, i + 1
        # spaces between the new full-width mark and Chinese text (or another mark made full-width) go too
        if i and text[i - 1] in _SPACE:
            left, nl = _neighbour(text, i - 1, -1)
            if left and (_cjk(left) or (i - nl - 1) in marks):
                start -= nl
        if i + 1 < n and text[i + 1] in _SPACE:
            right, nr = _neighbour(text, i + 1, 1)
            if right and (_cjk(right) or (i + nr + 1) in marks):
                end += nr
        out.append((start, end, marks[i]))
    # two marks claiming the same spaces: the first keeps them
    kept, last_end = [], -1
    for s, e, r in out:
        if s < last_end:
            s = max(s, last_end)
        kept.append((s, e, r))
        last_end = e
    return [(s, e, r) for s, e, r in kept if s < e]


def _num003_labels(ctx: Context) -> dict[int, list[Span]]:
    """Labels written `(二)` among a level mostly written `（一）` (or `(一）`): NUM003 reports and fixes those,
    so they are not counted here twice. Where `(一)` is the level's usual form, the labels are this rule's."""
    from ..renumber import label_span
    from ..textutil import parse_marker
    by_fam: dict[str, list[tuple]] = {}
    for node in ctx.doc.walk():
        m = parse_marker(node.label) if node.label else None
        if m and m["family"] in ("paren_cn", "paren_arabic"):
            o, c = m["open"], m["close"]
            form = "mixed" if (o == "(") != (c == ")") else ("ascii" if o == "(" else "full")
            by_fam.setdefault(m["family"], []).append((node, m, form))
    out: dict[int, list[Span]] = {}
    for items in by_fam.values():
        n_ascii = sum(1 for *_, f in items if f == "ascii")
        n_full = sum(1 for *_, f in items if f == "full")
        if not n_ascii + n_full:
            continue
        for node, m, form in items:
            if form == "mixed" or (form == "ascii" and n_full >= n_ascii):
                sp = label_span(ctx, node, m)
                if sp is not None:
                    out.setdefault(sp.line, []).append(sp)
    return out


@register
class HalfwidthPunctuation(Rule):
    """## What it does
    Finds ASCII punctuation inside Chinese text — `,` `;` `:` `?` `!`, brackets `( )` and quotation marks
    `" "` — where GB/T 15834-2011 uses the full-width marks `，` `；` `：` `？` `！` `（ ）` `“ ”`. Marks in
    numbers (`1,000`, `10:30`), web and e-mail addresses, document numbers and English text are right as
    they are. Reported once per document, with the count and the first place.

    ## Why is this bad?
    Text copied from a web page or typed with the input method in English mode carries half-width
    marks; printed in a 公文 they look cramped and careless, and reviewers send them back.

    ## Example
    ```
    (一)加强组织领导,落实责任:每季度调度一次。
    ```

    ## Use instead
    ```
    （一）加强组织领导，落实责任：每季度调度一次。
    ```
    """
    code = "PUN003"
    name = "halfwidth-punctuation"
    severity = "info"
    fixable = True
    kinds = ("plan", "division", "summary", "unknown")
    doc_zh = """## 检查什么
中文里用了半角（英文）标点：“,”“;”“:”“?”“!”、括号“( )”、引号“" "”，GB/T 15834—2011 规定中文用全角的
“，”“；”“：”“？”“！”“（ ）”““ ””。数字（“1,000”“10:30”）、网址和电子邮箱、发文字号和英文里的半角标点不报告。
每份文件报告一次，说明共几处和第一处的位置。

## 为什么
从网页复制或在英文输入状态下录入的文字带着半角标点，印在公文里显得局促、不严谨，审核时会被退回。

## 示例（会报告）
(一)加强组织领导,落实责任:每季度调度一次。

## 应改为
（一）加强组织领导，落实责任：每季度调度一次。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）加强组织领导,落实责任:每季度调度一次。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）加强组织领导，落实责任：每季度调度一次（10:30前报送）。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        edits: list[Edit] = []
        first: Optional[tuple[int, int, str]] = None
        kinds: list[str] = []
        theirs = _num003_labels(ctx)
        for ln, text in doc_lines(ctx):
            if is_junk(text.strip()):
                continue  # a web page's 发布时间:… line is not the document's text
            labels = theirs.get(ln)
            for s, e, r in halfwidth_marks(text):
                if labels and any(sp.line == ln and sp.start <= s < sp.end for sp in labels):
                    continue
                edits.append(Edit(Span(ln, s, e), r))
                mark = text[s:e].strip(_SPACE) or text[s:e]
                if mark not in kinds:
                    kinds.append(mark)
                if first is None:
                    first = (ln, s, text)
        if first is None:
            return
        ln, pos, text = first
        shown = "".join(f"“{k}”" for k in kinds[:6])
        f = self.finding(ctx, f"中文里用了半角标点{shown}，全文共 {len(edits)} 处，应改为全角（第一处在此）",
                         f"ASCII punctuation {' '.join(kinds[:6])} in Chinese text: {len(edits)} places in the "
                         f"document (the first is here); use the full-width marks",
                         line=ln, excerpt=excerpt_at(text, pos), suggestion="改为全角标点",
                         suggestion_en="use the full-width marks", span=edits[0].span, edits=edits)
        node = owner(ctx, ln)
        if node is not None:
            f.label, f.path = node.label, ctx.path_of(node)
        yield f
