"""`drafter fix` from the command line on .txt files, as a writer runs it.

tests/fixtures/fix/*.expected.txt were written by hand, from a proofreader's point of view, before `fix`
existed: every slip with one right answer corrected, everything else (a placeholder, an item without its
agency, last year's figures it compares with, 10:30, 1,000, e-mail and web addresses, ISO 9001, 文号)
exactly as it was.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from docxbuild import build_zip, zip_bomb

FIX = ROOT / "tests" / "fixtures" / "fix"
CASES = ["commerce_district_2024.txt", "edu_county_2025_gb18030_crlf.txt"]


def drafter(*args, cwd=None):
    exe = shutil.which("drafter") or str(Path(sys.executable).with_name("drafter"))
    return subprocess.run([exe, *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.mark.parametrize("name", CASES)
def test_fixed_text_is_what_a_proofreader_wrote(tmp_path, name):
    src = tmp_path / name
    shutil.copy(FIX / name, src)
    r = drafter("fix", src)
    assert r.returncode == 0, r.stderr
    out = tmp_path / name.replace(".txt", ".fixed.txt")     # the default output name
    assert out.read_bytes() == (FIX / name.replace(".txt", ".expected.txt")).read_bytes()
    assert src.read_bytes() == (FIX / name).read_bytes()   # the input is never touched


def test_report_names_what_was_fixed_and_what_is_left(tmp_path):
    r = drafter("fix", FIX / CASES[0], "-o", tmp_path / "out.txt")
    assert "已修复 8 个问题" in r.stderr
    for code in ("NUM001", "NUM002", "NUM003", "AGY002", "AGY003", "YR001", "TXT003", "PUN003"):
        assert code in r.stderr.splitlines()[0]
    assert "留待人工处理 1 个：TXT002 第 15 行" in r.stderr
    r = drafter("fix", FIX / CASES[0], "-o", tmp_path / "out2.txt", "--lang", "en")
    assert "fixed 8 findings" in r.stderr and "left for a person: 1: TXT002 line 15" in r.stderr


def test_dry_run_prints_a_labelled_diff_and_writes_nothing(tmp_path):
    src = tmp_path / "plan.txt"
    shutil.copy(FIX / CASES[1], src)
    r = drafter("fix", src, "--dry-run")
    assert r.returncode == 0
    assert sorted(os.listdir(tmp_path)) == ["plan.txt"]
    lines = r.stdout.splitlines()
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    hunks = [ln for ln in lines if ln.startswith("@@")]
    assert hunks and all(" @@ " in h and h.split(" @@ ")[1] for h in hunks)    # each hunk names its rules
    assert "+（三）加强教师队伍建设。实施校长职级制改革。（县教育局、县人社局负责）" in lines
    # the item without an agency gets its comma and nothing else (2024年度…考核评估 is last year's, rightly)
    assert "+（二）推进集团化办学。组织开展2024年度教育集团考核评估，总结推广经验做法。" in lines
    changed = [ln for ln in lines[2:] if ln.startswith(("-", "+"))]
    assert len(changed) == 2 * 4   # four lines changed, nothing else


def test_dry_run_report_stands_apart_from_the_diff():
    """Seed 003's diff ends on a blank context line (` `): the diff ends in its newline, and the report on
    stderr starts after a blank line, so a view of both streams that drops stdout's last newline does not
    run the report on from the diff (it read ` 将修复 18 个问题…` as if it were a context line)."""
    from conftest import seed_path
    r = drafter("fix", seed_path("003"), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert r.stdout.endswith("\n") and r.stdout.splitlines()[-1] == " "
    assert r.stderr.startswith("\n将修复 ")
    both = subprocess.run([shutil.which("drafter") or str(Path(sys.executable).with_name("drafter")), "fix",
                           str(seed_path("003")), "--dry-run"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=120).stdout
    assert "\n \n\n将修复 18 个问题" in both


def test_select_and_ignore_choose_the_rules(tmp_path):
    r = drafter("fix", FIX / CASES[0], "-o", tmp_path / "a.txt", "--select", "NUM001,YR")
    text = (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert "（二）培育夜间经济" in text and "2024年度首店评选" in text
    assert "思路是:以" in text and "区工商局" in text            # not selected: left as they were
    r = drafter("fix", FIX / CASES[0], "-o", tmp_path / "b.txt", "--ignore", "PUN")
    text = (tmp_path / "b.txt").read_text(encoding="utf-8")
    assert "思路是:以" in text and "区市场监管局开展" in text
    assert r.returncode == 0


def test_nothing_to_fix(tmp_path):
    src = tmp_path / "clean.txt"
    src.write_text("2024年工作要点\n一、总体要求\n（一）加强组织领导。\n（二）强化督促检查。\n", encoding="utf-8")
    r = drafter("fix", src)
    assert r.returncode == 0 and "没有可以自动修复的问题" in r.stderr
    assert not (tmp_path / "clean.fixed.txt").exists()


def test_never_overwrites_without_force(tmp_path):
    src = tmp_path / "plan.txt"
    shutil.copy(FIX / CASES[0], src)
    out = tmp_path / "out.txt"
    out.write_text("mine", encoding="utf-8")
    r = drafter("fix", src, "-o", out)
    assert r.returncode == 2 and out.read_text(encoding="utf-8") == "mine"
    assert "--force" in r.stderr
    r = drafter("fix", src, "-o", src)
    assert r.returncode == 2 and src.read_bytes() == (FIX / CASES[0]).read_bytes()
    r = drafter("fix", src, "-o", src, "--force")
    assert r.returncode == 0 and src.read_bytes() == (FIX / CASES[0].replace(".txt", ".expected.txt")).read_bytes()
    assert [f for f in os.listdir(tmp_path) if f.startswith(".drafter-")] == []   # no temporary file left


@pytest.mark.parametrize("make", ["missing", "garbage", "zip_bomb", "xxe", "truncated", "folder", "layout_txt"])
def test_bad_input_exits_2_with_one_line(tmp_path, make):
    src = tmp_path / "in.docx"
    args = []
    if make == "garbage":
        src = tmp_path / "in.txt"
        src.write_bytes(os.urandom(4000))
    elif make == "zip_bomb":
        zip_bomb(src, size=300 * 1024 * 1024)
    elif make == "xxe":
        doc = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
               b'<w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
        build_zip(src, {"[Content_Types].xml": b"<Types/>", "word/document.xml": doc})
    elif make == "truncated":
        shutil.copy(ROOT / "tests" / "fixtures" / "qa" / "ip_district_2024.docx", src)
        src.write_bytes(src.read_bytes()[:3000])
    elif make == "folder":
        src = tmp_path / "dir"
        src.mkdir()
    elif make == "layout_txt":
        src = tmp_path / "plan.txt"
        shutil.copy(FIX / CASES[0], src)
        args = ["--layout"]
    r = drafter("fix", src, *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and 1 <= len(r.stderr.strip().splitlines()) <= 2, r.stderr
    assert "root:" not in r.stdout + r.stderr
    assert [f for f in os.listdir(tmp_path) if "fixed" in f] == []


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_a_doc_is_fixed_into_a_docx(tmp_path):
    """A .doc (WPS and old Word files) is converted by LibreOffice and comes back as a .docx with revisions."""
    import docx
    d = docx.Document()
    for line in (FIX / CASES[1]).read_bytes().decode("gb18030").splitlines():
        d.add_paragraph(line)
    d.save(tmp_path / "plan.docx")
    prof = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(tmp_path / "plan.docx")], capture_output=True, timeout=180)
    (tmp_path / "plan.docx").unlink()
    r = drafter("fix", tmp_path / "plan.doc")
    assert r.returncode == 0, r.stderr
    out = tmp_path / "plan.fixed.docx"
    from docx_revisions import paragraphs
    fixed = [p for p in paragraphs(out) if p]
    expected = [x for x in (FIX / CASES[1].replace(".txt", ".expected.txt")).read_bytes().decode("gb18030").splitlines() if x]
    assert fixed == expected
