"""YR001–YR002: a year or a term left over from an earlier year's text.

YR002 reads the dated terms from `rules/terms.yaml` (五年规划 periods, 党代会 sessions and plenums,
两会 sessions, campaigns and slogans, each with its valid-from/until dates); an office adds its own
there or under `terms:` in drafter.yaml.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Iterable, Optional

from ..base import Context, Edit, Finding, Rule, Span, register
from ..textutil import doc_lines, excerpt_at, in_spans, leading_literal, owner, paragraphs, quote_spans

KINDS = ("plan", "division", "unknown")
# YR002 reads a summary's narrative too: a superseded formula written as current is as wrong there


# ---- terms.yaml -------------------------------------------------------------------------------------

def _year_of(v) -> Optional[int]:
    if v is None or v == "":
        return None
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.year
    m = re.match(r"\s*(\d{4})", str(v))
    return int(m.group(1)) if m else None


@functools.lru_cache(maxsize=8)
def _compile(entries_key: tuple) -> tuple:
    out = []
    for e in entries_key:
        e = dict(e)
        try:
            rx = re.compile(e["pattern"])
        except (re.error, KeyError, TypeError):
            continue
        unless = None
        if e.get("unless"):
            try:
                unless = re.compile(e["unless"])
            except re.error:
                unless = None
        history = None
        if e.get("history"):
            try:
                history = re.compile(e["history"])
            except re.error:
                history = None
        out.append({"name": e.get("name") or e["pattern"], "rx": rx, "lead": leading_literal(rx),
                    "kind": e.get("kind", ""), "history": history,
                    "from": _year_of(e.get("from")), "until": _year_of(e.get("until")),
                    "until_text": str(e.get("until") or ""), "from_text": str(e.get("from") or ""),
                    "grace": int(e.get("grace") or 0), "unless": unless,
                    "suggestion": e.get("suggestion") or ""})
    return tuple(out)


def _freeze(entries) -> tuple:
    return tuple(tuple(sorted((str(k), str(v) if v is not None else None) for k, v in e.items()))
                 for e in entries if isinstance(e, dict))


def load_terms(extra: Optional[list] = None) -> tuple[tuple, tuple]:
    """(compiled terms, five-year periods [(name, from, until)]) from rules/terms.yaml (+ drafter.yaml terms:)."""
    from ..data import _read_text_yaml   # read only: no copy of the file's data for each document
    raw = _read_text_yaml("terms.yaml") or {}
    entries = list(extra or []) + list(raw.get("terms") or [])
    periods = tuple((str(p["name"]), int(p["from"]), int(p["until"])) for p in raw.get("five_year_plans") or []
                    if isinstance(p, dict) and p.get("name"))
    return _compile(_freeze(entries)), periods


def current_period(year: int, periods) -> str:
    for name, a, b in periods:
        if a <= year <= b:
            return name
    return ""


_FOLD = re.compile(r"[\s\u3000,，.。;；:：!！?？、\"“”'‘’()（）]")


def _prior_sentences(prior) -> dict[str, Optional[int]]:
    """Sentences of last year's plan (punctuation and width folded) → the line they stand on there."""
    out: dict[str, Optional[int]] = {}
    if prior is None:
        return out
    texts = [(prior.preamble, prior.line)] + [(n.text, n.line) for n in prior.walk()]
    for text, line in texts:
        for s in re.split(r"[。；！？\n]", text or ""):
            key = _FOLD.sub("", s)
            if len(key) >= 8:
                out.setdefault(key, line)
    return out


# numbers folded, years kept: last year's sentence with one figure changed has the same key, while a sentence
# whose year was rolled (较2022年 → 较2023年) has not
_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?!\d|\s*年)")


def _figure_key(key: str) -> str:
    return _FIGURE.sub("#", key)


def _prior_near(exact: dict[str, Optional[int]]) -> dict[str, Optional[int]]:
    return {_figure_key(k): v for k, v in exact.items() if _FIGURE.search(k)}


