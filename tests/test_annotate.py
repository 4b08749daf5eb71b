"""--annotate: a .docx with a Word comment on each finding's paragraph (from a .txt or a .docx input)."""
from __future__ import annotations

import zipfile

import docx
import pytest
from click.testing import CliRunner

from check_util import mutate_line
from cli import main
from drafter.report.annotate import paragraphs_in_order


def _comments(path):
    d = docx.Document(path)
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return d, xml


def test_annotate_txt(tmp_path):
    src = tmp_path / "plan.txt"
    src.write_text(mutate_line("004", 98, "制定2023年", "制定2022年"), encoding="utf-8")
    out = tmp_path / "out.docx"
    r = CliRunner().invoke(main, ["check", str(src), "--annotate", str(out), "--select", "TXT001,YR001"])
    assert r.exit_code == 1, r.output
    d, xml = _comments(out)
    comments = list(d.comments)
    assert len(comments) == 3                       # 82 (summary quote), 94 (TXT001), 98 (YR001)
    paras = paragraphs_in_order(d)
    assert "《以下简称" in paras[93].text          # paragraph 94 = line 94
    assert xml.count("commentRangeStart") == 3
    texts = [c.text for c in comments]
    assert any("YR001" in t and "2023年" in t for t in texts)
    # never overwrite without --force
    r = CliRunner().invoke(main, ["check", str(src), "--annotate", str(out)])
    assert r.exit_code == 2
    r = CliRunner().invoke(main, ["check", str(src), "--annotate", str(out), "--force"])
    assert r.exit_code == 1


def test_annotate_docx_keeps_text_and_counts_table_cells(tmp_path):
    src = tmp_path / "plan.docx"
    d = docx.Document()
    d.add_paragraph("2024年工作要点")
    d.add_paragraph("一、总体要求")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "说明"
    t.cell(0, 1).text = "备注"
    d.add_paragraph("（一）加强组织领导。")
    d.add_paragraph("（三）深入实施《条例，全年完成XX件。")
    d.save(src)
    out = tmp_path / "out.docx"
    from drafter.check.base import Finding
    from drafter.report.annotate import annotate
    fs = [Finding(rule="TXT002", severity="error", message_zh="残留占位符", message_en="placeholder",
                  source=str(src), line=6, suggestion="填入实际内容")]
    assert annotate(str(src), fs, str(out)) == 1
    d2 = docx.Document(out)
    paras = paragraphs_in_order(d2)
    assert [p.text for p in paras] == ["2024年工作要点", "一、总体要求", "说明", "备注", "（一）加强组织领导。",
                                       "（三）深入实施《条例，全年完成XX件。"]
    c = list(d2.comments)[0]
    assert "TXT002" in c.text and c.author == "drafter"
    # the comment is anchored in paragraph 6
    assert "commentRangeStart" in paras[5]._p.xml


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice not installed")
def test_annotated_docx_opens_in_libreoffice(tmp_path):
    import subprocess
    src = tmp_path / "plan.txt"
    src.write_text(mutate_line("000", 13, "5.推进", "6.推进"), encoding="utf-8")
    out = tmp_path / "out.docx"
    CliRunner().invoke(main, ["check", str(src), "--annotate", str(out)])
    r = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                       capture_output=True, timeout=120)
    assert (tmp_path / "out.pdf").exists(), r.stderr
