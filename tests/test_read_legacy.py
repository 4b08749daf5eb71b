""".doc/.wps through LibreOffice, and LibreOffice's own text export as an oracle for the numbering renderer.

Tests that need `soffice` skip when it is absent, unless $CI is set: then they must run.
"""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from drafter.errors import InputError
from drafter.read import legacy, read_source
from drafter.read.docx import read_docx
from test_read_docx import DRAFTER, NUMBERED_EXPECTED, numbered_docx

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(not SOFFICE and not os.environ.get("CI"),
                                   reason="LibreOffice (soffice) is not installed")


def soffice_convert(src: Path, to: str, outdir: Path) -> Path:
    """Convert with LibreOffice in a throwaway profile; return the output file."""
    profile = Path("/tmp") / f"drafter-test-lo-{uuid.uuid4().hex}"
    try:
        subprocess.run([SOFFICE or "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", to, "--outdir", str(outdir), str(src)],
                       check=True, capture_output=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    ext = to.split(":", 1)[0]
    out = outdir / (src.stem + "." + ext)
    assert out.is_file(), f"LibreOffice wrote no {out.name}"
    return out


@pytest.fixture(scope="module")
def lo_files(tmp_path_factory) -> dict[str, Path]:
    """The numbering fixture as .docx, as .doc (saved by LibreOffice), the .doc renamed .wps, and LO's .txt."""
    d = tmp_path_factory.mktemp("lo")
    docx = Path(numbered_docx(d / "numbered.docx"))
    doc = soffice_convert(docx, "doc", d)
    wps = d / "numbered_wps.wps"
    shutil.copyfile(doc, wps)
    txt = soffice_convert(docx, "txt:Text (encoded):UTF8", d)
    doc_txt = soffice_convert(doc, "txt:Text (encoded):UTF8", d / "from_doc")
    return {"docx": docx, "doc": doc, "wps": wps, "txt": txt, "doc_txt": doc_txt}


# LibreOffice's .doc export gives each w:num its own list, so num 2 no longer continues num 1's
# abstractNum: LibreOffice itself then draws 一、主要任务 and 二、续 (checked by the oracle test below).
DOC_EXPECTED = list(NUMBERED_EXPECTED)
DOC_EXPECTED[7] = "一、主要任务"
DOC_EXPECTED[12] = "二、续"


def _lo_lines(txt: Path) -> list[str]:
    return [line.strip().replace(" ", "") for line in txt.read_text(encoding="utf-8-sig").splitlines()]


@needs_soffice
def test_labels_match_libreoffice_text_export(lo_files):
    """LibreOffice draws every label as Word does; its txt export puts a space after each label."""
    ours = [b.text.replace(" ", "") for b in read_docx(str(lo_files["docx"])).blocks]
    assert ours == _lo_lines(lo_files["txt"])


@needs_soffice
def test_doc_labels_match_libreoffice_text_export(lo_files):
    ours = [b.text.replace(" ", "") for b in read_source(str(lo_files["doc"])).blocks]
    assert ours == _lo_lines(lo_files["doc_txt"])


@needs_soffice
def test_doc_reads_back_with_same_labels(lo_files):
    src = read_source(str(lo_files["doc"]))
    assert src.path == str(lo_files["doc"])
    assert src.fmt == "docx"
    assert [b.text for b in src.blocks] == DOC_EXPECTED
    assert src.blocks[1].auto_label == "一、" and src.blocks[1].level == 0


@needs_soffice
def test_wps_reads_like_doc(lo_files):
    src = read_source(str(lo_files["wps"]))
    assert src.path == str(lo_files["wps"])
    assert [b.text for b in src.blocks] == DOC_EXPECTED


@needs_soffice
def test_cli_parse_doc(lo_files):
    r = subprocess.run([DRAFTER, "parse", str(lo_files["doc"]), "--format", "json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["source"] == str(lo_files["doc"])
    assert out["documents"][0]["year"] == 2023
    assert out["documents"][0]["sections"][0]["label"] == "一、"


def _fake_soffice(tmp_path: Path, body: str) -> str:
    p = tmp_path / "soffice"
    p.write_text("#!/bin/sh\n" + body + "\n")
    p.chmod(p.stat().st_mode | stat.S_IXUSR)
    return str(p)


def _doc(tmp_path: Path) -> str:
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    return str(p)


def test_libreoffice_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(InputError) as e:
        read_source(_doc(tmp_path))
    assert "未安装 LibreOffice" in e.value.zh and "libreoffice-writer-nogui" in e.value.zh
    assert "not installed" in e.value.en


def test_no_output_is_an_error_even_with_rc_0(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_SOFFICE", _fake_soffice(tmp_path, "exit 0"))
    with pytest.raises(InputError, match="could not convert"):
        read_source(_doc(tmp_path))


def test_timeout_kills_the_process_group(tmp_path, monkeypatch):
    """A hung conversion (LibreOffice spinning on a bad WPS file) ends at the timeout, children included."""
    pids = tmp_path / "pids"
    script = f"sleep 300 & echo $! > {pids}\nwait"
    monkeypatch.setenv("DRAFTER_SOFFICE", _fake_soffice(tmp_path, script))
    monkeypatch.setattr(legacy, "TIMEOUT", 1.0)
    with pytest.raises(InputError) as e:
        read_source(_doc(tmp_path))
    assert "超时" in e.value.zh and "timed out" in e.value.en
    child = int(pids.read_text())
    for _ in range(50):
        if not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the child of the timed-out converter is still running")


def test_encrypted_docx_routed_to_legacy(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "never-called"))
    p = tmp_path / "locked.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)
    with pytest.raises(InputError, match="encrypted"):
        read_source(str(p))


def test_empty_doc(tmp_path):
    p = tmp_path / "empty.doc"
    p.write_bytes(b"")
    with pytest.raises(InputError):
        read_source(str(p))
