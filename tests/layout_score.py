"""How much of an expected structure a parse got right: items, labels, lead sentences, agencies (with roles).

The expected shape is expected.json's (sections → subsections → items, each with label and title, agencies as
names with one role for the item) or the hand-written fixtures' (the same, agencies as [name, role] pairs).
"""
from __future__ import annotations

from collections import Counter

ROLE = {"牵头": "lead", "负责": "responsible", "配合": "cooperate"}


def _clean(s: str) -> str:
    return "".join((s or "").split())


def expected_items(doc: dict) -> list[dict]:
    out = []
    for s in doc.get("sections", []):
        out += s.get("items", [])
        for sub in s.get("subsections", []):
            out += sub.get("items", [])
    return out


def expected_headings(doc: dict) -> list[tuple[str, str]]:
    out = []
    for s in doc.get("sections", []):
        out.append((s["label"], _clean(s["title"])))
        out += [(sub["label"], _clean(sub["title"])) for sub in s.get("subsections", [])]
    return out


def got_items(doc) -> list:
    return [n for s in doc.sections for n in s.walk() if n is not s and not n.children]


def got_headings(doc) -> list[tuple[str, str]]:
    return [(n.label, _clean(n.title)) for s in doc.sections for n in s.walk() if n is s or n.children]


def _agencies_want(item: dict):
    if "agencies" not in item:
        return None
    ag = item["agencies"]
    if ag and isinstance(ag[0], list):
        return [tuple(a) for a in ag]
    return (list(ag), ROLE.get(item.get("role", ""), item.get("role")))


def _agencies_ok(want, node) -> bool:
    if isinstance(want, tuple) and len(want) == 2 and isinstance(want[0], list):
        names, role = want  # expected.json: the names, and the role of the first
        return [a.name for a in node.agencies] == names and (not names or node.agencies[0].role == role)
    return [(a.name, a.role) for a in node.agencies] == list(want)


def score(exp_doc: dict, got_doc) -> Counter:
    """Counts: items / labels / titles / agencies expected and right, headings expected and right."""
    c: Counter = Counter()
    want, got = expected_items(exp_doc), got_items(got_doc) if got_doc is not None else []
    c["items"] = len(want)
    c["items_found"] = len(got)
    for k, w in enumerate(want):
        g = got[k] if k < len(got) else None
        label_ok = g is not None and g.label == w["label"]
        title_ok = g is not None and _clean(g.title) == _clean(w["title"])
        c["labels_right"] += label_ok
        c["titles_right"] += title_ok
        aw = _agencies_want(w)
        if aw is not None:
            c["agencies"] += 1
            c["agencies_right"] += g is not None and _agencies_ok(aw, g)
        c["items_right"] += label_ok and title_ok and (aw is None or (g is not None and _agencies_ok(aw, g)))
    hw = expected_headings(exp_doc)
    hg = got_headings(got_doc) if got_doc is not None else []
    c["headings"] = len(hw)
    c["headings_right"] = sum(1 for k, h in enumerate(hw) if k < len(hg) and hg[k] == h)
    if got_doc is not None:
        c["meta_right"] = int(got_doc.kind == exp_doc["kind"] and _clean(got_doc.title) == _clean(exp_doc["title"])
                              and got_doc.year == exp_doc.get("year", got_doc.year))
    c["docs"] = 1
    return c


def score_result(exp_docs: list[dict], result) -> Counter:
    total: Counter = Counter()
    for k, e in enumerate(exp_docs):
        total += score(e, result.documents[k] if k < len(result.documents) else None)
    total["docs_found"] = len(result.documents)
    return total


def perfect(c: Counter) -> bool:
    return (c["items_right"] == c["items"] == c["items_found"] and c["headings_right"] == c["headings"]
            and c["meta_right"] == c["docs"] == c["docs_found"])


def false_findings(findings, baseline) -> list:
    """The error/warning findings on a re-laid text beyond what the original text gets (by rule, count)."""
    base = Counter(f.rule for f in baseline if f.severity in ("error", "warning"))
    extra = []
    for f in findings:
        if f.severity not in ("error", "warning"):
            continue
        if base[f.rule] > 0:
            base[f.rule] -= 1
        else:
            extra.append(f)
    return extra
