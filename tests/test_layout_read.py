"""read/layout.py: formatting as a reader sees it, tested against what LibreOffice shows and against the
paragraph numbering of read/docx.py."""
from __future__ import annotations

import os
import re
import shutil
import zipfile

import pytest

from drafter.errors import InputError
from drafter.read import read_source
from drafter.read.layout import read_layout
from layout_docx import FANG, HEI, KAI, SONG, Docx, fonts, p, ppr, r, rpr, sect_pr, style, styles_xml, theme_xml, settings_xml
from layout_fixtures import FIXTURES, LINES

CJK = re.compile("[\u4e00-\u9fff]")
ALIGN_ODF = {"both": "justify", "center": "center", "right": "end", "left": "start", "distribute": "justify"}
# LibreOffice 7.4 ignores w:firstLineChars (it uses w:firstLine twips): where they disagree, Word (and WPS)
# follow the characters, which is what the reader of the document sees
CHAR_INDENT_DIFFERS = {"fmt002_normal_songti", "fmt002_size", "fmt006_chars_or_twips", "word_defaults"}


@pytest.fixture(scope="module")
def fixture_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("layout")
    return {k: f().write(d / f"{k}.docx") for k, f in FIXTURES.items()}


@pytest.fixture(scope="module")
def libreoffice(fixture_files, tmp_path_factory):
    if shutil.which("soffice") is None:
        if os.environ.get("CI"):
            pytest.fail("CI: soffice missing (run .ci/system-deps.sh)")
        pytest.skip("needs LibreOffice")
    from odf_oracle import convert, fodt_paragraphs
    out = tmp_path_factory.mktemp("fodt")
    convert(list(fixture_files.values()), out)
    got = {}
    for k in fixture_files:
        f = out / f"{k}.fodt"
        assert f.is_file(), f"LibreOffice did not convert {k}"
        got[k] = fodt_paragraphs(f)
    return got


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fonts_and_sizes_match_libreoffice(name, fixture_files, libreoffice):
    """Every Chinese character's East Asian font and size, as LibreOffice applies them after its own reading
    of docDefaults, styles, basedOn, character styles, theme fonts and direct formatting."""
    layout = read_layout(str(fixture_files[name]))
    lo = libreoffice[name]
    assert len(layout.paragraphs) == len(lo)
    for para, theirs in zip(layout.paragraphs, lo):
        mine = [(c, r.east_asia, r.size) for r in para.runs for c in r.text if CJK.match(c)]
        other = [x for x in theirs["chars"] if CJK.match(x[0])]
        assert [c for c, _, _ in mine] == [c for c, _, _ in other], para.line
        for (c, face, size), (_, lo_face, lo_size) in zip(mine, other):
            if face is None:
                continue   # no East Asian font anywhere: Word and LibreOffice each substitute their own (FMT008)
            assert (face, size) == (lo_face, lo_size), (name, para.line, c)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_alignment_indent_spacing_match_libreoffice(name, fixture_files, libreoffice):
    layout = read_layout(str(fixture_files[name]))
    for para, theirs in zip(layout.paragraphs, libreoffice[name]):
        if not para.text:
            continue
        assert ALIGN_ODF.get(para.align, para.align) == theirs["align"], (name, para.line)
        if name not in CHAR_INDENT_DIFFERS:
            assert abs(para.first_line * para.size - theirs["indent_pt"]) < 0.6, (name, para.line)
            assert abs(para.left * para.size - theirs["left_pt"]) < 0.6, (name, para.line)
        rule, value = theirs["line"].split()
        assert para.line_rule == rule, (name, para.line)
        assert abs(para.line_value - float(value)) < 0.06, (name, para.line)