@functools.lru_cache(maxsize=4)
def _about_last_year_rules(_key: str = "") -> tuple[re.Pattern, int]:
    """rules/terms.yaml `about_last_year`: the words of work that by its nature concerns the year before
    (年报, 决算, 考核 …), and how far after the year they may stand."""
    from ..data import read_rules_file
    raw = (read_rules_file("terms.yaml") or {}).get("about_last_year") or {}
    words = sorted({str(w) for w in raw.get("words") or [] if w}, key=len, reverse=True)
    rx = re.compile("|".join(re.escape(w) for w in words)) if words else re.compile(r"(?!x)x")
    return rx, int(raw.get("within") or 24)


def about_last_year(text: str, end: int) -> bool:
    """Does the clause after a year (text[end:]) name work that concerns that year by nature: 2023年度决算,
    2023年统计年报, 2023年度县（市、区）政府履行教育职责评价? Read in rules/terms.yaml, not case by case."""
    rx, within = _about_last_year_rules()
    clause = re.split(r"[。，,；;！？!?]", text[end:end + within], maxsplit=1)[0]
    return bool(rx.search(clause))


def _sentence(text: str, pos: int, stops: str = "。；！？") -> str:
    a = max(text.rfind(c, 0, pos) for c in stops)
    ends = [i for i in (text.find(c, pos) for c in stops) if i >= 0]
    return text[a + 1:(min(ends) if ends else len(text))]


_CLAUSE_STOPS = "。；！？，,;"


def clause(text: str, pos: int) -> str:
    """The clause around `pos` (between ，；。): the words that excuse a year or a term must stand in its own clause —
    in 加快推进“十四五”规划重大项目建设，…完成投资160亿元 the 完成 of the next clause says nothing of 十四五."""
    return _sentence(text, pos, _CLAUSE_STOPS)


@register
class StaleTerm(Rule):
    """## What it does
    Finds a term used after its time: a 五年规划 period (`十三五` in a plan for 2021 or later), a party
    congress or plenum presented as current (`党的十九大精神` after October 2022), a 两会 session, a campaign
    or slogan that has ended (`决胜全面建成小康社会` after 2020). The terms and their dates are data in
    `rules/terms.yaml`. In the year or two right after a term's end, a retrospective use (`十三五时期`,
    `巩固党史学习教育成果`) is not reported.

    ## Why is this bad?
    A plan that still speaks of the last period's programme was copied from an old file without being
    updated; reviewers read it as carelessness about the current line.

    ## Example
    ```
    2024年工作要点 … 深入学习贯彻党的十九大精神，推进“十三五”规划实施。
    ```

    ## Use instead
    ```
    2024年工作要点 … 深入学习贯彻党的二十大精神，推进“十四五”规划实施。
    ```
    """
    code = "YR002"
    name = "stale-term"
    severity = "warning"
    kinds = KINDS + ("summary",)
    doc_zh = """## 检查什么
过时的提法：五年规划期（2021 年及以后的计划里写“十三五”）、作为“当前”精神提出的党代会或全会
（2022 年 10 月以后写“党的十九大精神”）、两会届次、已经结束的集中教育或阶段性口号（2020 年以后写
“决胜全面建成小康社会”）。提法和有效期写在 rules/terms.yaml 里。期满后一两年内的回顾性用法
（“十三五时期”“巩固党史学习教育成果”）不报告。

## 为什么
计划里还写着上一个时期的提法，说明是照旧稿改的、没有更新，审核时会被认为对当前部署不敏感。

## 示例（会报告）
2024年工作要点 … 深入学习贯彻党的十九大精神，推进“十三五”规划实施。

## 应改为
2024年工作要点 … 深入学习贯彻党的二十大精神，推进“十四五”规划实施。"""
    example_hit = "2024年工作要点\n一、总体要求\n（一）推进“十三五”知识产权规划实施。\n"
    example_miss = "2024年工作要点\n一、总体要求\n（一）推进“十四五”知识产权规划实施。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        year = ctx.doc.year
        if not year:
            return
        terms, periods = load_terms(ctx.config.get("terms") if isinstance(ctx.config.get("terms"), list) else None)
        cur = current_period(year, periods)
        for ln, text in doc_lines(ctx):
            if not text.strip():
                continue
            spans = None
            for t in terms:
                if t["until"] is None or year <= t["until"] or (t["lead"] and t["lead"] not in text):
                    continue
                for m in t["rx"].finditer(text):
                    if spans is None:
                        spans = quote_spans(text, "《》")
                    if t["history"] is not None and t["history"].search(text, max(0, m.start() - 4), m.end() + 8):
                        continue  # said of the past: 较“十三五”末, “十三五”时期
                    within_grace = year <= t["until"] + t["grace"]
                    if within_grace:
                        if in_spans(m.start(), spans):
                            continue  # citing a document of the previous period in the transition year
                        if t["unless"] is not None and t["unless"].search(clause(text, m.start())):
                            continue
                    sugg = (t["suggestion"] or "").replace("{current}", cur or "当前提法")
                    term = m.group(0)
                    if t["kind"] == "five-year-plan":
                        zh = f"“{term}”是 {t['from']}—{t['until']} 年的规划期，本文件是 {year} 年的，当前应为“{cur}”"
                        en = f"'{term}' is the {t['from']}–{t['until']} plan period; this document is for {year} ({cur} now)"
                    else:
                        zh = f"“{term[:20]}”是 {t['until_text'][:7] or t['until']} 以前的提法，{year} 年的文件不宜再作为当前提法使用"
                        en = f"'{term[:20]}' belongs to the time before {t['until_text'][:7] or t['until']}; out of date in a {year} document"
                    f = self.finding(ctx, zh, en, line=ln, excerpt=excerpt_at(text, m.start()), suggestion=sugg or None)
                    node = owner(ctx, ln)
                    if node is not None:
                        f.label, f.path = node.label, ctx.path_of(node)
                    yield f


