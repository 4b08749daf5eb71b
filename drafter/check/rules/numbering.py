"""NUM001–NUM004: heading numbers — sequence, allowed forms, one form per level, announced counts."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Optional

from ...model import Node
from ..base import Context, Finding, Rule, register
from ..renumber import attach_renumbering, label_span
from ..spans import edit, node_span
from ..textutil import cn2int, copied_blocks, copied_lines, excerpt_at, in_spans, int2cn, make_label, parse_marker, quote_spans

NUMBERED = ("cn", "paren_cn", "arabic", "paren_arabic", "ordinal_shi", "circled")
KINDS_ALL = ("plan", "division", "summary", "unknown")


def _marker(node: Node) -> Optional[dict]:
    m = parse_marker(node.label) if node.label else None
    if m is None and node.text:
        m = parse_marker(node.text.lstrip())
    return m


def _groups(ctx: Context) -> dict[str, list[list[tuple[Node, dict]]]]:
    """Per marker family, the runs of siblings (children of one parent) in document order. A block printed
    twice in a row (DUP002's) is read once: its copy is left out, and the items the parser hung under the
    copy of a heading are read as the original heading's."""
    fams: dict[str, list[list[tuple[Node, dict]]]] = defaultdict(list)
    copies = copied_lines(ctx)
    original = copy_originals(ctx)
    runs: dict[int, tuple[dict, list]] = {}     # id(parent) → (family → run, families in order)

    def visit(parent: Optional[Node], children: list[Node]) -> None:
        owner_ = original.get(id(parent), parent) if parent is not None else None
        by_fam, order = runs.setdefault(id(owner_), ({}, []))
        for ch in children:
            if ch.line in copies:
                continue
            m = _marker(ch)
            if m and m["family"] in NUMBERED and m["value"] is not None:
                if m["family"] not in by_fam:
                    by_fam[m["family"]] = []
                    order.append(m["family"])
                by_fam[m["family"]].append((ch, m))
        for ch in children:
            visit(ch, ch.children)

    visit(None, ctx.doc.sections)
    for by_fam, order in runs.values():
        for f in order:
            fams[f].append(by_fam[f])
    for f in fams:
        fams[f].sort(key=lambda g: g[0][0].line or 0)
    return fams


def copy_originals(ctx: Context) -> dict[int, Node]:
    """id(node of a copied block) → the node it copies (same place in the original block)."""
    blocks = copied_blocks(ctx)
    if not blocks:
        return {}
    by_line = {n.line: n for n in ctx.doc.walk() if n.line}
    out = {}
    for first, last, orig in blocks:
        for ln in range(first, last + 1):
            if ln in by_line and orig + (ln - first) in by_line:
                out[id(by_line[ln])] = by_line[orig + (ln - first)]
    return out


def convention(groups: list[list[tuple[Node, dict]]]) -> str:
    """"continuous" when later runs pick up where the previous one stopped, "restart" when they start at 1."""
    cont = restart = 0
    for prev, g in zip(groups, groups[1:]):
        first, last = g[0][1]["value"], prev[-1][1]["value"]
        if first == last + 1 and first != 1:
            cont += 1
        elif first == 1:
            restart += 1
    return "continuous" if cont > restart else "restart"


@register
class NumberingSequence(Rule):
    """## What it does
    Checks that heading numbers run without a gap, a repeat or a swap, judged against the convention the
    document itself follows at that level: numbers that run on across sections (`1.`–`32.` in ten
    sections) or restart in each section (`(一)` again under every `一、`).

    ## Why is this bad?
    A gap or a repeated number is the first thing a reviewer sees, and it usually means an item was
    deleted, copied or moved without renumbering.

    ## Example
    ```
    一、总体要求
    （一）加强组织领导。
    （三）强化督促检查。
    ```

    ## Use instead
    ```
    一、总体要求
    （一）加强组织领导。
    （二）强化督促检查。
    ```
    """
    code = "NUM001"
    name = "numbering-sequence"
    severity = "error"
    fixable = True
    kinds = KINDS_ALL
    doc_zh = """## 检查什么
同一层级的序号应连续：不能跳号、重号或颠倒。判断标准取自文件本身在该层级的习惯——跨部分连续编号
（如十个部分连续编到“32.”），或每个部分重新从“（一）”开始。

## 为什么
跳号、重号是审核人员最先看到的问题，往往说明删除、复制或移动了条目后没有重新编号。

## 示例（会报告）
一、总体要求 /（一）加强组织领导。/（三）强化督促检查。

## 应改为
一、总体要求 /（一）加强组织领导。/（二）强化督促检查。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）加强组织领导。\n（三）强化督促检查。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）加强组织领导。\n（二）强化督促检查。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        for fam, groups in _groups(ctx).items():
            conv = convention(groups)
            flat = [(gi, i, node, m) for gi, g in enumerate(groups) for i, (node, m) in enumerate(g)]
            found = list(self._sequence(ctx, fam, groups, conv, flat))
            # the fix renumbers the whole sequence at once (renumbering one item shifts the rest)
            attach_renumbering(ctx, fam, flat, conv, found)
            for _, f in found:
                yield f
        yield from self._run_in(ctx)

    def _sequence(self, ctx: Context, fam: str, groups, conv: str, flat) -> Iterable[tuple[Node, Finding]]:
        """(node, finding) for each number that breaks the sequence of one family."""
        cont = conv == "continuous" and len(groups) > 1
        conv_zh = "本层级跨部分连续编号" if cont else "本层级在各部分内从头编号"
        conv_en = "numbers at this level run on across sections" if cont else "numbers at this level restart in each section"
        expected, prev = 1, None
        for k, (gi, i, node, m) in enumerate(flat):
            if i == 0:
                prev = None
                if gi == 0 or conv == "restart":
                    expected = 1
            n = m["value"]
            if n == expected:
                prev, expected = n, n + 1
                continue
            want = expected
            nxt = None
            if k + 1 < len(flat) and (cont or flat[k + 1][0] == gi):
                nxt = flat[k + 1][3]["value"]
            sugg = make_label(fam, want, m)
            if prev is not None and n == prev and k > 0 and flat[k - 1][2].body == node.body:
                continue  # the same paragraph printed twice, number and all: DUP002 reports it
            if prev is not None and n == prev:
                kind_zh, kind_en = "与上一项重号", "repeats the previous number"
            elif n > want:
                kind_zh, kind_en = f"跳过了“{sugg}”", f"skips {sugg}"
            else:
                kind_zh, kind_en = "顺序颠倒", "is out of order"
            label = (node.label or "").strip() or make_label(fam, n, m)
            yield node, self.finding(
                ctx, f"序号“{label}”{kind_zh}，此处应为“{sugg}”（{conv_zh}）",
                f"number '{label}' {kind_en}; expected '{sugg}' ({conv_en})", node=node, suggestion=sugg,
                span=label_span(ctx, node, m))
            if nxt is not None and nxt == want + 1:
                prev, expected = want, want + 1      # one mislabelled item: keep counting from the right value
            else:
                prev, expected = n, n + 1            # a real gap or jump: resynchronise

    def _run_in(self, ctx: Context) -> Iterable[Finding]:
        """`一是…；二是…；二是…` run together inside one paragraph: the parser splits them only where the next
        number follows, so a repeat or a gap stays in the text of the item before it."""
        copies = copied_lines(ctx)
        for node in ctx.doc.walk():
            if node.line in copies or "是" not in node.text:
                continue
            m0 = _marker(node)
            prev = m0["value"] if m0 and m0["family"] == "ordinal_shi" else None
            start = len(node.label) if node.label and node.text.startswith(node.label) else 0
            marks = [(m.start(1), cn2int(m.group(1))) for m in _RUN_IN.finditer(node.text, start)
                     if node.text[m.end():m.end() + len(m.group(1))] != m.group(1)]   # 一是一、二是二
            for k, (pos, n) in enumerate(marks):
                if n is None:
                    continue
                if prev is None:
                    if n != 1:
                        break      # the list began before this paragraph
                    prev = 1
                    continue
                want = prev + 1
                if n == want:
                    prev = n
                    continue
                label, sugg = f"{int2cn(n)}是", f"{int2cn(want)}是"
                kind_zh = "与上一项重号" if n == prev else (f"跳过了“{sugg}”" if n > want else "顺序颠倒")
                kind_en = "repeats the previous number" if n == prev else (f"skips {sugg}" if n > want else "is out of order")
                span = node_span(ctx, node, pos, pos + len(label))
                yield self.finding(
                    ctx, f"段内序号“{label}”{kind_zh}，此处应为“{sugg}”（一是、二是……连排在同一段内）",
                    f"run-in '{label}' {kind_en}; expected '{sugg}'", node=node,
                    line=span.line if span is not None else None,   # the paragraph's line, under its heading
                    excerpt=excerpt_at(node.text, pos), suggestion=sugg, span=span, edits=edit(span, sugg))
                nxt = marks[k + 1][1] if k + 1 < len(marks) else None
                prev = want if nxt in (None, want + 1) else n


# an ordinal 一是/二是 at the start of a clause inside a paragraph
_RUN_IN = re.compile(r"(?:(?<=[。；;，,：:])|^)[\s\u3000]*([一二三四五六七八九十]{1,3})是(?=[\u4e00-\u9fff“])")
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
                right = make_label(m["family"], m["value"], {**m, "punct": "."})
                # the fix changes the mark after the number only (the last character of the wrong label)
                lead = len(node.text) - len(node.text.lstrip()) if node.text else 0
                k = lead + len(wrong)
                yield self.finding(
                    ctx, f"序号“{wrong}”的写法不符合 GB/T 15834 附录B.3，应写作“{right}”",
                    f"marker '{wrong}' is not a form GB/T 15834 B.3 allows; write '{right}'",
                    node=node, suggestion=right, span=node_span(ctx, node, lead, k),
                    edits=edit(node_span(ctx, node, k - 1, k), _RIGHT_MARK[m["family"]]))


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
                # fixed only toward the standard form (（一）, 1.): a majority written (一) is made full-width
                # by PUN003's fix, which settles this finding too
                yield self.finding(
                    ctx, f"同一层级序号写法不一：“{label}”（{_FORM_ZH.get(f, f)}），本文多数写作“{right}”（{_FORM_ZH.get(major, major)}）",
                    f"this level is written two ways: '{label}' here, '{right}' elsewhere", node=node, suggestion=right,
                    span=span, edits=edit(span, right) if major in _STANDARD_FORMS else [])


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
