"""NUM002–NUM004: heading markers in an allowed form, one form per level, and counts a heading announces."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Optional

from ...model import Node
from ..base import Context, Finding, Rule, register
from ..renumber import label_span
from ..spans import edit, node_span
from ..textutil import cn2int, copied_blocks, copied_lines, in_spans, make_label, quote_spans
from .numbering import KINDS_ALL, _marker

_RIGHT_MARK = {"cn": "、", "arabic": ".", "paren_cn": "", "paren_arabic": ""}


_BAD_PUNCT = {
    "cn": ".．，,：:",          # 一、 only (GB/T 15834 B.3.2)
    "arabic": "、，,",          # 1. only (B.3.3)
    "paren_cn": "、.．，,：:",   # nothing after a bracketed ordinal (B.3.4)
    "paren_arabic": "、.．，,：:",
}


@register
class NumberingForm(Rule):
    """## What it does
    Flags heading markers in a form GB/T 15834-2011 Appendix B.3 does not allow: `1、` (an Arabic numeral
    takes `.`), `一.` or `一，` (a Chinese numeral takes `、`), `(一)、` or `(1).` (a bracketed ordinal
    takes no punctuation after it).

    ## Why is this bad?
    GB/T 9704 and GB/T 15834 fix the markers of each level; a wrong one is a formatting error a
    秘书科 reviewer sends back.

    ## Example
    ```
    1、加强组织领导。
    ```

    ## Use instead
    ```
    1.加强组织领导。
    ```
    """
    code = "NUM002"
    name = "numbering-form"
    severity = "warning"
    fixable = True
    kinds = KINDS_ALL
    doc_zh = """## 检查什么
序号的写法是否符合 GB/T 15834—2011 附录 B.3：阿拉伯数字后用下脚点“1.”而不是“1、”；汉字数字后用顿号
“一、”而不是“一.”“一，”；带括号的序号后不加任何标点，“（一）、”“（1）.”都不对。

## 为什么
GB/T 9704 和 GB/T 15834 规定了各层级序号的写法，写错会被秘书科退回。

## 示例（会报告）
1、加强组织领导。

## 应改为
1.加强组织领导。"""
    example_hit = "2024年工作要点\n一、总体要求\n1、加强组织领导。\n2、强化督促检查。\n"
    example_miss = "2024年工作要点\n一、总体要求\n1.加强组织领导。\n2.强化督促检查。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        # `1、` is fixed to the point the document's other items use (`1.`, or `1．` where all are written so:
        # NUM003's business, not to be made worse here)
        points = Counter(m["punct"] for m in map(_marker, ctx.doc.walk())
                         if m and m["family"] == "arabic" and m["punct"] in ".．")
        marks = {**_RIGHT_MARK, "arabic": points.most_common(1)[0][0] if points else "."}
        for node in ctx.doc.walk():
            m = _marker(node)
            if not m or m["family"] not in _BAD_PUNCT:
                continue
            punct = m["punct"]
            if not punct:
                # the parser may have cut the label before a stray mark: look at the text after it
                rest = node.text.lstrip()[m["end"]:][:1] if node.text else ""
                if m["family"] in ("paren_cn", "paren_arabic") and rest and rest in _BAD_PUNCT[m["family"]]:
                    punct = rest
            if punct and punct in _BAD_PUNCT[m["family"]]:
                wrong = node.text.lstrip()[:m["end"] + (0 if m["punct"] else 1)] if node.text else node.label
                right = make_label(m["family"], m["value"], {**m, "punct": marks["arabic"]})
                # the fix changes the mark after the number only (the last character of the wrong label)
                lead = len(node.text) - len(node.text.lstrip()) if node.text else 0
                k = lead + len(wrong)
                yield self.finding(
                    ctx, f"序号“{wrong}”的写法不符合 GB/T 15834 附录B.3，应写作“{right}”",
                    f"marker '{wrong}' is not a form GB/T 15834 B.3 allows; write '{right}'",
                    node=node, suggestion=right, span=node_span(ctx, node, lead, k),
                    edits=edit(node_span(ctx, node, k - 1, k), marks[m["family"]]))


def _form(m: dict) -> str:
    if m["family"] in ("paren_cn", "paren_arabic"):
        o, c = m["open"], m["close"]
        if (o == "(") != (c == ")"):
            return "mixed"
        return "ascii" if o == "(" else "full"
    if m["family"] == "arabic":
        if m["punct"] in "、，,":
            return ""  # NUM002's business
        return ("fw-digit " if m["fw_digits"] else "") + ("．" if m["punct"] == "．" else ".")
    return ""


_STANDARD_FORMS = ("full", ".")
_FORM_ZH = {"ascii": "半角括号", "full": "全角括号", "mixed": "左右括号全半角不一", ".": "半角下脚点",
            "．": "全角点", "fw-digit .": "全角数字", "fw-digit ．": "全角数字和全角点"}


@register
class NumberingConsistency(Rule):
    """## What it does
    Flags a heading level written two ways in one document: `(一)` beside `（一）`, `1.` beside `1．`,
    or a marker whose brackets do not match (`(一）`).

    ## Why is this bad?
    Mixed forms come from pasting text from different drafts; the printed document looks careless and
    the level is harder to see.

    ## Example
    ```
    （一）加强组织领导。
    (二)强化督促检查。
    ```

    ## Use instead
    ```
    （一）加强组织领导。
    （二）强化督促检查。
    ```
    """
    code = "NUM003"
    name = "numbering-consistency"
    severity = "warning"
    fixable = True
    kinds = KINDS_ALL
    doc_zh = """## 检查什么
