""".doc/.wps: LibreOffice headless converts to .docx (its own profile, under a timeout, one at a time),
then the .docx reader reads the result. No input filter is forced: LibreOffice detects Word and WPS files
by content, and forcing "MS Word 97" breaks genuine Works files.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import uuid

from .. import progress
from ..errors import InputError
from . import Source
from .docx import read_docx
from .text import looks_like_text

TIMEOUT = float(os.environ.get("DRAFTER_SOFFICE_TIMEOUT", "60"))
_ONE_AT_A_TIME = threading.Lock()
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def find_soffice() -> str | None:
    """$DRAFTER_SOFFICE, else soffice/libreoffice on PATH."""
    explicit = os.environ.get("DRAFTER_SOFFICE")
    if explicit:
        return explicit if os.path.isfile(explicit) and os.access(explicit, os.X_OK) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def _is_encrypted_ooxml(path: str, ext: str) -> bool:
    """A password-protected .docx is an OLE file holding an EncryptedPackage stream (sought in the first 1 MB)."""
    with open(path, "rb") as f:
        head = f.read(1024 * 1024)
    return head.startswith(_OLE) and (_ENCRYPTED_MARK in head or ext in (".docx", ".docm", ".dotx"))


def read_legacy(path: str) -> Source:
    """Read a .doc/.wps (or a .docx that is really an old binary file) via LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as tmp:
        result = os.path.join(tmp, "input.docx")
        convert_legacy(path, result)
        try:
            src = read_docx(result)
        except InputError as e:
            raise InputError(path, f"转换后的文件无法读取：{e.zh}", f"converted file cannot be read: {e.en}")
    if not looks_like_text("".join(b.text for b in src.blocks)):
        # LibreOffice imports any bytes it cannot recognise as plain text; that is not a document
        raise InputError(path, "不是可识别的 Word/WPS 文档（转换后内容是乱码）",
                         "not a recognisable Word/WPS document (it converts to garbage)")
    src.path = path
    return src


def convert_legacy(path: str, dest: str) -> None:
    """Convert a .doc/.wps to the .docx `dest` with LibreOffice (under a timeout, with its own profile)."""
    if os.path.getsize(path) == 0:
        raise InputError(path, "文件是空的", "file is empty")
    ext = os.path.splitext(path)[1].lower()
    if _is_encrypted_ooxml(path, ext):
        raise InputError(path, "文件已加密（设有打开密码），无法读取；请在 Word 中取消密码后另存为 .docx",
                         "file is encrypted (password-protected); remove the password in Word and save as .docx")
    soffice = find_soffice()
    if not soffice:
        raise InputError(path, "未安装 LibreOffice，无法读取 .doc/.wps 文件；请安装 libreoffice-writer-nogui 或另存为 .docx",
                         "LibreOffice is not installed, so .doc/.wps files cannot be read; "
                         "install libreoffice-writer-nogui or save the file as .docx")
    progress.report("convert")
    with _ONE_AT_A_TIME, tempfile.TemporaryDirectory(prefix="drafter-lo-") as tmp:
        src_dir, out_dir = os.path.join(tmp, "in"), os.path.join(tmp, "out")
        os.mkdir(src_dir)
        os.mkdir(out_dir)
        # a fixed, harmless name: paths starting with "-" or holding odd characters never reach the command line
        local = os.path.join(src_dir, "input" + (ext if ext in (".doc", ".wps", ".dot", ".wpt") else ".doc"))
        shutil.copyfile(path, local)
        profile = os.path.join(tempfile.gettempdir(), f"drafter-lo-{uuid.uuid4().hex}")
        try:
            _convert(soffice, local, out_dir, profile, path)
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        result = os.path.join(out_dir, "input.docx")
        if not os.path.isfile(result) or os.path.getsize(result) == 0:
            raise InputError(path, "LibreOffice 未能转换此文件（文件可能已损坏、加密或不是 Word/WPS 文档）",
                             "LibreOffice could not convert this file (damaged, encrypted, or not a Word/WPS document)")
        shutil.move(result, dest)


def _convert(soffice: str, local: str, out_dir: str, profile: str, where: str) -> None:
    """Run one conversion in its own process group; kill the whole group on timeout."""
    cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
           "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "docx", "--outdir", out_dir, local]
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
    except OSError as e:
        raise InputError(where, f"无法启动 LibreOffice（{e.strerror or e}）", f"cannot start LibreOffice: {e.strerror or e}")
    try:
        proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise InputError(where, f"LibreOffice 转换超时（{TIMEOUT:g} 秒），文件可能有问题；请另存为 .docx 再试",
                         f"LibreOffice conversion timed out after {TIMEOUT:g} s; save the file as .docx and retry")
    finally:
        if proc.poll() is None:
            _kill_group(proc)
    _kill_group(proc)  # stray children (oosplash → soffice.bin) left behind


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
