"""The knowledge the rules read, loaded from `rules/*.yaml` (plus `agencies:`/`metrics:` in drafter.yaml).

- `load_data(extra)` → `RulesData` (cached per `extra`): agency names and aliases, renames with the
  year they took effect, metric synonym groups. `extra` is the merged drafter.yaml; its `agencies`
  and `metrics` sections are added to the shipped lists (same shape as the files).
- `read_rules_file(name)` → the parsed YAML of any file in `rules/` (cached); other loaders (terms …)
  can build on it.
- `canonical_metric(metric)` → the synonym group a metric belongs to (module-level, shipped data only),
  for modules that only need that.

No knowledge lives here: every name, alias, rename and synonym is in the YAML files.
"""
from __future__ import annotations

import copy
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Optional

from ..errors import DrafterError
from ..memo import BoundedMemo
from ..resources import rules_dir
from .metric_data import MetricData, norm_metric  # noqa: F401  (norm_metric: part of this module's API)

# ---------------------------------------------------------------------------------------------
# reading YAML


@functools.lru_cache(maxsize=None)
def _read_text_yaml(name: str) -> Any:
    from ..datayaml import load_data_yaml

    path = rules_dir() / name
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise DrafterError(f"rules/{name}", f"无法读取规则数据文件：{e}", f"cannot read rules data file: {e}") from None
    return load_data_yaml(text, f"rules/{name}")


def read_rules_file(name: str) -> Any:
    """The parsed content of `rules/<name>` (a fresh copy; None when the file is absent)."""
    return copy.deepcopy(_read_text_yaml(name))


# ---------------------------------------------------------------------------------------------
# normalising names (metric names: drafter.check.metric_data)


_NAME_DROP = re.compile(r"[\s\u3000\u00a0\"'“”‘’]")


def norm_name(s: str) -> str:
    """NFKC (full-width brackets → ASCII), no spaces or quotes."""
    return _norm_str(s if isinstance(s, str) else str(s or ""))


@functools.lru_cache(maxsize=1 << 16)
def _norm_str(s: str) -> str:
    # remembered: the agency rules normalise the same few names thousands of times in a long plan
    return _NAME_DROP.sub("", unicodedata.normalize("NFKC", s))




# ---------------------------------------------------------------------------------------------
# the data


@dataclass(frozen=True)
class Rename:
    old: tuple[str, ...]
    new: str
    year: int
    until: Optional[int] = None
    region: Optional[str] = None
    level: str = "city"
    note: str = ""
    exact: bool = False


@dataclass(frozen=True)
class MetricGroup:
    name: str
    aliases: tuple[str, ...] = ()
    unit: str = ""


@dataclass(frozen=True)
class RenameHit:
    """`name` became `new` (through `steps`, oldest first) by the document's year."""
    name: str
    new: str
    steps: tuple[Rename, ...]
    names: tuple[str, ...] = ()   # the name after each step (the last is `new`)

    @property
    def year(self) -> int:
        return self.steps[0].year

    def history(self, lang: str = "zh") -> str:
        """`2014 年改为“市市场和质量监管委”，2018 年改为“市市场监管委”`."""
        names = self.names or (self.new,)
        if lang == "en":
            return "; ".join(f"'{n}' from {s.year}" for s, n in zip(self.steps, names))
        return "，".join(f"{s.year} 年改为“{n}”" for s, n in zip(self.steps, names))

    @property
    def note(self) -> str:
        return "；".join(s.note for s in self.steps if s.note)


