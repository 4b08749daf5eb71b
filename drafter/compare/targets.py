"""Targets and agencies of aligned items: what went up, what went down, who joined, who left.

Metrics are matched across years (and to the summary's figures) through the metric synonym groups in
``rules/metrics.yaml``, else by a fuzzy comparison of the metric text (character-bigram Dice, or one name
contained in the other). The match is looser than TGT001's because both items are already paired.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..check.data import load_data, norm_metric
from ..i18n import tr
from ..model import Agency, Document, Node, Target
from .model import AgencyChange, TargetChange

_UPPER = ("<=", "<")          # a ceiling: lower is stricter
_norm_metric = norm_metric


def _key(m: str) -> Optional[str]:
    """The metric's synonym group in rules/metrics.yaml, or None."""
    return load_data().canonical_metric(m)


def _dice(a: str, b: str) -> float:
    ga = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    gb = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def metric_similarity(a: str, b: str) -> float:
    """0–1: 1 for the same metric (same synonym group, or the same name), lower for looser matches."""
    return _similarity(_metric_info(a), _metric_info(b))


def _metric_info(m: str) -> tuple[Optional[str], str]:
    """What `metric_similarity` reads of a metric: its synonym group and its normalised name."""
    return _key(m), _norm_metric(m)


def _similarity(a: tuple[Optional[str], str], b: tuple[Optional[str], str]) -> float:
    (ka, na), (kb, nb) = a, b
    if ka and kb:
        return 1.0 if ka == kb else 0.0
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    short, long_ = sorted((na, nb), key=len)
    # containment only between names of similar length: "有效发明专利" ⊂ "全市有效发明专利量" is the same
    # metric, "企业" ⊂ "参训企业" is not
    if len(short) >= 3 and short in long_ and len(short) >= 0.6 * len(long_):
        return 0.9
    return _dice(na, nb)


METRIC_MATCH = 0.6


def _comparable(a: Target, b: Target) -> bool:
    if a.kind != b.kind:
        return False
    return not a.unit or not b.unit or a.unit == b.unit


def match_targets(old: list[Target], new: list[Target]) -> list[tuple[Optional[Target], Optional[Target]]]:
    """Pair old and new targets by metric (best first, one-to-one); leftovers pair with None."""
    cands = []
    o_info = [_metric_info(a.metric) for a in old]
    n_info = [_metric_info(b.metric) for b in new]   # each metric read once, not once per pair
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            s = _similarity(o_info[i], n_info[j])
            if s >= METRIC_MATCH and a.kind == b.kind:
                cands.append((s + (0.01 if a.unit == b.unit else 0), -abs(i - j), i, j))
    cands.sort(reverse=True)
    used_o: set[int] = set()
    used_n: set[int] = set()
    pairs: dict[int, int] = {}
    for _, _, i, j in cands:
        if i in used_o or j in used_n:
            continue
        used_o.add(i)
        used_n.add(j)
        pairs[j] = i
    out: list[tuple[Optional[Target], Optional[Target]]] = []
    for j, b in enumerate(new):
        out.append((old[pairs[j]] if j in pairs else None, b))
    for i, a in enumerate(old):
        if i not in used_o:
            out.append((a, None))
    return out


class FigureIndex:
    """The summary's figures, looked up by metric: exact name first, then fuzzy among a few candidates."""

    def __init__(self, figures: Iterable[Target]):
        self.figures = list(figures)
        self.names = [_norm_metric(f.metric) for f in self.figures]
        self.by_name: dict[str, list[int]] = {}
        for i, n in enumerate(self.names):
            self.by_name.setdefault(n, []).append(i)
        self._cache: dict[tuple, Optional[Target]] = {}

    def __bool__(self) -> bool:
        return bool(self.figures)

    def find(self, t: Target) -> Optional[Target]:
        """The figure for the metric of `t` (same kind, compatible unit); the first of the best matches."""
        key = (t.metric, t.kind, t.unit)
        if key not in self._cache:
            self._cache[key] = self._find(t)
        return self._cache[key]

    def _find(self, t: Target) -> Optional[Target]:
        name = _norm_metric(t.metric)
        for i in self.by_name.get(name, []):
            if _comparable(t, self.figures[i]) and _key(t.metric) == _key(self.figures[i].metric):
                return self.figures[i]
        if len(self.figures) <= 200:
            cand = range(len(self.figures))
        else:
            from rapidfuzz import fuzz, process
            cand = [i for _, _, i in process.extract(name, self.names, scorer=fuzz.partial_ratio, limit=20,
                                                     score_cutoff=50)]
            cand.sort()
        best, best_s = None, 0.0
        for i in cand:
            f = self.figures[i]
            if not _comparable(t, f):
                continue
            s = metric_similarity(t.metric, f.metric)
            if s >= METRIC_MATCH and s > best_s:
                best, best_s = f, s
        return best


def find_achieved(t: Target, figures) -> Optional[Target]:
    """The summary's figure for the metric of `t` (same kind and unit); the first best match."""
    idx = figures if isinstance(figures, FigureIndex) else FigureIndex(figures)
    return idx.find(t)


def _met(target: Target, achieved: Target) -> Optional[bool]:
    if not _comparable(target, achieved):
        return None
    v, a = float(target.value), float(achieved.value)
    if target.op in _UPPER:
        return a <= v if target.op == "<=" else a < v
    if target.op == ">":
        return a > v
    if target.op == "~":
        return a >= 0.95 * v
    return a >= v


