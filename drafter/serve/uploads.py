"""Uploads live in one private folder per request (inside the server's 0700 temp folder), under their own
file names, and are deleted when the request — or the job it started — ends. No URL ever reaches them.

Starlette spools a large part to an anonymous temporary file; app.py makes it spool into the server's own
private folder, so even those never land anywhere else.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from .doors import BodyTooLarge
from .messages import message

MAX_FILES = 4            # file, prior, summary, config
MAX_FIELDS = 8           # select, ignore, lang, year, format …
MAX_FIELD_BYTES = 64 * 1024
CHUNK = 256 * 1024


class Refusal(Exception):
    """A request refused before any work: an HTTP status and the message for it."""

    def __init__(self, status: int, text: str):
        super().__init__(text)
        self.status = status
        self.text = text


def safe_name(filename: Optional[str], fallback: str) -> str:
    """The file's own name without any folder (browsers on Windows may send C:\\…\\plan.docx), printable,
    not hidden, at most 120 characters with its extension kept."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c)[0] != "C")
    name = name.strip().lstrip(".").strip()
    if not name:
        return fallback
    stem, ext = os.path.splitext(name)
    if len(ext) > 10:
        stem, ext = name, ""
    return (stem[:110] or fallback) + ext


@dataclass
class Uploads:
    """One request's folder: the saved files by field name (paths relative to `folder`) and the text fields."""
    folder: str
    files: dict = field(default_factory=dict)
    fields: dict = field(default_factory=dict)
    names: set = field(default_factory=set)

    def out(self, name: str) -> str:
        """An absolute path for an output the worker writes (deleted with the folder)."""
        d = os.path.join(self.folder, ".out")
        os.makedirs(d, mode=0o700, exist_ok=True)
        return os.path.join(d, name)

    def cleanup(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    async def save(self, field_name: str, up: UploadFile) -> None:
        name = safe_name(up.filename, field_name)
        rel = name if name not in self.names else os.path.join(field_name, name)
        self.names.add(name)
        dest = os.path.join(self.folder, rel)
        os.makedirs(os.path.dirname(dest), mode=0o700, exist_ok=True)
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as f:
            await up.seek(0)
            while True:
                chunk = await up.read(CHUNK)
                if not chunk:
                    break
                f.write(chunk)
        self.files[field_name] = rel


def new_folder(root: str) -> str:
    return tempfile.mkdtemp(prefix="req-", dir=root)


async def read_form(request: Request, root: str, files: dict, fields: set, lang: str) -> Uploads:
    """Read a multipart upload into a fresh request folder.

    `files` maps each accepted file field to whether it is required; `fields` names the accepted text fields.
    Raises Refusal (4xx) for anything else; the folder is already gone then.
    """
    ctype = request.headers.get("content-type", "")
    if not ctype.lower().startswith("multipart/form-data"):
        raise Refusal(415, message("not_multipart", lang))
    up = Uploads(new_folder(root))
    try:
        try:
            form = await request.form(max_files=MAX_FILES, max_fields=MAX_FIELDS, max_part_size=MAX_FIELD_BYTES)
        except BodyTooLarge:
            raise
        except MultiPartException as e:
            raise Refusal(400, message("bad_form", lang, detail=e.message))
        except Exception as e:  # HTTPException(400) from Starlette, a malformed body
            detail = getattr(e, "detail", None) or e.__class__.__name__
            raise Refusal(400, message("bad_form", lang, detail=detail))
        try:
            allowed = ", ".join([*files, *sorted(fields)])
            for key, value in form.multi_items():
                if key in files:
                    if not isinstance(value, UploadFile):
                        raise Refusal(400, message("not_file", lang, field=key))
                    if key in up.files:
                        raise Refusal(400, message("unknown_field", lang, field=key, allowed=allowed))
                    await up.save(key, value)
                elif key in fields:
                    if isinstance(value, UploadFile):
                        raise Refusal(400, message("not_text", lang, field=key))
                    up.fields[key] = value.strip()
                else:
                    raise Refusal(400, message("unknown_field", lang, field=key, allowed=allowed))
        finally:
            await form.close()
        for key, required in files.items():
            if required and key not in up.files:
                raise Refusal(400, message("missing", lang, field=key))
        return up
    except BaseException:
        up.cleanup()
        raise
