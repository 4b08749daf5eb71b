"""AGY002: an agency name misspelt — in a responsibility clause or in running text.

Whether a name is a slip of a known one is decided by the typo model in `drafter.check.agency_names`; the names,
the characters typed for an ending, and the pairs real names are made of are data in `rules/agencies.yaml`.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from ...model import Agency, Node
from ...parse.agencies import is_agency_shaped
from ..agency_names import NameModel
from ..base import Context, Edit, Finding, Rule, register
from ..data import RulesData, data_of, norm_name
from ..spans import find_agency, find_in_node
from ..textutil import clause_free, copied_lines, doc_lines
from .agencies import MissingAgency, agencies_with_unclosed, line_of, preamble_line, preamble_spans

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
        model = NameModel(d, text, year=doc.year, region=" ".join(x for x in (doc.issuer, doc.title) if x))
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
                best = _near(name, candidates, d, process, Levenshtein, context=context, ties=others,
                             abolished=model._abolished)
            if best is None:
                continue
            reported.add(name)
            spans = find_agency(ctx, node, a.name)
            # fixed only when the near match is the only one (no other name equally close)
            yield self.finding(
                ctx, f"责任单位“{a.name}”不在已知名单中，是否应为“{best}”{_or_zh(others)}？",
                f"agency '{a.name}' is not a known name; did you mean '{best}'{_or_en(others)}?",
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
                    preamble_spans(ctx, slip.written)
                line = spans[0].line if spans else (
                    line_of(ctx, node, slip.written) if node is not None else preamble_line(ctx, slip.written))
                yield self.finding(
                    ctx, f"单位名称“{slip.written}”疑似写错，是否应为“{slip.known}”{_or_zh(slip.ties)}？",
                    f"'{slip.written}' looks like a misspelt agency name; did you mean '{slip.known}'{_or_en(slip.ties)}?",
                    node=node, line=line, suggestion=slip.known, span=spans[0] if spans else None,
                    edits=[] if slip.ties else [Edit(sp, slip.known) for sp in spans])


def _or_zh(ties) -> str:
    """The other names just as near (then nothing is fixed: a person chooses)."""
    return "".join(f"或“{t}”" for t in list(dict.fromkeys(ties))[:2])


def _or_en(ties) -> str:
    return "".join(f" or '{t}'" for t in list(dict.fromkeys(ties))[:2])


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
          context: str = "", ties: Optional[list] = None, abolished=None) -> Optional[str]:
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
        # a name a reform replaced by the document's year is never the one meant (市文化馆 is no slip of the 2018
        # 市文化局, nor of 文化部): only current names are suggested
        if abolished is not None:
            near = [x for x in near if abolished(prefix + x[0]) is None and abolished(x[0]) is None]
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
        # only the last character differs: a slip only when it is one typed for that ending (局 → 据/居); another
        # ending is another kind of body (市广播电视台 is no 市广播电视局, 市文化馆 no 市文化局)
        if len(match) == len(rest) and match[:-1] == rest[:-1] and rest[-1] not in d.slips.get(match[-1], ()):
            continue
        if ties is not None:
            ties.extend(prefix + x[0] for x in near if x[1] == dist and x[0] != match and fit(x[0]) == fit(match))
        return prefix + match
    return None


# old names as they appear in running text: 市工商局, 天津检验检疫局, 省质监局 (not 原市工商局)