def target_change(old: Optional[Target], new: Optional[Target], figures) -> TargetChange:
    metric = (new or old).metric  # type: ignore[union-attr]
    tc = TargetChange(metric=metric, old=old, new=new)
    if old is None:
        tc.change = "added"
    elif new is None:
        tc.change = "removed"
    elif not _comparable(old, new):
        tc.change = "changed"
    else:
        a, b = float(old.value), float(new.value)
        if a == b:
            tc.change = "same" if old.op == new.op else "changed"
        else:
            # by value, also for ceilings (≤): the report shows both values and the operator
            tc.change = "raised" if b > a else "lowered"
    if figures:
        if not isinstance(figures, FigureIndex):
            figures = FigureIndex(figures)
        ach = find_achieved(new or old, figures)  # type: ignore[arg-type]
        if ach is None and old is not None and new is not None:
            ach = find_achieved(old, figures)
        if ach is not None:
            tc.achieved = ach
            if old is not None:
                tc.old_met = _met(old, ach)
            if new is not None and _comparable(new, ach) and new.op not in _UPPER:
                tc.above_achieved = float(new.value) > float(ach.value)
    return tc


def item_target_changes(old: Optional[Node], new: Optional[Node], figures) -> list[TargetChange]:
    ot = list(old.targets) if old is not None else []
    nt = list(new.targets) if new is not None else []
    return [target_change(a, b, figures) for a, b in match_targets(ot, nt)]


def agency_change(old: Node, new: Node) -> AgencyChange:
    def names(ags: Iterable[Agency]) -> list[str]:
        seen: list[str] = []
        for a in ags:
            if a.name not in seen:
                seen.append(a.name)
        return seen

    on, nn = names(old.agencies), names(new.agencies)
    ch = AgencyChange(added=[n for n in nn if n not in on], removed=[n for n in on if n not in nn])
    ol = names(a for a in old.agencies if a.role == "lead")
    nl = names(a for a in new.agencies if a.role == "lead")
    if set(ol) != set(nl):
        ch.old_lead, ch.new_lead = ol, nl
    return ch


def tracking_table(old: Document, new: Document, summary: Optional[Document], changes: list) -> list[dict]:
    """Last year's target, last year's achievement, this year's target — one row per metric.

    Item targets follow the item alignment (a target is compared with the target of the same metric in
    the item it was carried from); the headline targets are matched among themselves; a target that left
    one item and appears in another (same metric name, once on each side) is joined into one row.
    """
    figures = FigureIndex(summary.all_targets()) if summary is not None else None
    rows: list[dict] = []
    for a, b in match_targets(list(old.targets), list(new.targets)):
        rows.append({"change": target_change(a, b, figures), "old_where": "" if a is not None else None,
                     "new_where": "" if b is not None else None})
    for ch in changes:
        for tc in ch.targets:
            rows.append({"change": tc, "old_where": ch.old.path if tc.old is not None else None,
                         "new_where": ch.new.path if tc.new is not None else None})
    # join a removed and an added target of one metric that each occur once
    removed: dict[str, list[int]] = {}
    added: dict[str, list[int]] = {}
    for k, r in enumerate(rows):
        tc = r["change"]
        if tc.change == "removed":
            removed.setdefault(_norm_metric(tc.metric), []).append(k)
        elif tc.change == "added":
            added.setdefault(_norm_metric(tc.metric), []).append(k)
    drop: set[int] = set()
    for name, ks in removed.items():
        ka = added.get(name, [])
        if len(ks) == 1 and len(ka) == 1:
            ro, rn = rows[ks[0]], rows[ka[0]]
            if ro["change"].old.kind != rn["change"].new.kind:
                continue
            rows[ka[0]] = {"change": target_change(ro["change"].old, rn["change"].new, figures),
                           "old_where": ro["old_where"], "new_where": rn["new_where"]}
            drop.add(ks[0])
    return [r for k, r in enumerate(rows) if k not in drop]


def fmt_value(t: Optional[Target]) -> str:
    if t is None:
        return "—"
    v = float(t.value)
    s = ""
    # as the documents write it: 180亿元, 3.7万件 (not 18,000,000,000元); 11745件 stays as it is
    for scale, word in ((1e8, "亿"), (1e4, "万")):
        q = v / scale
        if abs(q) >= 1 and abs(round(q, 2) - q) < 1e-9:
            s = f"{q:.2f}".rstrip("0").rstrip(".") + word
            break
    if not s:
        if v.is_integer():
            s = f"{int(v):,}" if abs(v) >= 10000 else str(int(v))
        else:
            s = f"{v:g}"
    op = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈", "=": ""}.get(t.op, "")
    unit = t.unit
    if t.kind == "growth" and unit == "%":
        return f"{op}+{s}%"
    return f"{op}{s}{unit}"


def agency_change_text(ag: AgencyChange) -> str:
    """`增加 市财政局；牵头 市科委 → 市科技局`: what changed among an item's agencies, for the reports."""
    bits = []
    if ag.added:
        bits.append(tr("增加 ", "added ") + "、".join(ag.added))
    if ag.removed:
        bits.append(tr("去掉 ", "removed ") + "、".join(ag.removed))
    if ag.lead_changed:
        bits.append(tr("牵头 ", "lead ") + ("、".join(ag.old_lead) or "—") + " → " + ("、".join(ag.new_lead) or "—"))
    return "；".join(bits)


def relation_note(ch) -> str:
    """`并入 （三）加强商标品牌保护。` / `拆分自 5.推进…`: where a dropped item went, or a new item came from."""
    if ch.merged_into is not None:
        r = ch.merged_into
        return tr(f"并入 {r.label}{r.title}", f"merged into {r.label}{r.title}")
    if ch.split_from is not None:
        r = ch.split_from
        return tr(f"拆分自 {r.label}{r.title}", f"split from {r.label}{r.title}")
    return ""
