""".docx → paragraphs in reading order (table cells, content controls and text boxes included), with
Word's automatic numbering drawn as text and tracked changes accepted. Every file is treated as hostile.

Reading order and choices:
- body paragraphs; tables row by row, cell by cell (nested tables inside their cell); w:sdt, w:customXml,
  w:ins/w:moveTo wrappers are looked through; w:del/w:moveFrom/w:delText are dropped (the "accept all" view).
- text boxes (w:txbxContent) become blocks right after the paragraph that anchors them; the VML copy in
  mc:Fallback is skipped, so each box is read once.
- headers, footers, footnotes, endnotes and comments are not read.
- inside a paragraph: w:t text; w:noBreakHyphen → "-"; w:br/w:cr/w:softHyphen → nothing; field instructions
  (w:instrText) dropped, field results kept; runs hidden by direct w:vanish dropped; ruby: the base text only.
- w:tab: dropped at the start of a paragraph and right after a typed label (一、 （一） 1. …), else one space.
- a paragraph whose own text and paragraph mark are both deleted (a tracked deletion) is not a block.
- auto numbering: the label is put in front of the text with nothing between (w:suff is dropped);
  bullets give no label, except a dash bullet, which gives "——".
- heading styles: a paragraph's outline level (w:outlineLvl, its own or its style chain's; a style named
  heading N / 标题 N without one is level N-1) is kept on the block, so an unnumbered heading is still a heading.
- tables: one Cell per grid column; a cell spanning columns (w:gridSpan, w:hMerge) fills its first column,
  the others get "" with the same line; a vertically continued cell (w:vMerge) repeats the text and line
  of the cell it continues, so a merged 责任单位 column reads right on every row.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from typing import Iterator, Optional

from lxml import etree

from ..errors import InputError
from . import Block, Cell, Source
from .numbering import Numbering

MAX_PART_BYTES = 200 * 1024 * 1024  # uncompressed size of any part we read
MAX_RATIO = 200  # compression ratio above which a big part is taken for a zip bomb
RATIO_FLOOR = 10 * 1024 * 1024  # ... once it is bigger than this
CHUNK = 1024 * 1024

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_NOT_DOCX = ("不是有效的 .docx 文件", "not a valid .docx file")
_DTD_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_TYPED_LABEL = re.compile(
    r"\s*(?:[一二三四五六七八九十百零〇]+[、.．]|[（(][一二三四五六七八九十百零〇]+[）)]|[0-9０-９]+[.．、]"
    r"|[（(][0-9０-９]+[）)]|[\u2460-\u249b\u3251-\u325f\u32b1-\u32bf]|第[一二三四五六七八九十百零〇0-9]+[章节条部分]"
    r"|[A-Za-z][.．、]|——|[-•·●■◆▪])\s*")


def _bad(path: str, why_zh: str, why_en: str) -> InputError:
    return InputError(path, f"{_NOT_DOCX[0]}（{why_zh}）", f"{_NOT_DOCX[1]} ({why_en})")


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class _Package:
    """The zip container: every member is size-checked before and while it is read."""

    def __init__(self, path: str):
        self.path = path
        try:
            self.zf = zipfile.ZipFile(path)
            self.names = {i.filename: i for i in self.zf.infolist()}
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as e:
            raise _bad(path, "不是 zip 格式或文件已损坏/不完整", f"not a zip archive, or damaged/truncated: {e}")
        except OSError as e:
            raise InputError(path, f"无法读取文件：{e.strerror or e}", f"cannot read file: {e.strerror or e}")

    def close(self) -> None:
        self.zf.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        info = self.names[name]
        size = info.file_size
        if size > MAX_PART_BYTES:
            raise InputError(self.path, f"{name} 解压后 {size // 1048576} MB，超过 {MAX_PART_BYTES // 1048576} MB 上限，拒绝读取（疑似 zip 炸弹）",
                             f"{name} unpacks to {size // 1048576} MB, over the {MAX_PART_BYTES // 1048576} MB limit (zip bomb?)")
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(self.path, f"{name} 压缩比异常（{size // max(info.compress_size, 1)} 倍），拒绝读取（疑似 zip 炸弹）",
                             f"{name} has a compression ratio of {size // max(info.compress_size, 1)}:1 (zip bomb?)")
        chunks = []
        total = 0
        try:
            with self.zf.open(info) as f:
                while True:
                    chunk = f.read(CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > size or total > MAX_PART_BYTES:
                        raise _bad(self.path, f"{name} 的实际大小与声明不符", f"{name} is larger than its header says")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as e:
            raise _bad(self.path, f"{name} 已损坏（{e}）", f"{name} is damaged: {e}")
        except RuntimeError as e:  # encrypted zip member
            raise _bad(self.path, f"{name} 无法解压（{e}）", f"{name} cannot be unpacked: {e}")
        return b"".join(chunks)

    def xml(self, name: str):
        """A part parsed with a hardened parser; a part with a DTD or entity declaration is refused."""
        data = self.read(name)
        if any(mark in data for mark in _DTD_MARKS):
            raise InputError(self.path, f"{name} 含有 DTD/实体声明，出于安全考虑拒绝读取",
                             f"{name} contains a DTD/entity declaration; refused for safety")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                                 dtd_validation=False, remove_comments=True, remove_pis=True)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as e:
            raise InputError(self.path, f"{name} 不是格式正确的 XML（{e}）", f"{name} is not well-formed XML: {e}")
        if root.getroottree().docinfo.doctype:
            raise InputError(self.path, f"{name} 含有 DTD/实体声明，出于安全考虑拒绝读取",
                             f"{name} contains a DTD/entity declaration; refused for safety")
        return root

    def relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(Id, type — the last segment of its URI, target part name) of each internal relationship of
        `part` ("" = the package)."""
        folder = part.rpartition("/")[0]
        name = rels_part(part)
        if not self.has(name):
            return []
        out: list[tuple[str, str, str]] = []
        for rel in self.xml(name).iter(REL + "Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            target = target.lstrip("/") if target.startswith("/") else (f"{folder}/{target}" if folder else target)
            out.append((rel.get("Id") or "", kind, _normalise(target)))
        return out

    def rels(self, part: str) -> dict[str, str]:
        """Relationship type (last path segment) → target part name, for `part` ("" = the package)."""
        out: dict[str, str] = {}
        for _, kind, target in self.relationships(part):
            out.setdefault(kind, target)
        return out

    def rels_by_id(self, part: str) -> dict[str, str]:
        """Relationship Id → target part name, for `part`."""
        return {rid: target for rid, _, target in self.relationships(part)}

    def main_document(self):
        """(part name, root element, "{namespace}") of the main document part; InputError when there is none."""
        main = self.rels("").get("officeDocument", "word/document.xml")
        if not self.has(main):
            main = "word/document.xml"
        if not self.has(main):
            raise _bad(self.path, "缺少 word/document.xml", "word/document.xml is missing")
        doc = self.xml(main)
        ns = doc.tag[1:].split("}", 1)[0] if doc.tag.startswith("{") else ""
        if ns not in (W_TRANSITIONAL, W_STRICT) or _local(doc) != "document":
            raise _bad(self.path, f"{main} 不是 Word 文档正文", f"{main} is not a Word document body")
        return main, doc, "{" + ns + "}"


def rels_part(part: str) -> str:
    """The relationships part of `part`: word/document.xml → word/_rels/document.xml.rels, "" → _rels/.rels."""
    folder, _, base = part.rpartition("/")
    return f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"


def _normalise(name: str) -> str:
    parts: list[str] = []
    for seg in name.split("/"):
        if seg == "..":
            if parts:
                parts.pop()
        elif seg not in ("", "."):
            parts.append(seg)
    return "/".join(parts)


class _Styles:
    """Paragraph style names, basedOn chains and the numbering each style carries."""

    def __init__(self, root, w: str):
        self.name: dict[str, str] = {}
        self.based: dict[str, str] = {}
        self.num: dict[str, tuple[Optional[str], Optional[int]]] = {}
        self.outline_lvl: dict[str, int] = {}
        self.default = ""
        if root is None:
            return
        for s in root.iter(w + "style"):
            sid = s.get(w + "styleId") or ""
            n = s.find(w + "name")
            self.name[sid] = n.get(w + "val", sid) if n is not None else sid
            b = s.find(w + "basedOn")
            if b is not None:
                self.based[sid] = b.get(w + "val") or ""
            num_pr = s.find(f"{w}pPr/{w}numPr")
            if num_pr is not None:
                self.num[sid] = _num_pr(num_pr, w)
            level = _outline(s.find(w + "pPr"), w)
            heading = _HEADING_NAME.match(self.name[sid])
            if level is None and heading:
                level = int(heading.group(1)) - 1
            if level is not None:
                self.outline_lvl[sid] = level
            if s.get(w + "type") == "paragraph" and s.get(w + "default") in ("1", "true", "on"):
                self.default = sid

    def chain(self, sid: str) -> list[str]:
        out: list[str] = []
        while sid and sid not in out and len(out) < 32:
            out.append(sid)
            sid = self.based.get(sid, "")
        return out

    def outline(self, sid: str) -> Optional[int]:
        """The heading level (0 = 标题 1) the style or the style it is based on gives; 9 means body text."""
        for s in self.chain(sid):
            if s in self.outline_lvl:
                return self.outline_lvl[s]
        return None

    def num_id(self, sid: str) -> Optional[str]:
        return self.num.get(sid, (None, None))[0]


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)


