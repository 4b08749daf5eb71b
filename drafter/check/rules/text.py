"""TXT001–TXT003: unbalanced brackets, placeholders, stray spaces.

They read the document's own lines (`ParseResult.lines` within the document's range), joined into logical
paragraphs where PDF extraction broke a sentence. The GB/T 15834 / 15835 and wording rules are in wording.py.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from ..base import Context, Edit, Finding, Rule, Span, register
from ..textutil import doc_lines, excerpt_at, in_spans, owner, paragraphs

ALL_KINDS = ("plan", "division", "summary", "unknown")

# opener -> (closer, name); ( and （ close each other: a half/full-width mismatch is not an unbalanced bracket
_PAIRS = {"《": "》", "“": "”", "‘": "’", "(": ")", "（": "）", "〔": "〕", "【": "】", "[": "]", "〈": "〉", "「": "」", "『": "』"}
_KIND = {"(": "paren", "（": "paren", ")": "paren", "）": "paren"}
_CLOSERS = {c: o for o, c in _PAIRS.items()}
_MARKS = re.compile("[" + re.escape("".join(sorted({*_PAIRS, *_CLOSERS, '"'}))) + "]")
# a web address is ASCII: it ends at the first full-width character (门户网站（http://…/）公开), and a closing
# ASCII bracket that the address did not open is the text's, not the address's
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@!$&'*+,;=%\[\]()]+")


def _url_spans(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] == ")" and text.count("(", m.start(), end) < text.count(")", m.start(), end):
            end -= 1
        out.append((m.start(), end))
    return out


def _kind(ch: str) -> str:
    return _KIND.get(ch, _CLOSERS.get(ch, ch))


def _finding_at(rule: Rule, ctx: Context, line: int, zh: str, en: str, excerpt: str, suggestion=None,
                suggestion_en=None, span=None, edits=None) -> Finding:
    node = owner(ctx, line)
    f = rule.finding(ctx, zh, en, line=line, excerpt=excerpt, suggestion=suggestion, suggestion_en=suggestion_en,
                     span=span, edits=edits)
    if node is not None:
        f.label, f.path = node.label, ctx.path_of(node)
    return f


@register
class UnbalancedBrackets(Rule):
    """## What it does
    Finds a bracket or quotation mark that is opened and never closed, or closed without being opened:
    `《` `》`, `“` `”`, `（` `）`, `〔` `〕`, `【` `】`, within one paragraph (a sentence broken across lines
    by PDF extraction counts as one paragraph). `(` and `（` may close each other.

    ## Why is this bad?
    An unclosed `《` makes the rest of the sentence read as a title; an unclosed `“` leaves the reader
    unsure where a quotation ends. Both are typing slips a proof-reader is expected to catch.

    ## Example
    ```
    深入实施《天津市知识产权“十四五”规划》《以下简称《规划》，全面提升知识产权创造质量。
    ```

    ## Use instead
    ```
    深入实施《天津市知识产权“十四五”规划》（以下简称《规划》），全面提升知识产权创造质量。
    ```
    """
    code = "TXT001"
    name = "unbalanced-brackets"
    severity = "error"
    kinds = ALL_KINDS
    doc_zh = """## 检查什么
