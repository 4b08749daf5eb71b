"""The one OOXML check every test that writes a .docx calls: openxml-audit (package, relationships, ECMA-376
schema, semantic rules — the Open XML SDK's checks, plus Word's own refusals such as stylesWithEffects drift).

    from ooxml_check import assert_valid_docx, docx_problems
    assert_valid_docx(out_path)                  # or bytes, or a python-docx Document
    assert docx_problems(data) == []

Errors and warnings both fail: Word refuses or "repairs" what LibreOffice opens without a word.  The
validator loads its schema tables once per process (~1 s); one file then takes ~0.1–0.5 s, mostly
styles.xml — validate each kind of output once (module-scoped fixtures), not every test's file.
"""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Union

MAX_SHOWN = 15

Source = Union[str, os.PathLike, bytes, "object"]


def _validator():
    """A new validator for every file: openxml-audit 0.8 caches cross-part look-ups (comment ids, style
    ids …) under id(package), and a later package can get the same id — one validator reused across
    files then reports ids of the previous file as missing, or misses real ones. Building one costs
    ~0.1 s once the schema tables are loaded (they are cached per process)."""
    from openxml_audit import FileFormat, OpenXmlValidator

    return OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=0,
                            schema_validation=True, semantic_validation=True)


def _describe(e) -> str:
    where = e.part_uri or "(package)"
    if e.path:
        where += " " + e.path
    kind = e.error_type.value
    if e.source_class.value != "sdk_proxy":
        kind += ", " + e.source_class.value
    return f"{where}: {e.description} [{kind}]"


def _validate_path(path: str) -> list[str]:
    from openxml_audit import ValidationSeverity

    result = _validator().validate(path)
    bad = (ValidationSeverity.ERROR, ValidationSeverity.WARNING)
    return [_describe(e) for e in result.errors if e.severity in bad]


def docx_problems(src: Source) -> list[str]:
    """Readable lines, one per schema/semantic/package error or warning; [] for a valid file.

    `src`: a path, the bytes of a .docx, or a python-docx Document (saved to a temporary file)."""
    if isinstance(src, (str, os.PathLike)):
        return _validate_path(os.fspath(src))
    if hasattr(src, "save") and not isinstance(src, (bytes, bytearray)):
        buf = io.BytesIO()
        src.save(buf)
        src = buf.getvalue()
    fd, tmp = tempfile.mkstemp(suffix=".docx")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(bytes(src))
        return _validate_path(tmp)
    finally:
        os.unlink(tmp)


def assert_valid_docx(src: Source, what: str = "") -> None:
    """Fail with the validator's findings (first MAX_SHOWN) if `src` is not valid OOXML."""
    found = docx_problems(src)
    if found:
        name = what or (Path(os.fspath(src)).name if isinstance(src, (str, os.PathLike)) else "the .docx")
        shown = "\n  ".join(found[:MAX_SHOWN])
        more = f"\n  … and {len(found) - MAX_SHOWN} more" if len(found) > MAX_SHOWN else ""
        raise AssertionError(f"{name}: {len(found)} OOXML problem(s) (openxml-audit):\n  {shown}{more}")
