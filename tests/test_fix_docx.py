"""`drafter fix` on a .docx written the way Word writes one: every fix a tracked change, nothing else touched.

The document (built below, expectations written before the fixer ran on it) is a 市科技局 plan as an office
keeps it in Word: runs cut by Word's rsids in the middle of a year (`20` + `23年`), automatic numbering for
the （一） items with one item on a list of its own that restarts at （四） (a copy-paste leftover), typed
labels elsewhere, a table with a merged cell, a comment, a bookmark, a hyperlink, a PAGE field, bold and
coloured runs. Accept all must give the text a proofreader would have typed; reject all the original.
"""
from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from docx_revisions import paragraphs, resolved, revisions, text_parts
from docxbuild import abstract_num, build_docx, lvl, num, numbering, table
from drafter.api import load
from drafter.check.engine import run_checks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def r(text, *, bold=False, color=None, rsid="00A1B2C3"):
    rpr = ""
    if bold or color:
        rpr = "<w:rPr>" + ("<w:b/>" if bold else "") + (f'<w:color w:val="{color}"/>' if color else "") + "</w:rPr>"
    return f'<w:r w:rsidR="{rsid}">{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*runs, num_id=None, ilvl=0, style=None):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return f'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{"".join(runs)}</w:p>'


BODY = [
    p(r("某市科技局2024年工作要点")),                                                                   # 1
    p(r("2024年,全市科技工作要坚持创新驱动,"), r("聚焦关键核心技术攻关", bold=True), r("。")),            # 2
    p(r("一、强化科技创新引领")),                                                                      # 3
    p(r("加强基础研究。组织开展20"), r("23年度基础研究项目评审，资助项目不少于50项。", rsid="00D4E5F6"), num_id=1),  # 4 （一）
    p(r("推进关键技术攻关。"), '<w:bookmarkStart w:id="0" w:name="gjjs"/>', r("实施重点研发计划，"),
      '<w:bookmarkEnd w:id="0"/>', r("会同市工商局开展技术标准宣传。"), num_id=1),                     # 5 （二）
    p(r("培育科技企业。新增高新技术企业200家", color="FF0000"), r(",科技型中小企业1000家。"), num_id=2),  # 6 (四) → （三）
    p(r("建设创新平台。"), r("新建市级重点实验室5家。"), num_id=1),                                     # 7 (五) → （四）
    p(r("二、优化创新生态")),                                                                          # 8
    p(r("1.加强科技 金融服务。"), '<w:hyperlink w:anchor="gjjs" w:history="1">'
      '<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">详见本要点附件 说明</w:t></w:r></w:hyperlink>'),  # 9
    p(r("2、完善科技成果转化机制。由市科技局牵头。")),                                                    # 10
    table([["序号", "任务", "责任单位"], ["1", "技术合同登记", "市科技局、市工商局"]]),                       # 11-16
    p(r("第 "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r("1"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>', r(" 页")),  # 17
]

NUMBERING = numbering(abstract_num(10, lvl(0, "chineseCounting", "（%1）")), num(1, 10), num(2, 10, {0: 4}))

EXPECTED_ORIGINAL = [
    "某市科技局2024年工作要点",
    "2024年,全市科技工作要坚持创新驱动,聚焦关键核心技术攻关。",
    "一、强化科技创新引领",
    "（一）加强基础研究。组织开展2023年度基础研究项目评审，资助项目不少于50项。",
    "（二）推进关键技术攻关。实施重点研发计划，会同市工商局开展技术标准宣传。",
    "（四）培育科技企业。新增高新技术企业200家,科技型中小企业1000家。",
    "（五）建设创新平台。新建市级重点实验室5家。",
    "二、优化创新生态",
    "1.加强科技 金融服务。详见本要点附件 说明",
    "2、完善科技成果转化机制。由市科技局牵头。",
    "序号", "任务", "责任单位", "1", "技术合同登记", "市科技局、市工商局",
    "第 1 页",
]
# what a proofreader returns: 2023→2024, the renumbered （三）（四） (Word's numbering, not typed text), full-width
# commas, 市工商局 → 市市场监管局 (in the table too), the stray spaces gone, 2、→ 2.
EXPECTED_FIXED = [
    "某市科技局2024年工作要点",
    "2024年，全市科技工作要坚持创新驱动，聚焦关键核心技术攻关。",
    "一、强化科技创新引领",
    "（一）加强基础研究。组织开展2024年度基础研究项目评审，资助项目不少于50项。",
    "（二）推进关键技术攻关。实施重点研发计划，会同市市场监管局开展技术标准宣传。",
    "（三）培育科技企业。新增高新技术企业200家，科技型中小企业1000家。",
    "（四）建设创新平台。新建市级重点实验室5家。",
    "二、优化创新生态",
    "1.加强科技金融服务。详见本要点附件说明",
    "2.完善科技成果转化机制。由市科技局牵头。",
    "序号", "任务", "责任单位", "1", "技术合同登记", "市科技局、市市场监管局",
    "第 1 页",
]


@pytest.fixture(scope="module")
def fixed(tmp_path_factory):
    d = tmp_path_factory.mktemp("fixdocx")
    src = build_docx(d / "plan.docx", BODY, numbering=NUMBERING)
    _add_comment_part(src)
    out = d / "plan.fixed.docx"
    res = subprocess.run([_drafter(), "fix", src, "-o", str(out)], capture_output=True, text=True, timeout=120)
    return Path(src), out, res


def _drafter() -> str:
    import shutil
    import sys
    return shutil.which("drafter") or str(Path(sys.executable).with_name("drafter"))


def _add_comment_part(path) -> None:
    """A reviewer's comment on 新建市级重点实验室5家 (paragraph 7), in word/comments.xml as Word keeps it; the
    character styles the runs name defined, and no stale stylesWithEffects.xml (Word writes a valid file)."""
    import docx

    from drafter import ooxml
    d = docx.Document(path)
    d.add_comment(d.paragraphs[6].runs[1:], text="数量请核对", author="秘书科", initials="MS")
    styles = d.styles.element
    for sid, name in (("CommentReference", "annotation reference"), ("Hyperlink", "Hyperlink")):
        if styles.find(f"{{{W}}}style[@{{{W}}}styleId='{sid}']") is None:
            st = ooxml.insert(styles, ooxml.make("w:style", type="character", styleId=sid))
            ooxml.set_prop(st, "w:name", val=name)
    d.save(path)
    _drop_part(path, "word/stylesWithEffects.xml")


def _drop_part(path, name: str) -> None:
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    members.pop(name, None)
    base = name.rsplit("/", 1)[-1]
    rels = "word/_rels/document.xml.rels"
    members[rels] = re.sub(rb'<Relationship [^>]*Target="' + base.encode() + rb'"[^>]*/>', b"", members[rels])
    members["[Content_Types].xml"] = re.sub(rb'<Override [^>]*PartName="/' + name.encode() + rb'"[^>]*/>', b"",
                                            members["[Content_Types].xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in members.items():
            z.writestr(n, data)


def test_the_source_reads_as_written(fixed):
    src, _, _ = fixed
    assert paragraphs(src) == EXPECTED_ORIGINAL


def test_fix_exits_0_and_says_what_it_did(fixed):
    _, out, res = fixed
    assert res.returncode == 0, res.stderr
    assert out.exists()
    for code in ("YR001", "NUM001", "AGY003", "PUN003", "TXT003", "NUM002"):
        assert code in res.stderr


def test_accept_all_gives_the_fixed_text(fixed, tmp_path):
    _, out, _ = fixed
    assert paragraphs(resolved(out, "accept", tmp_path / "a.docx")) == EXPECTED_FIXED
    # the reader's own view of the fixed file (insertions read, deletions dropped) is the same
    assert paragraphs(out) == EXPECTED_FIXED


def test_reject_all_gives_the_original_exactly(fixed, tmp_path):
    _, out, _ = fixed
    assert paragraphs(resolved(out, "reject", tmp_path / "r.docx")) == EXPECTED_ORIGINAL


def test_every_change_is_a_tracked_change_by_drafter(fixed):
    _, out, _ = fixed
    rev = revisions(out)
    assert rev["count"] > 10
    assert rev["authors"] == {"drafter"} and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", d) for d in rev["dates"])
    ids = rev["ids"]
    assert len(ids) == len(set(ids))
    with zipfile.ZipFile(out) as z:
        doc = z.read("word/document.xml").decode()
    # the comment and bookmark ids are not reused by the revisions
    assert not {"0"} & set(ids)
    # the number comes from Word's numbering: no typed （三） in the text, a paragraph property change instead
    assert "（三）" not in doc and "w:pPrChange" in doc


def test_runs_split_only_where_a_change_falls(fixed):
    src, out, _ = fixed
    with zipfile.ZipFile(out) as z:
        doc = z.read("word/document.xml").decode()
    # `20` + `23年…` : only the 3 is deleted and a 4 inserted, inside the second run's formatting
    assert re.search(r"<w:t[^>]*>加强基础研究。组织开展20</w:t></w:r>", doc)   # the first run untouched
    assert re.search(r"<w:delText[^>]*>3</w:delText>", doc) and re.search(r"<w:ins [^>]*><w:r><w:t[^>]*>4</w:t>", doc)
    # the red run keeps its colour on both sides of the change, and the inserted comma is red where it replaces a red one
    assert doc.count('w:val="FF0000"') >= 1


def test_everything_else_is_untouched(fixed):
    src, out, _ = fixed
    a, b = text_parts(src), text_parts(out)
    assert set(a) == set(b)
    changed = {n for n in a if a[n] != b[n]}
    assert changed <= {"word/document.xml", "word/numbering.xml"}
    with zipfile.ZipFile(out) as z:
        doc = z.read("word/document.xml").decode()
    for piece in ('<w:bookmarkStart w:id="0" w:name="gjjs"/>', "<w:commentRangeStart", "<w:hyperlink",
                  'w:fldCharType="begin"', "<w:instrText", "<w:tbl>", "CommentReference"):
        assert piece in doc


def test_checked_again_the_fixed_kinds_are_gone(fixed):
    _, out, _ = fixed
    fs = run_checks(load(str(out)))
    assert not [f for f in fs if f.rule in ("NUM001", "NUM002", "YR001", "AGY003", "TXT003", "PUN003")], \
        [(f.rule, f.line, f.message_zh) for f in fs]


def test_the_fixed_file_is_valid_ooxml(fixed):
    from ooxml_check import docx_problems
    src, out, _ = fixed
    assert docx_problems(str(src)) == []   # a valid input ...
    assert docx_problems(str(out)) == []   # ... stays valid with the revisions in it


def test_libreoffice_draws_the_new_numbers(fixed, tmp_path):
    """LibreOffice's own rendering of the accepted file shows （三）（四） where the source showed （四）（五）."""
    import shutil
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice not installed")
    _, out, _ = fixed
    acc = resolved(out, "accept", tmp_path / "accepted.docx")
    prof = tmp_path / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to",
                    "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), acc], capture_output=True, timeout=180)
    txt = (tmp_path / "accepted.txt").read_text(encoding="utf-8-sig")
    assert "（三）" in txt and "（四）" in txt and "（五）" not in txt, txt