括号或引号不配对：“《”“》”、“““”””、“（”“）”、“〔”“〕”、“【”“】”只开不闭或只闭不开。按段落判断
（PDF 提取造成的句中断行算同一段），半角“(”与全角“）”可以互相配对。

## 为什么
少了“》”，后面的话都像书名；少了“””，读者不知道引文在哪里结束。这些都是校对应当发现的录入错误。

## 示例（会报告）
深入实施《天津市知识产权“十四五”规划》《以下简称《规划》，全面提升知识产权创造质量。

## 应改为
深入实施《天津市知识产权“十四五”规划》（以下简称《规划》），全面提升知识产权创造质量。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）深入实施《天津市知识产权保护条例，加强宣传贯彻。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）深入实施《天津市知识产权保护条例》，加强宣传贯彻。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        for para in paragraphs(ctx):
            stacks: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
            ascii_quotes: list[tuple[int, int]] = []
            problems: list[tuple[int, int, str, str]] = []  # (line, pos, char, kind: open|close)
            for k, (ln, text) in enumerate(para):
                urls = _url_spans(text)
                # an item label like "1）" closes nothing: it is a marker, not a bracket
                label = _HALF_PAREN_LABEL.match(text) if k == 0 else None
                for m in _MARKS.finditer(text, label.end() if label else 0):   # only the brackets and quotes
                    pos, ch = m.start(), m.group()
                    if urls and in_spans(pos, urls):
                        continue
                    if ch == '"':
                        ascii_quotes.append((ln, pos))
                    elif ch in _PAIRS:
                        stacks[_kind(ch)].append((ln, pos, ch))
                    elif ch in _CLOSERS:
                        st = stacks[_kind(ch)]
                        if st:
                            st.pop()
                        else:
                            problems.append((ln, pos, ch, "close"))
            for st in stacks.values():
                for ln, pos, ch in st[:1]:
                    problems.append((ln, pos, ch, "open"))
            if len(ascii_quotes) % 2:
                ln, pos = ascii_quotes[-1]
                problems.append((ln, pos, '"', "open"))
            for ln, pos, ch, kind in sorted(problems):
                text = ctx.result.lines[ln - 1]
                if kind == "open":
                    closer = _PAIRS.get(ch, '"')
                    zh = f"“{ch}”没有配对的“{closer}”"
                    en = f"'{ch}' is never closed with '{closer}'"
                    sugg = f"补上“{closer}”，或删去多余的“{ch}”"
                    sugg_en = f"add the '{closer}', or delete the '{ch}'"
                    if ch == "《" and text[pos + 1:pos + 5] == "以下简称":
                        sugg = "把“《以下简称”改为“（以下简称”，并在简称后补上“）”"
                        sugg_en = "write '（以下简称' instead of '《以下简称' and close it with '）'"
                else:
                    opener = _CLOSERS[ch]
                    zh = f"“{ch}”前面没有配对的“{opener}”"
                    en = f"'{ch}' closes a '{opener}' that was never opened"
                    sugg = f"补上“{opener}”，或删去多余的“{ch}”"
                    sugg_en = f"add the '{opener}', or delete the '{ch}'"
                yield _finding_at(self, ctx, ln, zh, en, excerpt_at(text, pos), sugg, sugg_en, span=Span(ln, pos, pos + 1))


_PART_ORDINAL = re.compile(r"^第[一二三四五六七八九十百零〇0-9]+[章节部分篇条编]+")
_HALF_PAREN_LABEL = re.compile(r"^\s*[0-9０-９]{1,3}[)）]")

_PLACEHOLDERS = [
    (re.compile(r"(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])"), "XX"),
    (re.compile(r"[×＊*]{2,}"), "××"),
    # one X or × standing for a number between Chinese words: 第X届, X个, ×家 (not 3×4, not X光, not a Latin word)
    (re.compile(r"(?:(?<=第)|(?<=[\u4e00-\u9fff，、：]))[XxＸｘ×](?=[届个次件项家人名场期批轮万亿元%％])"), "X"),
    (re.compile(r"[○□△]{2,}"), "○○"),
    (re.compile(r"某某"), "某某"),
    (re.compile(r"[【\[［](?:[^】\]］]{0,12})(?:待定|待补充|待填|待确认|待核实|填写|此处|TBD|TODO)[^】\]］]{0,20}[】\]］]"), "【待定】"),
    (re.compile(r"[（(]\s*(?:此处|这里|请)?(?:填写|待定|待补充|待填|待核实|待确认)[^）)]{0,20}[）)]"), "（待定）"),
    (re.compile(r"_{3,}|＿{2,}"), "____"),
    (re.compile(r"(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])"), "TODO"),
]
# a character every match of _PLACEHOLDERS holds (X, ×, ○, 某, an opening 【, 待 or 填, _, T or F): a line
# without one has no placeholder, and most lines have none
_PLACEHOLDER_CHAR = re.compile(r"[XxＸｘ×＊*○□△某【\[［待填_＿TF]")


@register
class Placeholder(Rule):
    """## What it does
    Finds a placeholder left in the text: `XX`, `××`, `○○`, `某某`, `【待定】`, `（此处填写…）`, `____`, `TODO`.

    ## Why is this bad?
    A draft copied from a template or from last year's file keeps its blanks; a document that goes up
    with `全年完成XX件` in it is sent back.

    ## Example
    ```
    （三）加强商标品牌培育，全年新增驰名商标XX件。
    ```

    ## Use instead
    ```
    （三）加强商标品牌培育，全年新增驰名商标5件。
    ```
    """
    code = "TXT002"
    name = "placeholder"
    severity = "error"
    kinds = ALL_KINDS
    doc_zh = """## 检查什么
文中残留的占位符：“XX”“××”“○○”“某某”“【待定】”“（此处填写…）”“____”“TODO”。

## 为什么
从模板或去年稿子改来的文件常留下空白，带着“全年完成XX件”报上去会被退回。

## 示例（会报告）
（三）加强商标品牌培育，全年新增驰名商标XX件。

## 应改为
（三）加强商标品牌培育，全年新增驰名商标5件。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）加强商标品牌培育，全年新增驰名商标XX件。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）加强商标品牌培育，全年新增驰名商标5件。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        extra = [re.compile(re.escape(p)) for p in (ctx.config.get("placeholders") or []) if isinstance(p, str) and p]
        for ln, text in doc_lines(ctx):
            if not extra and not _PLACEHOLDER_CHAR.search(text):
                continue
            urls = _url_spans(text)
            seen = set()
            for rx, _ in _PLACEHOLDERS + [(r, "") for r in extra]:
                for m in rx.finditer(text):
                    if in_spans(m.start(), urls) or m.start() in seen:
                        continue
                    seen.add(m.start())
                    ph = m.group(0)
                    yield _finding_at(self, ctx, ln, f"残留占位符“{ph}”，请填入实际内容",
                                      f"placeholder '{ph}' left in the text", excerpt_at(text, m.start()),
                                      "填入实际内容或删去", "fill in the real text, or delete it")


_CJK_L = "\u4e00-\u9fff\u3400-\u4dbf“”‘’《》（）、。，：；！？【】〔〕"
_STRAY_SPACE = re.compile(rf"(?<=[{_CJK_L}])[ \u3000\u00a0]+(?=[{_CJK_L}])")
# a web page's metadata line around the title: "发布日期：…　　来源：办公室　　浏览次数：" (fields, not words)
_PAGE_META = re.compile(r"(?:发布(?:日期|时间)|来源|浏览次数|点击(?:数|量)?|字号|信息来源|作者)\s*[:：]")


@register
class StraySpace(Rule):
    """## What it does
    Finds spaces between two Chinese characters (or Chinese punctuation) inside a line, like
    `知识产权 军民融合` or `促进条 例`. Indentation at the start of a line and spaces next to Latin letters
    or digits (`2021 年`, `TISC 机构`) are not reported.

    ## Why is this bad?
    Chinese text has no spaces between words; a stray space is left from line wrapping or copying out
    of a PDF, and it splits words when the document is searched or reflowed.

    ## Example
    ```
    修订《山东省知识产权促进条 例》。
    ```

    ## Use instead
    ```
    修订《山东省知识产权促进条例》。
    ```
    """
    code = "TXT003"
    fixable = True
    name = "stray-space"
    severity = "info"
    kinds = ALL_KINDS
    doc_zh = """## 检查什么
两个汉字（或中文标点）之间夹着空格，如“知识产权 军民融合”“促进条 例”。行首缩进、与字母数字相邻的
空格（“2021 年”“TISC 机构”）不报告。

## 为什么
中文词与词之间没有空格；多出的空格来自换行或从 PDF 复制，会把词拆开，影响检索和重排。

## 示例（会报告）
修订《山东省知识产权促进条 例》。

## 应改为
修订《山东省知识产权促进条例》。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）修订《山东省知识产权促进条 例》。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）修订《山东省知识产权促进条例》。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        for ln, text in doc_lines(ctx):
            body = text.strip()
            if not body or body.startswith(("主题词", "主题词：", "抄送", "联系人", "联系电话")):
                continue
            if len(_PAGE_META.findall(body)) >= 2:
                continue
            # two or more ideographic spaces are a layout gap (fields, 落款 and date), not a slip
            # a space after a chapter ordinal is allowed (GB/T 15834 B.3.6: "第一章 总则", "第一部分 总体要求")
            after_part = _PART_ORDINAL.match(body)
            hits = [m for m in _STRAY_SPACE.finditer(body) if m.group(0).count("\u3000") < 2
                    and not (after_part and m.start() <= after_part.end() <= m.end())]
            if not hits:
                continue
            m = hits[0]
            fixed = _STRAY_SPACE.sub("", body)
            more = f"（本行共 {len(hits)} 处）" if len(hits) > 1 else ""
            more_en = f" ({len(hits)} in this line)" if len(hits) > 1 else ""
            a = max(0, m.start() - 6)
            sugg = fixed[a:a + 14]
            lead = len(text) - len(text.lstrip())  # offsets in `body` → offsets in the line as read
            spans = [Span(ln, lead + h.start(), lead + h.end()) for h in hits]
            yield _finding_at(self, ctx, ln, f"汉字之间有多余的空格{more}", f"stray space between Chinese characters{more_en}",
                              excerpt_at(body, m.start(), 10), f"删去空格：“{sugg}”", f"delete the space: '{sugg}'",
                              span=spans[0], edits=[Edit(sp, "") for sp in spans])
