"""The drafted .docx: GB/T 9704 page set-up, fonts in w:eastAsia, numbering as text, footers, agencies, table."""
from __future__ import annotations

import zipfile

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from cli import main
from draft_fixtures import OUTLINE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    d = tmp_path_factory.mktemp("draft")
    (d / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    r = CliRunner().invoke(main, ["draft", str(d / "o.yaml"), "-o", str(d / "o.docx")])
    assert r.exit_code == 0, r.output
    return d


@pytest.fixture(scope="module")
def document(drafted):
    return docx.Document(str(drafted / "o.docx"))


def _texts(document):
    return [p.text for p in document.paragraphs]


def test_page_setup(document):
    sec = document.sections[0]
    assert (sec.page_width.twips, sec.page_height.twips) == (11906, 16838)
    assert abs(sec.top_margin.mm - 37) < 0.1 and abs(sec.bottom_margin.mm - 35) < 0.1
    assert abs(sec.left_margin.mm - 28) < 0.1 and abs(sec.right_margin.mm - 26) < 0.1
    grid = sec._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579" and grid.get(qn("w:type")) == "lines"


def _style_fonts(style):
    rf = style.element.rPr.find(qn("w:rFonts"))
    return rf.get(qn("w:eastAsia")), style.element.rPr.find(qn("w:sz")).get(qn("w:val"))


def test_styles_fonts_east_asian(document):
    st = document.styles
    assert _style_fonts(st["Normal"]) == ("仿宋_GB2312", "32")
    assert _style_fonts(st["GW标题"]) == ("方正小标宋简体", "44")
    assert _style_fonts(st["GW一级"])[0] == "黑体"
    assert _style_fonts(st["GW二级"])[0] == "楷体_GB2312"
    assert _style_fonts(st["GW三级"])[0] == "仿宋_GB2312"
    normal = st["Normal"].element.pPr
    sp = normal.find(qn("w:spacing"))
    assert sp.get(qn("w:line")) == "579" and sp.get(qn("w:lineRule")) == "exact"
    assert normal.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    # no bold on headings (GB/T 9704 never asks for it)
    for name in ("GW标题", "GW一级", "GW二级"):
        assert st[name].element.rPr.find(qn("w:b")) is None


def test_text_numbering_computed_never_word_lists(drafted, document):
    texts = _texts(document)
    assert texts[0] == "某某市知识产权局2024年工作要点"
    assert "一、强化知识产权保护" in texts and "二、提升服务水平" in texts
    # items run on across sections, labels are typed text; the hand-written （五） was replaced
    assert any(t.startswith("（一）加强行政保护。") for t in texts)
    assert any(t.startswith("（三）建设公共服务平台。") for t in texts)
    xml = zipfile.ZipFile(drafted / "o.docx").read("word/document.xml").decode()
    assert "<w:numPr>" not in xml


def test_styles_by_level_and_run_in_lead(document):
    paras = {p.text: p for p in document.paragraphs}
    assert paras["某某市知识产权局2024年工作要点"].style.name == "GW标题"
    assert paras["一、强化知识产权保护"].style.name == "GW一级"
    item = next(p for p in document.paragraphs if p.text.startswith("（一）加强行政保护。"))
    lead = item.runs[0]
    assert lead.text == "（一）加强行政保护。"
    assert lead._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体_GB2312"


def test_agency_clause_and_escaping(document):
    item = next(p.text for p in document.paragraphs if p.text.startswith("（一）加强行政保护。"))
    assert item.endswith("（市知识产权局牵头，市公安局配合）")
    assert "& 查处侵权假冒<行为>" in item
    svc = next(p.text for p in document.paragraphs if p.text.startswith("（三）"))
    assert svc.endswith("（市知识产权局负责）")


def test_signature_and_date_placement(document):
    paras = document.paragraphs
    date = next(p for p in paras if p.text == "2024年3月5日")
    name = next(p for p in paras if p.text == "某某市知识产权局" and p.style.name == "GW署名")
    d_right = int(date._p.pPr.find(qn("w:ind")).get(qn("w:right")))
    n_right = int(name._p.pPr.find(qn("w:ind")).get(qn("w:right")))
    assert d_right == 1280                                   # 成文日期右空四字
    # 署名 centred over the date: date is 6 字 wide, the name 8 字 → name 1 字 less indent
    assert n_right == 1280 - 320


def test_appendix_table(document):
    assert any(p.text.startswith("附件：") for p in document.paragraphs)
    label = next(p for p in document.paragraphs if p.text == "附件")
    assert label.paragraph_format.page_break_before
    t = document.tables[0]
    assert [c.text for c in t.rows[0].cells] == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    assert [c.text for c in t.rows[1].cells] == ["1", "（一）加强行政保护", "市知识产权局", "市公安局", "2024年11月底"]
    assert len(t.rows) == 4


def test_footers_page_numbers(drafted):
    z = zipfile.ZipFile(drafted / "o.docx")
    settings = z.read("word/settings.xml").decode()
    assert "evenAndOddHeaders" in settings and 'w:eastAsia="zh-CN"' in settings
    doc = docx.Document(str(drafted / "o.docx"))
    sec = doc.sections[0]
    odd, even = sec.footer.paragraphs[0], sec.even_page_footer.paragraphs[0]
    for p, jc, side in ((odd, "right", "w:right"), (even, "left", "w:left")):
        assert "PAGE" in p._p.xml and p.text.startswith("— ") and p.text.endswith(" —")
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == jc
        assert p._p.pPr.find(qn("w:ind")).get(qn(side)) == "280"
        rf = p.runs[0]._r.rPr.find(qn("w:rFonts"))
        assert rf.get(qn("w:eastAsia")) == "宋体" and p.runs[0]._r.rPr.find(qn("w:sz")).get(qn("w:val")) == "28"


def test_never_overwrites_without_force(drafted):
    out = drafted / "o.docx"
    before = out.read_bytes()
    r = CliRunner().invoke(main, ["draft", str(drafted / "o.yaml"), "-o", str(out)])
    assert r.exit_code == 2 and "--force" in r.output
    assert out.read_bytes() == before
    r = CliRunner().invoke(main, ["draft", str(drafted / "o.yaml"), "-o", str(out), "--force"])
    assert r.exit_code == 0


def test_txt_and_md(drafted):
    r = CliRunner().invoke(main, ["draft", str(drafted / "o.yaml"), "--format", "txt"])
    assert r.exit_code == 0 and "（一）加强行政保护。" in r.output and "[[" not in r.output
    r = CliRunner().invoke(main, ["draft", str(drafted / "o.yaml"), "--format", "md"])
    assert r.exit_code == 0 and "## 一、强化知识产权保护" in r.output and "| 序号 |" in r.output


def test_responsible_style(tmp_path):
    (tmp_path / "o.yaml").write_text(OUTLINE.replace("agency_style: lead", "agency_style: responsible"), "utf-8")
    r = CliRunner().invoke(main, ["draft", str(tmp_path / "o.yaml"), "--format", "txt"])
    assert "（责任单位：市知识产权局、市公安局）" in r.output


def test_user_template_dir_overrides(tmp_path):
    (tmp_path / "o.yaml").write_text(OUTLINE, "utf-8")
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "clause.j2").write_text(
        '{% macro clause(n, style) %}{% if n.leads %}（主办：{{ n.leads|join("、") }}）{% endif %}{% endmacro %}',
        encoding="utf-8")
    r = CliRunner().invoke(main, ["draft", str(tmp_path / "o.yaml"), "--format", "txt", "--template", str(tpl)])
    assert r.exit_code == 0, r.output
    assert "（主办：市知识产权局）" in r.output


@pytest.mark.parametrize("evil", [
    "{{ doc.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{% for s in doc.sections %}{{ s.title.__class__.__base__ }}{% endfor %}",
])
def test_template_reaching_python_internals_is_refused(tmp_path, evil):
    (tmp_path / "o.yaml").write_text(OUTLINE, "utf-8")
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "plan.j2").write_text("@title x\n" + evil + "\n", encoding="utf-8")
    out = tmp_path / "o.docx"
    r = CliRunner().invoke(main, ["draft", str(tmp_path / "o.yaml"), "-o", str(out), "--template", str(tpl)])
    assert r.exit_code == 2, r.output
    assert not out.exists() and "Traceback" not in r.output


def test_failed_draft_leaves_no_file(tmp_path):
    (tmp_path / "o.yaml").write_text(OUTLINE, "utf-8")
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "reference.docx").write_bytes(b"not a zip")
    out = tmp_path / "o.docx"
    r = CliRunner().invoke(main, ["draft", str(tmp_path / "o.yaml"), "-o", str(out), "--template", str(tpl)])
    assert r.exit_code == 2
    assert sorted(f.name for f in tmp_path.iterdir()) == ["o.yaml", "tpl"]