def test_origins_name_the_level_that_set_the_value(fixture_files):
    based = read_layout(str(fixture_files["fmt002_based_on"]))
    body = based.paragraph(2)
    assert body.style == "正文文本" and body.runs[0].east_asia == "楷体_GB2312"
    assert body.runs[0].east_from == "style:BodyBase" and based.style_name("style:BodyBase") == "正文基础"
    direct = read_layout(str(fixture_files["fmt002_direct"]))
    assert direct.paragraph(5).runs[0].east_from == "direct"
    run_in = direct.paragraph(9).runs
    assert run_in[0].east_from == "char:H2Char" and run_in[0].east_asia == KAI and run_in[1].east_asia == FANG
    theme = read_layout(str(fixture_files["fmt002_theme"])).paragraph(2).runs[0]
    assert theme.east_asia == SONG and theme.east_theme and theme.east_from == "docDefaults"
    ja = read_layout(str(fixture_files["fmt002_theme_ja"])).paragraph(2).runs[0]
    assert ja.east_asia == "ＭＳ 明朝"        # python-docx's template: themeFontLang ja-JP
    none = read_layout(str(fixture_files["fmt008_no_east_asian"])).paragraph(2).runs[0]
    assert none.east_asia is None and none.ascii == "Times New Roman"


def test_indent_in_characters_and_twips(fixture_files):
    lay = read_layout(str(fixture_files["fmt006_chars_or_twips"]))
    assert all(abs(lay.paragraph(n).first_line - 2) < 0.01 for n in range(2, 17))
    hang = read_layout(str(fixture_files["fmt006_hanging"])).paragraph(5)
    assert hang.first_line == -2 and hang.left == 2
    # Word: a direct firstLine=0 does not cancel a style's firstLineChars=200 (python-docx #848)
    d = Docx(body=[p([r("正文")], ppr(first=0))], sect=sect_pr(),
             styles=styles_xml([style("Normal", "Normal", default=True, pp=ppr(first_chars=200, wrap=False))]))
    path = d.write(fixture_files["clean_styles"].parent / "chars_win.docx")
    assert read_layout(str(path)).paragraph(1).first_line == 2


def test_sections_and_footers(fixture_files):
    lay = read_layout(str(fixture_files["clean_styles"]))
    sec = lay.sections[0]
    assert [round(x) for x in sec.page_mm] == [210, 297]
    assert [round(x) for x in sec.margins_mm] == [37, 35, 28, 26]
    assert sec.grid_type == "lines" and abs(sec.grid_pitch - 28.95) < 0.01 and round(sec.footer_mm) == 25
    assert lay.even_and_odd and sec.first_line == 1 and sec.last_line == len(LINES)
    odd, even = sec.footers["default"], sec.footers["even"]
    assert sec.footers["first"] is None
    (po,), (pe,) = odd.page_paragraphs(), even.page_paragraphs()
    assert po.align == "right" and pe.align == "left"
    assert re.sub(r"\d", "N", po.text) == "— N —"
    number = next(r for r in po.runs if r.field == "PAGE")
    assert number.ascii == SONG and number.size == 14
    simple = read_layout(str(fixture_files["fmt007_center_plain"])).sections[0]
    assert simple.footers["even"] is None and simple.footers["default"].page_paragraphs()[0].align == "center"
    letter = read_layout(str(fixture_files["word_defaults"]))
    assert not letter.even_and_odd and [round(x, 1) for x in letter.sections[0].page_mm] == [215.9, 279.4]
    assert letter.sections[0].footers == {"default": None, "even": None, "first": None}


def test_several_sections_inherit_footers(tmp_path):
    ftr = '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>'
    first = sect_pr(footers={"default": "rIdF"}, w=11906, h=16838)
    land = sect_pr(w=16838, h=11906, orient="landscape")
    d = Docx(body=[p("一"), p([r("二")], f"<w:pPr>{first}</w:pPr>"), p("三")], sect=land,
             styles=styles_xml([style("Normal", "Normal", default=True)]), footers={"rIdF": ftr})
    lay = read_layout(str(d.write(tmp_path / "s.docx")))
    assert [(s.first_line, s.last_line) for s in lay.sections] == [(1, 2), (3, 3)]
    assert lay.sections[1].landscape and lay.sections[1].footers["default"] is lay.sections[0].footers["default"]
    assert [p.section for p in lay.paragraphs] == [0, 0, 1]


def test_wps_is_recognised(fixture_files):
    lay = read_layout(str(fixture_files["clean_wps"]))
    assert lay.wps and lay.application.startswith("WPS")
    assert not read_layout(str(fixture_files["clean_styles"])).wps


