"""AGY001–AGY003: responsible agencies — missing, misspelt, or renamed by an institutional reform.

What the rules know about agencies (names, aliases, renames with their year) is in `rules/agencies.yaml`
(see `drafter.check.data`); the clauses themselves are read by `drafter.parse.agencies`.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Optional

from ...model import Agency, Document, Node
from ...parse.agencies import is_agency_shaped, split_agencies
from ..agency_names import NameModel
from ..base import Context, Edit, Finding, Rule, Span, register
from ..data import RulesData, data_of, norm_name
from ..spans import find_agency, find_in_node
from ..textutil import clause_free, copied_lines, doc_lines

PLAN_SHARE = 0.6   # a plan "assigns agencies" when at least this share of its items carry one
MIN_ITEMS = 3


def agencies_of(node: Node) -> list[Agency]:
    """The node's agencies as parsed, or read from its text when the parser left them out."""
    if node.agencies:
        return node.agencies
    return split_agencies(node.text)[1] if node.text else []


def _parents(doc: Document) -> dict[int, Optional[Node]]:
    out: dict[int, Optional[Node]] = {}

    def walk(nodes: list[Node], parent: Optional[Node]) -> None:
        for n in nodes:
            out[id(n)] = parent
            walk(n.children, n)
    walk(doc.sections, None)
    return out


def _region_text(doc: Document) -> str:
    return " ".join((doc.issuer or "", doc.title or "", (doc.preamble or "")[:300]))


def _related_node(ctx: Context, node: Node) -> dict:
    return {"source": ctx.source, "line": node.line, "label": node.label, "path": ctx.path_of(node),
            "excerpt": node.text[:60]}


_FOLD = re.compile(r"[\s\u3000,，.。;；:：、\"“”()（）0-9]")


def _lost_since_prior(prior: Optional[Document], items: list[Node], has: list[bool]) -> dict:
    """Items whose lead sentence is last year's word for word, where last year named agencies and this
    year names none: {id(node): (node, last year's agency names)}."""
    if prior is None:
        return {}
    before = {}
    for n in prior.items():
        names = [a.name for a in agencies_of(n)]
        if names and n.title:
            before.setdefault(_FOLD.sub("", n.title), names)
    return {id(n): (n, before[_FOLD.sub("", n.title)]) for n, h in zip(items, has)
            if not h and n.title and _FOLD.sub("", n.title) in before}


@register
class MissingAgency(Rule):
    """## What it does
    Finds an item that names no responsible agency in a document that assigns them: any task-division
    document (任务分工/责任分解), and a plan where most items (60 % or more) end with a clause such as
    `(市知识产权局牵头)` or `(责任单位:市科技局)`. An agency named on a heading covers the items under it.

    ## Why is this bad?
    A task nobody is assigned to is a task nobody reports on. In a division document it is an error;
    in a plan it is usually a clause lost while editing.

    ## Example
    ```
    (一)加强知识产权行政保护。(市知识产权局牵头)
    (二)加强知识产权司法保护。
    ```

    ## Use instead
    ```
    (二)加强知识产权司法保护。(市高级人民法院负责)
    ```
    """
    code = "AGY001"
    name = "missing-agency"
    severity = "warning"   # error in a division document
    kinds = ("division", "plan", "unknown")
    doc_zh = """## 检查什么
某一条没有写责任单位，而本文件是分配责任单位的。要求写的：任务分工、责任分解文件的每一条；工作要点里大多数条目
（60% 以上）都写了“(市知识产权局牵头)”“(责任单位:市科技局)”之类的括注时，没写的那几条。写在上级标题上的
责任单位覆盖其下各条。

## 为什么
没有责任单位的任务就没有人落实、没有人报送进展。任务分工文件里按错误报告；工作要点里多半是修改时把括注删丢了。

## 示例（会报告）
(一)加强知识产权行政保护。(市知识产权局牵头)
(二)加强知识产权司法保护。

## 应改为
(二)加强知识产权司法保护。(市高级人民法院负责)"""
    example_hit = ("2024年知识产权重点工作任务分工\n一、加强知识产权保护\n"
                   "(一)加强知识产权行政保护。(市知识产权局牵头)\n"
                   "(二)加强知识产权司法保护。\n"
                   "(三)加强知识产权宣传。(市委宣传部、市知识产权局负责)\n")
    example_miss = ("2024年知识产权重点工作任务分工\n一、加强知识产权保护\n"
                    "(一)加强知识产权行政保护。(市知识产权局牵头)\n"
                    "(二)加强知识产权司法保护。(市高级人民法院负责)\n"
                    "(三)加强知识产权宣传。(市委宣传部、市知识产权局负责)\n")

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        if doc.kind not in ("division", "plan", "unknown"):
            return
        items = [n for n in doc.items() if n.label or n.text]
        if len(items) < MIN_ITEMS and doc.kind != "division":
            return
        parents = _parents(doc)

        def covered(n: Node) -> bool:
            p = parents.get(id(n))
            while p is not None:
                if agencies_of(p):
                    return True
                p = parents.get(id(p))
            return False

        # a clause that lacks its closing bracket still names the agency: TXT001 reports the bracket, not AGY001
        has = [bool(agencies_with_unclosed(n)) or covered(n) for n in items]
        # with --prior: an item carried from last year that has lost the agencies it had there
        lost = _lost_since_prior(ctx.prior, items, has)
        for n, names in lost.values():
            yield self.finding(
                ctx, f"去年同一条写了责任单位（{'、'.join(names)}），今年没有写",
                f"last year's plan gave this item to {', '.join(names)}; this year it names no agency",
                node=n, severity="error" if doc.kind == "division" else None,
                suggestion=f"补上“（{'、'.join(names)}负责）”或今年的责任单位",
                suggestion_en=f"add '({'、'.join(names)}负责)' or this year's agencies")
        has = [h or id(n) in lost for n, h in zip(items, has)]
        if not any(has):
            return
        if doc.kind != "division" and sum(has) / len(items) < PLAN_SHARE:
            return
        severity = "error" if doc.kind == "division" else None
        example = next(n for n, h in zip(items, has) if h)
        ex = agencies_of(example)[0].name if agencies_of(example) else ""
        clause = _usual_clause(doc, items)
        for n, h in zip(items, has):
            if h:
                continue
            yield self.finding(
                ctx, f"这一条没有写责任单位（本文件其他条目都写了，如“{ex}”）",
                f"this item names no responsible agency (the document's other items do, e.g. '{ex}')",
                node=n, severity=severity, suggestion=f"在句末补上责任单位括注，如“{clause}”",
                suggestion_en=f"add the responsible agency at the end, e.g. '{clause}'")


