"""Readers: a file on disk -> blocks of text with their locations.

Every reader returns a `Source`: the text as numbered blocks (a line of a .txt file, a
paragraph of a .docx in reading order, table cells included) and, for .docx, its tables.
Nothing above this package knows about encodings, zip files or OOXML.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

from ..errors import InputError


@dataclass
class Cell:
    text: str
    line: int  # block number of the cell's first paragraph
    # the text of each of its paragraphs, when it has more than one (`text` joins them without a separator): a
    # 责任单位 cell may write one name per paragraph, or 牵头单位：… over 配合单位：…
    parts: tuple[str, ...] = ()


@dataclass
class Block:
    text: str
    line: int  # 1-based: line of a text file, paragraph of a .docx
    # (table index, row, column) when the block sits in a table cell
    cell: Optional[tuple[int, int, int]] = None
    # the label Word's automatic numbering drew (already at the start of `text`)
    auto_label: str = ""
    # the numbering level (w:ilvl) of an auto-numbered paragraph
    level: Optional[int] = None
    style: str = ""
    # outline level (0 = 标题 1) of a paragraph in a Word heading style, else None
    outline: Optional[int] = None


@dataclass
class Source:
    path: str
    blocks: list[Block] = field(default_factory=list)
    tables: list[list[list[Cell]]] = field(default_factory=list)
    fmt: str = "text"  # text | docx
    encoding: str = ""


MAX_TEXT_BYTES = 64 * 1024 * 1024


def read_source(path: str, encoding: Optional[str] = None) -> Source:
    """Read any supported file; raise InputError with a one-line reason otherwise."""
    if not os.path.exists(path):
        raise InputError(path, "文件不存在", "no such file")
    if os.path.isdir(path):
        raise InputError(path, "这是一个文件夹，不是文件", "is a folder, not a file")
    ext = os.path.splitext(path)[1].lower()
    with open(path, "rb") as f:
        head = f.read(8)
    if ext in (".doc", ".wps") or (head.startswith(b"\xd0\xcf\x11\xe0") and ext not in (".txt",)):
        from .legacy import read_legacy
        return read_legacy(path)
    if ext == ".docx" or head.startswith(b"PK\x03\x04"):
        if not head.startswith(b"PK"):
            raise InputError(path, "不是有效的 .docx 文件（不是 zip 格式）", "not a valid .docx file (not a zip archive)")
        from .docx import read_docx
        return read_docx(path)
    from .text import read_text
    return read_text(path, encoding=encoding)