_YEAR = re.compile(r"(?<![\d.\-/])((?:19|20)\d{2})\s*年")
_RANGE_BEFORE = re.compile(r"(?:(?:19|20)\d{2}\s*年?\s*[-—–~～至到]+\s*)$")
_RANGE_AFTER = re.compile(r"^\s*(?:[-—–~～]|至|到)\s*(?:(?:19|20)?\d{2})")
_CMP_BEFORE = re.compile(r"(?:较|比|同比|与|相比|截至|截止|截止到|截至到|自|从|于|在|对|回顾|总结|上年|去年|比照|对照|参照|超过|高于|低于)\s*$")
_CMP_AFTER = re.compile(r"^\s*(?:(?:底|末|年底|年末)(?!前|以前|之前)|以来|基础|的基础|同期|水平|相比|全年[^。，,；]{0,6}(?:完成|实现|达到))")
# a deadline: 到2023年底, 力争于2023年6月底前, 确保在2023年年底前 (not 截至2023年底, a date of record)
_DEADLINE_BEFORE = re.compile(r"(?<!截)(?<!截止)(?:到|至|于|在)\s*$")
_DEADLINE_AFTER = re.compile(r"^\s*(?:年?(?:底|末)|\d{1,2}\s*月(?:底|末)?)(?:前|以前|之前)?")
# a statement of where things stood then (到2023年底，全市已建成…), not a deadline
_STATUS = re.compile(r"已|累计|共有|共计|总数|建成了|实现了|完成了|达到了")
# last year's campaign built on (巩固拓展2024年党纪学习教育成果, 推广2023年试点经验)
_BUILD_ON_BEFORE = re.compile(r"(?:巩固|拓展|深化|运用|用好|转化|推广|延续|提升)\s*$")
_BUILD_ON_AFTER = re.compile(r"^[^。，,；;]{0,16}?(?:成果|成效|经验|做法)")
_DEADLINE = re.compile(r"\s*(?:\d{1,2}\s*月)?(?:底|末|年底|年末|\d{1,2}\s*日)?(?:前|以前|之前)")
# 2024年前三季度 (the first three quarters), not a deadline; 截至2024年底前 is a date of record
_NOT_DEADLINE = re.compile(r"[一二三四五六七八九十两半\d]")
_RECORD_BEFORE = re.compile(r"(?:截至|截止|截止到)\s*$")
_RECAP = re.compile(r"取得|实现了|完成了|已经|获批|被确定|入选|荣获|成功举办|圆满完成")


