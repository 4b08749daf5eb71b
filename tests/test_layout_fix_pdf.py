"""After fix --layout, LibreOffice renders a plan typed into Word's blank document (Letter, 1"/1.25" margins,
theme fonts, 11 pt, 1.15 lines, no page numbers) as GB/T 9704 asks: A4, 37/28 mm margins, 22 lines a page at
28.95 pt, `— N —` odd pages right and even pages left, 7 mm below the type area — measured the way
test_render_pdf.py measures a draft (its helpers)."""
from __future__ import annotations

import re
import subprocess

import pytest

from drafter.fix.layout import apply_layout
from layout_docx import p, ppr, r, rpr, sect_pr, settings_xml, style, styles_xml, theme_xml, fonts, Docx
from test_render_pdf import PT_PER_MM, _need_tools, bbox_pages, body_lines, page_size

PARA = ("推进知识产权公共服务体系建设，完善知识产权信息公共服务网点布局，提升服务能力和服务水平，"
        "加强知识产权保护，优化创新环境和营商环境，促进知识产权转化运用和产业发展，") * 3


def word_default_plan(path) -> str:
    typed = rpr(hint="eastAsia")
    default = fonts(ascii_theme="minorHAnsi", hansi_theme="minorHAnsi", east_theme="minorEastAsia") + \
        rpr(sz=11, lang="ja-JP", wrap=False)
    body = [p([r("某某市知识产权局2024年工作要点", typed)]), p([r("一、全面加强知识产权保护", typed)])]
    for i in range(14):
        body.append(p([r(f"{i + 1}.推进第{i + 1}项重点工作。", typed), r(PARA, typed)]))
    d = Docx(body=body, styles=styles_xml([style("Normal", "Normal", default=True)], default_rpr=default,
                                          default_ppr=ppr(after=200, line=276, rule="auto", wrap=False)),
             settings=settings_xml(even_odd=False, theme_lang="ja-JP"), theme=theme_xml(),
             sect=sect_pr(w=12240, h=15840, top=1440, bottom=1440, left=1800, right=1800, grid_type=None, pitch=360))
    return str(d.write(path))


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    _need_tools()
    d = tmp_path_factory.mktemp("fixpdf")
    src = word_default_plan(d / "typed.docx")
    apply_layout(src, str(d / "fixed.docx"))
    profile = d / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(d), str(d / "fixed.docx")],
                   check=False, timeout=180, capture_output=True)
    out = d / "fixed.pdf"
    assert out.is_file(), "LibreOffice produced no PDF"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "2", str(out), str(d / "page")], check=False)
    return out


def test_a4(pdf):
    w, h = page_size(pdf)
    assert abs(w - 595.3) < 1 and abs(h - 841.9) < 1


def test_22_lines_and_margins(pdf):
    w, h = page_size(pdf)
    pages = bbox_pages(pdf)
    assert len(pages) >= 3
    full = body_lines(pages[1], h)
    assert len(full) == 22, [ln["text"][:10] for ln in full]
    pitch = (full[-1]["y1"] - full[0]["y1"]) / 21
    assert abs(pitch - 28.95) < 0.2
    left = min(ln["x0"] for ln in full) / PT_PER_MM
    assert abs(left - 28) <= 2, left
    top = (full[0]["y1"] - pitch) / PT_PER_MM
    assert abs(top - 37) <= 2, top
    # the two-character first-line indent (16 pt each) on the lines that start an item
    starts = [ln for ln in full if re.match(r"\d+\.推进", ln["text"])]
    assert starts and all(abs((s["x0"] / PT_PER_MM - 28) - 2 * 16 / PT_PER_MM) < 2 for s in starts)


def test_page_numbers_odd_right_even_left(pdf):
    w, h = page_size(pdf)
    pages = bbox_pages(pdf)
    for n, lines in enumerate(pages[:3], 1):
        foot = [ln for ln in lines if ln["y0"] > h - 35 * PT_PER_MM]
        assert foot, f"no page number on page {n}"
        num = foot[-1]
        assert re.fullmatch(rf"—\s*{n}\s*—", num["text"]), num["text"]
        if n % 2:
            assert num["x1"] > w / 2 + 150
        else:
            assert num["x0"] < w / 2 - 150
        below = (num["y0"] + num["y1"]) / 2 - (h - 35 * PT_PER_MM)
        assert 3 * PT_PER_MM < below < 12 * PT_PER_MM


def test_faces(pdf):
    fonts_used = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    if "Fandol" not in fonts_used:
        pytest.skip("Fandol fonts not installed")
    assert "FandolFang" in fonts_used and "FandolHei" in fonts_used and "FandolSong" in fonts_used


def test_whole_items_in_the_heading_style_do_not_empty_half_a_page(tmp_path):
    """The QA .docx: section 三's （一）–（三） are whole items (a sentence each, no lead) and go into GW二级,
    which keeps a heading with the next paragraph. Kept together, 三、 … 四、（一） (ten lines) were pushed to
    page 2 and page 1 ended half empty; a whole item is not kept with the next, so page 1 runs on into 三、."""
    _need_tools()
    from conftest import ROOT
    src = ROOT / "tests" / "fixtures" / "qa" / "ip_district_2024.docx"
    out = tmp_path / "ip.docx"
    apply_layout(str(src), str(out))
    with __import__("zipfile").ZipFile(out) as z:
        doc = z.read("word/document.xml").decode()
    assert doc.count('<w:keepNext w:val="0"/>') == 3
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)], check=False, timeout=180,
                   capture_output=True)
    page1 = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "ip.pdf"), "-"], capture_output=True,
                           text=True).stdout
    assert "三、实施四大专项行动" in page1.replace(" ", "")
