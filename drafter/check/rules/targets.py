"""TGT001–TGT002: quantitative targets — set at or below what was already achieved; one metric, two targets.

Targets and figures are read by `drafter.parse.targets` (values normalised: 万/亿 multiplied out);
which metrics are the same is decided by the synonym groups in `rules/metrics.yaml`, then (TGT001 only)
by character similarity of the metric names (`fuzzy.threshold` there).
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ...model import Document, Node, Target
from ..base import Context, Finding, Rule, register
from ..data import RulesData, data_of, norm_metric

_LEVEL_OPS = (">=", ">", "=", "~")   # a level the plan wants to reach (not a ceiling)
# a target that means to hold a level, not raise it: equal to last year's figure is what it says
_MAINTAIN = re.compile(r"保持|稳定在|维持|巩固在|持续保持")


def _fmt(v: float) -> str:
    if v == int(v):
        v = int(v)
        if v >= 100000000 and v % 1000000 == 0:
            return f"{v / 100000000:g}亿"
        if v >= 10000 and v % 100 == 0:
            return f"{v / 10000:g}万"
        return str(v)
    return f"{v:g}"


def _targets_with_nodes(doc: Document) -> list[tuple[Target, Optional[Node]]]:
    out: list[tuple[Target, Optional[Node]]] = [(t, None) for t in doc.targets]
    for n in doc.walk():
        out.extend((t, n) for t in n.targets)
    return out


_CLAUSE_START = "，,；;。：:！？\n"


def _clauses(doc: Document) -> dict[int, str]:
    """id(target) → the words of its clause up to the figure (`新推出“一件事”集成服务15项`): the parser's own text of a
    target may start after a quotation (集成服务15项) and lose the 新推出/累计 that say whether it is a flow or a stock.
    The clause starts after the last ，；。： before the target, and never before the end of the previous target."""
    return _readings(doc)[0]


def _readings(doc: Document) -> tuple[dict[int, str], dict[int, str], dict[int, Target]]:
    """For each target (by id): its clause up to the figure, its sentence up to the figure (截至2024年底，…达到3.48万张),
    and the target before it in the same sentence (新增应急物资储备库4个，储备库总数达到23个: 储备库 is that 应急物资储备库)."""
    clauses: dict[int, str] = {}
    leads: dict[int, str] = {}
    before: dict[int, Target] = {}
    hosts = [(doc.preamble or "", doc.targets)] + [(n.text or "", n.targets) for n in doc.walk()]
    for host, targets in hosts:
        pos = 0
        prev: Optional[Target] = None
        for t in targets:
            k = host.find(t.text, pos) if t.text else -1
            if k < 0:
                continue
            end = k + len(t.text)
            start = max([host.rfind(c, 0, k) + 1 for c in _CLAUSE_START] + [pos])
            clauses[id(t)] = host[start:end]
            s0 = max(host.rfind(c, 0, k) for c in _SENTENCE_END) + 1
            leads[id(t)] = host[s0:end]
            if prev is not None and s0 <= pos:
                before[id(t)] = prev
            prev, pos = t, end
    return clauses, leads, before


_SENTENCE_END = "。；;！？\n"


def _of_record(d: RulesData, t: Target, leads: dict[int, str], year: Optional[int]) -> bool:
    """A figure of record, not a target: 已累计建成…, or 截至2024年底，全市养老床位总数达到3.48万张 in a 2025 plan
    (rules/metrics.yaml `of_record`, `as_of` + a year before the document's)."""
    lead = leads.get(id(t), "")
    if any(w in lead for w in d.measure_words.get("of_record", ())):
        return True
    for w in d.measure_words.get("as_of", ()):
        for m in re.finditer(re.escape(w) + r"\s*((?:19|20)\d{2})\s*年", lead):
            if year and int(m.group(1)) < year:
                return True
    return False


def _key_metric(d: RulesData, t: Target, before: dict[int, Target]) -> str:
    """The metric a target is compared under: a short name that ends the one of the target before it in the same
    sentence is that one said again (新增应急物资储备库4个，储备库总数达到23个 → 应急物资储备库)."""
    m = d.metric_core(t.metric)
    prev = before.get(id(t))
    if prev is not None and len(m) < ConflictingTargets.MIN_METRIC:
        pm = d.metric_core(prev.metric)
        if len(pm) > len(m) >= 2 and pm.endswith(m):
            return pm
    return m


def _measure(d: RulesData, t: Target, clauses: dict[int, str]) -> str:
    return d.measure(clauses.get(id(t)) or t.text or t.metric, t.kind)


def _places(doc: Document) -> dict[int, tuple[str, str]]:
    """id(target) → (label, heading path) of the node that carries it, for `related` entries."""
    out: dict[int, tuple[str, str]] = {}

    def walk(nodes: list[Node], trail: list[str]) -> None:
        for n in nodes:
            here = trail + [n.label or n.title[:8]]
            for t in n.targets:
                out[id(t)] = (n.label, "/".join(here))
            walk(n.children, here)
    walk(doc.sections, [])
    return out


def _summary_of(ctx: Context) -> Optional[Document]:
    s = ctx.summary
    if s is not None and s is not ctx.doc and s.kind != "plan":
        return s
    if s is None:
        # a file that carries the summary and the plan together (seed 004)
        for d in ctx.result.documents:
            if d is not ctx.doc and d.kind == "summary":
                return d
    return None


def _quote(t: Target) -> str:
    return t.text or f"{t.metric}{_fmt(t.value)}{t.unit}"


def _where(doc: Document, t: Target) -> str:
    name = doc.title or ("工作总结" if doc.kind == "summary" else "")
    return f"{name}第 {t.line} 行" if t.line else name


def _vague(metric: str, d: RulesData) -> bool:
    """Too short to match on its own (企业, 高校, 金奖) unless a synonym group names it."""
    return not d.canonical_metric(metric) and len(norm_metric(metric)) < d.fuzzy_min_length


_FIGURE_AT_END = re.compile(r"(?:达到|达|不少于|不低于|不超过|超过|突破|增加到|提高到|提升到|增长到|控制在|保持在|稳定在|为)?"
                            r"\s*[0-9０-９][0-9０-９.,，．]*\s*[万亿千百]?[^，,；;。]*$")


_DIGITS = re.compile(r"[0-9０-９][0-9０-９.,，．]*")


def _name_of(t: Target, d: RulesData, clauses: dict[int, str], leads: Optional[dict] = None) -> str:
    """The metric to compare: the parser's, or — when that is too short to say anything (就业, cut after the 新增 of
    城镇新增就业5.6万人) — the words of its clause before the figure; when those too are a bare word (参训 of
    培训10期、参训1000人次, 惠及 of 开展健康体检，惠及4万人次), the words of its sentence before it, other figures left out."""
    if not _vague(t.metric, d):
        return t.metric
    for text in (clauses.get(id(t)) or "", (leads or {}).get(id(t)) or ""):
        m = _FIGURE_AT_END.search(text)
        words = _DIGITS.sub("", text[:m.start()]) if m else ""
        if len(norm_metric(words)) >= d.fuzzy_min_length:
            return words
    return t.metric


def _best_figure(t: Target, figures: list[Target], d: RulesData, kind: str,
                 same_unit: bool = True, clauses: Optional[dict] = None,
                 leads: Optional[dict] = None) -> Optional[tuple[Target, float]]:
    clauses = clauses or {}
    name = _name_of(t, d, clauses, leads)
    if _vague(name, d):
        return None
    best = None
    mt = _measure(d, t, clauses)
    for f in figures:
        fname = _name_of(f, d, clauses, leads)
        if f.kind != kind or (same_unit and not d.same_unit(f.unit, t.unit)) or _vague(fname, d):
            continue
        if f.op in ("<=", "<"):
            continue
        # a year's flow (全年新增) is compared with last year's flow, a stock (累计, 总数) with last year's stock
        mf = _measure(d, f, clauses)
        if not d.same_measure(mt, mf):
            continue
        sim = d.metric_similarity(name, fname)
        if sim < d.fuzzy_threshold:
            continue
        key = (mt == mf, sim, f.value)
        if best is None or key > best[0]:
            best = (key, f)
    return (best[1], best[0][1]) if best else None


def _raise_to(f: Target, lang: str = "zh") -> str:
    """The suggestion for a target not above last year's figure `f`: above it — or, at a ceiling of 100%, keep it."""
    if f.unit == "%" and f.value >= 100:
        return f"目标应保持{_fmt(f.value)}{f.unit}" if lang == "zh" else f"keep the target at {_fmt(f.value)}{f.unit}"
    return f"目标应高于{_fmt(f.value)}{f.unit}" if lang == "zh" else f"set the target above {_fmt(f.value)}{f.unit}"


@register
class TargetBelowAchieved(Rule):
    """## What it does
    Compares each target of a plan with last year's summary: a target at or below what the summary
    reports as already achieved is reported, with both sentences side by side. Metrics are matched
    through the synonym groups in `rules/metrics.yaml` (`有效商标注册量` = `有效注册商标`) and, failing
    that, by near-identical wording; values are compared after normalising units (`3.7万件` = 37000 件).
    A growth target (`增长20%以上`) is checked against an absolute target for the same metric when the
    summary gives the base. The summary is the one given with `--summary`, or the one printed in the
    same file.

    ## Why is this bad?
    A target the office has already met is no target; superiors reading the plan next to last year's
    report will send it back.

    ## Example
    ```
    2022年工作总结：共组织各类线上线下培训63场次。
    2023年工作要点：全年组织线上线下培训不少于60场次。
    ```

    ## Use instead
    ```
    2023年工作要点：全年组织线上线下培训不少于70场次。
    ```
    """
    code = "TGT001"
    name = "target-below-achieved"
    severity = "warning"
    kinds = ("plan",)
    doc_zh = """## 检查什么
目标不高于上年已经完成的数。把工作要点里的每个目标和上年工作总结对照，目标不高于总结里已经完成的数，就报告，并把两句话并列给出。
指标按 rules/metrics.yaml 里的同义词组对应（“有效商标注册量”=“有效注册商标”），对不上时再看名称是否几乎一样；
数值先统一单位再比较（“3.7万件”=37000件）。增长目标（“增长20%以上”）在总结给出基数时，与同一指标的
绝对目标相互核对。总结取自 --summary，或同一文件里印在一起的工作总结。

## 为什么
已经完成的数当作明年的目标，等于没有目标；领导把要点和上年总结放在一起看，一眼就会退回。

## 示例（会报告）
2022年工作总结：共组织各类线上线下培训63场次。
2023年工作要点：全年组织线上线下培训不少于60场次。

## 应改为
2023年工作要点：全年组织线上线下培训不少于70场次。"""
    example_hit = ("市知识产权局2023年工作要点\n一、加强人才队伍建设\n"
                   "(一)强化人才培训。全年组织线上线下培训不少于60场次。\n")
    example_miss = ("市知识产权局2023年工作要点\n一、加强人才队伍建设\n"
                    "(一)强化人才培训。全年组织线上线下培训不少于70场次。\n")
    example_context = {"summary": "市知识产权局2022年工作总结\n一、加大宣传培训力度\n"
                                  "一是推进知识产权教育培训工作。今年以来，局系统共组织各类线上线下培训63场次，4891人次参加。\n"}

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        if doc.kind != "plan":
            return
        summary = _summary_of(ctx)
        if summary is None:
            return
        d = data_of(ctx)
        figures = summary.all_targets()
        if not figures:
            return
        targets = _targets_with_nodes(doc)
        places = _places(summary)
        s_read, d_read = _readings(summary), _readings(doc)
        clauses = {**s_read[0], **d_read[0]}
        all_leads = {**s_read[1], **d_read[1]}
        # a summary from another file (--summary): its path is not known here, only its title and lines
        fig_source = ctx.source if any(x is summary for x in ctx.result.documents) else (summary.title or "")

        def rel_fig(f: Target) -> dict:
            label, path = places.get(id(f), ("", ""))
            return {"source": fig_source, "line": f.line, "label": label, "path": path, "excerpt": _quote(f)}
        seen: set[tuple[str, float, str]] = set()
        flagged: set[int] = set()
        leads = _readings(doc)[1]
        for t, node in targets:
            if t.op not in _LEVEL_OPS or t.kind == "growth" or _of_record(d, t, leads, doc.year):
                continue
            got = _best_figure(t, figures, d, t.kind, clauses=clauses, leads=all_leads)
            if got is None:
                continue
            f, _ = got
            if t.value > f.value:
                continue
            if t.value == f.value and (_MAINTAIN.search(t.text or "") or f.op in (">=", ">")):
                continue  # "保持在95%以上" a level already reached, or a figure itself only a floor
            key = (norm_metric(t.metric), t.value, t.unit)
            if key in seen:
                continue  # the same target printed twice
            seen.add(key)
            flagged.add(id(t))
            rel = [rel_fig(f)]
            same = "等于" if t.value == f.value else "低于"
            same_en = "equals" if t.value == f.value else "is below"
            yield self.finding(
                ctx,
                f"目标“{_quote(t)}”{same}上年已完成的“{_quote(f)}”（{_where(summary, f)}）",
                f"the target '{_quote(t)}' {same_en} what the summary reports as already achieved: '{_quote(f)}'",
                node=node, line=t.line, excerpt=_quote(t),
                suggestion=_raise_to(f), suggestion_en=_raise_to(f, "en"), related=rel)
        # growth targets against an absolute target for the same metric, when the summary gives the base
        for g, gnode in targets:
            if g.kind != "growth" or g.unit != "%" or g.op not in _LEVEL_OPS or g.value <= 0:
                continue
            base = _best_figure(g, figures, d, "absolute", same_unit=False, clauses=clauses, leads=all_leads)
            if base is None:
                continue
            b, _ = base
            implied = b.value * (1 + g.value / 100)
            for t, node in targets:
                if t.kind != "absolute" or t.op not in _LEVEL_OPS or not d.same_unit(t.unit, b.unit):
                    continue
                if not d.same_metric(t.metric, g.metric):
                    continue
                if t.value >= implied or id(t) in flagged:
                    continue  # (a target already reported as below last year's figure: one finding is enough)
                rel = [rel_fig(b),
                       {"source": ctx.source, "line": g.line, "label": gnode.label if gnode else "",
                        "path": ctx.path_of(gnode) if gnode else "", "excerpt": _quote(g)}]
                yield self.finding(
                    ctx,
                    f"目标“{_quote(t)}”与“{_quote(g)}”不一致：按上年“{_quote(b)}”计算，增长{g.value:g}%应达到"
                    f"{_fmt(implied)}{b.unit}",
                    f"the target '{_quote(t)}' is below what '{_quote(g)}' implies from last year's '{_quote(b)}': "
                    f"{implied:g} {b.unit}",
                    node=node, line=t.line, excerpt=_quote(t),
                    suggestion=f"目标应不低于{_fmt(implied)}{b.unit}",
                    suggestion_en=f"set the target at {_fmt(implied)}{b.unit} or more", related=rel)


@register
class ConflictingTargets(Rule):
    """## What it does
    Finds one metric given two different targets in the same plan — typically the headline target in
    the preamble and the same figure repeated, differently, in an item. Metrics count as the same when
    their names match after dropping place and time words (`全市`, `全年`) or fall in one synonym group
    of `rules/metrics.yaml`; the kind (absolute, growth, share) and unit must agree too.

    ## Why is this bad?
    Two numbers for one target leave the agencies to pick the easier one, and the year-end report cannot
    say whether the target was met.

    ## Example
    ```
    主要预期目标：有效商标注册量突破100万件……
    12.实施商标品牌战略……有效商标注册量达到90万件。
    ```

    ## Use instead
    One figure, stated once (or the same figure in both places).
    """
    code = "TGT002"
    name = "conflicting-targets"
    severity = "warning"
    kinds = ("plan",)
    doc_zh = """## 检查什么
同一指标在同一份工作要点里有两个不同的目标。通常是开头“主要预期目标”里一个数，某一条里又写了另一个数。
指标名称去掉“全市”“全年”等地域、时间词后相同，或属于 rules/metrics.yaml 的同一同义词组，且类型（绝对数、
增长率、比率）和单位一致，才算同一指标。

## 为什么
一个指标两个数，各单位会挑容易的那个；年底总结也说不清是否完成。

## 示例（会报告）
主要预期目标：有效商标注册量突破100万件……
12.实施商标品牌战略……有效商标注册量达到90万件。

## 应改为
只写一个数（或两处写同一个数）。"""
    example_hit = ("2023年全省知识产权工作要点\n主要预期目标:有效商标注册量突破100万件。\n"
                   "一、实施商标品牌战略\n1.加强商标品牌培育。有效商标注册量达到90万件。\n")
    example_miss = ("2023年全省知识产权工作要点\n主要预期目标:有效商标注册量突破100万件。\n"
                    "一、实施商标品牌战略\n1.加强商标品牌培育。有效商标注册量突破100万件。\n")

    MIN_METRIC = 4

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        if doc.kind != "plan":
            return
        d = data_of(ctx)
        first: dict[tuple, list[tuple[Target, Optional[Node], str]]] = {}
        reported: set[tuple] = set()
        clauses, leads, before = _readings(doc)
        for t, node in _targets_with_nodes(doc):
            if t.op not in _LEVEL_OPS and t.op not in ("<=", "<"):
                continue
            if _of_record(d, t, leads, doc.year):
                continue   # 截至2024年底…达到3.48万张: where things stood, not a second target
            m = _key_metric(d, t, before)
            group = d.canonical_metric(t.metric)
            if not group and len(m) < self.MIN_METRIC:
                continue
            key = (group or m, t.kind, d.base_unit(t.unit))
            # a year's flow and a stock of the same thing are two metrics: 全年新增50家 beside 总数突破500家
            mt = _measure(d, t, clauses)
            seen = first.setdefault(key, [])
            prior = next((x for x in seen if x[2] == mt), None) or \
                next((x for x in seen if d.same_measure(x[2], mt)), None)
            if prior is None:
                seen.append((t, node, mt))
                continue
            t0, n0, _ = prior
            if t0.value == t.value or (t0.op in ("<=", "<")) != (t.op in ("<=", "<")):
                continue
            rkey = (*key, t.value)
            if rkey in reported:
                continue
            reported.add(rkey)
            # the heading path, not the bare label: in a plan that numbers each section from 1, “2.” is ambiguous
            where = (f"{ctx.path_of(n0) or n0.label}（第 {n0.line} 行）" if n0 is not None and n0.label
                     else f"第 {t0.line} 行")
            rel = [{"source": ctx.source, "line": t0.line if n0 is None else n0.line,
                    "label": n0.label if n0 else "", "path": ctx.path_of(n0) if n0 else "", "excerpt": _quote(t0)}]
            yield self.finding(
                ctx, f"“{t.metric}”的目标与{where}不一致：“{_quote(t)}”对“{_quote(t0)}”",
                f"two different targets for '{t.metric}': '{_quote(t)}' here and '{_quote(t0)}' at line {t0.line}",
                node=node, line=t.line, excerpt=_quote(t),
                suggestion=f"统一为一个目标值（{_fmt(t0.value)}{t0.unit}？）",
                suggestion_en=f"use one figure ({_fmt(t0.value)}{t0.unit}?)", related=rel)
