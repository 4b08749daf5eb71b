"""Build .docx files in tests: python-docx makes the container, the body/numbering/styles are raw XML.

    from docxbuild import build_docx, para, table, numbering, abstract_num, lvl, num, style
    build_docx(tmp_path / "a.docx", [para("总体要求", num=1, ilvl=0), table([["序号", "重点任务"], ["1", "…"]])],
               numbering=numbering(abstract_num(10, lvl(0, "chineseCounting", "%1、")), num(1, 10)))

Hostile files: `build_zip` writes any members you like, `zip_bomb` a zip whose member unpacks to `size` zeros.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Iterable, Optional, Union
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (f'xmlns:w="{W}" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
CHANGE = 'w:id="{id}" w:author="drafter" w:date="2024-01-01T00:00:00Z"'

Xml = Union[str, Iterable[str]]


def _x(parts: Xml) -> str:
    return parts if isinstance(parts, str) else "".join(parts)


def run(text: str, *, tab_before: bool = False, hidden: bool = False) -> str:
    rpr = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    tab = "<w:tab/>" if tab_before else ""
    return f'<w:r>{rpr}{tab}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def ins(text: str, id: int = 1) -> str:
    return f"<w:ins {CHANGE.format(id=id)}>{run(text)}</w:ins>"


def delete(text: str, id: int = 2) -> str:
    return (f'<w:del {CHANGE.format(id=id)}><w:r><w:delText xml:space="preserve">{escape(text)}</w:delText>'
            "</w:r></w:del>")


def para(text: str = "", *, style: Optional[str] = None, num: Optional[int] = None, ilvl: Optional[int] = None,
         runs: Optional[Xml] = None) -> str:
    """One w:p: plain `text`, or raw `runs`; `num`/`ilvl` put a w:numPr on the paragraph itself."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        lv = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numPr>{lv}<w:numId w:val="{num}"/></w:numPr>'
    body = _x(runs) if runs is not None else (run(text) if text else "")
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{body}</w:p>"


def sdt(content: Xml, tag: str = "field") -> str:
    """A block content control around paragraphs/tables."""
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/></w:sdtPr>'
            f"<w:sdtContent>{_x(content)}</w:sdtContent></w:sdt>")


def cell(text: Union[str, Xml] = "", *, vmerge: Optional[str] = None, span: int = 1, raw: bool = False) -> dict:
    """A table cell spec: vmerge "restart"/"continue", span = w:gridSpan; raw = `text` is block XML."""
    return {"xml": _x(text) if raw else para(text), "vmerge": vmerge, "span": span}