def _outline(ppr, w: str) -> Optional[int]:
    el = None if ppr is None else ppr.find(w + "outlineLvl")
    try:
        return int(el.get(w + "val", "")) if el is not None else None
    except ValueError:
        return None


def _num_pr(num_pr, w: str) -> tuple[Optional[str], Optional[int]]:
    nid = num_pr.find(w + "numId")
    ilvl = num_pr.find(w + "ilvl")
    level = None
    if ilvl is not None:
        try:
            level = int(ilvl.get(w + "val", ""))
        except ValueError:
            level = None
    return (None if nid is None else nid.get(w + "val"), level)


class _Reader:
    """Walks the body once, numbering paragraphs and filling blocks and tables."""

    def __init__(self, w: str, styles: _Styles, numbering: Numbering):
        self.w = w
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.tables: list[list[list[Cell]]] = []
        self.elements: list = []  # the w:p behind each block, in block order

    # --- block level -------------------------------------------------------------------------
    def container(self, el, cell: Optional[tuple[int, int, int]] = None) -> None:
        w = self.w
        for ch in el:
            if not isinstance(ch.tag, str):
                continue
            if ch.tag == w + "p":
                self.paragraph(ch, cell)
            elif ch.tag == w + "tbl":
                self.table(ch)
            elif ch.tag in (w + "sdt", w + "customXml", w + "sdtContent", w + "ins", w + "moveTo"):
                self.container(ch if ch.tag != w + "sdt" else _content(ch, w), cell)
            elif ch.tag == MC + "AlternateContent":
                self.container(_choice(ch), cell)

    def paragraph(self, p, cell) -> None:
        w = self.w
        pieces: list[str] = []
        boxes: list = []
        self.inline(p, pieces, boxes)
        text = _join(pieces)
        ppr = p.find(w + "pPr")
        if ppr is not None and ppr.find(f"{w}rPr/{w}del") is not None and not text.strip():
            for box in boxes:
                self.container(box, cell)
            return  # a deleted paragraph: gone in the final view
        sid = ""
        if ppr is not None:
            ps = ppr.find(w + "pStyle")
            sid = ps.get(w + "val", "") if ps is not None else ""
        label, level = self.number(ppr, sid)
        style = self.styles.name.get(sid, sid) if sid else ""
        if label:
            text = label + text.lstrip("\t ")
        outline = _outline(ppr, w)
        if outline is None:
            outline = self.styles.outline(sid)
        self.blocks.append(Block(text=text, line=len(self.blocks) + 1, cell=cell, auto_label=label or "",
                                 level=level, style=style, outline=outline if outline is not None and outline < 9 else None))
        self.elements.append(p)
        for box in boxes:
            self.container(box, cell)

    def number(self, ppr, sid: str) -> tuple[str, Optional[int]]:
        """The paragraph's numbering: its own w:numPr, else the one its style chain carries."""
        w = self.w
        num_id, ilvl = (None, None)
        if ppr is not None and ppr.find(w + "numPr") is not None:
            num_id, ilvl = _num_pr(ppr.find(w + "numPr"), w)
        chain = self.styles.chain(sid or self.styles.default)
        for s in chain:
            if s in self.styles.num:
                snum, slvl = self.styles.num[s]
                num_id = num_id if num_id is not None else snum
                ilvl = ilvl if ilvl is not None else slvl
        if not num_id or num_id == "0":
            return "", None
        if ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, chain) or 0
        label = self.numbering.label(num_id, ilvl)
        return (label or "", ilvl) if label is not None else ("", None)

    # --- inside a paragraph ------------------------------------------------------------------
    def inline(self, el, out: list[str], boxes: list) -> None:
        w = self.w
        for ch in el:
            tag = ch.tag
            if not isinstance(tag, str):
                continue
            if tag.startswith(w):
                name = tag[len(w):]
                if name == "t":
                    out.append(ch.text or "")
                elif name == "tab":
                    out.append("\t")
                elif name == "noBreakHyphen":
                    out.append("-")
                elif name in _SKIP_INLINE:
                    continue
                elif name == "txbxContent":
                    boxes.append(ch)
                elif name == "r":
                    rpr = ch.find(w + "rPr")
                    vanish = None if rpr is None else rpr.find(w + "vanish")
                    if vanish is None or vanish.get(w + "val", "true") in ("0", "false", "off"):
                        self.inline(ch, out, boxes)
                elif name == "sdt":
                    self.inline(_content(ch, w), out, boxes)
                else:  # ins, moveTo, hyperlink, smartTag, customXml, fldSimple, ruby base, drawing, pict…
                    self.inline(ch, out, boxes)
            elif tag == MC + "AlternateContent":
                self.inline(_choice(ch), out, boxes)
            elif tag != MC + "Fallback":
                self.inline(ch, out, boxes)  # drawing/VML wrappers that may hold a w:txbxContent

    # --- tables ------------------------------------------------------------------------------
    def table(self, tbl) -> None:
        w = self.w
        index = len(self.tables)
        self.tables.append([])
        rows: list[list[Cell]] = []
        above: dict[int, Cell] = {}
        for tr in _children(tbl, w + "tr", w):
            trpr = tr.find(w + "trPr")
            if trpr is not None and trpr.find(w + "del") is not None:
                continue
            r = len(rows)
            before = _grid(trpr, w + "gridBefore", w)
            row: list[Cell] = []
            col = before
            for tc in _children(tr, w + "tc", w):
                tcpr = tc.find(w + "tcPr")
                span = max(1, _grid(tcpr, w + "gridSpan", w) or 1)
                first = len(self.blocks)
                self.container(tc, (index, r, col))
                mine = self.blocks[first:]
                cell = Cell("".join(b.text for b in mine), mine[0].line if mine else len(self.blocks),
                            tuple(b.text for b in mine) if len(mine) > 1 else ())
                vmerge = None if tcpr is None else tcpr.find(w + "vMerge")
                hmerge = None if tcpr is None else tcpr.find(w + "hMerge")
                if vmerge is not None and vmerge.get(w + "val", "continue") == "continue" and col in above:
                    cell = Cell(above[col].text, above[col].line, above[col].parts)
                if hmerge is not None and hmerge.get(w + "val", "continue") == "continue" and row:
                    cell = Cell("", row[-1].line)
                for k in range(span):
                    c = cell if k == 0 else Cell("", cell.line)
                    row.append(c)
                    above[col + k] = c
                col += span
            if before:
                line = row[before].line if len(row) > before else len(self.blocks)
                row[:0] = [Cell("", line) for _ in range(before)]
            rows.append(row)
        self.tables[index] = rows


