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
from conftest import ROOT, seed_path
from ooxml_check import assert_valid_docx

EXAMPLES = ROOT / "examples"


def run(*args: str) -> None:
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert r.exit_code in (0, 1), r.output


def office_docx(path: Path) -> Path:
    """A .docx as an office keeps one: Word list numbering, a table, a comment already in it, and the comment
    styles under the ids a Chinese Word gives them (a5/a6, not CommentReference/CommentText)."""
    d = docx.Document()
    d.add_paragraph("某某市知识产权局2024年工作要点")
    d.add_paragraph("一、总体要求")
    d.add_paragraph("加强组织领导。", style="List Number")
    d.add_paragraph("完善工作机制 ，强化督促指导。", style="List Number")
    t = d.add_table(rows=2, cols=3)
    for c, text in enumerate(("序号", "重点任务", "牵头单位")):
        t.cell(0, c).text = text
    for c, text in enumerate(("1", "推进数据知识产权登记试点", "市知识产权局")):
        t.cell(1, c).text = text
    p = d.add_paragraph("二、重点任务")
    d.add_comment(p.runs, text="请核对标题", author="办公室", initials="BGS")
    d.add_paragraph("（三）深入实施《条例，全年完成XX件。")
    styles = d.styles.element
    from drafter import ooxml
    for sid, name, kind in (("a5", "annotation reference", "character"), ("a6", "annotation text", "paragraph")):
        st = ooxml.insert(styles, ooxml.make("w:style", type=kind, styleId=sid))
        ooxml.set_prop(st, "w:name", val=name)
        ooxml.set_prop(st, "w:uiPriority", val=99)
    for el in d.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments").element.iter():
        if el.tag in (ooxml.qn("w:rStyle"), ooxml.qn("w:pStyle")):
            el.set(ooxml.qn("w:val"), {"CommentReference": "a5", "CommentText": "a6"}[el.get(ooxml.qn("w:val"))])
    for el in d.element.iter(ooxml.qn("w:rStyle")):
        el.set(ooxml.qn("w:val"), "a5")
    d.save(path)
    return path


def annotate_txt(tmp: Path) -> Path:
    out = tmp / "annotated-from-txt.docx"
    run("check", seed_path("004"), "--annotate", out)
    return out


def annotate_office_docx(tmp: Path) -> Path:
    src = office_docx(tmp / "office.docx")
    out = tmp / "annotated-from-docx.docx"
    run("check", src, "--annotate", out, "--fail-on", "never")
    return out


KINDS = {
    "check --annotate (.txt)": annotate_txt,
    "check --annotate (.docx: numbering, table, comments)": annotate_office_docx,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """built(kind) → the file of that kind, written once for the whole module."""
    tmp = tmp_path_factory.mktemp("ooxml-valid")
    cache: dict = {}

    def get(kind: str) -> Path:
        if kind not in cache:
            cache[kind] = KINDS[kind](tmp)
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