@register
class UnknownAgency(Rule):
    """## What it does
    Finds an agency name that is neither a known name (`rules/agencies.yaml`, plus the office's own list
    in drafter.yaml) nor used elsewhere in the document, when a known name is one or two characters away:
    `市知识产权居` → `市知识产权局`. Names with no close match are left alone — a new agency is not a mistake.

    ## Why is this bad?
    A misspelt agency name is printed in a document that goes up for approval and out to every agency;
    it also breaks any tally of tasks by agency.

    ## Example
    ```
    (一)加强知识产权行政保护。(市知识产权居牵头)
    ```

    ## Use instead
    ```
    (一)加强知识产权行政保护。(市知识产权局牵头)
    ```
    """
    code = "AGY002"
    fixable = True
    name = "unknown-agency"
    severity = "warning"
    kinds = ("division", "plan", "unknown", "summary")
    doc_zh = """## 检查什么
责任单位名称疑似写错。名称既不在已知名单里（rules/agencies.yaml 以及本单位在 drafter.yaml 里补充的名单），也没有在本文件
其他地方出现过，而且和某个已知名称只差一两个字：“市知识产权居”→“市知识产权局”。找不到相近名称的不报——
新设的单位不是错误。

## 为什么
单位名称写错会印在报批、印发的文件里；按单位统计任务时也会漏算。

## 示例（会报告）
(一)加强知识产权行政保护。(市知识产权居牵头)

## 应改为
(一)加强知识产权行政保护。(市知识产权局牵头)"""
    example_hit = ("2024年知识产权重点工作任务分工\n一、加强知识产权保护\n"
                   "(一)加强知识产权行政保护。(市知识产权居牵头)\n"
                   "(二)加强知识产权司法保护。(市高级人民法院负责)\n"
                   "(三)加强知识产权宣传。(市委宣传部、市知识产权局负责)\n")
    example_miss = MissingAgency.example_miss

    def check(self, ctx: Context) -> Iterable[Finding]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        doc = ctx.doc
        d = data_of(ctx)
        copies = copied_lines(ctx)
        nodes = [n for n in doc.walk() if n.line not in copies]
        used: list[tuple[Node, Agency]] = [(n, a) for n in nodes for a in agencies_with_unclosed(n)]
        text = "\n".join(t for _, t in doc_lines(ctx))
        model = NameModel(d, text)
        counts = Counter(norm_name(a.name) for _, a in used)
        doc_names = {k for k, c in counts.items() if c >= 2 or d.is_known(k)}
        candidates = sorted(doc_names | set(d.known) | d.known_cores)
        context = " ".join(x for x in (doc.issuer, doc.title) if x)
        reported: set[str] = set()
        for node, a in used:
            name = norm_name(a.name)
            if name in reported or counts[name] >= 2 or d.is_known(name) or d.is_generic(name):
                continue
            others: list[str] = []
            # a name that looks like an agency is misspelt only when the difference looks like a slip (the
            # model); one that no longer looks like one (市知识产权保户中兴) by the plain distance as well
            best = model.slip_of(name, context, ties=others)
            if best is None and not is_agency_shaped(name):
                best = _near(name, candidates, d, process, Levenshtein, context=context, ties=others)
            if best is None:
                continue
            reported.add(name)
            spans = find_agency(ctx, node, a.name)
            # fixed only when the near match is the only one (no other name equally close)
            yield self.finding(
                ctx, f"责任单位“{a.name}”不在已知名单中，是否应为“{best}”？",
                f"agency '{a.name}' is not a known name; did you mean '{best}'?",
                node=node, suggestion=best, span=spans[0] if spans else None,
                edits=[] if others else [Edit(sp, best) for sp in spans])
        # names in running text: 联合市公按局开展…, 由市教育据统筹…
        texts = [(n, clause_free(ctx, n)) for n in nodes if n.text]
        if doc.preamble:
            texts.insert(0, (None, doc.preamble))
        for node, body in texts:
            for slip in model.mentions(body, context):
                if slip.written in reported or text.count(slip.written) >= 2:
                    continue
                reported.add(slip.written)
                spans = find_in_node(ctx, node, slip.written) if node is not None else \
                    _preamble_spans(ctx, slip.written)
                line = spans[0].line if spans else (
                    _line_of(ctx, node, slip.written) if node is not None else _preamble_line(ctx, slip.written))
                yield self.finding(
                    ctx, f"单位名称“{slip.written}”疑似写错，是否应为“{slip.known}”？",
                    f"'{slip.written}' looks like a misspelt agency name; did you mean '{slip.known}'?",
                    node=node, line=line, suggestion=slip.known, span=spans[0] if spans else None,
                    edits=[] if slip.ties else [Edit(sp, slip.known) for sp in spans])


