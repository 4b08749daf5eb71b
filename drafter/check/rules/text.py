"""TXT001–TXT003 and the GB/T 15834 / 15835 / wording rules: brackets, placeholders, stray spaces,
enumeration punctuation, document-number brackets, number usage, a term written two ways.

All of these read the document's own lines (`ParseResult.lines` within the document's range), joined
into logical paragraphs where PDF extraction broke a sentence.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from ..base import Context, Edit, Finding, Rule, Span, register
from ..textutil import doc_lines, excerpt_at, in_spans, owner, paragraphs

ALL_KINDS = ("plan", "division", "summary", "unknown")

# opener -> (closer, name); ( and （ close each other: a half/full-width mismatch is not an unbalanced bracket
_PAIRS = {"《": "》", "“": "”", "‘": "’", "(": ")", "（": "）", "〔": "〕", "【": "】", "[": "]", "〈": "〉", "「": "」", "『": "』"}
_KIND = {"(": "paren", "（": "paren", ")": "paren", "）": "paren"}
_CLOSERS = {c: o for o, c in _PAIRS.items()}
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
                for pos, ch in enumerate(text):
                    if label and pos < label.end():
                        continue
                    if ch in _PAIRS or ch in _CLOSERS or ch == '"':
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
                yield _finding_at(self, ctx, ln, zh, en, excerpt_at(text, pos), sugg, sugg_en)


_PART_ORDINAL = re.compile(r"^第[一二三四五六七八九十百零〇0-9]+[章节部分篇条编]+")
_HALF_PAREN_LABEL = re.compile(r"^\s*[0-9０-９]{1,3}[)）]")

_PLACEHOLDERS = [
    (re.compile(r"(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])"), "XX"),
    (re.compile(r"[×＊*]{2,}"), "××"),
    (re.compile(r"[○□△]{2,}"), "○○"),
    (re.compile(r"某某"), "某某"),
    (re.compile(r"[【\[［](?:[^】\]］]{0,12})(?:待定|待补充|待填|待确认|待核实|填写|此处|TBD|TODO)[^】\]］]{0,20}[】\]］]"), "【待定】"),
    (re.compile(r"[（(]\s*(?:此处|这里|请)?(?:填写|待定|待补充|待填|待核实|待确认)[^）)]{0,20}[）)]"), "（待定）"),
    (re.compile(r"_{3,}|＿{2,}"), "____"),
    (re.compile(r"(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])"), "TODO"),
]


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


@register
class EnumerationPunctuation(Rule):
    """## What it does
    Flags enumeration punctuation GB/T 15834-2011 does not use: a 顿号 before `等` (`A、B、等`), and a
    顿号 between titles or quotations standing side by side (`《条例》、《办法》`, `“A”、“B”`, §4.5.3.5).

    ## Why is this bad?
    The standard leaves the 顿号 out where the 书名号 or 引号 already separate the items.

    ## Example
    ```
    贯彻《专利法》、《商标法》，开展宣传、培训、等活动。
    ```

    ## Use instead
    ```
    贯彻《专利法》《商标法》，开展宣传、培训等活动。
    ```
    """
    code = "PUN001"
    name = "enumeration-punctuation"
    severity = "info"
    kinds = ("plan", "division", "unknown")
    doc_zh = """## 检查什么
并列成分的标点：“等”前面不加顿号（“A、B、等”）；并列的书名号、引号之间通常不用顿号
（“《条例》、《办法》”“"A"、"B"”，GB/T 15834—2011 第4.5.3.5条）。

## 为什么
书名号、引号本身已把并列成分隔开，标准规定其间不再加顿号。

## 示例（会报告）
贯彻《专利法》、《商标法》，开展宣传、培训、等活动。

## 应改为
贯彻《专利法》《商标法》，开展宣传、培训等活动。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）贯彻《专利法》、《商标法》，加强宣传。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）贯彻《专利法》《商标法》，加强宣传。\n"

    _RX = re.compile(r"、等|》、《|”、“")

    def check(self, ctx: Context) -> Iterable[Finding]:
        for ln, text in doc_lines(ctx):
            m = self._RX.search(text)
            if not m:
                continue
            s = m.group(0)
            fix = "等" if s == "、等" else s.replace("、", "")
            yield _finding_at(self, ctx, ln, f"“{s}”中的顿号多余（GB/T 15834 第4.5.3.5条、附录B.1）",
                              f"the 顿号 in '{s}' is not used (GB/T 15834 §4.5.3.5)", excerpt_at(text, m.start()), fix)