@dataclass
class RulesData(MetricData):
    known: dict[str, str] = field(default_factory=dict)        # normalised name or alias → canonical name
    known_cores: set[str] = field(default_factory=set)         # names without their place prefix
    national: set[str] = field(default_factory=set)            # names of national bodies (科技部): no place prefix
    places: tuple[str, ...] = ()
    generic: frozenset = frozenset()
    patterns: list[re.Pattern] = field(default_factory=list)
    renames: list[Rename] = field(default_factory=list)
    metric_groups: list[MetricGroup] = field(default_factory=list)
    metric_index: dict[str, str] = field(default_factory=dict)  # norm_metric(alias) → group name
    metric_units: dict[str, str] = field(default_factory=dict)  # group name → unit
    fuzzy_threshold: float = 88.0
    fuzzy_min_length: int = 4
    unit_map: dict[str, str] = field(default_factory=dict)      # unit as written → base unit
    measure_words: dict[str, tuple] = field(default_factory=dict)  # flow / stock / activity → words
    measure_strip: Optional[re.Pattern] = None                  # those words at a metric's head or tail
    raw: dict[str, Any] = field(default_factory=dict)           # file name → parsed YAML (merged)
    slips: dict[str, frozenset] = field(default_factory=dict)   # an agency ending → characters typed for it
    slip_words: tuple[str, ...] = ()                             # words that begin with such a character
    name_bigrams: frozenset = frozenset()                        # two-character pairs real names are made of
    branches: tuple[str, ...] = ()                               # 分局, 分中心 … after a known name and a place
    internal_names: frozenset = frozenset()                      # 局办公室, 综合科 … (a bureau's own sections)
    internal_pattern: Optional[re.Pattern] = None
    # rename_for's answers, per (name, year, region text, number of renames): a plan names the same
    # few agencies in thousands of items, and each answer walks every rename
    _rename_memo: BoundedMemo = field(default_factory=BoundedMemo, repr=False, compare=False)
    # valid_prefix's and is_known's answers (the data does not change once built): asked for the same
    # prefixes and names by AGY001-AGY003 in every item
    _prefix_memo: BoundedMemo = field(default_factory=BoundedMemo, repr=False, compare=False)
    _known_memo: BoundedMemo = field(default_factory=BoundedMemo, repr=False, compare=False)
    _place_set: Optional[tuple] = field(default=None, repr=False, compare=False)   # (places, as a set)
    _old_ends: Optional[tuple] = field(default=None, repr=False, compare=False)    # last characters of old names

    # -- agencies --------------------------------------------------------------------------

    def valid_prefix(self, prefix: str) -> bool:
        """Is `prefix` a place (市, 省, 天津市, 天津, 河西区, 滨海新区 …) or nothing?"""
        if not prefix:
            return True
        return self._prefix_memo.answer(prefix, self._valid_prefix, prefix)

    def _valid_prefix(self, prefix: str) -> bool:
        got = self._place_set
        if got is None or got[0] is not self.places:
            got = self._place_set = (self.places, frozenset(self.places))
        places = got[1]
        # a place, or a place and 省/市/自治区 (天津 + 市)
        if prefix in places or any(prefix.endswith(s) and prefix[:-len(s)] in places for s in ("省", "市", "自治区")):
            return True
        return len(prefix) <= 10 and bool(re.fullmatch(r"[\u4e00-\u9fff]*(?:省|市|区|县|州|盟|旗|政府)", prefix))

    def is_generic(self, name: str) -> bool:
        return norm_name(name) in self.generic

    def canonical_agency(self, name: str) -> Optional[str]:
        """The canonical name for a known name or alias (with its place prefix kept), else None."""
        n = norm_name(name)
        if n in self.known:
            return self.known[n]
        for i in range(1, min(len(n) - 1, 11)):
            prefix, core = n[:i], n[i:]
            if self.valid_prefix(prefix):
                for cand in (core, "市" + core):
                    if cand in self.known:
                        canon = self.known[cand]
                        if canon.startswith("市") and cand.startswith("市") and not core.startswith("市"):
                            canon = canon[1:]
                        return prefix + canon if not canon.startswith(prefix) else canon
        return None

    def is_internal(self, name: str) -> bool:
        """A section inside an office (局办公室, 综合科, 政策法规处): named as responsible in the office's own plan."""
        n = norm_name(name)
        return n in self.internal_names or bool(self.internal_pattern and self.internal_pattern.match(n))

    def is_branch(self, name: str) -> bool:
        """A known name, a place or area, and a branch word: 市公安局涧西分局, 市公共资源交易中心涧西分中心."""
        n = norm_name(name)
        for b in self.branches:
            if n.endswith(b) and len(n) > len(b) + 2:
                head = n[: -len(b)]
                for j in range(len(head), max(1, len(head) - 9), -1):
                    if self._known_plain(head[:j]):
                        return True
        return False

    def is_known(self, name: str) -> bool:
        n = norm_name(name)
        return self._known_memo.answer(n, self._is_known, n)

    def _is_known(self, n: str) -> bool:
        if self._known_plain(n) or self.is_internal(n) or self.is_branch(n):
            return True
        # a section of a known office: 市住房城乡建设局机关党委, 市公安局办公室
        return any(n.endswith(x) and len(n) > len(x) + 2 and self._known_plain(n[:-len(x)])
                   for x in self.internal_names)

    def _known_plain(self, n: str) -> bool:
        if n in self.known or n in self.generic:
            return True
        if any(p.search(n) for p in self.patterns):
            return True
        for i in range(0, min(len(n) - 1, 11)):
            if n[i:] in self.known_cores and self.valid_prefix(n[:i]):
                return True
        return False

    def _step(self, name: str, year: int, region_text: str, after: int) -> Optional[tuple[str, Rename]]:
        ends = self._old_ends
        if ends is None or ends[0] != len(self.renames):
            olds = [o for r in self.renames for o in r.old]
            ends = self._old_ends = (len(self.renames), None if "" in olds else frozenset(o[-1] for o in olds))
        if ends[1] is not None and name[-1:] not in ends[1]:
            return None   # an old name is at the end of `name` (or is it): no old name ends as it does
        best = None
        for r in self.renames:
            if r.region and r.region not in region_text:
                continue
            if not (year > r.year and r.year >= after):
                continue
            if r.until is not None and year > r.until:
                continue
            for o in r.old:
                if r.exact:
                    ok = name == o
                    new = r.new
                else:
                    ok = name.endswith(o) and self.valid_prefix(name[: len(name) - len(o)])
                    new = name[: len(name) - len(o)] + r.new
                if ok:
                    # a regional rule beats a general one; then the longer old name; then the earlier year
                    key = (1 if r.region else 0, len(o), -r.year)
                    if best is None or key > best[0]:
                        best = (key, new, r)
        return (best[1], best[2]) if best else None

    def rename_for(self, name: str, year: Optional[int], region_text: str = "") -> Optional[RenameHit]:
        """If `name` no longer existed under that name in `year`, what it was called then."""
        if not year or not name:
            return None
        key = (name, year, region_text, len(self.renames))
        return self._rename_memo.answer(key, self._rename_for, name, year, region_text)

    def _rename_for(self, name: str, year: int, region_text: str) -> Optional[RenameHit]:
        cur = norm_name(name)
        steps: list[Rename] = []
        names: list[str] = []
        after = 0
        seen = {cur}
        for _ in range(6):
            got = self._step(cur, int(year), region_text or "", after)
            if not got:
                break
            cur, r = got
            steps.append(r)
            names.append(cur)
            after = r.year
            if cur in seen:
                break
            seen.add(cur)
        if not steps:
            return None
        return RenameHit(name=name, new=cur, steps=tuple(steps), names=tuple(names))