def agencies_with_unclosed(node: Node) -> list[Agency]:
    """The node's agencies, and those of a clause at its end that lacks its closing bracket (TXT001 reports
    the bracket; the clause is there all the same)."""
    got = agencies_of(node)
    if got or not node.text:
        return got
    t = node.text.rstrip()
    if t.count("（") + t.count("(") <= t.count("）") + t.count(")"):
        return []
    return split_agencies(t + "）")[1]


def _preamble_line(ctx: Context, name: str) -> Optional[int]:
    a = ctx.doc.line or 1
    for ln, text in doc_lines(ctx):
        if ln >= a and name in norm_name(text):
            return ln
    return ctx.doc.line


def _usual_clause(doc: Document, items: list[Node]) -> str:
    """The agency clause as this document writes it, with its most frequent lead: （市市场监管局牵头）."""
    leads = Counter(a.name for n in items for a in agencies_of(n) if a.role == "lead")
    full = sum(("（" in n.text) for n in items) >= sum(("(" in n.text) for n in items)
    o, c = ("（", "）") if full else ("(", ")")
    if leads:
        return f"{o}{leads.most_common(1)[0][0]}牵头{c}"
    anyone = Counter(a.name for n in items for a in agencies_of(n))
    return f"{o}{anyone.most_common(1)[0][0]}负责{c}" if anyone else f"{o}××局牵头{c}"


def _dropped_char(rest: str, candidates: list[str]) -> Optional[str]:
    """The one candidate `rest` is with one inner character dropped (same first and last character)."""
    if len(rest) < 3:
        return None
    hits = {c for c in candidates if len(c) == len(rest) + 1 and c[0] == rest[0] and c[-1] == rest[-1]
            and any(c[:i] + c[i + 1:] == rest for i in range(1, len(c) - 1))}
    return hits.pop() if len(hits) == 1 else None


_PROVINCIAL = ("省", "自治区")


def _fit(prefix: str, cand: str, context: str) -> tuple:
    """Among equally close names: one the document itself uses (its issuer, its title), then one of the
    prefix's level (省…厅, 市/区/县…局), then the first in order."""
    in_doc = bool(context) and (prefix + cand in context or (len(cand) >= 3 and cand in context))
    provincial = prefix.endswith(_PROVINCIAL)
    level = cand.endswith("厅") == provincial
    return (in_doc, level)


