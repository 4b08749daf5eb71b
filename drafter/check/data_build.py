"""Building `RulesData` from the parsed rules/agencies.yaml and rules/metrics.yaml (with drafter.yaml's
sections merged in): drafter.check.data's `load_data` calls it once per configuration."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..errors import DrafterError
from .data import MetricGroup, Rename, RulesData, norm_name
from .metric_data import norm_metric


def _as_list(v: Any) -> list:
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple)) else [v]


def _build(agencies: dict, metrics: dict) -> RulesData:
    d = RulesData()
    d.raw = {"agencies.yaml": agencies, "metrics.yaml": metrics}
    d.places = tuple(str(p) for p in _as_list(agencies.get("places")))
    d.generic = frozenset(norm_name(g) for g in _as_list(agencies.get("generic")))
    for p in _as_list(agencies.get("patterns")):
        try:
            d.patterns.append(re.compile(str(p)))
        except re.error as e:
            raise DrafterError("rules/agencies.yaml", f"名称模式写错了：{p}（{e}）", f"bad name pattern {p!r}: {e}") from None
    for entry in _as_list(agencies.get("known")):
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict) or not entry.get("name"):
            continue
        canon = norm_name(entry["name"])
        for n in [canon, *(norm_name(a) for a in _as_list(entry.get("aliases")))]:
            if not n:
                continue
            d.known.setdefault(n, canon)
            d.known_cores.add(n)
            if str(entry.get("level") or "") == "national":
                d.national.add(n)
            if n[0] in "市省" and len(n) > 3:
                d.known_cores.add(n[1:])
    d.slips = {str(k): frozenset(str(c) for c in _as_list(v)) for k, v in (agencies.get("slips") or {}).items()}
    d.slip_words = tuple(str(w) for w in _as_list(agencies.get("slip_words")))
    d.branches = tuple(sorted((str(b) for b in _as_list(agencies.get("branches"))), key=len, reverse=True))
    internal = agencies.get("internal") or {}
    if isinstance(internal, dict):
        d.internal_names = frozenset(norm_name(x) for x in _as_list(internal.get("names")))
        if internal.get("pattern"):
            try:
                d.internal_pattern = re.compile(str(internal["pattern"]))
            except re.error as e:
                raise DrafterError("rules/agencies.yaml", f"内部处室的名称模式写错了：{e}",
                                   f"bad internal-section pattern: {e}") from None
    for entry in _as_list(agencies.get("renames")):
        if not isinstance(entry, dict):
            continue
        olds = tuple(norm_name(o) for o in _as_list(entry.get("old")) if o)
        new = entry.get("new")
        if isinstance(new, (list, tuple)):
            new = new[0] if new else None
        year = entry.get("year")
        if not olds or not new or not year:
            continue
        try:
            year = int(str(year)[:4])
            until = int(str(entry["until"])[:4]) if entry.get("until") else None
        except ValueError:
            continue
        r = Rename(old=olds, new=norm_name(new), year=year, until=until,
                   region=str(entry["region"]) if entry.get("region") else None,
                   level=str(entry.get("level") or "city"), note=str(entry.get("note") or ""),
                   exact=bool(entry.get("exact")))
        d.renames.append(r)
        # old and new names are real names (of their time): AGY002 must know them
        for n in (*olds, r.new):
            d.known_cores.add(n)
    pairs = set()
    for n in [*d.known, *d.known_cores, *d.places, *d.generic, *d.internal_names,
              *(norm_name(w) for w in _as_list(agencies.get("words")))]:
        pairs.update(n[i:i + 2] for i in range(len(n) - 1))
    d.name_bigrams = frozenset(pairs)
    for g in _as_list(metrics.get("groups")):
        if not isinstance(g, dict) or not g.get("name"):
            continue
        grp = MetricGroup(name=str(g["name"]), aliases=tuple(str(a) for a in _as_list(g.get("aliases"))),
                          unit=str(g.get("unit") or ""))
        d.metric_groups.append(grp)
        d.metric_units[grp.name] = grp.unit
        for n in (grp.name, *grp.aliases):
            d.metric_index.setdefault(norm_metric(n), grp.name)
    fz = metrics.get("fuzzy") or {}
    if isinstance(fz, dict):
        d.fuzzy_threshold = float(fz.get("threshold", d.fuzzy_threshold))
        d.fuzzy_min_length = int(fz.get("min_length", d.fuzzy_min_length))
    ms = metrics.get("measures") or {}
    if isinstance(ms, dict):
        d.measure_words = {k: tuple(str(w) for w in _as_list(v) if w) for k, v in ms.items()}
        words = sorted({w for k in ("flow", "stock", "leading") for w in d.measure_words.get(k, ())}, key=len, reverse=True)
        tail = sorted(set(words) | set(d.measure_words.get("trailing", ())), key=len, reverse=True)
        if words:
            alt = "|".join(re.escape(w) for w in words)
            alt_tail = "|".join(re.escape(w) for w in tail)
            d.measure_strip = re.compile(rf"^(?:{alt})+|(?:{alt_tail})+$")
    for grp in d.metric_groups:   # a group found under its flow/stock-free name too (有效发明专利拥有量 → 有效发明专利)
        for n in (grp.name, *grp.aliases):
            d.metric_index.setdefault(d.metric_core(n), grp.name)
    units = metrics.get("units") or {}
    if isinstance(units, dict):
        for base, forms in units.items():
            for f in _as_list(forms):
                d.unit_map[unicodedata.normalize("NFKC", str(f))] = str(base)
            d.unit_map.setdefault(str(base), str(base))
    return d


def _merge(base: dict, extra: Any) -> dict:
    """Lists are appended (the office's entries first, so they win), mappings merged key by key."""
    out = dict(base or {})
    if not isinstance(extra, dict):
        return out
    for k, v in extra.items():
        if isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = list(v) + list(out[k])
        elif isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out
