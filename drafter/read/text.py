""".txt in any encoding Chinese offices use: BOM, strict UTF-8, strict GB18030; `--encoding` overrides."""
from __future__ import annotations

import codecs
import os
from typing import Optional

from ..errors import InputError
from . import MAX_TEXT_BYTES, Block, Source

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _plausible(text: str) -> float:
    """Share of characters that belong in Chinese office text (CJK, ASCII, CJK punctuation)."""
    if not text:
        return 1.0
    good = 0
    total = 0
    for ch in text:
        if ch in "\r\n\t ":
            continue
        total += 1
        o = ord(ch)
        if (0x20 <= o < 0x7F or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
                or 0x2010 <= o <= 0x206F or o in (0xA0, 0xB7, 0xD7, 0x25B3, 0x2116) or 0x2460 <= o <= 0x24FF
                or 0x2160 <= o <= 0x217F or 0x3400 <= o <= 0x4DBF):
            good += 1
    return good / total if total else 1.0


def _common_share(text: str) -> float:
    """Share of CJK characters that are among the ~3,500 common simplified ones (GB2312 level 1)."""
    cjk = [c for c in text if 0x4E00 <= ord(c) <= 0x9FFF]
    if not cjk:
        return 1.0
    common = 0
    for c in cjk:
        try:
            b = c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if 0xB0 <= b[0] <= 0xD7:  # level-1 hanzi block of GB2312
            common += 1
    return common / len(cjk)


def looks_like_text(text: str) -> bool:
    """Chinese office text, not bytes decoded into garbage (binary, or a legacy file LibreOffice read as text)."""
    sample = text[:20000]
    return _plausible(sample) >= 0.85 and _common_share(sample) >= 0.6


def _utf16_without_bom(data: bytes) -> Optional[tuple[str, str]]:
    """Chinese UTF-16 without a BOM has few NUL bytes; accept it when it decodes to plausible text."""
    if len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text[:4000]) > 0.95 and _common_share(text[:4000]) > 0.6:
            return text, enc
    return None


def decode(data: bytes, where: str, encoding: Optional[str] = None) -> tuple[str, str]:
    """Bytes -> (text, encoding used). Raises InputError for binary or garbled input."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(where, f"未知的编码“{encoding}”", f"unknown encoding '{encoding}'")
        except UnicodeDecodeError as e:
            raise InputError(where, f"无法按 {encoding} 解码（第 {e.start} 字节）",
                             f"cannot be decoded as {encoding} (byte {e.start})")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                raise InputError(where, f"文件以 {enc} 标记开头但内容无法解码", f"starts with a {enc} mark but does not decode")
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 8 and len(sample) >= 4:
        # UTF-16 without a BOM: NULs at every other byte
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text[:2000]) > 0.9:
                return text, enc
        raise InputError(where, "这是二进制文件，不是文本", "is a binary file, not text")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, enc = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as e:
            utf16 = _utf16_without_bom(data)
            if utf16:
                return utf16
            raise InputError(where, f"无法识别文本编码（第 {e.start} 字节既非 UTF-8 也非 GB18030），可用 --encoding 指定",
                             f"unknown text encoding (byte {e.start} is neither UTF-8 nor GB18030); use --encoding")
    if "\x00" in text or _plausible(text[:20000]) < 0.85:
        raise InputError(where, "内容不像文本（二进制或乱码），可用 --encoding 指定编码",
                         "does not look like text (binary or garbled); use --encoding")
    if enc == "gb18030" and _common_share(text[:20000]) < 0.6:
        # Big5 and other encodings decode "successfully" as GB18030 into rare characters
        raise InputError(where, "按 GB18030 解码后是乱码（可能是 Big5 繁体编码），请用 --encoding 指定",
                         "decodes as GB18030 into garbage (Big5?); use --encoding")
    return text, enc


def split_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return text.split("\n")


def read_text(path: str, encoding: Optional[str] = None) -> Source:
    size = os.path.getsize(path)
    if size > MAX_TEXT_BYTES:
        raise InputError(path, f"文件过大（{size // 1048576} MB），超过 64 MB 上限", f"file too large ({size // 1048576} MB > 64 MB)")
    with open(path, "rb") as f:
        data = f.read()
    if not data.strip():
        raise InputError(path, "文件是空的", "file is empty")
    text, enc = decode(data, path, encoding)
    if not text.strip():
        raise InputError(path, "文件是空的", "file is empty")
    lines = split_lines(text)
    return Source(path=path, blocks=[Block(text=t, line=i + 1) for i, t in enumerate(lines)], fmt="text", encoding=enc)
