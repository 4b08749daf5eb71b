"""Documents in styles the seeds lack: full-width punctuation, four levels, labelled agency clauses,
run-in items, a title over two lines, web junk, page marks — and every encoding an office produces."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from drafter.api import load
from drafter.errors import InputError
from drafter.read import read_source

FIX = Path(__file__).parent / "fixtures"


def tree(doc):
    def walk(n):
        return (n.label, n.title, [walk(c) for c in n.children])
    return [walk(s) for s in doc.sections]


def test_fullwidth_four_levels():
    r = load(str(FIX / "edu_plan_fullwidth.txt"))
    assert len(r.documents) == 1, "the breadcrumb line is not a document"
    d = r.documents[0]
    assert (d.kind, d.year, d.title, d.issuer, d.date) == ("plan", 2024, "成都市教育局2024年工作要点", "成都市教育局", "2024年2月18日")
    assert [s.label for s in d.sections] == ["一、", "二、", "三、", "四、"]
    two = d.sections[1]
    assert [c.label for c in two.children] == ["（一）", "（二）"]
    assert [c.label for c in two.children[0].children] == ["1．", "2．"]
    assert [c.label for c in two.children[1].children[1].children] == ["（1）", "（2）"]
    assert two.children[0].children[0].title == "新建改扩建公办幼儿园30所，新增公办学位不少于9000个。"
    assert [(a.name, a.role) for a in two.children[0].children[0].agencies] == \
        [("市教育局", "lead"), ("市发展改革委", "cooperate"), ("市财政局", "cooperate")]
    # the page mark "— 2 —" between sections is not text of any item
    assert all("— 2 —" not in n.text for n in d.walk())
    assert d.sections[3].line == 37
    assert d.numbering == "restart"
    metrics = {t.metric for t in d.targets}
    assert "学前教育毛入园率" in " ".join(metrics)


def test_division_with_labelled_clauses():
    r = load(str(FIX / "division_market_labelled.txt"))
    (d,) = r.documents
    assert (d.kind, d.year, d.issuer, d.date) == ("division", 2023, "苏州市市场监督管理局", "2023年3月6日")
    items = d.items()
    assert len(items) == 8
    assert [(a.name, a.role) for a in items[0].agencies] == [("登记注册处", "lead"), ("各区市场监管局", "responsible")]
    assert [(a.name, a.role) for a in items[1].agencies] == [("登记注册处", "lead"), ("信息化处", "cooperate")]
    assert [a.name for a in items[2].agencies] == ["信用监管处", "各区市场监管局"]
    assert [(a.name, a.role) for a in items[4].agencies] == [("特种设备处", "lead"), ("各区市场监管局", "responsible")]


def test_run_in_items_and_two_line_title():
    r = load(str(FIX / "plan_runin_twoline.txt"))
    (d,) = r.documents
    assert d.title == "某某县农业农村局2025年工作计划" and d.year == 2025
    assert d.issuer == "某某县农业农村局"
    assert [[c.label for c in s.children] for s in d.sections] == [["1.", "2.", "3."], ["1.", "2."], ["1.", "2."]]
    assert d.sections[0].title == "稳定粮食生产。"
    assert d.sections[0].children[1].title == "推进高标准农田建设，新建高标准农田3万亩。"
    assert d.sections[0].children[1].line == 5
    # the footer (打印本页, 版权所有) is not part of the last item
    assert "版权" not in d.sections[2].children[1].text


# --- encodings ----------------------------------------------------------------------------

SAMPLE = (FIX / "edu_plan_fullwidth.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""),
                                          ("gbk", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE)])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings_and_line_ends(tmp_path, encoding, bom, newline):
    p = tmp_path / "plan.txt"
    p.write_bytes(bom + SAMPLE.replace("\n", newline).encode(encoding))
    d = load(str(p)).documents[0]
    assert d.title == "成都市教育局2024年工作要点"
    assert len(d.items()) == 11
    assert d.sections[3].line == 37


def test_utf16_without_bom(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_bytes(SAMPLE.encode("utf-16-le"))
    assert load(str(p)).documents[0].year == 2024


def test_encoding_override(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_bytes(SAMPLE.encode("gb18030"))
    assert load(str(p), encoding="gb18030").documents[0].year == 2024
    with pytest.raises(InputError):
        load(str(p), encoding="no-such-codec")


def test_big5_is_detected_not_parsed_as_nonsense(tmp_path):
    p = tmp_path / "big5.txt"
    p.write_bytes("臺北市政府教育局年度工作要點：一、推動雙語教育，擴大國際交流。二、強化校園安全。".encode("big5") * 20)
    with pytest.raises(InputError) as e:
        read_source(str(p))
    assert "Big5" in e.value.zh or "乱码" in e.value.zh


@pytest.mark.parametrize("content", [b"", b"   \n\n", bytes(range(256)) * 40, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100])
def test_empty_or_binary_is_refused(tmp_path, content):
    p = tmp_path / "x.txt"
    p.write_bytes(content)
    with pytest.raises(InputError):
        read_source(str(p))


def test_missing_and_folder(tmp_path):
    with pytest.raises(InputError):
        read_source(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError):
        read_source(str(tmp_path))


BROKEN_LABEL = """某市司法局2024年工作要点
一、加强法治建设
（一）推进科学立法。完善立法程序。
（二）推进严格执法。开展执法检查。
（三加强公正司法。深化司法体制改革。
（四）推进全民守法。开展普法宣传。
"""


def test_label_missing_its_closing_bracket_is_still_the_item_expected(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(BROKEN_LABEL, encoding="utf-8")
    (d,) = load(str(p)).documents
    assert [(c.label, c.number) for c in d.sections[0].children] == [("（一）", 1), ("（二）", 2), ("（三", 3), ("（四）", 4)]
    assert d.sections[0].children[2].title == "加强公正司法。"


def test_label_missing_its_bracket_is_not_taken_out_of_turn(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(BROKEN_LABEL.replace("（三加强", "（九加强"), encoding="utf-8")
    (d,) = load(str(p)).documents
    assert [c.label for c in d.sections[0].children] == ["（一）", "（二）", "（四）"]


def test_short_text_broken_mid_sentence_is_joined(tmp_path):
    """No wrap width can be measured in a short text, yet `…不少于30` / `亿元。` is one sentence, and its
    target is whole; a bare heading line stays a heading above its body."""
    p = tmp_path / "plan.txt"
    p.write_text("某局2024年工作要点\n一、加强科普\n(一)加强科普工作。公民具备科学素质比例达\n到23%以上。\n"
                 "(二)建设孵化器。在孵企\n业数量增长10%。\n二、强化保障\n(一)完善投入机制\n加大财政投入。\n",
                 encoding="utf-8")
    (d,) = load(str(p)).documents
    one, two = d.sections[0].children
    assert one.text == "(一)加强科普工作。公民具备科学素质比例达到23%以上。"
    assert [(t.metric, t.value) for t in one.targets] == [("公民具备科学素质比例", 23)]
    assert [(t.metric, t.value) for t in two.targets] == [("在孵企业数量", 10)]
    assert d.sections[1].children[0].text == "(一)完善投入机制\n加大财政投入。"
    assert d.sections[1].children[0].title == "完善投入机制"