同一层级的序号在一份文件里写法不一致：“(一)”与“（一）”混用，“1.”与“1．”混用，或一个序号的左右括号
全半角不一（“(一）”）。

## 为什么
写法混杂通常是从不同稿件拼贴而来，印出来显得不严谨，也不利于看清层级。

## 示例（会报告）
（一）加强组织领导。/(二)强化督促检查。

## 应改为
（一）加强组织领导。/（二）强化督促检查。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）加强组织领导。\n(二)强化督促检查。\n（三）抓好宣传引导。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）加强组织领导。\n（二）强化督促检查。\n（三）抓好宣传引导。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        by_fam: dict[str, list[tuple[Node, dict, str]]] = defaultdict(list)
        for node in ctx.doc.walk():
            m = _marker(node)
            if m and m["family"] in ("paren_cn", "paren_arabic", "arabic"):
                f = _form(m)
                if f:
                    by_fam[m["family"]].append((node, m, f))
        for fam, items in by_fam.items():
            counts = Counter(f for _, _, f in items if f != "mixed")
            if not counts:
                continue
            major, _ = counts.most_common(1)[0]
            if len(counts) > 1 and counts.most_common(2)[1][1] == counts[major]:
                # a tie: prefer the standard form (full-width brackets, ASCII point)
                major = "full" if fam.startswith("paren") else "."
            for node, m, f in items:
                if f == major:
                    continue
                like = dict(m)
                if major in ("ascii", "full"):
                    like.update(open="(" if major == "ascii" else "（", close=")" if major == "ascii" else "）")
                elif fam == "arabic":
                    like.update(punct="．" if major.endswith("．") else ".")
                right = make_label(fam, m["value"], like)
                label = node.label.strip() or node.text[:m["end"]]
                span = label_span(ctx, node, m)
                # fixed toward the standard form (（一）, 1.) or the document's own full-width point (1．, which
                # nothing else changes); a majority written (一) is made full-width by PUN003's fix, which
                # settles this finding too
                yield self.finding(
                    ctx, f"同一层级序号写法不一：“{label}”（{_FORM_ZH.get(f, f)}），本文多数写作“{right}”（{_FORM_ZH.get(major, major)}）",
                    f"this level is written two ways: '{label}' here, '{right}' elsewhere", node=node, suggestion=right,
                    span=span, edits=edit(span, right) if major in _STANDARD_FORMS + ("．",) else [])


_COUNT = re.compile(r"(?<![第前后近])([一二三四五六七八九十两]{1,3}|\d{1,2})(大|项|个|条|类)(?=[\u4e00-\u9fff])")


def _quoted_count(title: str, m: re.Match, spans: list[tuple[int, int]], children: Optional[list]) -> bool:
    """`实施“三大工程”` over items that are each a 工程 counts them; `“两个确立”`, `“四个意识”` (个), 《…》
    titles, and a quoted name whose items are not its parts (“三大工程” over 宣传、督查) do not."""
    if m.group(2) == "个" or not children:
        return False
    span = next(((a, b) for a, b in spans if a + 1 == m.start() and title[a] == "“" and b - a <= 10), None)
    if span is None:
        return False
    noun = title[m.end():span[1] - 1][-2:]
    if len(noun) < 2:
        return False
    echo = sum(noun in (c.title or c.text or "") for c in children)
    return echo * 2 >= len(children)


def announced_count(title: str, children: Optional[list] = None) -> Optional[tuple[int, str]]:
    """`实施知识产权五大专项行动` → (5, '五大专项行动'); None when the heading announces no count (or two)."""
    spans = quote_spans(title)
    found = []
    for m in _COUNT.finditer(title):
        if in_spans(m.start(), spans) and not _quoted_count(title, m, spans, children):
            continue
        raw = m.group(1)
        n = int(raw) if raw.isdigit() else cn2int(raw.replace("两", "二"))
        if n is None or n < 2:
            continue
        tail = re.match(r"[\u4e00-\u9fff]{0,6}", title[m.end():]).group(0)
        found.append((n, m.group(0) + tail))
    if len({n for n, _ in found}) != 1:
        return None
    return found[0]


@register
class NumberingCount(Rule):
    """## What it does
    Compares a count a heading announces (`五大专项行动`, `三项任务`) with the number of items under it.

    ## Why is this bad?
    When an item is dropped or merged, the heading still promises the old number: `五大专项行动` over
    four actions is a visible inconsistency.

    ## Example
    ```
    二、实施三大工程
    （一）实施专利质量提升工程。
    （二）实施商标品牌培育工程。
    ```

    ## Use instead
    ```
    二、实施两大工程
    （一）实施专利质量提升工程。
    （二）实施商标品牌培育工程。
    ```
    """
    code = "NUM004"
    name = "numbering-count"
    severity = "warning"
    kinds = ("plan", "division", "unknown")
    doc_zh = """## 检查什么
标题里宣布的数量（“五大专项行动”“三项任务”）与其下条目的个数是否一致。

## 为什么
删除或合并条目后，标题往往还写着原来的数字：“五大专项行动”下面只有四项，一眼就能看出不一致。

## 示例（会报告）
二、实施三大工程 /（一）实施专利质量提升工程。/（二）实施商标品牌培育工程。

## 应改为
二、实施两大工程 /（一）……/（二）……"""
    example_hit = "2024年工作要点\n一、实施三大工程\n（一）实施专利质量提升工程。\n（二）实施商标品牌培育工程。\n"
    example_miss = "2024年工作要点\n一、实施两大工程\n（一）实施专利质量提升工程。\n（二）实施商标品牌培育工程。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        # a heading printed twice with its text (DUP002) splits its items between the two copies: not counted
        copied = copied_lines(ctx) | {orig for _, _, orig in copied_blocks(ctx)}
        for node in ctx.doc.walk():
            if len(node.children) < 2 or node.line in copied:
                continue
            title = node.title or node.body
            got = announced_count(title, node.children)
            if not got:
                continue
            n, phrase = got
            copies = copied_lines(ctx)
            k = len([c for c in node.children if c.line not in copies])
            if k != n:
                yield self.finding(
                    ctx, f"标题说“{phrase}”，下面却有 {k} 项",
                    f"the heading announces {n} ('{phrase}') but has {k} items under it",
                    node=node, excerpt=title[:60],
                    suggestion=f"核对条目，或把标题中的数量改为 {k}",
                    suggestion_en=f"check the items, or change the count in the heading to {k}")
