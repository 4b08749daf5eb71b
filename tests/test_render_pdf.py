"""LibreOffice renders the draft: A4, margins, 22 lines × 28 characters, — N — page numbers, the right faces.

One soffice conversion (both documents at once) with a private profile, shared by the module.
Skipped when soffice/pdftotext are missing, unless CI is set (then it fails).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape

import pytest
from click.testing import CliRunner

from cli import main
from draft_fixtures import OUTLINE, long_outline

PT_PER_MM = 72 / 25.4
TOOLS = ("soffice", "pdftotext", "pdfinfo", "pdffonts")


def _need_tools():
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI: rendering tools missing: {missing} (run .ci/system-deps.sh)")
        pytest.skip(f"needs {missing}")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    _need_tools()
    d = tmp_path_factory.mktemp("pdf")
    for name, text in (("long", long_outline()), ("short", OUTLINE)):
        (d / f"{name}.yaml").write_text(text, encoding="utf-8")
        r = CliRunner().invoke(main, ["draft", str(d / f"{name}.yaml"), "-o", str(d / f"{name}.docx")])
        assert r.exit_code == 0, r.output
    profile = d / "lo-profile"
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(d), str(d / "long.docx"), str(d / "short.docx")]
    subprocess.run(cmd, check=False, timeout=180, capture_output=True)
    for name in ("long", "short"):
        assert (d / f"{name}.pdf").is_file(), "LibreOffice produced no PDF"
    return d


def bbox_pages(pdf) -> list[list[dict]]:
    """Lines per page from pdftotext -bbox-layout: [{x0, y0, x1, y1, text}]."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", xml, re.S):
        lines = []
        for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',
                             page, re.S):
            words = re.findall(r"<word [^>]*>(.*?)</word>", m.group(5))
            lines.append({"x0": float(m.group(1)), "y0": float(m.group(2)), "x1": float(m.group(3)),
                          "y1": float(m.group(4)), "text": unescape("".join(words)),
                          "words": " ".join(unescape(w) for w in words)})
        pages.append(lines)
    return pages


def page_size(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return float(w), float(h)


def body_lines(lines, height):
    """Lines inside the 版心 (the footer's — N — sits below it)."""
    bottom = height - 35 * PT_PER_MM
    return [ln for ln in lines if ln["y1"] <= bottom + 2]


def test_a4(pdfs):
    w, h = page_size(pdfs / "long.pdf")
    assert abs(w - 595.3) < 1 and abs(h - 841.9) < 1


def test_22_lines_on_a_full_page_and_margins(pdfs):
    w, h = page_size(pdfs / "long.pdf")
    pages = bbox_pages(pdfs / "long.pdf")
    assert len(pages) >= 3
    full = body_lines(pages[1], h)            # page 2: nothing but body text
    assert len(full) == 22, [ln["text"][:10] for ln in full]
    pitch = (full[-1]["y1"] - full[0]["y1"]) / 21
    assert abs(pitch - 28.95) < 0.2
    # left margin: lines that start at the margin (not the two-character indent)
    left = min(ln["x0"] for ln in full) / PT_PER_MM
    assert abs(left - 28) <= 2, left
    # top margin: the first line box ends at the bottom of its glyphs; its top is one pitch above
    top = (full[0]["y1"] - pitch) / PT_PER_MM
    assert abs(top - 37) <= 2, top
    # the 22 lines fill the 版心 (225 mm) within a line
    assert abs((full[-1]["y1"] - full[0]["y1"] + pitch) / PT_PER_MM - 225) < 3


def test_28_characters_on_a_full_line(pdfs):
    _, h = page_size(pdfs / "long.pdf")
    full = body_lines(bbox_pages(pdfs / "long.pdf")[1], h)
    counts = [len(ln["text"]) for ln in full if re.fullmatch(r"[\u4e00-\u9fff，。、；：“”《》（）]+", ln["text"])]
    # a full line holds 28 characters; a line-end comma may be squeezed in as a 29th (punctuation compression)
    assert counts and max(set(counts), key=counts.count) == 28, counts
    assert all(c <= 29 for c in counts), counts


def test_page_numbers_odd_right_even_left(pdfs):
    w, h = page_size(pdfs / "long.pdf")
    pages = bbox_pages(pdfs / "long.pdf")
    for n, lines in enumerate(pages[:3], 1):
        foot = [ln for ln in lines if ln["y0"] > h - 35 * PT_PER_MM]
        assert foot, f"no page number on page {n}"
        num = foot[-1]
        assert re.fullmatch(rf"—\s*{n}\s*—", num["text"]), num["text"]
        if n % 2:
            assert num["x1"] > w / 2 + 150, "odd page numbers sit on the right"
        else:
            assert num["x0"] < w / 2 - 150, "even page numbers sit on the left"
        # 一字线 7 mm below the 版心 (GB/T 9704 §7.5), within 2 mm
        below = (num["y0"] + num["y1"]) / 2 - (h - 35 * PT_PER_MM)
        assert 3 * PT_PER_MM < below < 12 * PT_PER_MM


def test_faces_and_title(pdfs):
    fonts = subprocess.run(["pdffonts", str(pdfs / "short.pdf")], capture_output=True, text=True).stdout
    if "Fandol" not in fonts:
        if os.environ.get("CI"):
            pytest.fail("Fandol fonts / fontconfig aliases missing (run .ci/system-deps.sh)")
        pytest.skip("Fandol fonts not installed")
    for face in ("FandolFang", "FandolHei", "FandolKai", "FandolSong"):
        assert face in fonts
    w, h = page_size(pdfs / "short.pdf")
    first = bbox_pages(pdfs / "short.pdf")[0][0]
    assert first["text"] == "某某市知识产权局2024年工作要点"
    assert abs((first["x0"] + first["x1"]) / 2 - (28 * PT_PER_MM + 156 * PT_PER_MM / 2)) < 6   # centred


def test_signature_and_appendix_page(pdfs):
    w, h = page_size(pdfs / "short.pdf")
    pages = bbox_pages(pdfs / "short.pdf")
    assert len(pages) == 2
    texts = [ln["text"] for ln in pages[0]]
    date = next(ln for ln in pages[0] if ln["text"] == "2024年3月5日")
    right_gap = (w - 26 * PT_PER_MM - date["x1"]) / PT_PER_MM
    assert abs(right_gap - 4 * 16 / PT_PER_MM) < 3          # 右空四字 (4 × 16 pt)
    assert "附件：某某市知识产权局2024年工作要点任务分工" in texts
    assert pages[1][0]["text"] == "附件"
