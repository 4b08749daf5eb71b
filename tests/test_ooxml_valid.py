"""Every kind of .docx drafter writes is valid OOXML (openxml-audit: package, schema, semantic — zero errors).

Each kind is written once, the way a user writes it (the command line, in-process), and validated once:
the validator needs ~0.1–0.5 s a file. `KINDS` lists them; a new writer adds its kind here.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from cli import main
from lxml import etree
from conftest import ROOT, seed_path
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from drafter import ooxml
from ooxml_check import assert_valid_docx, docx_problems

EXAMPLES = ROOT / "examples"


def run(*args: str) -> None:
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert r.exit_code in (0, 1), r.output


def office_docx(path: Path) -> Path:
    """A .docx as an office keeps one: Word list numbering, a table, a comment already in it, the comment
    styles under the ids a Chinese Word gives them (a5/a6, not CommentReference/CommentText), a 宋体 body,
    a stylesWithEffects.xml in step with styles.xml as Word 2010 keeps it (so a writer that changes the
    styles and keeps the copy is caught) — and slips `fix` has one answer for: a skipped number (NUM001), a stray space (TXT003), ASCII
    brackets and colon in Chinese text, last year's year (YR001)."""
    d = docx.Document()
    d.styles["Normal"].font.name = "宋体"
    d.add_paragraph("某某市知识产权局2024年工作要点")
    d.add_paragraph("一、总体要求")
    d.add_paragraph("(一)加强组织领导:完善工作机制 ，强化督促指导。", style="List Number")
    d.add_paragraph("（二）做好2023年度考核。", style="List Number")
    t = d.add_table(rows=2, cols=3)
    for c, text in enumerate(("序号", "重点任务", "牵头单位")):
        t.cell(0, c).text = text
    for c, text in enumerate(("1", "推进数据知识产权登记试点", "市知识产权局")):
        t.cell(1, c).text = text
    p = d.add_paragraph("三、重点任务")
    d.add_comment(p.runs, text="请核对标题", author="办公室", initials="BGS")
    d.add_paragraph("（一）深入实施《条例，全年完成XX件。")
    styles = d.styles.element
    for sid, name, kind in (("a5", "annotation reference", "character"), ("a6", "annotation text", "paragraph")):
        st = ooxml.insert(styles, ooxml.make("w:style", type=kind, styleId=sid))
        ooxml.set_prop(st, "w:name", val=name)
        ooxml.set_prop(st, "w:uiPriority", val=99)
    comments = d.part.part_related_by(RT.COMMENTS).element
    for el in ooxml.iter_named(comments, ("w:rStyle", "w:pStyle")):
        el.set(ooxml.qn("w:val"), {"CommentReference": "a5", "CommentText": "a6"}[el.get(ooxml.qn("w:val"))])
    for el in ooxml.iter_named(d.element, ("w:rStyle",)):
        el.set(ooxml.qn("w:val"), "a5")
    ooxml.prune_styles(d)
    effects = next(r.target_part for r in d.part.rels.values() if r.reltype == ooxml.REL_STYLES_WITH_EFFECTS)
    effects._blob = etree.tostring(d.styles.element, xml_declaration=True, encoding="UTF-8", standalone=True)
    d.save(path)
    return path


FULL_OUTLINE = """\
title: 中共某某市委某某工作领导小组办公室关于印发某某市知识产权局2024年推进知识产权强市建设工作要点和重点任务分工方案的通知
year: 2024
issuer: 某某市知识产权局
date: 2024年3月5日
signature: true
numbering: continuous
markers: [一、, （一）, 1., （1）]
agency_style: lead
appendix_table: true
preamble: |
  2024年全市知识产权工作的总体要求是：以习近平新时代中国特色社会主义思想为指导。
sections:
  - title: 强化知识产权保护
    children:
      - title: 加强行政保护
        children:
          - title: 开展专项行动。
            text: 组织开展专项行动 & 查处侵权假冒<行为>。
            agencies: [{name: 市知识产权局, role: lead}, {name: 市公安局, role: cooperate}]
            deadline: 2024年11月底
            children:
              - title: 加大执法力度。
                text: 查办案件不少于200件。
      - title: 加强司法衔接。
        text: 完善行政执法与刑事司法衔接机制。
"""


def reference(tmp: Path, get) -> Path:
    return ROOT / "templates" / "reference.docx"


def draft_example(tmp: Path, get) -> Path:
    out = tmp / "draft-example.docx"
    run("draft", EXAMPLES / "outline-2024.yaml", "-o", out, "--prior", EXAMPLES / "prior-2023.txt")
    return out


def draft_full(tmp: Path, get) -> Path:
    """Four heading levels, a title long enough to break into a trapezoid, 署名 and 成文日期, 附件说明 and the
    任务分工 table on its own 附件 page."""
    outline = tmp / "full.yaml"
    outline.write_text(FULL_OUTLINE, encoding="utf-8")
    out = tmp / "draft-full.docx"
    run("draft", outline, "-o", out)
    return out


def draft_from_init(tmp: Path, get) -> Path:
    """init → draft of a real plan with run-in leads (黑体/楷体 character styles) and its task table."""
    outline = tmp / "001.yaml"
    run("init", "--from", seed_path("001"), "-o", outline)
    text = outline.read_text(encoding="utf-8").replace("appendix_table: false", "appendix_table: true")
    assert "appendix_table: true" in text
    outline.write_text(text, encoding="utf-8")
    out = tmp / "draft-001.docx"
    run("draft", outline, "-o", out)
    return out


def annotate_txt(tmp: Path, get) -> Path:
    out = tmp / "annotated-from-txt.docx"
    run("check", seed_path("004"), "--annotate", out)
    return out


