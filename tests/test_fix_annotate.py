"""`check --annotate`: each comment is anchored on the words its finding flags, so Word highlights them."""
from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

from cli import main
from docxbuild import abstract_num, build_docx, lvl, num, numbering, para

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def comment_ranges(path) -> dict[str, str]:
    """comment id → the text between its commentRangeStart and commentRangeEnd (paragraphs joined by '|')."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    open_, out = {}, {}
    for el in root.iter():
        if el.tag == W + "commentRangeStart":
            open_[el.get(W + "id")] = []
        elif el.tag == W + "commentRangeEnd":
            out[el.get(W + "id")] = "".join(open_.pop(el.get(W + "id"), []))
        elif el.tag == W + "t":
            for buf in open_.values():
                buf.append(el.text or "")
        elif el.tag == W + "p":
            for buf in open_.values():
                if buf:
                    buf.append("|")
    return out


def comments_by_rule(path) -> dict[str, list[str]]:
    import docx
    d = docx.Document(str(path))
    ranges = comment_ranges(path)
    by: dict[str, list[str]] = {}
    for c in d.comments:
        rule = c.text.split()[0].strip("[")
        by.setdefault(rule, []).append(ranges[str(c.comment_id)].strip("|"))
    return by


def annotate(tmp_path, src, *args):
    out = tmp_path / "annotated.docx"
    r = CliRunner().invoke(main, ["check", str(src), "--annotate", str(out), "--fail-on", "never", *args])
    assert r.exit_code == 0, r.output
    return out


def test_txt_comments_sit_on_the_flagged_words(tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text("某区科技局2024年工作要点\n一、总体要求\n"
                   "（一）组织开展2023年度项目评审。（区财政局、区科技居负责）\n"
                   "（三）加强科技 金融服务，会同区工商局开展宣传。\n"
                   "（四）全年完成XX项。\n", encoding="utf-8")
    out = annotate(tmp_path, src)
    got = comments_by_rule(out)
    assert got["YR001"] == ["2023"]
    assert got["AGY002"] == ["区科技居"]
    assert got["AGY003"] == ["区工商局"]
    assert got["NUM001"] == ["（三）"]
    assert got["TXT003"] == [" "]
    assert got["TXT002"] == ["（四）全年完成XX项。"]      # no span: the whole paragraph
    from ooxml_check import docx_problems
    assert docx_problems(str(out)) == []


def test_a_span_over_a_hard_wrap_runs_from_one_paragraph_into_the_next(tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text("2024年工作要点\n一、总体要求\n（一）加强商标专用权保护；会同市工\n商局开展专项整治行动。\n"
                   "（二）加强知识产权宣传。\n", encoding="utf-8")
    got = comments_by_rule(annotate(tmp_path, src, "--select", "AGY003"))
    assert got["AGY003"] == ["市工|商局"]


def test_docx_comments_split_runs_only_around_the_words(tmp_path):
    body = [para("某区科技局2024年工作要点"), para("一、总体要求"),
            para(runs='<w:r><w:rPr><w:b/></w:rPr><w:t>组织开展20</w:t></w:r><w:r><w:t>23年度评审。</w:t></w:r>'
                      '<w:r><w:t xml:space="preserve">（区财政局、区科技居负责）</w:t></w:r>', num=1, ilvl=0),
            para("加强科技金融服务。", num=1, ilvl=0)]
    src = build_docx(tmp_path / "plan.docx", body,
                     numbering=numbering(abstract_num(10, lvl(0, "chineseCounting", "（%1）")), num(1, 10)))
    out = annotate(tmp_path, src)
    got = comments_by_rule(out)
    assert got["YR001"] == ["2023"]          # across two runs: 20 | 23
    assert got["AGY002"] == ["区科技居"]
    import docx
    from drafter.report.annotate import paragraphs_in_order
    d = docx.Document(str(out))
    assert [p.text for p in paragraphs_in_order(d)][2] == "组织开展2023年度评审。（区财政局、区科技居负责）"
    bold = [r.text for r in paragraphs_in_order(d)[2].runs if r.bold]
    assert "".join(bold) == "组织开展20"     # the bold run keeps its formatting after the split


@pytest.mark.parametrize("rule", ["NUM001"])
def test_a_span_on_an_automatic_number_falls_back_to_the_paragraph(tmp_path, rule):
    body = [para("2024年工作要点"), para("一、总体要求"), para("加强组织领导。", num=1, ilvl=0),
            para("强化督促检查。", num=2, ilvl=0)]
    src = build_docx(tmp_path / "plan.docx", body, numbering=numbering(
        abstract_num(10, lvl(0, "chineseCounting", "（%1）")), num(1, 10), num(2, 10, {0: 3})))
    got = comments_by_rule(annotate(tmp_path, src, "--select", rule))
    assert got[rule] == ["强化督促检查。"]   # Word draws （三）: there is no text to anchor on but the item's
