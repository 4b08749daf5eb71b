"""`drafter fix` on labels Word's automatic numbering draws: a wrong form (NUM002 `1、`, NUM003 `(一)` among
`（一）`, `４.` among `1.`) is put right in the list definition (w:lvlText / w:numFmt), never typed over.

Each document is a plan as an office keeps it in Word, its labels drawn by numbering.xml; what a proofreader
returns is written below before the fixer ran. Accept all (computed from the XML, and drawn by LibreOffice)
must give those labels, reject all the original ones; the old list definitions stay in numbering.xml as they
were, and the fixed file is checked again: no NUM finding left.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from docx_revisions import paragraphs, resolved
from docxbuild import abstract_num, build_docx, lvl, num, numbering, para, style
from drafter.api import load
from drafter.check.engine import run_checks

T = "某市市场监管局2024年工作要点"
ITEMS = ["实施质量提升行动。全年完成抽检1000批次。", "推进品牌建设。培育市级品牌20个。", "开展标准化试点。新建试点10个。",
         "推进登记便利化。实现全程网办。"]


def _three_levels():
    """一、/（一）/1、 all drawn by one list; the 1. level defined as `%3、` (NUM002 on every item)."""
    body = [para(T), para("加强质量建设", num=1, ilvl=0), para("深化质量强市", num=1, ilvl=1),
            para(ITEMS[0], num=1, ilvl=2), para(ITEMS[1], num=1, ilvl=2), para("强化标准引领", num=1, ilvl=1),
            para(ITEMS[2], num=1, ilvl=2), para("优化营商环境", num=1, ilvl=0), para("深化商事制度改革", num=1, ilvl=1),
            para(ITEMS[3], num=1, ilvl=2)]
    nb = numbering(abstract_num(10, lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"),
                                lvl(2, "decimal", "%3、")), num(1, 10))
    fixed = [T, "一、加强质量建设", "（一）深化质量强市", "1." + ITEMS[0], "2." + ITEMS[1], "（二）强化标准引领",
             "1." + ITEMS[2], "二、优化营商环境", "（一）深化商事制度改革", "1." + ITEMS[3]]
    return body, nb, [], fixed


def _half_width_brackets():
    """（一） typed everywhere, but section 二's items drawn by a list defined `(%1)` (NUM003)."""
    body = [para(T), para("一、加强质量建设"), para("（一）深化质量强市。全年完成抽检1000批次。"),
            para("（二）强化标准引领。新建试点10个。"), para("二、优化营商环境"),
            para("深化商事制度改革。实现全程网办。", num=2, ilvl=0), para("提升监管效能。推进信用监管。", num=2, ilvl=0),
            para("三、强化安全监管"), para("（一）抓好食品安全。开展专项整治。"), para("（二）抓好特种设备安全。开展隐患排查。")]
    nb = numbering(abstract_num(20, lvl(0, "chineseCounting", "(%1)")), num(2, 20))
    fixed = [T, "一、加强质量建设", "（一）深化质量强市。全年完成抽检1000批次。", "（二）强化标准引领。新建试点10个。",
             "二、优化营商环境", "（一）深化商事制度改革。实现全程网办。", "（二）提升监管效能。推进信用监管。",
             "三、强化安全监管", "（一）抓好食品安全。开展专项整治。", "（二）抓好特种设备安全。开展隐患排查。"]
    return body, nb, [], fixed


def _renumber_and_form():
    """Items drawn `%1、`, the third a copy-paste list that restarts at 4 (NUM001 and NUM002 on one label)."""
    body = [para(T), para("一、加强质量建设"), para(ITEMS[0], num=1, ilvl=0), para(ITEMS[1], num=1, ilvl=0),
            para(ITEMS[2], num=2, ilvl=0), para(ITEMS[3], num=1, ilvl=0), para("二、优化营商环境"),
            para("1.深化商事制度改革。实现全程网办。"), para("2.提升监管效能。推进信用监管。")]
    nb = numbering(abstract_num(10, lvl(0, "decimal", "%1、")), num(1, 10), num(2, 10, {0: 4}))
    fixed = [T, "一、加强质量建设", "1." + ITEMS[0], "2." + ITEMS[1], "3." + ITEMS[2], "4." + ITEMS[3],
             "二、优化营商环境", "1.深化商事制度改革。实现全程网办。", "2.提升监管效能。推进信用监管。"]
    return body, nb, [], fixed


def _one_paragraph_override():
    """A list of 1. items drawn right, one paragraph on a list of its own whose override draws `%1、`."""
    ov = ('<w:num w:numId="2"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>'
          '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/>'
          '<w:lvlJc w:val="left"/></w:lvl></w:lvlOverride></w:num>')
    body = [para(T), para("一、加强质量建设"), para(ITEMS[0], num=1, ilvl=0), para(ITEMS[1], num=1, ilvl=0),
            para(ITEMS[2], num=2, ilvl=0), para(ITEMS[3], num=1, ilvl=0)]
    nb = numbering(abstract_num(10, lvl(0, "decimal", "%1.")), num(1, 10), ov)
    fixed = [T, "一、加强质量建设"] + [f"{i + 1}.{t}" for i, t in enumerate(ITEMS)]
    return body, nb, [], fixed


