"""What the 起草 page shows beside the outline it edits, computed by drafter itself (the page holds no rule):

- each node's label as `drafter draft` will number it (draft/numbering.py through the outline's options);
- each item's targets as the parser reads them from its text, with last year's target of the item it came
  from (compare's metric matching), the summary's achieved figure (compare's figure index) and the
  warnings `drafter check` would give (the TGT rules, run on the outline as a plan);
- a target's value changed in the table, written back into the sentence (`retarget`);
- the agency names to suggest (rules/agencies.yaml and the document's own).

The page sends its outline JSON (ui_outline's shape: the outline schema plus `_` keys of its own, `_id` on
each node, `_last` = last year's targets of the item) with the summary's figures it got when it started.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from ..check.base import Finding
from ..check.data import load_data
from ..check.engine import run_checks
from ..compare.targets import FigureIndex, fmt_value, match_targets, target_change
from ..draft.carry import find as find_prior
from ..errors import DrafterError
from ..model import Document, Node, ParseResult, Target
from ..parse.targets import extract_targets
from .ui_outline import strip_ui

TOP = "_top"     # the id the headline targets (preamble) are reported under


# --- the outline as drafter reads it ---------------------------------------------------------------------

def outline_of(j: dict, name: str = "大纲"):
    """Validate and build the page's outline exactly as `drafter draft` would (errors name the place)."""
    from ..draft import outline as outline_mod
    data = strip_ui(j)
    if not isinstance(data, dict):
        raise DrafterError(name, "大纲应是一个对象", "the outline must be an object")
    build = getattr(outline_mod, "outline_from_data", None)
    if build is not None:
        return build(data, name)
    from ..yamlio import dump_yaml  # before serve's outline_from_data: through the YAML text `draft` reads
    return outline_mod.parse_outline(dump_yaml(data), name)


def _pairs(j_nodes: list, d_nodes: list, out: list) -> None:
    """(JSON node, Document node) in document order; the Document is built from the JSON one for one."""
    for jn, dn in zip(j_nodes or [], d_nodes or []):
        out.append((jn, dn))
        _pairs(jn.get("children") or [], dn.children, out)


def labels(j: dict, ol) -> dict[str, str]:
    """{node _id: label} as drafter numbers the outline."""
    from ..draft.numbering import assign
    o = ol.options
    assign(ol.document, o.markers, o.numbering_at, o.item_level)
    pairs: list = []
    _pairs(j.get("sections") or [], ol.document.sections, pairs)
    return {str(jn.get("_id")): dn.label for jn, dn in pairs if jn.get("_id") is not None}


# --- targets ---------------------------------------------------------------------------------------------

def _tdict(t: Optional[Target]) -> Optional[dict]:
    if t is None:
        return None
    d = t.to_dict()
    d["display"] = fmt_value(t)
    return d


def _summary_doc(summary: Optional[dict]) -> Optional[Document]:
    if not summary or not summary.get("figures"):
        return None
    figs = [Target.from_dict(f) for f in summary["figures"] if isinstance(f, dict) and f.get("metric")]
    return Document(kind="summary", title=str(summary.get("title") or ""), year=summary.get("year"), targets=figs)


def targets(j: dict, ol, summary: Optional[dict]) -> dict[str, list[dict]]:
    """{node _id (or "_top"): [target rows]}. A row: where the target is written (field, index, the number as
    written), the target as parsed, last year's target of the same metric (compare's matching, `change`:
    raised / same / lowered / added), the achieved figure and whether the target is above it (compare's
    figure index), and the findings of the TGT rules `drafter check` would report on it."""
    from ..report.compare_text import change_name
    doc: Document = ol.document
    pairs: list = []
    _pairs(j.get("sections") or [], doc.sections, pairs)
    sdoc = _summary_doc(summary)
    index = FigureIndex(sdoc.targets) if sdoc is not None else None
    rows: dict[str, list[dict]] = {}
    by_line: dict[int, dict] = {}
    k = 0

    def collect(owner: str, fields: list[tuple[str, str]], last: Any) -> list[Target]:
        nonlocal k
        found = [(f, i, t, text) for f, text in fields for i, t in enumerate(extract_targets(text or ""))]
        if not found:
            return []
        lasts = [Target.from_dict(t) for t in last or [] if isinstance(t, dict)]
        now = [t for _, _, t, _ in found]
        before = {id(b): a for a, b in match_targets(lasts, now) if b is not None}
        out = rows.setdefault(owner, [])
        for fname, i, t, text in found:
            k += 1
            t.line = k
            tc = target_change(before.get(id(t)), t, index)
            num, unit = written(text, t)
            row = {"field": fname, "index": i, "number": num, "unit": unit, "target": _tdict(t),
                   "last": _tdict(tc.old), "change": tc.change, "change_name": change_name(tc.change),
                   "achieved": _tdict(tc.achieved), "above_achieved": tc.above_achieved, "findings": []}
            out.append(row)
            by_line[k] = row
        return now

    pre = j.get("preamble") or ""
    listed = [Target.from_dict(t) for t in j.get("targets") or [] if isinstance(t, dict)
              and not (t.get("text") and t["text"] in pre)]
    doc.targets = collect(TOP, [("preamble", pre)], j.get("_last")) + listed
    for jn, dn in pairs:
        dn.targets = collect(str(jn.get("_id")), [("title", jn.get("title") or ""), ("text", jn.get("text") or "")],
                             jn.get("_last"))
    doc.kind = "plan"
    result = ParseResult(source=str(j.get("title") or "大纲"), documents=[doc])
    for f in run_checks(result, summary=sdoc, select="TGT"):
        row = by_line.get(f.line or -1)
        if row is not None:
            row["findings"].append(_finding(f))
    return rows