def table(rows: list[list[Union[str, dict]]]) -> str:
    """A w:tbl; each cell is a string (one paragraph) or a `cell(...)` spec."""
    ncols = max(sum((c["span"] if isinstance(c, dict) else 1) for c in row) for row in rows)
    grid = "".join('<w:gridCol w:w="1800"/>' for _ in range(ncols))
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
           f"<w:tblGrid>{grid}</w:tblGrid>"]
    for row in rows:
        out.append("<w:tr>")
        for c in row:
            c = c if isinstance(c, dict) else cell(c)
            pr = ""
            if c["span"] > 1:
                pr += f'<w:gridSpan w:val="{c["span"]}"/>'
            if c["vmerge"]:
                pr += f'<w:vMerge w:val="{c["vmerge"]}"/>' if c["vmerge"] == "restart" else "<w:vMerge/>"
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="1800" w:type="dxa"/>{pr}</w:tcPr>{c["xml"]}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, suff: Optional[str] = None,
        pstyle: Optional[str] = None, restart: Optional[int] = None, is_lgl: bool = False) -> str:
    extra = ""
    if restart is not None:
        extra += f'<w:lvlRestart w:val="{restart}"/>'
    if pstyle:
        extra += f'<w:pStyle w:val="{pstyle}"/>'
    if is_lgl:
        extra += "<w:isLgl/>"
    if suff:
        extra += f'<w:suff w:val="{suff}"/>'
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{420 * (ilvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>')


def abstract_num(aid: int, *levels: str, style_link: Optional[str] = None,
                 num_style_link: Optional[str] = None) -> str:
    link = ""
    if style_link:
        link += f'<w:styleLink w:val="{style_link}"/>'
    if num_style_link:
        link += f'<w:numStyleLink w:val="{num_style_link}"/>'
    return (f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>{link}'
            f'{"".join(levels)}</w:abstractNum>')


def num(nid: int, aid: int, starts: Optional[dict[int, int]] = None) -> str:
    ov = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
                 for i, s in (starts or {}).items())
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{ov}</w:num>'


def numbering(*parts: str) -> str:
    """numbering.xml; every w:abstractNum must come before every w:num (the schema's order)."""
    abstracts = [p for p in parts if p.startswith("<w:abstractNum")]
    nums = [p for p in parts if p.startswith("<w:num ")]
    return f"<w:numbering {NSDECL}>{''.join(abstracts)}{''.join(nums)}</w:numbering>"


def style(sid: str, name: str, *, kind: str = "paragraph", based_on: Optional[str] = None,
          num_id: Optional[int] = None, ilvl: Optional[int] = None, outline: Optional[int] = None) -> str:
    """A style; `outline` gives it a w:outlineLvl (0 = level 1), as heading styles have."""
    inner = f'<w:name w:val="{name}"/>'
    if based_on:
        inner += f'<w:basedOn w:val="{based_on}"/>'
    inner += '<w:qFormat/>'
    ppr = ""
    if num_id is not None:
        lv = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numPr>{lv}<w:numId w:val="{num_id}"/></w:numPr>'
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    if ppr:
        inner += f'<w:pPr>{ppr}</w:pPr>'
    return f'<w:style {NSDECL} w:type="{kind}" w:customStyle="1" w:styleId="{sid}">{inner}</w:style>'


def build_docx(path: Union[str, Path], body: Xml, *, numbering: Optional[str] = None,
               styles: Iterable[str] = ()) -> str:
    """Write a .docx whose body is `body` (w:p/w:tbl/w:sdt XML) and return its path."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    b = d.element.body
    sect = b.find(f"{{{W}}}sectPr")
    for ch in list(b):
        if ch is not sect:
            b.remove(ch)
    for ch in parse_xml(f"<w:body {NSDECL}>{_x(body)}</w:body>"):
        sect.addprevious(ch)
    if numbering is not None:
        d.part.numbering_part._element = parse_xml(numbering)
    for s in styles:
        d.styles.element.append(parse_xml(s))
    d.save(str(path))
    return str(path)


def build_zip(path: Union[str, Path], members: dict[str, bytes]) -> str:
    """A zip with exactly these members (for hand-made hostile packages)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return str(path)


def replace_member(src: Union[str, Path], dst: Union[str, Path], name: str, data: bytes) -> str:
    """Copy a .docx, replacing one member (e.g. word/document.xml) with `data`."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == name else zin.read(info.filename))
    return str(dst)


def zip_bomb(path: Union[str, Path], size: int = 1536 * 1024 * 1024, name: str = "word/document.xml") -> str:
    """A .docx-looking zip whose `name` unpacks to `size` bytes (zeros after an XML start), ~1/1000 of it packed."""
    chunk = b"\0" * (8 * 1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with z.open(name, "w", force_zip64=size >= 2 ** 31) as f:
            head = f'<w:document {NSDECL}><w:body><w:p><w:r><w:t>'.encode()
            f.write(head)
            left = size - len(head)
            while left > 0:
                f.write(chunk[:min(left, len(chunk))])
                left -= len(chunk)
    return str(path)


def lie_about_size(path: Union[str, Path], name: str, size: int) -> str:
    """Rewrite the uncompressed size of a (non-zip64) member in both its headers: a zip that lies."""
    import struct

    data = bytearray(Path(path).read_bytes())
    with zipfile.ZipFile(path) as z:
        local = z.getinfo(name).header_offset
    struct.pack_into("<I", data, local + 22, size)
    central = data.find(b"PK\x01\x02", 0)
    while central != -1:
        n = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + n] == name.encode():
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    Path(path).write_bytes(bytes(data))
    return str(path)
