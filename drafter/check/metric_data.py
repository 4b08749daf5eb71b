"""What the target rules know about metrics: synonym groups, units, flow and stock — the metric half of
`RulesData` (drafter.check.data), read from rules/metrics.yaml.

- `norm_metric(metric)`: the name without place and time words (全市, 全年) and totals (总数).
- `MetricData.metric_core(metric)`: also without the flow/stock words (新建社区医院 → 社区医院).
- `MetricData.measure(text)`: "flow" (全年新增50家), "stock" (累计达到420家) or "" — two targets of one metric
  are only comparable when their measures agree (or one is unsaid).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

_PUNCT = re.compile(r"[\s\u3000\u00a0\"'“”‘’《》〈〉「」、,，。:：;；!！?？·]")
_METRIC_FILLER_HEAD = re.compile(r"^(?:全市|全省|全区|全县|全国|本市|本省|我市|我省|全年|年度|累计|共计|共|各类|各项|新增)+")
_METRIC_FILLER_TAIL = re.compile(r"(?:总量|总数|数量)$")


def norm_metric(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s or ""))
    s = _PUNCT.sub("", s)
    s = _METRIC_FILLER_HEAD.sub("", s) or s
    return _METRIC_FILLER_TAIL.sub("", s) or s


class MetricData:
    """Mixed into RulesData: the fields it reads (metric_index, metric_groups, unit_map, measure_words,
    measure_strip, fuzzy_threshold, fuzzy_min_length) are RulesData's."""

    def canonical_metric(self, metric: str) -> Optional[str]:
        return self.metric_index.get(norm_metric(metric)) or self.metric_index.get(self.metric_core(metric))

    def metric_core(self, metric: str) -> str:
        """The metric without its flow/stock words: 新建社区医院 → 社区医院, 农村公路总里程 → 农村公路."""
        memo = self.__dict__.setdefault("_core_memo", {})
        got = memo.get(metric)
        if got is None:
            m = norm_metric(self._without_partners(metric))
            core = m
            if self.measure_strip is not None:
                for _ in range(3):
                    core = self.measure_strip.sub("", core)
            got = memo[metric] = norm_metric(core) if len(core) >= 2 else m
        return got

    def _without_partners(self, metric: str) -> str:
        """The metric without a leading 会同/联合 and the agencies named after it (rules/metrics.yaml `partners`):
        会同市住房城乡建设局、市交通运输居整治燃气安全隐患 → 整治燃气安全隐患. An agency there starts with a level
        (市, 区, 县, 省, 各) and ends in an agency ending or a character typed for one (居 for 局)."""
        rx = self.__dict__.get("_partners_rx")
        if rx is None:
            words = [w for w in self.measure_words.get("partners", ()) if w]
            ends = "局委办厅院部署站所队心府" + "".join(sorted(set().union(*self.slips.values()))) if self.slips \
                else "局委办厅院部署站所队心府"
            rx = re.compile(rf"^(?:{'|'.join(map(re.escape, words))})(?:[市区县省各][^、，,；。]{{1,18}}?[{ends}](?:、|和|及)?)+"
                            ) if words else re.compile(r"(?!x)x")
            self.__dict__["_partners_rx"] = rx
        m = rx.match(metric)
        rest = metric[m.end():] if m else metric
        return rest if len(rest) >= 2 else metric

    def measure(self, text: str, kind: str = "absolute") -> str:
        """"flow" (a year's amount: 全年新增50家), "stock" (a total: 累计达到420家) or "" (not said), read in the
        words of the target's clause (rules/metrics.yaml `measures`)."""
        if kind != "absolute":
            return ""
        memo = self.__dict__.setdefault("_measure_memo", {})
        got = memo.get(text)
        if got is None:
            got = ""
            for name in ("flow", "stock", "activity"):
                if any(w in text for w in self.measure_words.get(name, ())):
                    got = "stock" if name == "stock" else "flow"
                    break
            memo[text] = got
        return got

    def same_measure(self, a: str, b: str) -> bool:
        return not a or not b or a == b

    def base_unit(self, unit: str) -> str:
        u = unicodedata.normalize("NFKC", unit or "")
        return self.unit_map.get(u, u)

    def same_unit(self, a: str, b: str) -> bool:
        return self.base_unit(a) == self.base_unit(b)

    def metric_similarity(self, a: str, b: str, fuzzy: bool = True) -> float:
        """100 when both are in one synonym group or equal; else the fuzzy ratio (0 when not allowed)."""
        na, nb = self.metric_core(a), self.metric_core(b)
        if not na or not nb:
            return 0.0
        if na == nb:
            return 100.0
        ga, gb = self.metric_index.get(na), self.metric_index.get(nb)
        if ga and gb:
            return 100.0 if ga == gb else 0.0
        if not fuzzy or min(len(na), len(nb)) < self.fuzzy_min_length:
            return 0.0
        from rapidfuzz import fuzz
        # the same words in another order: 培训乡村医生 / 乡村医生培训
        if len(na) >= 5 and len(na) == len(nb) and sorted(na) == sorted(nb):
            return 100.0
        names_a = [na] + ([norm_metric(x) for x in self._group_names(ga)] if ga else [])
        names_b = [nb] + ([norm_metric(x) for x in self._group_names(gb)] if gb else [])
        return max(fuzz.ratio(x, y) for x in names_a for y in names_b)

    def same_metric(self, a: str, b: str, fuzzy: bool = True) -> bool:
        return self.metric_similarity(a, b, fuzzy=fuzzy) >= (100.0 if not fuzzy else self.fuzzy_threshold)

    def _group_names(self, group: str) -> list[str]:
        for g in self.metric_groups:
            if g.name == group:
                return [g.name, *g.aliases]
        return []