def annotate_draft(tmp: Path, get) -> Path:
    src = get("draft (4 levels, long title, 署名/日期, 附件 table)")
    out = tmp / "annotated-draft.docx"
    run("check", src, "--annotate", out, "--fail-on", "never", "--select", "TXT,NUM,AGY,PUN")
    return out


def office_input(tmp: Path, get) -> Path:
    return office_docx(tmp / "office.docx")


def annotate_office_docx(tmp: Path, get) -> Path:
    src = get("the office .docx the annotate and fix tests start from")
    out = tmp / "annotated-from-docx.docx"
    run("check", src, "--annotate", out, "--fail-on", "never")
    return out


def compare_docx(tmp: Path, get) -> Path:
    out = tmp / "compare.docx"
    run("compare", EXAMPLES / "prior-2023.txt", get("draft (examples/outline-2024.yaml, --prior)"),
        "--format", "docx", "-o", out)
    return out


def fix(tmp: Path, get, *extra: str) -> Path:
    assert "fix" in main.commands, "drafter fix is missing: its outputs are validated here"
    src = get("the office .docx the annotate and fix tests start from")
    out = tmp / ("fixed" + "".join(extra).replace("-", "_") + ".docx")
    r = CliRunner().invoke(main, ["fix", str(src), "-o", str(out), *extra])
    assert r.exit_code in (0, 1), r.output
    return out


KINDS = {
    "templates/reference.docx": reference,
    "draft (examples/outline-2024.yaml, --prior)": draft_example,
    "draft (4 levels, long title, 署名/日期, 附件 table)": draft_full,
    "draft (init from a real plan: run-in leads, task table)": draft_from_init,
    "check --annotate (.txt)": annotate_txt,
    "check --annotate (a draft)": annotate_draft,
    "the office .docx the annotate and fix tests start from": office_input,
    "check --annotate (.docx: numbering, table, comments)": annotate_office_docx,
    "compare --format docx (tracked changes)": compare_docx,
    "fix (tracked text changes)": lambda tmp, get: fix(tmp, get),
    "fix --layout (tracked formatting changes)": lambda tmp, get: fix(tmp, get, "--layout"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """built(kind) → the file of that kind, written once for the whole module."""
    tmp = tmp_path_factory.mktemp("ooxml-valid")
    cache: dict = {}

    def get(kind: str) -> Path:
        if kind not in cache:
            cache[kind] = KINDS[kind](tmp, get)
        return cache[kind]
    return get


@pytest.mark.parametrize("kind", list(KINDS))
def test_valid_ooxml(kind, built):
    assert_valid_docx(built(kind), kind)


def test_no_styles_with_effects_and_comment_styles_defined(built):
    """stylesWithEffects.xml is left out (Word reads styles.xml; a stale copy is "unreadable content"), and
    the comment reference style is defined — or the document's own one is used."""
    out = built("check --annotate (.txt)")
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        styles = z.read("word/styles.xml").decode("utf-8")
        ctypes = z.read("[Content_Types].xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "word/stylesWithEffects.xml" not in names
    assert "stylesWithEffects" not in ctypes + rels
    assert 'w:styleId="CommentReference"' in styles and 'w:styleId="CommentText"' in styles
    office = built("check --annotate (.docx: numbering, table, comments)")
    with zipfile.ZipFile(office) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        doc = z.read("word/document.xml").decode("utf-8")
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "CommentReference" not in styles + doc + comments       # the office's own a5/a6 are used
    assert doc.count('w:rStyle w:val="a5"') >= 2                   # its comment and ours
    assert "请核对标题" in comments and "drafter" in comments


def test_reference_docx_is_what_make_reference_builds(tmp_path):
    """templates/reference.docx is regenerated whenever make_reference.py changes (same parts, same bytes)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_reference", ROOT / "templates" / "make_reference.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.build(tmp_path / "ref.docx")
    with zipfile.ZipFile(tmp_path / "ref.docx") as new, zipfile.ZipFile(ROOT / "templates" / "reference.docx") as old:
        assert sorted(new.namelist()) == sorted(old.namelist())
        for name in new.namelist():
            assert new.read(name) == old.read(name), name


def test_the_check_itself_finds_what_word_refuses(tmp_path):
    """ooxml_check is not a rubber stamp: the two defects of issue 14, rebuilt by hand, are reported; and a
    file checked after another with other comment ids is judged on its own ids."""
    d = docx.Document()
    ooxml.drop_styles_with_effects(d)
    ooxml.prune_styles(d)                                             # small files: quick to validate
    rpr = ooxml.get_or_add(d.styles["Normal"].element, "w:rPr")
    rpr.append(ooxml.make("w:sz", val=24))
    rpr.append(ooxml.make("w:rFonts", eastAsia="FangSong"))          # appended: after w:sz
    p = d.add_paragraph("一、总体要求")
    d.add_comment(p.runs, text="批注", author="drafter")              # CommentReference: not defined
    found = docx_problems(d)
    assert any("styles.xml" in f and "rFonts" in f for f in found), found
    assert any("CommentReference" in f for f in found), found
    one = docx.Document()
    ooxml.drop_styles_with_effects(one)
    one.add_paragraph("甲")
    one.add_comment(one.paragraphs[0].runs, text="一", author="drafter")
    many = docx.Document()
    ooxml.drop_styles_with_effects(many)
    for i in range(4):
        many.add_paragraph(f"第{i}段")
        many.add_comment(many.paragraphs[-1].runs, text=str(i), author="drafter")
    from drafter.report.annotate import _ensure_comment_styles
    for doc in (one, many):
        _ensure_comment_styles(doc)
        ooxml.prune_styles(doc)
    assert docx_problems(one) == []
    assert docx_problems(many) == []