def _finding(f: Finding) -> dict:
    d = f.to_dict()
    d.pop("source", None)
    return d


# --- a target's value changed in the table ---------------------------------------------------------------

_NUM = re.compile(r"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?)\s*(?P<mult>万亿|亿|万|千)?")
_MULT = {"": 1.0, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _locate(text: str, t: Target) -> Optional[tuple[int, re.Match]]:
    """Where the number of target `t` is written in `text`: (start of its phrase, the number's match in it)."""
    start = (text or "").find(t.text) if t.text else -1
    if start < 0:
        return None
    want = abs(float(t.value))
    hit = None
    for m in _NUM.finditer(t.text):
        try:
            v = float(m.group("num").translate(_DIGITS)) * _MULT[m.group("mult") or ""]
        except ValueError:
            continue
        if abs(v - want) <= 1e-6 * max(1.0, want):
            hit = m
    return (start, hit) if hit is not None else None


def written(text: str, t: Target) -> tuple[Optional[str], str]:
    """The number as the sentence writes it and what follows it: `3.7万件` → ("3.7", "万件"); (None, unit) when
    it is not written in digits (六十场次): then only the sentence itself can be edited."""
    loc = _locate(text, t)
    if loc is None:
        return None, t.unit
    m = loc[1]
    return m.group("num").translate(_DIGITS), (m.group("mult") or "") + t.text[m.end():].strip()


def retarget(text: str, index: int, number: str) -> str:
    """`text` with the number of its `index`-th target (as the parser reads the text) replaced by `number`,
    written as typed (digits, one decimal point); the scale word and unit after it (万件, %) stay."""
    found = extract_targets(text or "")
    if not isinstance(index, int) or not 0 <= index < len(found):
        raise DrafterError("", "这段文字里没有这个指标了（文字已改动），请刷新后再改", "that target is no longer in the text")
    num = str(number or "").strip().translate(_DIGITS)
    if not re.fullmatch(r"\d{1,15}(?:\.\d{1,6})?", num):
        raise DrafterError("", f"“{number}”不是一个数；目标值请写阿拉伯数字，如 4.2", f"'{number}' is not a number; write digits such as 4.2")
    loc = _locate(text, found[index])
    if loc is None:
        raise DrafterError("", "这个指标的数值不是用阿拉伯数字写的，请直接在正文里修改",
                           "the value is not written in digits; edit the sentence itself")
    start, m = loc
    phrase = found[index].text
    return text[:start] + phrase[:m.start("num")] + num + phrase[m.end("num"):] + text[start + len(phrase):]


# --- from last year's plan: the targets each item had ----------------------------------------------------

def attach_last(j: dict, prior: Optional[Document], parallel: bool) -> None:
    """Set `_last` (last year's targets) on every node that came from `prior`, and on the top (headline).

    Right after `drafter init` the outline's nodes are the prior's, one for one (`parallel`); for an outline
    read back from a file, each node is found by its `from` label (with its parents' labels when the
    numbers restart in each section), as `carry:` finds items."""
    if prior is None:
        return
    j["_last"] = [t.to_dict() for t in prior.targets]

    def tlist(n: Node) -> list:
        return [t.to_dict() for t in n.targets]

    if parallel:
        pairs: list = []
        _pairs(j.get("sections") or [], prior.sections, pairs)
        for jn, pn in pairs:
            if pn.targets:
                jn["_last"] = tlist(pn)
        return

    def walk(nodes: list, trail: list[str]) -> None:
        for jn in nodes or []:
            ref = str(jn.get("from") or "")
            label = re.sub(r"^\s*\d{4}\s*", "", ref)
            here = trail + [label] if label else trail
            if label:
                hits = find_prior(prior, "/".join(here)) or []
                if len(hits) != 1:
                    hits = [h for h in find_prior(prior, label) or []] if not trail else hits
                if len(hits) == 1 and hits[0].targets:
                    jn["_last"] = tlist(hits[0])
            walk(jn.get("children") or [], here)
    walk(j.get("sections") or [], [])


def summary_figures(doc: Optional[Document], source: str) -> Optional[dict]:
    """What the page keeps of last year's 工作总结: its title, year and figures (the parser's targets)."""
    if doc is None:
        return None
    return {"title": doc.title, "year": doc.year, "source": source,
            "figures": [t.to_dict() for t in doc.all_targets()]}


# --- agencies to suggest ---------------------------------------------------------------------------------

def agency_names(doc: Optional[Document] = None, extra: Any = None) -> list[str]:
    """The document's own agencies first (as it writes them), then the known names of rules/agencies.yaml."""
    seen: dict[str, None] = {}
    if doc is not None:
        for n in doc.walk():
            for a in n.agencies:
                seen.setdefault(a.name, None)

    def from_json(nodes: Any) -> None:
        for n in nodes or []:
            if isinstance(n, dict):
                for a in n.get("agencies") or []:
                    if isinstance(a, dict) and a.get("name"):
                        seen.setdefault(str(a["name"]), None)
                from_json(n.get("children"))
    if isinstance(extra, dict):
        from_json(extra.get("sections"))
    for name in sorted(set(load_data().known.values())):
        seen.setdefault(name, None)
    return list(seen)