_SKIP_INLINE = {"del", "moveFrom", "delText", "delInstrText", "instrText", "pPr", "rPr", "sdtPr", "sdtEndPr", "rt",
                "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "sym", "fldData",
                "br", "cr", "softHyphen", "lastRenderedPageBreak", "bookmarkStart", "bookmarkEnd"}


def _content(sdt, w: str):
    c = sdt.find(w + "sdtContent")
    return c if c is not None else []


def _choice(alt):
    c = alt.find(MC + "Choice")
    if c is None:
        c = alt.find(MC + "Fallback")
    return c if c is not None else []


def _children(el, tag: str, w: str) -> Iterator:
    """Rows of a table / cells of a row, looking through w:sdt, w:customXml and tracked insertions."""
    for ch in el:
        if ch.tag == tag:
            yield ch
        elif ch.tag == w + "sdt":
            yield from _children(_content(ch, w), tag, w)
        elif ch.tag in (w + "customXml", w + "ins", w + "moveTo"):
            yield from _children(ch, tag, w)


def _grid(pr, tag: str, w: str) -> int:
    el = None if pr is None else pr.find(tag)
    try:
        return int(el.get(w + "val", "1")) if el is not None else 0
    except ValueError:
        return 0


def _join(pieces: list[str]) -> str:
    """Concatenate run text; a tab at the start or right after a typed label is dropped, others become a space."""
    out = ""
    for piece in pieces:
        if piece == "\t":
            if out.strip() == "" or _TYPED_LABEL.fullmatch(out):
                continue
            out += " "
        else:
            out += piece
    return out