def _near(name: str, candidates: list[str], d: RulesData, process, Levenshtein,
          context: str = "", ties: Optional[list] = None) -> Optional[str]:
    """The one close known name, with the same place prefix; None when none is close enough. `context`
    (the document's issuer and title) settles a tie between equally close names; names that stay tied
    with the one returned are added to `ties` (then it is a guess, not the one right answer)."""
    shaped = is_agency_shaped(name)
    for i in range(0, min(len(name) - 2, 9)):
        prefix, rest = name[:i], name[i:]
        if not d.valid_prefix(prefix):
            continue
        cutoff = 1 if len(rest) <= 7 else 2
        if shaped:
            # a real-looking name: only a one-character slip inside a longer name, same ending
            if len(rest) < 6:
                # a short one: only a character dropped from a known name (市生环境局 ← 市生态环境局);
                # a changed character may be another real agency (市水务局 / 市税务局)
                got = _dropped_char(rest, candidates)
                if got:
                    return prefix + got
                continue
            cutoff = 1
        near = process.extract(rest, candidates, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=12)
        if not near:
            continue
        dist = min(x[1] for x in near)

        def fit(c: str) -> tuple:
            # a national body (科技部) is never the one meant after a place prefix (区科技居 → 区科技局)
            return (*_fit(prefix, c, context), not (prefix and c in d.national))
        match = max((x[0] for x in near if x[1] == dist), key=fit)
        if dist == 0 or len(match) < 3:
            continue
        if shaped and match[-1] != rest[-1]:
            continue
        if ties is not None:
            ties.extend(prefix + x[0] for x in near if x[1] == dist and x[0] != match and fit(x[0]) == fit(match))
        return prefix + match
    return None


# old names as they appear in running text: 市工商局, 天津检验检疫局, 省质监局 (not 原市工商局)
def _text_mentions(text: str, d: RulesData, region: str = "") -> list[str]:
    out = []
    for r in d.renames:
        for o in r.old:
            start = 0
            while True:
                i = text.find(o, start)
                if i < 0:
                    break
                start = i + 1
                if r.exact:
                    if text[max(0, i - 1):i] in ("原", "前"):
                        continue
                    out.append(o)
                    continue
                # the document's own place (联合泉州检验检疫局 in a 泉州 document), else the shortest place prefix
                own = next((text[i - k:i] for k in range(6, 1, -1) if i - k >= 0 and text[i - k:i] in region
                            and d.valid_prefix(text[i - k:i]) and not _COMMON_WORD.search(text[i - k:i])), None)
                if own and text[max(0, i - len(own) - 1):i - len(own)] not in ("原", "前"):
                    out.append(own + o)
                    continue
                for k in range(1, 7):
                    if i - k < 0:
                        break
                    prefix = text[i - k:i]
                    if d.valid_prefix(prefix) and not _COMMON_WORD.search(prefix):
                        if text[max(0, i - k - 1):i - k] in ("原", "前"):
                            break
                        end = i + len(o)
                        if end < len(text) and re.match(r"[\u4e00-\u9fff]", text[end]) and \
                                is_agency_shaped(text[i:end + 1]) and text[end] in "局委办厅":
                            break  # part of a longer name
                        out.append(prefix + o)
                        break
    return out


_COMMON_WORD = re.compile(r"^(全|各|本|我|城|该|此|都|门|场)")


