"""fix --layout (drafter/fix/layout.py): every FMT fault fixture comes out with no FMT finding and the same
text; the changes are Word tracked changes whose Reject All gives back the original formatting; clean files
are left alone; the file is valid OOXML; everything that is not layout is copied as it was."""
from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner

from cli import main
from drafter.api import load
from drafter.check.engine import run_checks
from drafter.fix.layout import apply_layout
from drafter.read import read_source
from drafter.read.layout import read_layout
from layout_fixtures import EXPECTED, FIXTURES
from ooxml_check import docx_problems
from revisions import accept_all, count_changes, reject_all

FAULTY = sorted(k for k, v in EXPECTED.items() if v)
CLEAN = sorted(k for k, v in EXPECTED.items() if not v)


@pytest.fixture(scope="module")
def fixed(tmp_path_factory):
    d = tmp_path_factory.mktemp("fixlayout")
    out = {}
    for k, f in FIXTURES.items():
        src = f().write(d / f"{k}.docx")
        dst = d / f"{k}.fixed.docx"
        report = apply_layout(str(src), str(dst))
        out[k] = (src, dst, report)
    return out


def fmt(path):
    return [f for f in run_checks(load(str(path))) if f.rule.startswith("FMT")]


def texts(path):
    return [b.text for b in read_source(str(path)).blocks]


def looks(path, skip_unset_east=False):
    """Per paragraph: alignment, indent, spacing, and per character its East Asian font, size, bold, hint."""
    lay = read_layout(str(path))
    out = []
    for p in lay.paragraphs:
        chars = [(c, None if (skip_unset_east and r.east_asia is None) else r.east_asia, r.size, r.bold, r.hint)
                 for r in p.runs for c in r.text]
        out.append((p.text, p.style_id, p.align, round(p.first_line, 2), round(p.left, 2), p.line_rule,
                    round(p.line_value, 2), chars))
    secs = [(tuple(round(x, 1) for x in s.page_mm), tuple(round(x, 1) for x in s.margins_mm), s.grid_type,
             round(s.grid_pitch, 2)) for s in lay.sections]
    return out, secs


@pytest.mark.parametrize("name", FAULTY)
def test_fault_fixed_text_unchanged(name, fixed):
    src, dst, report = fixed[name]
    assert fmt(dst) == [], [(f.rule, f.line, f.message_zh) for f in fmt(dst)]
    assert texts(dst) == texts(src)
    assert report.done and (report.changes > 0 or report.untracked)
    wanted = {r for r, *_ in EXPECTED[name]}
    assert wanted <= {rule for rule, _, _ in report.done}, report.lines()


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_output_is_valid_ooxml(name, fixed):
    src, dst, _ = fixed[name]
    assert docx_problems(str(src)) == []          # the fixture itself, as Word writes it
    assert docx_problems(str(dst)) == []


@pytest.mark.parametrize("name", FAULTY)
def test_reject_all_gives_back_the_original_formatting(name, fixed, tmp_path):
    src, dst, report = fixed[name]
    rejected = reject_all(dst, tmp_path / "rejected.docx")
    accepted = accept_all(dst, tmp_path / "accepted.docx")
    assert texts(rejected) == texts(src) == texts(accepted)
    untracked_defaults = any("docDefaults" in en or "document defaults" in en for _, en in report.untracked)
    new_styles = any("new style" in en for _, en in report.untracked)
    orig, orig_secs = looks(src, untracked_defaults)
    back, back_secs = looks(rejected, untracked_defaults)
    assert back_secs == orig_secs
    for a, b in zip(orig, back):
        if new_styles:
            a, b = a[:1] + a[2:], b[:1] + b[2:]       # a rejected paragraph is back in its old style
        assert a == b, (name, a[0][:20])
    assert looks(accepted) == looks(dst)
    assert fmt(accepted) == []


@pytest.mark.parametrize("name", CLEAN)
def test_clean_files_are_left_alone(name, fixed):
    src, dst, report = fixed[name]
    assert report.done == [] and report.changes == 0, report.lines()
    assert count_changes(dst) == count_changes(src)
    assert looks(dst) == looks(src)


def test_changes_are_tracked_as_word_formatting_changes(fixed):
    _, dst, report = fixed["word_defaults"]
    kinds = count_changes(dst)
    assert kinds.get("sectPrChange") and kinds.get("rPrChange") and kinds.get("pPrChange") and kinds.get("ins")
    with zipfile.ZipFile(dst) as z:
        doc = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
    assert 'w:author="drafter"' in doc and 'w:author="drafter"' in styles
    assert "w:date=" in doc
    lines = report.lines()
    assert any(line.startswith("FMT001") for line in lines) and any("FMT007" in line for line in lines)


def test_untracked_mode_writes_no_revisions(fixed, tmp_path):
    src, _, _ = fixed["word_defaults"]
    out = tmp_path / "plain.docx"
    report = apply_layout(str(src), str(out), track=False)
    assert count_changes(out) == {} and fmt(out) == [] and report.done
    assert docx_problems(str(out)) == []


def test_declared_house_fonts_are_kept(fixed, tmp_path):
    src, _, _ = fixed["fmt003_substitute"]
    out = tmp_path / "kept.docx"
    report = apply_layout(str(src), str(out), config={"layout": {"fonts": {"小标宋": ["华文中宋"]}}})
    assert report.done == []
    src2, _, _ = fixed["fmt003_title_hei"]
    apply_layout(str(src2), str(out), config={"layout": {"fonts": {"小标宋": ["华文中宋"]}}})
    assert read_layout(str(out)).paragraph(1).runs[0].east_asia == "华文中宋"   # the office's own first