def _check_container(path: str) -> None:
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InputError(path, "文件已加密（设有打开密码）或是旧版 .doc 格式，无法作为 .docx 读取；请在 Word 中取消密码后另存为 .docx",
                         "file is encrypted (password-protected) or an old .doc file, not a .docx; remove the password and save as .docx")
    if not head:
        raise InputError(path, "文件是空的", "file is empty")
    if not head.startswith(b"PK"):
        raise _bad(path, "不是 zip 格式", "not a zip archive")


def read_docx(path: str) -> Source:
    """Read a .docx into blocks (paragraphs in reading order) and tables."""
    _check_container(path)
    pkg = _Package(path)
    try:
        main, doc, w = pkg.main_document()
        rels = pkg.rels(main)
        folder = main.rpartition("/")[0]
        styles_part = rels.get("styles", f"{folder}/styles.xml")
        numbering_part = rels.get("numbering", f"{folder}/numbering.xml")
        styles = _Styles(pkg.xml(styles_part) if pkg.has(styles_part) else None, w)
        numbering = Numbering(pkg.xml(numbering_part) if pkg.has(numbering_part) else None, w, styles.num_id)
    finally:
        pkg.close()
    reader = _Reader(w, styles, numbering)
    body = doc.find(w + "body")
    if body is not None:
        reader.container(body)
    return Source(path=path, blocks=reader.blocks, tables=reader.tables, fmt="docx", encoding="")


def paragraph_elements(body) -> list:
    """The w:p elements of a document body in the order `read_docx` numbers its blocks (block N is
    element N-1), so a writer (check --annotate) finds the paragraph a finding's line names."""
    tag = body.tag
    w = tag[:tag.index("}") + 1] if tag.startswith("{") else ""
    reader = _Reader(w, _Styles(None, w), Numbering(None, w, lambda sid: None))
    reader.container(body)
    return reader.elements
