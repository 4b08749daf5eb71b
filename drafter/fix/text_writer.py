"""A fixed .txt in the file's own encoding and line endings: a GB18030 file with CRLF stays GB18030 with CRLF.

The file is decoded exactly as the reader decodes it (`read.text.decode`), cut into lines at the same
breaks, with each line's own ending kept; the changed lines are put back between the same endings and
the text encoded again the way it came (a byte-order mark where there was one).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Optional

from ..errors import DrafterError
from ..read.text import decode

_BREAK = re.compile("(\r\n|\r|\n|\u2028|\u2029)")


@dataclass
class RawText:
    lines: list[str]
    ends: list[str]          # the line break after each line ("" after the last)
    encoding: str            # the codec that writes the text back
    bom: bytes = b""


def read_raw(path: str, encoding: Optional[str] = None) -> RawText:
    with open(path, "rb") as f:
        data = f.read()
    text, enc = decode(data, path, encoding)
    bom = b""
    if enc == "utf-16":  # decoded through its BOM: write back in the same byte order
        bom = data[:2]
        enc = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    elif enc == "utf-8-sig":
        enc, bom = "utf-8", codecs.BOM_UTF8
    parts = _BREAK.split(text)
    return RawText(lines=parts[0::2], ends=parts[1::2] + [""], encoding=enc, bom=bom)


def encode(raw: RawText, lines: list[str], where: str) -> bytes:
    """`lines` (as many as `raw` has) joined with the file's own line breaks, in its own encoding."""
    if len(lines) != len(raw.lines):
        raise DrafterError(where, "内部错误：修改后的行数与原文不同", "internal error: the fixed text has a different number of lines")
    text = "".join(t + e for t, e in zip(lines, raw.ends))
    try:
        return raw.bom + text.encode(raw.encoding)
    except UnicodeEncodeError as e:
        raise DrafterError(where, f"修改后的文字无法用原文件的编码 {raw.encoding} 保存（“{e.object[e.start:e.end]}”）",
                           f"the fixed text cannot be saved in the file's encoding {raw.encoding} ('{e.object[e.start:e.end]}')")