def _heading_styles():
    """Numbering carried by the heading styles (w:numPr in the style, w:pStyle in the level); 一 drawn `%1.`."""
    styles = [style("H1", "heading 1", num_id=5, ilvl=0, outline=0), style("H2", "heading 2", num_id=5, ilvl=1, outline=1)]
    body = [para(T), para("加强质量建设", style="H1"), para("深化质量强市", style="H2"), para(ITEMS[0]),
            para("强化标准引领", style="H2"), para("优化营商环境", style="H1"), para("深化商事制度改革", style="H2"),
            para(ITEMS[3])]
    nb = numbering(abstract_num(50, lvl(0, "chineseCounting", "%1.", pstyle="H1"),
                                lvl(1, "chineseCounting", "（%2）", pstyle="H2")), num(5, 50))
    fixed = [T, "一、加强质量建设", "（一）深化质量强市", ITEMS[0], "（二）强化标准引领", "二、优化营商环境",
             "（一）深化商事制度改革", ITEMS[3]]
    return body, nb, styles, fixed


def _full_width_digits():
    """1. 2. 3. typed in section 一; section 二's items drawn in full-width digits (decimalFullWidth, NUM003)."""
    body = [para(T), para("一、加强质量建设")] + [para(f"{i + 1}.{t}") for i, t in enumerate(ITEMS[:3])] + [
        para("二、优化营商环境"), para("深化商事制度改革。实现全程网办。", num=6, ilvl=0),
        para("提升监管效能。推进信用监管。", num=6, ilvl=0)]
    nb = numbering(abstract_num(60, lvl(0, "decimalFullWidth", "%1.", start=4)), num(6, 60))
    fixed = [T, "一、加强质量建设"] + [f"{i + 1}.{t}" for i, t in enumerate(ITEMS[:3])] + [
        "二、优化营商环境", "4.深化商事制度改革。实现全程网办。", "5.提升监管效能。推进信用监管。"]
    return body, nb, [], fixed


CASES = {"three levels, 1、": _three_levels, "(一) among （一）": _half_width_brackets,
         "renumber and form": _renumber_and_form, "one paragraph's override": _one_paragraph_override,
         "heading styles": _heading_styles, "full-width digits": _full_width_digits}


def _drafter() -> str:
    import sys
    return shutil.which("drafter") or str(Path(sys.executable).with_name("drafter"))


@pytest.fixture(scope="module")
def fixed(tmp_path_factory):
    d = tmp_path_factory.mktemp("autonum")
    out = {}
    for name, make in CASES.items():
        body, nb, styles, want = make()
        slug = re.sub(r"\W+", "_", name)
        src = build_docx(d / f"{slug}.docx", body, numbering=nb, styles=styles)
        dst = d / f"{slug}.fixed.docx"
        res = subprocess.run([_drafter(), "fix", src, "-o", str(dst)], capture_output=True, text=True, timeout=120)
        out[name] = (Path(src), dst, res, want)
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_accept_all_draws_the_right_labels_reject_all_the_old(fixed, name, tmp_path):
    src, dst, res, want = fixed[name]
    assert res.returncode == 0, res.stderr
    assert "未能修复" not in res.stderr, res.stderr
    assert paragraphs(resolved(dst, "accept", tmp_path / "a.docx")) == want
    assert paragraphs(dst) == want
    assert paragraphs(resolved(dst, "reject", tmp_path / "r.docx")) == paragraphs(src)


@pytest.mark.parametrize("name", list(CASES))
def test_no_numbering_finding_is_left(fixed, name):
    _, dst, _, _ = fixed[name]
    left = [f for f in run_checks(load(str(dst))) if f.rule.startswith("NUM")]
    assert left == []


@pytest.mark.parametrize("name", list(CASES))
def test_no_label_is_typed_and_the_old_definitions_stay(fixed, name):
    """The labels are not text (no w:ins holds a marker); every old w:abstractNum and w:num is still there,
    byte for byte, so rejecting a paragraph's change draws its old label."""
    src, dst, _, _ = fixed[name]
    with zipfile.ZipFile(src) as z:
        old = z.read("word/numbering.xml").decode()
    with zipfile.ZipFile(dst) as z:
        new = z.read("word/numbering.xml").decode()
        doc = z.read("word/document.xml").decode()
    assert not re.search(r"<w:ins [^>]*>(?:(?!</w:ins>).)*[、.．（）()]", doc)
    for el in re.findall(r"<w:abstractNum .*?</w:abstractNum>|<w:num .*?</w:num>", old):
        assert el.replace(' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', "") in new
    assert doc.count("<w:pPrChange ") >= 1


def test_the_fixed_files_are_valid_ooxml(fixed):
    from ooxml_check import assert_valid_docx
    for name in ("three levels, 1、", "one paragraph's override", "heading styles"):
        assert_valid_docx(fixed[name][1], name)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_draws_the_fixed_labels(fixed, tmp_path):
    """LibreOffice's own drawing of the fixed file (its text export: label, tab, text) gives the labels."""
    names = ["three levels, 1、", "(一) among （一）", "heading styles"]
    files = [str(fixed[n][1]) for n in names]
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), *files], capture_output=True, timeout=300)
    for n, f in zip(names, files):
        text = (tmp_path / (Path(f).stem + ".txt")).read_text(encoding="utf-8-sig")
        drawn = ["".join(line.split()) for line in text.splitlines() if line.strip()]
        assert drawn == fixed[n][3], n


@pytest.mark.parametrize("name", ["three levels, 1、", "renumber and form"])
def test_the_report_counts_the_revisions_word_shows(fixed, name):
    """共 N 处修订 is the number of tracked changes in the file (a moved paragraph is one), not of text edits."""
    _, dst, res, _ = fixed[name]
    with zipfile.ZipFile(dst) as z:
        doc = z.read("word/document.xml").decode()
    n = len(re.findall(r"<w:(?:ins|del|pPrChange) ", doc))
    assert f"共 {n} 处修订" in res.stderr, res.stderr
