"""AGY003: an agency that no longer exists under that name in the document's year (an institutional reform).

The renames and their years are data in `rules/agencies.yaml` (see `drafter.check.data`).
"""
from __future__ import annotations

import re
from typing import Iterable

from ...parse.agencies import is_agency_shaped
from ..base import Context, Edit, Finding, Rule, Span, register
from ..data import RulesData, data_of, norm_name
from ..spans import find_agency
from ..textutil import clause_free
from .agencies import agencies_of, line_of, preamble_spans, region_text

def _old_names(d: RulesData) -> re.Pattern:
    """Any old name of any rename, as one regex (built once for each RulesData): most texts name none."""
    got = d.__dict__.get("_old_names_rx")
    if got is None or got[0] != len(d.renames):
        olds = sorted({o for r in d.renames for o in r.old}, key=len, reverse=True)
        got = d.__dict__["_old_names_rx"] = (len(d.renames), re.compile("|".join(map(re.escape, olds))))
    return got[1]


def _text_mentions(text: str, d: RulesData, region: str = "") -> list[str]:
    if not d.renames or not _old_names(d).search(text):
        return []
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
        found = list(self._check(ctx))
        _merge_duplicates(ctx, found)
        return found

    def _check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        if not doc.year:
            return
        d = data_of(ctx)
        region = region_text(doc)
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
                                   line=spans[0].line if spans else line_of(ctx, node, name),
                                   span=spans[0] if spans else None, edits=[Edit(sp, hit.new) for sp in spans])
        if scan_text and doc.preamble:
            for name in _text_mentions(doc.preamble, d, region):
                hit = d.rename_for(name, doc.year, region)
                if hit is None or (0, norm_name(name)) in reported:
                    continue
                reported.add((0, norm_name(name)))
                spans = preamble_spans(ctx, name)
                yield self.finding(ctx, *_message(name, doc.year, hit), line=spans[0].line if spans else doc.line,
                                   excerpt=doc.preamble[:60], suggestion=hit.new, span=spans[0] if spans else None,
                                   edits=[Edit(sp, hit.new) for sp in spans])


_SEP = "、和及与"


def _merge_duplicates(ctx: Context, found: list[Finding]) -> None:
    """Two old names merged into one (`会同市工商局、市质监局` → 市市场监管局), or an old name beside its own new
    one (`市市场监管局、市工商局`): renamed, the enumeration would name the same agency twice, so the second name
    is deleted with the 、 before it (or the first with the 、 after it) instead."""
    lines = ctx.result.lines
    by_line: dict[int, list[tuple[Finding, int]]] = {}
    for f in found:
        for k, e in enumerate(f.edits):
            if e.span.end_line in (None, e.span.line):
                by_line.setdefault(e.span.line, []).append((f, k))
    for ln, items in by_line.items():
        text = lines[ln - 1] if 1 <= ln <= len(lines) else ""
        new_at_end = {f.edits[k].span.end: f.edits[k].text for f, k in items}   # the new names, by where they end
        for f, k in sorted(items, key=lambda t: t[0].edits[t[1]].span.start):
            e = f.edits[k]
            a, b, new = e.span.start, e.span.end, e.text
            if a >= 1 and text[a - 1] in _SEP and (new_at_end.get(a - 1) == new or text[:a - 1].endswith(new)):
                f.edits[k] = Edit(Span(ln, a - 1, b), "")
            elif b < len(text) and text[b] in _SEP and text[b + 1:].startswith(new) and new_at_end.get(b + 1 + len(new)) is None:
                f.edits[k] = Edit(Span(ln, a, b + 1), "")
            else:
                continue
            gone = text[f.edits[k].span.start:f.edits[k].span.end]
            f.suggestion = f"删去“{gone}”（已是“{new}”，与相邻的名称重复）"
            f.suggestion_en = f"delete '{gone}' (it is '{new}' now, as the name beside it is)"


def _message(name: str, year: int, hit) -> tuple[str, str]:
    if len(hit.steps) == 1:   # one change: say when, without naming the new name twice
        y = hit.steps[0].year
        return (f"“{name}”在 {year} 年已不再使用：{y} 年起应为“{hit.new}”",
                f"'{name}' no longer existed under that name in {year}: it is '{hit.new}' since {y}")
    return (f"“{name}”在 {year} 年已不再使用，应为“{hit.new}”（{hit.history()}）",
            f"'{name}' no longer existed under that name in {year}; it is '{hit.new}' ({hit.history('en')})")