@register
class RenamedAgency(Rule):
    """## What it does
    Finds an agency that no longer existed under that name in the document's year: the 2018
    institutional reform merged 工商局, 质监局 and 食品药品监管局 into 市场监管局, moved 检验检疫局 into 海关,
    法制办 into 司法局, 银监局/保监局 into 银保监局 (and that into 金融监管局 in 2023) …; the renames and
    their years are in `rules/agencies.yaml`. A name is reported only for documents dated after the
    year of the change, so a 2010 document naming 市工商局 is fine. Responsibility clauses are checked,
    and in plans, division documents and summaries also names in the running text (not after 原).

    ## Why is this bad?
    Assigning a task to an agency that no longer exists assigns it to nobody; it is the typical leftover
    of a plan copied forward from an old one.

    ## Example
    ```
    2024年工作要点 …… (市工商局负责)
    ```

    ## Use instead
    ```
    2024年工作要点 …… (市市场监管局负责)
    ```
    """
    code = "AGY003"
    fixable = True
    name = "renamed-agency"
    severity = "warning"
    kinds = ("division", "plan", "unknown", "summary")
    doc_zh = """## 检查什么
单位名称在文件年份已因机构改革不再使用。2018 年机构改革把工商局、质监局、食品药品监管局整合为市场监管局，
检验检疫局划入海关，法制办并入司法局，银监局、保监局合并为银保监局（2023 年又改为金融监管局）……
更名及其年份见 rules/agencies.yaml。只对晚于更名年份的文件报告，所以 2010 年文件里的“市工商局”不报。
检查责任单位括注；工作要点、任务分工文件和工作总结还检查正文里出现的名称（前面有“原”字的不报）。

## 为什么
把任务分给已经不存在的单位，等于没有分给任何人；这通常是照抄旧文件留下的。

## 示例（会报告）
2024年工作要点 …… (市工商局负责)

## 应改为
2024年工作要点 …… (市市场监管局负责)"""
    example_hit = ("2024年知识产权重点工作任务分工\n一、加强知识产权保护\n"
                   "(一)加强商标专用权保护。(市工商局负责)\n"
                   "(二)加强知识产权司法保护。(市高级人民法院负责)\n")
    example_miss = ("2010年知识产权重点工作任务分工\n一、加强知识产权保护\n"
                    "(一)加强商标专用权保护。(市工商局负责)\n"
                    "(二)加强知识产权司法保护。(市高级人民法院负责)\n")

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        if not doc.year:
            return
        d = data_of(ctx)
        region = _region_text(doc)
        reported: set[tuple[int, str]] = set()
        scan_text = doc.kind in ("plan", "division", "summary")   # a summary's narrative too
        for node in doc.walk():
            names = [a.name for a in agencies_of(node)]
            if scan_text and node.text:
                names += _text_mentions(clause_free(ctx, node), d, region)
            for name in names:
                key = (id(node), norm_name(name))
                if key in reported:
                    continue
                hit = d.rename_for(name, doc.year, region)
                if hit is None:
                    continue
                reported.add(key)
                spans = find_agency(ctx, node, name, not_after="原前")
                yield self.finding(ctx, *_message(name, doc.year, hit), node=node, suggestion=hit.new,
                                   line=spans[0].line if spans else _line_of(ctx, node, name),
                                   span=spans[0] if spans else None, edits=[Edit(sp, hit.new) for sp in spans])
        if scan_text and doc.preamble:
            for name in _text_mentions(doc.preamble, d, region):
                hit = d.rename_for(name, doc.year, region)
                if hit is None or (0, norm_name(name)) in reported:
                    continue
                reported.add((0, norm_name(name)))
                spans = _preamble_spans(ctx, name)
                yield self.finding(ctx, *_message(name, doc.year, hit), line=spans[0].line if spans else doc.line,
                                   excerpt=doc.preamble[:60], suggestion=hit.new, span=spans[0] if spans else None,
                                   edits=[Edit(sp, hit.new) for sp in spans])


def _preamble_spans(ctx: Context, name: str) -> list[Span]:
    """Where `name` stands in the preamble: the lines after the title and before the first heading."""
    first = min((n.line for n in ctx.doc.walk() if n.line), default=None)
    out = []
    for ln, text in doc_lines(ctx):
        if ln == ctx.doc.line or (first is not None and ln >= first):
            continue
        k = text.find(name)
        while k >= 0:
            if not (k > 0 and text[k - 1] in "原前"):
                out.append(Span(ln, k, k + len(name)))
            k = text.find(name, k + len(name))
    return out


def _line_of(ctx: Context, node: Node, name: str) -> Optional[int]:
    """The line of `node`'s paragraph where `name` stands (the node's own line when not found)."""
    if not node.line:
        return None
    starts = sorted(x.line for x in ctx.doc.walk() if x.line and x.line > node.line)
    stop = starts[0] if starts else None
    for ln, text in doc_lines(ctx):
        if ln < node.line or (stop is not None and ln >= stop):
            continue
        if name in norm_name(text):
            return ln
    return node.line


def _message(name: str, year: int, hit) -> tuple[str, str]:
    if len(hit.steps) == 1:   # one change: say when, without naming the new name twice
        y = hit.steps[0].year
        return (f"“{name}”在 {year} 年已不再使用：{y} 年起应为“{hit.new}”",
                f"'{name}' no longer existed under that name in {year}: it is '{hit.new}' since {y}")
    return (f"“{name}”在 {year} 年已不再使用，应为“{hit.new}”（{hit.history()}）",
            f"'{name}' no longer existed under that name in {year}; it is '{hit.new}' ({hit.history('en')})")