@functools.lru_cache(maxsize=16)
def _load(key: str) -> RulesData:
    from .data_build import _build, _merge
    extra = json.loads(key) if key else {}
    agencies = _merge(read_rules_file("agencies.yaml") or {}, extra.get("agencies"))
    metrics = _merge(read_rules_file("metrics.yaml") or {}, extra.get("metrics"))
    # "renames" or "known" given as a bare list in drafter.yaml's agencies: accept a list of known names
    return _build(agencies, metrics)


def load_data(extra: Optional[dict] = None) -> RulesData:
    """The rules data, with the `agencies`/`metrics` sections of `extra` (the merged drafter.yaml) added."""
    sub = {}
    if isinstance(extra, dict):
        for k in ("agencies", "metrics"):
            v = extra.get(k)
            if isinstance(v, list):  # a bare list of names / groups
                v = {"known": v} if k == "agencies" else {"groups": v}
            if v:
                sub[k] = v
    key = json.dumps(sub, sort_keys=True, ensure_ascii=False, default=str) if sub else ""
    return _load(key)


def data_of(ctx: Any) -> RulesData:
    """The RulesData a rule should use: `ctx.data` when the engine set it, else loaded from ctx.config."""
    d = getattr(ctx, "data", None)
    if isinstance(d, RulesData):
        return d
    return load_data(getattr(ctx, "config", None))


def canonical_metric(metric: str) -> Optional[str]:
    """The synonym group of `metric` in the shipped rules/metrics.yaml, or None."""
    return load_data().canonical_metric(metric)
