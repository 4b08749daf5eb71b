"""GB/T 15834 / 15835 and wording: enumeration punctuation (PUN001), document-number brackets (PUN002), number
usage (NUMB001), one programme written two ways (TRM001). They read the document's lines as text.py's rules do.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from ..base import Context, Edit, Finding, Rule, Span, register
from ..textutil import doc_lines, excerpt_at, in_spans
from .text import _finding_at, _url_spans

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
            if "号" not in text:
                continue   # _RX ends with it (a cheaper test than the regex on every line)
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
            for m in _MIXED.finditer(text) if "千" in text or "百" in text else ():
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
            for m in _SHORT_YEAR.finditer(text) if "月" in text else ():
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
