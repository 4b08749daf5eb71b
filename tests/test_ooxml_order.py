"""drafter/ooxml.py: inserting any subset of a type's children in any order gives schema order.

The order tables are checked against openxml-audit's copy of the Open XML SDK schema (the validator the
tests run), every context is checked to resolve to the type it stands for, and a document built with the
helper from shuffled properties — tracked formatting changes included — passes the validator.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from drafter import ooxml
from ooxml_check import assert_valid_docx

# each type, and where it stands (outermost first); the last name is the element itself
PLACES = {
    "CT_RPr": ("w:r", "w:rPr"),
    "CT_RPrOriginal": ("w:r", "w:rPr", "w:rPrChange", "w:rPr"),
    "CT_ParaRPr": ("w:p", "w:pPr", "w:rPr"),
    "CT_ParaRPrOriginal": ("w:p", "w:pPr", "w:rPr", "w:rPrChange", "w:rPr"),
    "CT_RPrStyle": ("w:style", "w:rPr"),
    "CT_RPrBaseStyleable": ("w:rPrDefault", "w:rPr"),
    "CT_RPrList": ("w:lvl", "w:rPr"),
    "CT_RPrChange": ("w:r", "w:rPr", "w:rPrChange"),
    "CT_ParaRPrChange": ("w:p", "w:pPr", "w:rPr", "w:rPrChange"),
    "CT_PPr": ("w:p", "w:pPr"),
    "CT_PPrExtended": ("w:p", "w:pPr", "w:pPrChange", "w:pPr"),
    "CT_PPrBase": ("w:lvl", "w:pPr"),
    "CT_PPrStyle": ("w:style", "w:pPr"),
    "CT_PPrBaseStyleable": ("w:pPrDefault", "w:pPr"),
    "CT_PPrChange": ("w:p", "w:pPr", "w:pPrChange"),
    "CT_PBdr": ("w:pBdr",),
    "CT_NumPr": ("w:numPr",),
    "CT_SectPr": ("w:body", "w:sectPr"),
    "CT_SectPrBase": ("w:body", "w:sectPr", "w:sectPrChange", "w:sectPr"),
    "CT_SectPrChange": ("w:sectPrChange",),
    "CT_Styles": ("w:styles",),
    "CT_DocDefaults": ("w:docDefaults",),
    "CT_RPrDefault": ("w:rPrDefault",),
    "CT_PPrDefault": ("w:pPrDefault",),
    "CT_Style": ("w:style",),
    "CT_TblStylePr": ("w:tblStylePr",),
    "CT_Settings": ("w:settings",),
    "CT_Comments": ("w:comments",),
    "CT_Comment": ("w:comment",),
    "CT_Tbl": ("w:tbl",),
    "CT_TblPr": ("w:tbl", "w:tblPr"),
    "CT_TblPrBase": ("w:tbl", "w:tblPr", "w:tblPrChange", "w:tblPr"),
    "CT_TblPrChange": ("w:tblPrChange",),
    "CT_TblPrStyle": ("w:style", "w:tblPr"),
    "CT_TblGrid": ("w:tblGrid",),
    "CT_TblBorders": ("w:tblBorders",),
    "CT_TblCellMar": ("w:tblCellMar",),
    "CT_Row": ("w:tr",),
    "CT_TrPr": ("w:tr", "w:trPr"),
    "CT_TrPrBase": ("w:tr", "w:trPr", "w:trPrChange", "w:trPr"),
    "CT_TrPrChange": ("w:trPrChange",),
    "CT_Tc": ("w:tc",),
    "CT_TcPr": ("w:tc", "w:tcPr"),
    "CT_TcPrInner": ("w:tc", "w:tcPr", "w:tcPrChange", "w:tcPr"),
    "CT_TcPrChange": ("w:tcPrChange",),
    "CT_TcPrStyle": ("w:style", "w:tcPr"),
    "CT_TcBorders": ("w:tcBorders",),
    "CT_TcMar": ("w:tcMar",),
    "CT_Document": ("w:document",),
    "CT_Body": ("w:body",),
    "CT_P": ("w:p",),
    "CT_R": ("w:r",),
    "CT_HdrFtr": ("w:hdr",),
    "CT_FtnEdn": ("w:footnotes", "w:footnote"),
    "CT_Footnotes": ("w:footnotes",),
    "CT_Endnotes": ("w:endnotes",),
    "CT_RunTrackChange": ("w:p", "w:ins"),
    "CT_Numbering": ("w:numbering",),
    "CT_AbstractNum": ("w:numbering", "w:abstractNum"),
    "CT_Num": ("w:numbering", "w:num"),
    "CT_NumLvl": ("w:numbering", "w:num", "w:lvlOverride"),
    "CT_Lvl": ("w:lvl",),
}
# the SDK names some types differently from ECMA
SDK_NAME = {"CT_TrPrBase": "w:CT_TrPrBase/w:trPr"}


def place(ctype: str):
    """A fresh element of `ctype`, standing where that type stands."""
    names = PLACES[ctype]
    top = el = etree.Element(ooxml.qn(names[0]))
    for n in names[1:]:
        el = etree.SubElement(el, ooxml.qn(n))
    return el


def test_every_type_has_a_place():
    assert set(PLACES) == set(ooxml.SEQUENCES)


@pytest.mark.parametrize("ctype", sorted(PLACES))
def test_context_resolves_the_type(ctype):
    assert ooxml.context(place(ctype)) == ctype


@pytest.fixture(scope="module")
def sdk_types():
    import openxml_audit

    path = (Path(openxml_audit.__file__).parent / "data/openxml/schemas"
            / "schemas_openxmlformats_org_wordprocessingml_2006_main.json")
    return {t["Name"]: t for t in json.loads(path.read_text(encoding="utf-8"))["Types"]}


@pytest.mark.parametrize("ctype", sorted(PLACES))
def test_order_is_the_sdk_schema_order(ctype, sdk_types):
    tag = PLACES[ctype][-1]
    sdk = sdk_types[SDK_NAME.get(ctype, f"w:{ctype}/{tag}")]
    theirs = [c["Name"].split("/")[-1] for c in sdk.get("Children", [])]
    ours = list(ooxml.allowed(ctype))
    if ooxml.ANY in ours:        # block / run content: only the named places are ordered
        named = [n for n in ours if n != ooxml.ANY]
        assert [n for n in theirs if n in named] == named
    else:
        assert ours == theirs


STRICT = sorted(c for c in PLACES if ooxml.ANY not in ooxml.allowed(c))


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_subset_in_any_order_lands_in_schema_order(data):
    ctype = data.draw(st.sampled_from(STRICT))
    names = list(ooxml.allowed(ctype))
    subset = data.draw(st.lists(st.sampled_from(names), unique=True, min_size=1))
    order = data.draw(st.permutations(subset))
    parent = place(ctype)
    for n in order:
        ooxml.insert(parent, ooxml.make(n))
    got = [ooxml.pname(c.tag) for c in parent]
    assert sorted(got) == sorted(subset)
    ranks = [names.index(n) for n in got]
    flat_rank = {n: i for i, e in enumerate(ooxml.SEQUENCES[ctype]) for n in (e if isinstance(e, tuple) else (e,))}
    assert [flat_rank[n] for n in got] == sorted(flat_rank[n] for n in got), got
    assert ooxml.problems(parent) == []
    assert ranks  # the subset is never empty


def test_a_new_num_goes_before_num_id_mac_at_cleanup():
    numbering = place("CT_Numbering")
    for tag in ("w:abstractNum", "w:num", "w:numIdMacAtCleanup"):
        numbering.append(ooxml.make(tag))
    ooxml.insert(numbering, ooxml.make("w:abstractNum"))
    ooxml.insert(numbering, ooxml.make("w:num"))
    assert [ooxml.pname(c.tag) for c in numbering] == ["w:abstractNum"] * 2 + ["w:num"] * 2 + ["w:numIdMacAtCleanup"]
    ins = ooxml.insert(place("CT_P"), ooxml.make("w:ins", id=1, author="drafter", date="2024-01-01T00:00:00Z"))
    assert ooxml.context(ins) == "CT_RunTrackChange"
    mark = ooxml.insert(place("CT_ParaRPr"), ooxml.make("w:ins", id=2, author="drafter", date="2024-01-01T00:00:00Z"))
    assert ooxml.context(mark) is None                  # a tracked paragraph mark holds nothing


def test_content_keeps_its_order_after_the_properties():
    p = place("CT_P")
    for text in ("一", "二"):
        r = ooxml.insert(p, ooxml.make("w:r"))
        ooxml.insert(r, ooxml.make("w:t")).text = text
    ppr = ooxml.get_or_add(p, "w:pPr")
    assert p[0] is ppr
    rpr = ooxml.get_or_add(p[2], "w:rPr")
    assert p[2][0] is rpr
    body = place("CT_Body")
    ooxml.insert(body, ooxml.make("w:sectPr"))
    ooxml.insert(body, ooxml.make("w:p"))
    ooxml.insert(body, ooxml.make("w:tbl"))
    assert [ooxml.pname(c.tag) for c in body] == ["w:p", "w:tbl", "w:sectPr"]


def test_replace_keeps_the_place_and_refuses_strangers():
    rpr = place("CT_RPr")
    ooxml.set_prop(rpr, "w:sz", val=32)
    ooxml.set_prop(rpr, "w:rFonts", eastAsia="仿宋_GB2312")
    ooxml.set_prop(rpr, "w:sz", val=28)
    assert [ooxml.pname(c.tag) for c in rpr] == ["w:rFonts", "w:sz"]
    assert rpr[1].get(ooxml.qn("w:val")) == "28"
    with pytest.raises(ValueError, match="w:pStyle is not a child of w:rPr"):
        ooxml.insert(rpr, ooxml.make("w:pStyle"))
    style_ppr = place("CT_PPrStyle")              # a style's pPr holds no pStyle (SDK)
    with pytest.raises(ValueError):
        ooxml.insert(style_ppr, ooxml.make("w:pStyle"))


def test_unknown_siblings_stay_with_their_predecessor():
    rpr = place("CT_RPr")
    ooxml.insert(rpr, ooxml.make("w:rFonts"))
    rpr.append(etree.Element("{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"))
    ooxml.insert(rpr, ooxml.make("w:lang"))
    ooxml.insert(rpr, ooxml.make("w:b"))
    assert [etree.QName(c).localname for c in rpr] == ["rFonts", "AlternateContent", "b", "lang"]


def test_sort_repairs_a_hand_appended_rpr():
    rpr = place("CT_RPr")
    for n in ("w:sz", "w:rFonts", "w:lang", "w:b"):
        rpr.append(ooxml.make(n))
    assert ooxml.problems(rpr) == ["w:rPr: w:rFonts after w:sz (CT_RPr order)", "w:rPr: w:b after w:lang (CT_RPr order)"]
    ooxml.sort(rpr)
    assert [ooxml.pname(c.tag) for c in rpr] == ["w:rFonts", "w:b", "w:sz", "w:lang"]
    assert ooxml.problems(rpr) == []


def test_record_original_copies_only_what_the_original_may_hold():
    ppr = place("CT_PPr")
    ooxml.set_prop(ppr, "w:jc", val="center")
    ooxml.set_prop(ppr, "w:pStyle", val="GW一级")
    ooxml.get_or_add(ppr, "w:rPr")                # the paragraph mark: not part of CT_PPrExtended
    ch = ooxml.record_original(ppr, 5, "drafter", "2024-01-01T00:00:00Z")
    assert ooxml.pname(ppr[-1].tag) == "w:pPrChange" and ppr[-1] is ch
    assert [ooxml.pname(c.tag) for c in ch[0]] == ["w:pStyle", "w:jc"]
    assert ooxml.record_original(ppr, 6, "drafter", "2024-01-01T00:00:00Z") is ch   # kept, not stacked
    ooxml.set_prop(ppr, "w:jc", val="both")
    assert ooxml.problems(ppr.getparent()) == []
    sect = place("CT_SectPr")
    ooxml.insert(sect, ooxml.make("w:footerReference", {"r:id": "rId9"}, type="default"))
    ooxml.set_prop(sect, "w:pgSz", w=11906, h=16838)
    ch = ooxml.record_original(sect, 7, "drafter", "2024-01-01T00:00:00Z")
    assert [ooxml.pname(c.tag) for c in ch[0]] == ["w:pgSz"]   # CT_SectPrBase: no references
    with pytest.raises(ValueError):
        ooxml.record_original(place("CT_Style"), 1, "a", "2024-01-01T00:00:00Z")


# ---- validated: a document built only through the helper, from shuffled properties ----------------------

DATE = "2024-01-01T00:00:00Z"
RUN_PROPS = [("w:rStyle", {"val": "Strong"}), ("w:rFonts", {"ascii": "Times New Roman", "eastAsia": "黑体"}),
             ("w:b", {}), ("w:bCs", {}), ("w:i", {}), ("w:color", {"val": "000000"}), ("w:spacing", {"val": -5}),
             ("w:w", {"val": 90}), ("w:kern", {"val": 0}), ("w:position", {"val": 2}), ("w:sz", {"val": 32}),
             ("w:szCs", {"val": 32}), ("w:highlight", {"val": "yellow"}), ("w:u", {"val": "single"}),
             ("w:vertAlign", {"val": "baseline"}), ("w:em", {"val": "dot"}),
             ("w:lang", {"val": "en-US", "eastAsia": "zh-CN"})]
PARA_PROPS = [("w:pStyle", {"val": "Heading1"}), ("w:keepNext", {}), ("w:keepLines", {}), ("w:pageBreakBefore", {}),
              ("w:widowControl", {"val": 0}), ("w:kinsoku", {"val": 1}), ("w:snapToGrid", {"val": 0}),
              ("w:spacing", {"before": 0, "after": 0, "line": 579, "lineRule": "exact"}),
              ("w:ind", {"firstLine": 640, "firstLineChars": 200}), ("w:jc", {"val": "both"}),
              ("w:outlineLvl", {"val": 0})]
SECT_PROPS = [("w:pgSz", {"w": 11906, "h": 16838}),
              ("w:pgMar", {"top": 2098, "right": 1474, "bottom": 1984, "left": 1588, "header": 851,
                           "footer": 1417, "gutter": 0}),
              ("w:pgNumType", {"fmt": "decimal"}), ("w:cols", {"space": 425}), ("w:titlePg", {"val": 0}),
              ("w:docGrid", {"type": "lines", "linePitch": 579})]
TC_PROPS = [("w:tcW", {"w": 1000, "type": "dxa"}), ("w:vMerge", {"val": "restart"}), ("w:shd", {"val": "clear", "fill": "FFFFFF"}),
            ("w:noWrap", {}), ("w:vAlign", {"val": "center"})]
TR_PROPS = [("w:cantSplit", {}), ("w:tblHeader", {}), ("w:trHeight", {"val": 400}), ("w:jc", {"val": "center"})]
TBL_PROPS = [("w:tblStyle", {"val": "TableGrid"}), ("w:tblW", {"w": 5000, "type": "dxa"}), ("w:jc", {"val": "center"}),
             ("w:tblInd", {"w": 0, "type": "dxa"}), ("w:tblLayout", {"type": "fixed"}),
             ("w:tblLook", {"val": "04A0"})]
SETTINGS = [("w:evenAndOddHeaders", {}), ("w:trackRevisions", {}), ("w:doNotTrackMoves", {}),
            ("w:defaultTabStop", {"val": 420}), ("w:characterSpacingControl", {"val": "compressPunctuation"})]


def _put_all(parent, props, rng):
    for name, attrs in rng.sample(props, len(props)):
        ooxml.set_prop(parent, name, **attrs)


@pytest.fixture(scope="module")
def helper_built_docx(tmp_path_factory):
    rng = random.Random(14)
    d = docx.Document()
    body = d.element.body
    for c in list(body):
        if ooxml.pname(c.tag) != "w:sectPr":
            body.remove(c)
    for i in range(4):
        p = ooxml.insert(body, ooxml.make("w:p"))
        r = ooxml.insert(p, ooxml.make("w:r"))
        ooxml.insert(r, ooxml.make("w:t")).text = f"第{i + 1}段"
        rpr = ooxml.get_or_add(r, "w:rPr")       # inserted before w:t
        _put_all(rpr, RUN_PROPS[: 6 + i * 3], rng)
        ppr = ooxml.get_or_add(p, "w:pPr")
        _put_all(ppr, PARA_PROPS, rng)
        if i % 2:                                # tracked formatting changes, then changed again
            ooxml.record_original(rpr, 100 + i, "drafter", DATE)
            ooxml.set_prop(rpr, "w:sz", val=28)
            ooxml.record_original(ppr, 200 + i, "drafter", DATE)
            ooxml.set_prop(ppr, "w:jc", val="center")
        mark = ooxml.get_or_add(ppr, "w:rPr")    # a tracked inserted paragraph mark
        ooxml.insert(mark, ooxml.make("w:ins", id=300 + i, author="drafter", date=DATE))
        ooxml.set_prop(mark, "w:b")
    tbl = ooxml.insert(body, ooxml.make("w:tbl"))
    grid = ooxml.get_or_add(tbl, "w:tblGrid")
    ooxml.insert(grid, ooxml.make("w:gridCol", w=5000))
    tr = ooxml.insert(tbl, ooxml.make("w:tr"))
    tc = ooxml.insert(tr, ooxml.make("w:tc"))
    ooxml.insert(tc, ooxml.make("w:p"))
    _put_all(ooxml.get_or_add(tc, "w:tcPr"), TC_PROPS, rng)
    _put_all(ooxml.get_or_add(tr, "w:trPr"), TR_PROPS, rng)
    tblpr = ooxml.get_or_add(tbl, "w:tblPr")      # asked for last, lands first
    _put_all(tblpr, TBL_PROPS, rng)
    ooxml.record_original(tblpr, 400, "drafter", DATE)
    ooxml.set_prop(tblpr, "w:jc", val="left")
    sect = body.find(ooxml.qn("w:sectPr"))
    for c in list(sect):
        sect.remove(c)
    _put_all(sect, SECT_PROPS, rng)
    ooxml.record_original(sect, 500, "drafter", DATE)
    ooxml.set_prop(sect, "w:pgSz", w=16838, h=11906, orient="landscape")
    styles = d.styles.element
    st_el = ooxml.insert(styles, ooxml.make("w:style", type="paragraph", styleId="GWTest"))
    for name, attrs in rng.sample([("w:name", {"val": "GW测试"}), ("w:basedOn", {"val": "Normal"}),
                                   ("w:next", {"val": "Normal"}), ("w:uiPriority", {"val": 1}),
                                   ("w:qFormat", {})], 5):
        ooxml.set_prop(st_el, name, **attrs)
    _put_all(ooxml.get_or_add(st_el, "w:rPr"), [p for p in RUN_PROPS if p[0] not in ("w:rStyle", "w:highlight")], rng)
    _put_all(ooxml.get_or_add(st_el, "w:pPr"), [p for p in PARA_PROPS if p[0] != "w:pStyle"], rng)
    _put_all(d.settings.element, SETTINGS, rng)
    ooxml.drop_styles_with_effects(d)
    ooxml.prune_styles(d)                            # python-docx's 160 styles: slow to validate, not under test
    out = tmp_path_factory.mktemp("ooxml") / "helper.docx"
    d.save(out)
    return out


def test_helper_built_document_is_valid(helper_built_docx):
    assert_valid_docx(helper_built_docx)
    d = docx.Document(helper_built_docx)
    for part_el in (d.element, d.styles.element, d.settings.element):
        assert ooxml.problems(part_el) == []