def test_everything_else_is_copied(tmp_path):
    """Comments, a table, a bookmark, a hyperlink field and a picture survive: parts byte for byte, the
    elements in document.xml as they were."""
    import docx
    from docx.shared import Pt
    d = docx.Document()
    d.add_paragraph("某某市2024年工作要点")
    p = d.add_paragraph("一、总体要求")
    body = d.add_paragraph("加强组织领导，细化工作措施。")
    body.runs[0].font.size = Pt(12)
    d.add_comment(body.runs, text="请核对", author="秘书科")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(1, 1).text = "序号", "任务"
    png = tmp_path / "dot.png"
    _png(png)
    d.add_picture(str(png))
    p._p.append(_xml('<w:bookmarkStart xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                     'w:id="90" w:name="mark"/>'))
    p._p.append(_xml('<w:bookmarkEnd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="90"/>'))
    src, out = tmp_path / "rich.docx", tmp_path / "rich.fixed.docx"
    d.save(str(src))
    apply_layout(str(src), str(out))
    assert fmt(out) == [] and texts(out) == texts(src)
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out) as b:
        for name in a.namelist():
            if name in ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/_rels/document.xml.rels",
                        "[Content_Types].xml") or name.startswith("word/footer"):
                continue
            if name == "word/stylesWithEffects.xml":     # python-docx's stale copy: left out once styles change
                assert name not in b.namelist()
                continue
            assert a.read(name) == b.read(name), name
        da, db = a.read("word/document.xml").decode(), b.read("word/document.xml").decode()
    for tag in ("w:commentRangeStart", "w:commentReference", "w:bookmarkStart", "w:tbl>", "w:drawing>", "r:embed="):
        assert da.count(tag) == db.count(tag), tag


def test_fix_command_layout(fixed, tmp_path):
    if "fix" not in main.commands:
        pytest.skip("drafter fix has not landed")
    src, _, _ = fixed["word_defaults"]
    out = tmp_path / "cli.docx"
    r = CliRunner().invoke(main, ["fix", str(src), "--layout", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert fmt(out) == [] and texts(out) == texts(src)


def _xml(s):
    from docx.oxml import parse_xml
    return parse_xml(s)


def _png(path):
    import struct
    import zlib
    raw = b"\x00\xff\xff\xff"
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    from conftest import SEED_FILES, seed_path
    from draft_fixtures import OUTLINE
    d = tmp_path_factory.mktemp("drafts")
    out = []
    for seed in SEED_FILES:
        y, x = d / f"{seed[:3]}.yaml", d / f"{seed[:3]}.docx"
        assert CliRunner().invoke(main, ["init", "--from", seed_path(seed[:3]), "-o", str(y)]).exit_code == 0
        assert CliRunner().invoke(main, ["draft", str(y), "-o", str(x)]).exit_code == 0
        out.append(x)
    (d / "short.yaml").write_text(OUTLINE, encoding="utf-8")
    assert CliRunner().invoke(main, ["draft", str(d / "short.yaml"), "-o", str(d / "short.docx")]).exit_code == 0
    return out + [d / "short.docx"]


def test_drafts_are_left_alone(drafts, tmp_path):
    for src in drafts:
        out = tmp_path / src.name
        report = apply_layout(str(src), str(out))
        assert report.done == [] and report.changes == 0, (src.name, report.lines())
        assert looks(out) == looks(src)


def test_a_word_docx_with_automatic_numbering(tmp_path):
    """The QA .docx: python-docx's Letter template, headings numbered by numbering.xml (indents from w:lvl)."""
    from conftest import ROOT
    src = ROOT / "tests" / "fixtures" / "qa" / "ip_district_2024.docx"
    out = tmp_path / "ip.docx"
    report = apply_layout(str(src), str(out))
    assert fmt(out) == [] and texts(out) == texts(src)
    assert any("自动编号" in zh for _, zh, _ in report.done)
    assert docx_problems(str(out)) == []
    rejected = reject_all(out, tmp_path / "rejected.docx")
    assert texts(rejected) == texts(src)


def test_every_body_paragraph_numbered_and_a_typed_heading(tmp_path):
    """The items all drawn by Word's numbering (their indent from w:lvl), the 一、 heading typed in Normal: the
    items get their paragraph indent, and Normal — which the new heading style is based on — its 2-character
    first-line indent too, so the heading is indented (it was left at 0: one FMT006 after fix --layout)."""
    from docxbuild import abstract_num, build_docx, lvl, num, numbering, para
    body = [para("某市市场监管局2024年工作要点"), para("一、加强质量建设"),
            para("实施质量提升行动。全年完成抽检1000批次。", num=1, ilvl=0),
            para("推进品牌建设。培育市级品牌20个。", num=1, ilvl=0),
            para("开展标准化试点。新建试点10个。", num=1, ilvl=0)]
    src = build_docx(tmp_path / "numbered.docx", body, numbering=numbering(abstract_num(10, lvl(0, "decimal", "%1.")),
                                                                            num(1, 10)))
    out = tmp_path / "numbered.fixed.docx"
    apply_layout(src, str(out))
    assert [(f.rule, f.line) for f in fmt(out)] == []
    assert texts(out) == texts(src)


def test_fix_layout_on_a_draft_writes_nothing(drafts, tmp_path):
    """A draft has nothing to fix, with --layout as without: no file is written (it wrote a copy of the input
    while saying 没有可以自动修复的问题)."""
    src = drafts[-1]
    out = tmp_path / "out.docx"
    r = CliRunner().invoke(main, ["fix", str(src), "--layout", "-o", str(out)])
    assert r.exit_code == 0 and "没有可以自动修复的问题" in r.output
    assert not out.exists()
