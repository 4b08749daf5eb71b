"""Writing outputs safely: never overwrite without --force, never leave a half-written file."""
from __future__ import annotations

import os
import tempfile
from typing import Callable

from .errors import DrafterError


def check_writable(path: str, force: bool) -> None:
    """Fail early (before any work) when `path` cannot or must not be written."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise DrafterError(path, "输出文件夹不存在", "output folder does not exist")
    if os.path.isdir(path):
        raise DrafterError(path, "输出路径是一个文件夹", "output path is a folder")
    if os.path.exists(path) and not force:
        raise DrafterError(path, "文件已存在；如需覆盖请加 --force", "file exists; use --force to overwrite")


def write_atomic(path: str, data: bytes | str | Callable[[str], None], force: bool = False) -> None:
    """Write bytes, text, or whatever `data(tmp_path)` writes, to a temp file and rename it into place."""
    check_writable(path, force)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".drafter-", suffix=os.path.splitext(path)[1], dir=folder)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; an output should get the usual permissions
    try:
        if callable(data):
            os.close(fd)
            data(tmp)
        else:
            with os.fdopen(fd, "wb") as f:
                f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