def test_numbering_label_font(tmp_path):
    numbering = ('<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
                 f'{rpr(HEI)}</w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>'
                 '</w:numbering>')
    d = Docx(body=[p([r("总体要求")], '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>')],
             sect=sect_pr(), styles=styles_xml([style("Normal", "Normal", default=True, rp=fonts(FANG))]))
    path = d.write(tmp_path / "n.docx")
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("word/numbering.xml", numbering)
        rels = z.read("word/_rels/document.xml.rels").decode()
    # add the relationship (zip members cannot be replaced in place: rebuild)
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
    _rewrite(path, {"word/_rels/document.xml.rels": rels})
    para = read_layout(str(path)).paragraph(1)
    assert para.label is not None and para.label.east_asia == HEI and para.runs[0].east_asia == FANG
    assert read_source(str(path)).blocks[0].text == "一、总体要求"


def _rewrite(path, replace: dict) -> None:
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    seen = set()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name in seen:
                continue
            seen.add(name)
            z.writestr(name, replace.get(name, data))


def test_numbering_matches_the_reader_on_tables_and_text_boxes(tmp_path):
    """Paragraph N of the layout is block N of read_docx: tables, nested cells, text boxes, deleted paragraphs."""
    from docxbuild import build_docx, para, table
    box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH '
           'relativeFrom="margin"><wp:align>right</wp:align></wp:positionH><a:graphic><a:graphicData><wps:wsp>'
           '<wps:txbx><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
           '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
           '<v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>'
           '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    deleted = ('<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'
               '<w:del w:id="8" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>删</w:delText></w:r></w:del></w:p>')
    path = tmp_path / "t.docx"
    build_docx(path, [para("标题"), deleted, table([["序号", "任务"], ["1", "推进工作"]]),
                      f"<w:p><w:r><w:t>锚点段</w:t></w:r>{box}</w:p>", para("末段")])
    blocks = read_source(str(path)).blocks
    lay = read_layout(str(path))
    assert [b.text for b in blocks] == [p.text for p in lay.paragraphs]
    assert [p.in_table for p in lay.paragraphs] == [b.cell is not None for b in blocks]


def test_drafted_documents_number_like_the_reader(tmp_path):
    from click.testing import CliRunner
    from cli import main
    from draft_fixtures import OUTLINE
    (tmp_path / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    out = tmp_path / "d.docx"
    assert CliRunner().invoke(main, ["draft", str(tmp_path / "o.yaml"), "-o", str(out)]).exit_code == 0
    blocks = read_source(str(out)).blocks
    lay = read_layout(str(out))
    assert [b.text for b in blocks] == [p.text for p in lay.paragraphs]
    assert lay.paragraph(1).runs[0].east_asia == "方正小标宋简体" and lay.paragraph(1).runs[0].size == 22


def test_hostile_files_are_refused(tmp_path):
    from docxbuild import build_zip, zip_bomb
    bomb = tmp_path / "bomb.docx"
    zip_bomb(bomb, size=256 * 1024 * 1024)
    with pytest.raises(InputError):
        read_layout(str(bomb))
    xxe = tmp_path / "xxe.docx"
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    d = Docx(body=[p("正文")], sect=sect_pr(), styles=styles_xml([style("Normal", "Normal", default=True)]))
    d.write(xxe)
    evil = (f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:style w:styleId="Normal"><w:name w:val="&x;"/></w:style></w:styles>')
    _rewrite(xxe, {"word/styles.xml": evil})
    with pytest.raises(InputError) as e:
        read_layout(str(xxe))
    assert "TOPSECRET" not in str(e.value.zh) + str(e.value.en)
    junk = tmp_path / "junk.docx"
    build_zip(junk, {"word/document.xml": b"<not-closed"})
    with pytest.raises(InputError):
        read_layout(str(junk))


def test_theme_without_chinese_face_leaves_no_east_asian_font(tmp_path):
    default = fonts(east_theme="minorEastAsia") + rpr(sz=16, wrap=False)
    d = Docx(body=[p("正文")], sect=sect_pr(), theme=theme_xml(minor_hans="", minor_jpan=""),
             styles=styles_xml([style("Normal", "Normal", default=True)], default_rpr=default),
             settings=settings_xml(theme_lang=None))
    assert read_layout(str(d.write(tmp_path / "t.docx"))).paragraph(1).runs[0].east_asia is None
