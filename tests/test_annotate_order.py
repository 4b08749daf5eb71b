"""--annotate puts each comment on the paragraph the finding's line names, even where a deleted
paragraph or a table would make a naive paragraph count drift (it uses the reader's own order)."""
from __future__ import annotations

import zipfile

from click.testing import CliRunner
from lxml import etree

from cli import main
from docxbuild import W, build_docx, delete, para, table

DELETED_PARAGRAPH = ('<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'
                     + delete("已删除的一段。", id=8) + "</w:p>")


def commented_paragraphs(path: str) -> list[str]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    ns = {"w": W}
    out = []
    for p in root.iter(f"{{{W}}}p"):
        if p.find(".//w:commentRangeStart", ns) is not None or p.find(".//w:commentReference", ns) is not None:
            out.append("".join(t.text or "" for t in p.iter(f"{{{W}}}t")))
    return out


def test_comment_lands_on_the_numbered_paragraph(tmp_path):
    src = build_docx(tmp_path / "plan.docx", [
        para("某某市统计局2024年工作要点"),
        para("一、夯实统计基础"),
        DELETED_PARAGRAPH,
        table([["序号", "说明"], ["1", "表格里的段落也算段落"]]),
        para("1.推进统计法治建设。"),
        para("3.加强统计数据质量管理。"),
    ])
    out = tmp_path / "out.docx"
    r = CliRunner().invoke(main, ["check", src, "--select", "NUM001", "--annotate", str(out), "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    assert commented_paragraphs(str(out)) == ["3.加强统计数据质量管理。"]