def year_mentions(text: str, year_value: int, found: Optional[list] = None) -> list[re.Match]:
    """Mentions of `year_value` in `text` that stand for a year of their own (not a range, not a 《title》).
    `found`: `_YEAR`'s matches in `text`, when the caller asks about several years."""
    spans = None
    out = []
    for m in _YEAR.finditer(text) if found is None else found:
        if int(m.group(1)) != year_value:
            continue
        if spans is None:
            spans = quote_spans(text, "《》")
        if in_spans(m.start(), spans):
            continue
        before = text[max(0, m.start() - 8):m.start()]
        after = text[m.end():m.end() + 6]
        if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after):
            continue
        out.append(m)
    return out


@register
class StaleYear(Rule):
    """## What it does
    Finds last year's year left in this year's plan: `组织开展2022年专利奖评审` in a plan for 2023, or a
    title year that the body contradicts. Year ranges (`2021-2035年`, `2023—2025年`), names of documents in
    `《》`, and comparisons with last year (`较2022年增长`, `2022年底`, `在2022年基础上`) are not reported.

    ## Why is this bad?
    Each year's plan is drafted from last year's; a year that was not rolled forward assigns work to a
    year that is over.

    ## Example
    ```
    2023年工作要点 … 组织开展2022年度专利奖评审。
    ```

    ## Use instead
    ```
    2023年工作要点 … 组织开展2023年度专利奖评审。
    ```
    """
    code = "YR001"
    fixable = True
    name = "stale-year"
    severity = "warning"
    kinds = KINDS
    doc_zh = """## 检查什么
今年的计划里残留去年的年份：2023 年工作要点里写“组织开展2022年专利奖评审”；或标题年份与正文不符。
年份区间（“2021-2035年”“2023—2025年”）、书名号《》里的文件名、与上年的比较（“较2022年增长”
“2022年底”“在2022年基础上”）不报告。

## 为什么
今年的计划多由去年的改来，没改过来的年份等于把工作安排到了已经过去的一年。

## 示例（会报告）
2023年工作要点 … 组织开展2022年度专利奖评审。

## 应改为
2023年工作要点 … 组织开展2023年度专利奖评审。"""
    example_hit = "2023年工作要点\n一、总体要求\n（一）组织开展2022年度专利奖评审。\n"
    example_miss = "2023年工作要点\n一、总体要求\n（一）组织开展2023年度专利奖评审，较2022年增长10%。\n"

    def _at(self, ctx: Context, where: tuple, year: int, zh: str, en: str) -> Finding:
        """A finding at `where` = (line, column of the four digits, the line's text)."""
        ln, col, text = where
        span = Span(ln, col, col + 4) if text[col:col + 4].isdigit() else None  # the four digits
        f = self.finding(ctx, zh, en, line=ln, excerpt=excerpt_at(text, col), suggestion=f"{year}年",
                         span=span, edits=[Edit(span, str(year))] if span else [])
        node = owner(ctx, ln)
        if node is not None:
            f.label, f.path = node.label, ctx.path_of(node)
        return f

    def check(self, ctx: Context) -> Iterable[Finding]:
        year = ctx.doc.year
        if not year:
            return
        prev = year - 1
        title_line = ctx.doc.line
        n_this = n_next = 0
        # with --prior: a sentence copied word for word from last year's plan, year and all, is certain
        copied = _prior_sentences(ctx.prior) if ctx.prior is not None and ctx.prior.year == prev else {}
        # … and one copied with a figure changed but the year left as it was
        near = _prior_near(copied) if copied else {}
        # a paragraph at a time: in hard-wrapped PDF text the words that excuse a year (…2020 年知 / 识产权保护
        #工作检查考核…) stand on the next line
        for para in paragraphs(ctx):
            text = "".join(t for _, t in para)
            offsets, off = [], 0
            for ln, t in para:
                offsets.append((off, ln, t))
                off += len(t)

            def place(pos: int) -> tuple:
                o, ln, t = next(x for x in reversed(offsets) if x[0] <= pos)
                return ln, pos - o, t
            found = list(_YEAR.finditer(text))
            if not found:
                continue
            mentions = [m for m in year_mentions(text, prev, found) if place(m.start(1))[0] != title_line]
            n_this += sum(place(m.start(1))[0] != title_line for m in year_mentions(text, year, found))
            n_next += sum(place(m.start(1))[0] != title_line for m in year_mentions(text, year + 1, found))
            for m in mentions:
                here = place(m.start(1))
                before = text[max(0, m.start() - 6):m.start()]
                after = text[m.end():m.end() + 12]
                key = _FOLD.sub("", _sentence(text, m.start()))
                same = copied.get(key, False) if copied else False
                near_key = _figure_key(key) if near and same is False else ""
                if same is not False or (near_key and near_key in near):
                    where = same if same is not False else near[near_key]
                    at_zh, at_en = (f"第 {where} 行", f" (line {where})") if where else ("", "")
                    how_zh, how_en = ("原文相同", "word for word") if same is not False else \
                        ("的句子只有数字不同", "with only a figure changed")
                    yield self._at(ctx, here, year,
                                   f"此句与去年工作要点{at_zh}{how_zh}，其中的“{m.group(0)}”没有改为 {year} 年",
                                   f"this sentence is last year's plan{at_en} {how_en}: '{m.group(0)}' was not changed to {year}")
                    continue
                # a deadline ending in 前 (2025年年底前完成…, 2025年6月底前) looks forward whatever work it names: the
                # words that excuse a year (评估, 考核 …) do not excuse a deadline that has passed
                dl = _DEADLINE.match(text, m.end())
                if dl and not _NOT_DEADLINE.match(text, dl.end()) and not _RECORD_BEFORE.search(before) and \
                        not _STATUS.search(clause(text, m.start())) and not _RECAP.search(clause(text, m.start())):
                    yield self._at(ctx, here, year,
                                   f"期限“{m.group(0)}{dl.group(0).strip()}”在 {year} 年的计划里已经过去，可能是沿用去年文稿未改的年份",
                                   f"the deadline '{m.group(0)}{dl.group(0).strip()}' has passed in a plan for {year}: probably last year's text")
                    continue
                deadline = _DEADLINE_BEFORE.search(before) and _DEADLINE_AFTER.match(after) and \
                    not _STATUS.search(_sentence(text, m.start()))
                if deadline:
                    dl = _DEADLINE_AFTER.match(after)
                    yield self._at(ctx, here, year,
                                   f"期限“{before.strip()[-1:]}{m.group(0)}{dl.group(0).strip()}”在 {year} 年的计划里已经过去，可能是沿用去年文稿未改的年份",
                                   f"the deadline '{m.group(0)}{dl.group(0).strip()}' has passed in a plan for {year}: probably last year's text")
                    continue
                if _CMP_BEFORE.search(before) or _CMP_AFTER.match(after) or about_last_year(text, m.end()):
                    continue
                if _RECAP.search(_sentence(text, m.start())):
                    continue
                if _BUILD_ON_BEFORE.search(before) and _BUILD_ON_AFTER.match(text[m.end():m.end() + 20]):
                    continue
                dl = _DEADLINE.match(text, m.end())
                if dl:
                    zh = f"期限“{m.group(0)}{dl.group(0)}”在 {year} 年的计划里已经过去，可能是沿用去年文稿未改的年份"
                    en = f"the deadline '{m.group(0)}{dl.group(0)}' has passed in a plan for {year}: probably last year's text"
                else:
                    zh = f"{year} 年的计划里出现“{m.group(0)}”，可能是沿用去年文稿未改的年份"
                    en = f"'{m.group(0)}' in a plan for {year}: probably last year's text not updated"
                yield self._at(ctx, here, year, zh, en)
        if n_next >= 2 and n_this == 0 and title_line:
            title = ctx.result.lines[title_line - 1].strip() if 0 < title_line <= len(ctx.result.lines) else ctx.doc.title
            yield self.finding(
                ctx, f"标题年份为 {year} 年，正文却 {n_next} 处写 {year + 1} 年、没有一处写 {year} 年：标题年份可能没有更新",
                f"the title says {year} but the body mentions {year + 1} {n_next} times and {year} never",
                line=title_line, excerpt=title[:60], suggestion=f"{year + 1}年")