@register
class DocumentNumberBrackets(Rule):
    """## What it does
    Flags the year of a document number written in `[ ]`, `【 】` or `（ ）` instead of the 六角括号
    `〔 〕` (GB/T 9704 §7.2.5, GB/T 15834 §4.9.3.4): `国办发[2024]5号` → `国办发〔2024〕5号`.

    ## Why is this bad?
    The document number is how a 公文 is cited; the standard fixes its form.

    ## Example
    ```
    落实《通知》（国办发[2024]5号）要求。
    ```

    ## Use instead
    ```
    落实《通知》（国办发〔2024〕5号）要求。
    ```
    """
    code = "PUN002"
    fixable = True
    name = "document-number-brackets"
    severity = "info"
    kinds = ("plan", "division", "unknown")
    doc_zh = """## 检查什么
发文字号中的年份应当用六角括号“〔〕”（GB/T 9704 第7.2.5条、GB/T 15834 第4.9.3.4条），不用“[]”“【】”“（）”：
“国办发[2024]5号”应为“国办发〔2024〕5号”。

## 为什么
发文字号是引用公文的依据，格式由标准规定。

## 示例（会报告）
落实《通知》（国办发[2024]5号）要求。

## 应改为
落实《通知》（国办发〔2024〕5号）要求。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）落实《通知》（国办发[2024]5号）要求。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）落实《通知》（国办发〔2024〕5号）要求。\n"

    _RX = re.compile(r"([\u4e00-\u9fff]{1,8})[\[【（(［]((?:19|20)\d{2})[\]】）)］](\d{1,4})号")

    def check(self, ctx: Context) -> Iterable[Finding]:
        for ln, text in doc_lines(ctx):
            for m in self._RX.finditer(text):
                fix = f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
                span = Span(ln, m.start(), m.end())
                yield _finding_at(self, ctx, ln, f"发文字号“{m.group(0)}”的年份应使用六角括号：“{fix}”",
                                  f"document number '{m.group(0)}': the year takes 〔〕: '{fix}'",
                                  excerpt_at(text, m.start()), fix, span=span, edits=[Edit(span, fix)])


_FW_DIGIT = re.compile(r"[０-９]+")
_MIXED = re.compile(r"(?<![\d.])\d+(?:\.\d+)?[千百](?![米克瓦帕伏焦赫兆分])")
_SHORT_YEAR = re.compile(r"(?<![\d〇零一二三四五六七八九])(\d{2})年(?=\d{1,2}月)")


@register
class NumberUsage(Rule):
    """## What it does
    Flags number forms GB/T 15835-2011 does not allow: full-width digits (`２０２４`), Arabic digits
    mixed with `千`/`百` (`4千` — only `万` and `亿` may follow digits, §5.3), and two-digit years
    before a month (`23年5月`, §5.1.4).

    ## Why is this bad?
    The standard fixes how numbers are written in 公文; these forms are sent back by reviewers.

    ## Example
    ```
    全年培训4千人次，２０２４年底前完成。
    ```

    ## Use instead
    ```
    全年培训4000人次，2024年底前完成。
    ```
    """
    code = "NUMB001"
    name = "number-usage"
    severity = "info"
    kinds = ("plan", "division", "unknown")
    doc_zh = """## 检查什么
GB/T 15835—2011 不允许的数字写法：全角数字（“２０２４”）；阿拉伯数字与“千”“百”连用（“4千”，
第5.3条只允许“万”“亿”）；月份前的两位年份（“23年5月”，第5.1.4条）。

## 为什么
公文中数字的写法有国家标准，这些写法会被审核退回。

## 示例（会报告）
全年培训4千人次，２０２４年底前完成。

