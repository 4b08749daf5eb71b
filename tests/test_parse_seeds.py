"""Each seed parses to its hand-checked structure in ../shared/seeds/expected.json — all of it."""
from __future__ import annotations

import pytest

from conftest import SEED_FILES

ROLE = {"牵头": "lead", "负责": "responsible"}


def as_expected(doc) -> list[dict]:
    """Our Document in the shape expected.json uses: sections → (subsections →) items."""
    out = []
    for s in doc.sections:
        sec = {"label": s.label, "title": s.title.strip(), "items": [], "subsections": []}
        for c in s.children:
            if c.children:
                sec["subsections"].append({"label": c.label, "title": c.title.strip(),
                                           "items": [{"label": i.label, "title": i.title.strip(), "node": i}
                                                     for i in c.children]})
            else:
                sec["items"].append({"label": c.label, "title": c.title.strip(), "node": c})
        out.append(sec)
    return out


def pairs(name, expected, seeds):
    exp_docs = expected[name]["documents"]
    got_docs = seeds[name].documents
    assert len(got_docs) == len(exp_docs), [d.title for d in got_docs]
    return list(zip(exp_docs, got_docs))


@pytest.mark.parametrize("name", SEED_FILES)
def test_document_metadata(name, expected, seeds):
    for exp, got in pairs(name, expected, seeds):
        assert got.kind == exp["kind"]
        assert got.year == exp["year"]
        assert got.title.strip() == exp["title"]
        assert got.issuer == exp["issuer"]


@pytest.mark.parametrize("name", SEED_FILES)
def test_sections_and_items(name, expected, seeds):
    for exp, got in pairs(name, expected, seeds):
        sections = as_expected(got)
        assert [s["label"] for s in sections] == [s["label"] for s in exp["sections"]]
        for es, gs in zip(exp["sections"], sections):
            assert gs["title"] == es["title"].strip(), es["label"]
            assert [(i["label"], i["title"]) for i in gs["items"]] == \
                [(i["label"], i["title"].strip()) for i in es.get("items", [])], es["label"]
            subs = es.get("subsections", [])
            assert [(s["label"], s["title"]) for s in gs["subsections"]] == [(s["label"], s["title"].strip()) for s in subs]
            for esub, gsub in zip(subs, gs["subsections"]):
                assert [(i["label"], i["title"]) for i in gsub["items"]] == \
                    [(i["label"], i["title"].strip()) for i in esub["items"]], esub["label"]
        count = sum(len(s["items"]) + sum(len(x["items"]) for x in s["subsections"]) for s in sections)
        assert count == exp["item_count"]


def test_division_agencies(expected, seeds):
    """Seed 001: every item's agencies, in order, with their role."""
    name = "001_fd40c90dbaa4972a.txt"
    (exp, got), = pairs(name, expected, seeds)
    for es, gs in zip(exp["sections"], as_expected(got)):
        for ei, gi in zip(es["items"], gs["items"]):
            node = gi["node"]
            assert [a.name for a in node.agencies] == ei["agencies"], ei["label"]
            role = ROLE[ei["role"]]
            lead = node.agencies[0].role
            assert lead == role, (ei["label"], [a.to_dict() for a in node.agencies])


def _has(targets, want):
    return any(t.metric == want["metric"] and t.unit == want["unit"] and abs(t.value - want["value"]) < 1e-6
               for t in targets)


@pytest.mark.parametrize("name", [n for n in SEED_FILES])
def test_headline_targets(name, expected, seeds):
    for exp, got in pairs(name, expected, seeds):
        for want in exp.get("headline_targets", []):
            assert _has(got.targets, want), (want, [t.to_dict() for t in got.targets])


def test_summary_figures(expected, seeds):
    """Seed 004's summary: every figure, with its growth rate where the summary gives one."""
    name = "004_593567f83f5aa74b.txt"
    exp, got = pairs(name, expected, seeds)[0]
    everything = got.all_targets()
    for want in exp["figures"]:
        assert _has(everything, want), want
        if "growth_pct" in want:
            assert any(t.metric == want["metric"] and t.kind == "growth" and abs(t.value - want["growth_pct"]) < 1e-6
                       for t in everything), want


@pytest.mark.parametrize("name", SEED_FILES)
def test_lines_point_at_the_text(name, seeds):
    """Every node's line is the line its label stands on."""
    r = seeds[name]
    for d in r.documents:
        for n in d.walk():
            if n.label and n.line:
                assert n.label in r.lines[n.line - 1], (n.line, n.label)


def test_repeated_body_reported_once(seeds):
    r = seeds["002_cdefa7ed7b315920.txt"]
    assert len(r.documents) == 1
    assert [w["code"] for w in r.warnings] == ["DUP002"]


@pytest.mark.parametrize("name", SEED_FILES)
def test_headline_targets_point_at_their_line(name, seeds):
    """A headline target's line is the line its words stand on (a finding on it lands there)."""
    r = seeds[name]
    for d in r.documents:
        for t in d.targets:
            assert t.line and t.text[:6] in r.lines[t.line - 1], (t.line, t.text)