## 应改为
全年培训4000人次，2024年底前完成。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）加强培训，全年培训4千人次。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）加强培训，全年培训4000人次。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        for ln, text in doc_lines(ctx):
            urls = _url_spans(text)
            m = _FW_DIGIT.search(text)
            if m and not in_spans(m.start(), urls):
                fix = m.group(0).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
                yield _finding_at(self, ctx, ln, f"全角数字“{m.group(0)}”应写作半角“{fix}”",
                                  f"full-width digits '{m.group(0)}': write '{fix}'", excerpt_at(text, m.start()), fix)
            for m in _MIXED.finditer(text):
                if in_spans(m.start(), urls):
                    continue
                num, unit = m.group(0)[:-1], m.group(0)[-1]
                try:
                    val = float(num) * (1000 if unit == "千" else 100)
                    fix = f"{val:g}" if val < 1e15 else None
                except ValueError:
                    fix = None
                yield _finding_at(self, ctx, ln, f"“{m.group(0)}”：阿拉伯数字后只能接“万”“亿”，应写作“{fix}”",
                                  f"'{m.group(0)}': only 万/亿 may follow digits; write '{fix}'",
                                  excerpt_at(text, m.start()), fix)
            for m in _SHORT_YEAR.finditer(text):
                yield _finding_at(self, ctx, ln, f"年份“{m.group(1)}年”不应简写为两位数字",
                                  f"year '{m.group(1)}年' must not be shortened to two digits",
                                  excerpt_at(text, m.start()), f"20{m.group(1)}年")


# “十项行动” / “五大工程”: a count with 项 or 大 and a noun; “四个意识”“四个自信” are distinct fixed terms
_TERM = re.compile(r"“([一二三四五六七八九十两百\d]{1,3}(?:大|项))([\u4e00-\u9fff]{1,6})”")


@register
class TermVariants(Rule):
    """## What it does
    Finds one named programme written two ways in the same document: `“十项行动”` in one place and
    `“十项任务”` in another — the same count and measure word in quotation marks with a different noun.

    ## Why is this bad?
    A programme's name is fixed by the document that launched it; two names make the reader wonder
    whether they are two programmes.

    ## Example
    ```
    深度融入我市“十项行动”。……紧密结合我市“十项任务”。
    ```

    ## Use instead
    ```
    深度融入我市“十项行动”。……紧密结合我市“十项行动”。
    ```
    """
    code = "TRM001"
    name = "term-variants"
    severity = "warning"
    kinds = ("plan", "division", "unknown")
    doc_zh = """## 检查什么
同一份文件里同一个提法写成两样：一处“十项行动”，另一处“十项任务”——引号中数量词相同、名词不同。

## 为什么
提法由发起它的文件确定；写成两样，读者会以为是两件事。

## 示例（会报告）
深度融入我市“十项行动”。……紧密结合我市“十项任务”。

## 应改为
两处都写“十项行动”。"""
    example_hit = "2024年工作要点\n深度融入我市“十项行动”。\n一、总体要求\n（一）紧密结合我市“十项任务”，丰富宣传形式。\n"
    example_miss = "2024年工作要点\n深度融入我市“十项行动”。\n一、总体要求\n（一）紧密结合我市“十项行动”，丰富宣传形式。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        uses: dict[str, list[tuple[str, int, int, str]]] = defaultdict(list)
        for ln, text in doc_lines(ctx):
            for m in _TERM.finditer(text):
                uses[m.group(1)].append((m.group(0), ln, m.start(), text))
        for prefix, occ in uses.items():
            forms = Counter(t for t, *_ in occ)
            if len(forms) < 2:
                continue
            major, nmaj = forms.most_common(1)[0]
            if list(forms.values()).count(nmaj) > 1:
                major = occ[0][0]  # a tie: the first written form is the reference
            for term, ln, pos, text in occ:
                if term == major:
                    continue
                yield _finding_at(self, ctx, ln, f"提法不一致：此处写“{term[1:-1]}”，文中另有“{major[1:-1]}”",
                                  f"the same programme written two ways: '{term[1:-1]}' here, '{major[1:-1]}' elsewhere",
                                  excerpt_at(text, pos), major)
