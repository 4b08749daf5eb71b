"""Write .docx files for the layout tests from raw WordprocessingML, the way Word or WPS store them.

Nothing here comes from python-docx: the tests need control over every level a format can come from
(docDefaults, a style's basedOn chain, character styles, direct formatting, theme fonts) and over the
shape of the package (WPS's numeric style ids, its wpsCustomData namespace, its w:compat settings).
Children are written in the ECMA-376 schema order of CT_PPr / CT_RPr / CT_SectPr.

    from layout_docx import Docx, p, r, rpr, ppr
    d = Docx()
    d.body = [p([r("某某市2024年工作要点")], ppr(style="Title"))]
    d.write(tmp_path / "a.docx")
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union
from xml.sax.saxutils import escape, quoteattr

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (f'xmlns:w="{W}" xmlns:r="{R}" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"')
WPS_NS = ' xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

FANG, KAI, HEI, SONG, XBS = "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体"
TNR = "Times New Roman"


def _attrs(**kw) -> str:
    out = []
    for k, v in kw.items():
        if v is None:
            continue
        out.append(f" w:{k}={quoteattr(str(v))}")
    return "".join(out)


# --- run and paragraph properties, in schema order ---------------------------------------------------

def fonts(east: Optional[str] = None, latin: Optional[str] = None, *, ascii: Optional[str] = None,
          hansi: Optional[str] = None, cs: Optional[str] = None, hint: Optional[str] = None,
          east_theme: Optional[str] = None, ascii_theme: Optional[str] = None, hansi_theme: Optional[str] = None,
          cs_theme: Optional[str] = None) -> str:
    """A w:rFonts; `latin` fills ascii and hAnsi (and cs) unless they are given."""
    a = ascii if ascii is not None else latin
    h = hansi if hansi is not None else latin
    c = cs if cs is not None else latin
    return (f"<w:rFonts{_attrs(hint=hint, ascii=a, hAnsi=h, eastAsia=east, cs=c, asciiTheme=ascii_theme, eastAsiaTheme=east_theme, hAnsiTheme=hansi_theme, cstheme=cs_theme)}/>")


def rpr(east: Optional[str] = None, latin: Optional[str] = None, *, sz: Optional[float] = None, b: Optional[bool] = None,
        rstyle: Optional[str] = None, hint: Optional[str] = None, rfonts: Optional[str] = None,
        spacing: Optional[int] = None, kern: Optional[int] = None, color: Optional[str] = None,
        lang: Optional[str] = None, ascii: Optional[str] = None, hansi: Optional[str] = None,
        east_theme: Optional[str] = None, ascii_theme: Optional[str] = None, hansi_theme: Optional[str] = None,
        wrap: bool = True) -> str:
    """A w:rPr (rStyle, rFonts, b, bCs, color, spacing, kern, sz, szCs, lang); sz in points."""
    x = ""
    if rstyle:
        x += f'<w:rStyle w:val="{rstyle}"/>'
    if rfonts is not None:
        x += rfonts
    elif any(v is not None for v in (east, latin, hint, ascii, hansi, east_theme, ascii_theme, hansi_theme)):
        x += fonts(east, latin, hint=hint, ascii=ascii, hansi=hansi, east_theme=east_theme,
                   ascii_theme=ascii_theme, hansi_theme=hansi_theme)
    if b is not None:
        x += "<w:b/><w:bCs/>" if b else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    if color:
        x += f'<w:color w:val="{color}"/>'
    if spacing is not None:
        x += f'<w:spacing w:val="{spacing}"/>'
    if kern is not None:
        x += f'<w:kern w:val="{kern}"/>'
    if sz is not None:
        hp = int(round(sz * 2))
        x += f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>'
    if lang:
        x += f'<w:lang w:val="en-US" w:eastAsia="{lang}" w:bidi="ar-SA"/>'
    return f"<w:rPr>{x}</w:rPr>" if (x and wrap) else x


def ppr(style: Optional[str] = None, *, jc: Optional[str] = None, line: Optional[int] = None,
        rule: Optional[str] = None, first: Optional[int] = None, first_chars: Optional[int] = None,
        hanging: Optional[int] = None, hanging_chars: Optional[int] = None, left: Optional[int] = None,
        right: Optional[int] = None, keep_next: bool = False, snap: Optional[bool] = None,
        outline: Optional[int] = None, mark: str = "", sect: str = "", frame: str = "",
        wps_extras: bool = False, before: Optional[int] = None, after: Optional[int] = None,
        wrap: bool = True) -> str:
    """A w:pPr in schema order; line/first/left/right in twips, *_chars in hundredths of a character."""
    x = ""
    if style:
        x += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        x += "<w:keepNext/>"
    if wps_extras:
        x += '<w:keepLines w:val="0"/><w:pageBreakBefore w:val="0"/>'
    if frame:
        x += frame
    if wps_extras:
        x += ('<w:widowControl/><w:kinsoku/><w:wordWrap/><w:overflowPunct/><w:topLinePunct w:val="0"/>'
              '<w:autoSpaceDE/><w:autoSpaceDN/><w:bidi w:val="0"/><w:adjustRightInd/>')
    if snap is not None:
        x += "<w:snapToGrid/>" if snap else '<w:snapToGrid w:val="0"/>'
    if line is not None or before is not None or after is not None:
        x += f"<w:spacing{_attrs(before=before, after=after, line=line, lineRule=rule if line is not None else None)}/>"
    if any(v is not None for v in (first, first_chars, hanging, hanging_chars, left, right)):
        x += (f"<w:ind{_attrs(left=left, right=right, hanging=hanging, hangingChars=hanging_chars, firstLine=first, firstLineChars=first_chars)}/>")
    if jc:
        x += f'<w:jc w:val="{jc}"/>'
    if wps_extras:
        x += '<w:textAlignment w:val="auto"/>'
    if outline is not None:
        x += f'<w:outlineLvl w:val="{outline}"/>'
    x += mark + sect
    return f"<w:pPr>{x}</w:pPr>" if (x and wrap) else x


def r(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(content: Union[str, list[str]] = "", props: str = "") -> str:
    """A w:p: plain text (one run, no rPr) or a list of run XML strings."""
    if isinstance(content, str):
        body = r(content) if content else ""
    else:
        body = "".join(content)
    return f"<w:p>{props}{body}</w:p>"


def page_number_runs(props: str, *, before: str = "— ", after: str = " —", simple: bool = False) -> list[str]:
    """— N — : text, a PAGE field (complex, or w:fldSimple), text; every run with `props`."""
    out = [r(before, props)] if before else []
    if simple:
        out.append(f'<w:fldSimple w:instr=" PAGE "><w:r>{props}<w:t>1</w:t></w:r></w:fldSimple>')
    else:
        out += [f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>',
                f"<w:r>{props}<w:t>1</w:t></w:r>",
                f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>']
    if after:
        out.append(r(after, props))
    return out


def footer_xml(paragraphs: list[str], wps: bool = False) -> str:
    return f"{XML_HEAD}<w:ftr {NS}{WPS_NS if wps else ''}>{''.join(paragraphs)}</w:ftr>"


def gbt_footer(side: str, *, font: str = SONG, sz: float = 14, before: str = "— ", after: str = " —",
               simple: bool = False, jc: Optional[str] = None) -> str:
    """The GB/T 9704 page number footer: odd pages right (右空一字), even pages left (左空一字)."""
    props = rpr(font, font, sz=sz, hint="eastAsia")
    indent = {"right": 280} if side == "right" else {"left": 280}
    pp = ppr("Footer", jc=jc or side, first=0, first_chars=0, line=240, rule="auto", **indent)
    return footer_xml([p(page_number_runs(props, before=before, after=after, simple=simple), pp)])


def sect_pr(*, w: int = 11906, h: int = 16838, top: int = 2098, bottom: int = 1984, left: int = 1588,
            right: int = 1474, header: int = 851, footer: int = 1417, grid_type: Optional[str] = "lines",
            pitch: Optional[int] = 579, char_space: Optional[int] = None, footers: Optional[dict] = None,
            title_pg: bool = False, orient: Optional[str] = None, headers: Optional[dict] = None) -> str:
    """A w:sectPr: header/footer references, pgSz, pgMar, cols, titlePg, docGrid (schema order)."""
    x = ""
    for kind, rid in (headers or {}).items():
        x += f'<w:headerReference w:type="{kind}" r:id="{rid}"/>'
    for kind, rid in (footers or {}).items():
        x += f'<w:footerReference w:type="{kind}" r:id="{rid}"/>'
    x += f"<w:pgSz{_attrs(w=w, h=h, orient=orient)}/>"
    x += f"<w:pgMar{_attrs(top=top, right=right, bottom=bottom, left=left, header=header, footer=footer, gutter=0)}/>"
    x += '<w:cols w:space="425"/>'
    if title_pg:
        x += "<w:titlePg/>"
    if grid_type is not None or pitch is not None:
        x += f"<w:docGrid{_attrs(type=grid_type, linePitch=pitch, charSpace=char_space)}/>"
    return f"<w:sectPr>{x}</w:sectPr>"


# --- styles, theme, settings ---------------------------------------------------------------------------

def style(sid: str, name: str, *, kind: str = "paragraph", based: Optional[str] = None, pp: str = "",
          rp: str = "", default: bool = False, next_: Optional[str] = None, ui: Optional[int] = None) -> str:
    """A w:style; `pp`/`rp` are the *inner* XML of its w:pPr / w:rPr."""
    d = ' w:default="1"' if default else ""
    x = f'<w:name w:val="{escape(name)}"/>'
    if based:
        x += f'<w:basedOn w:val="{based}"/>'
    if next_:
        x += f'<w:next w:val="{next_}"/>'
    if ui is not None:
        x += f'<w:uiPriority w:val="{ui}"/>'
    x += "<w:qFormat/>"
    if pp:
        x += f"<w:pPr>{pp}</w:pPr>"
    if rp:
        x += f"<w:rPr>{rp}</w:rPr>"
    return f'<w:style w:type="{kind}"{d} w:styleId="{sid}">{x}</w:style>'


def styles_xml(styles: list[str], *, default_rpr: str = "", default_ppr: str = "", wps: bool = False) -> str:
    dd = (f"<w:docDefaults><w:rPrDefault><w:rPr>{default_rpr}</w:rPr></w:rPrDefault>"
          f"<w:pPrDefault><w:pPr>{default_ppr}</w:pPr></w:pPrDefault></w:docDefaults>")
    extra = ('<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
             '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>')
    return f"{XML_HEAD}<w:styles {NS}{WPS_NS if wps else ''}>{dd}{''.join(styles)}{extra}</w:styles>"


def theme_xml(*, minor_hans: str = SONG, major_hans: str = SONG, minor_latin: str = "Calibri",
              major_latin: str = "Calibri Light", minor_ea: str = "", major_ea: str = "",
              minor_jpan: str = "ＭＳ 明朝", major_jpan: str = "ＭＳ ゴシック") -> str:
    def font(tag, latin, ea, hans, jpan):
        return (f'<a:{tag}><a:latin typeface="{latin}"/><a:ea typeface="{ea}"/><a:cs typeface=""/>'
                f'<a:font script="Jpan" typeface="{jpan}"/><a:font script="Hans" typeface="{hans}"/>'
                f'<a:font script="Hant" typeface="新細明體"/></a:{tag}>')
    clr = "".join(f'<a:{n}><a:srgbClr val="000000"/></a:{n}>' for n in
                  ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
                   "hlink", "folHlink"))
    fill = ('<a:fillStyleLst>' + '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' * 3 + '</a:fillStyleLst>')
    line = ('<a:lnStyleLst>' + '<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>' * 3
            + '</a:lnStyleLst>')
    eff = '<a:effectStyleLst>' + '<a:effectStyle><a:effectLst/></a:effectStyle>' * 3 + '</a:effectStyleLst>'
    bg = ('<a:bgFillStyleLst>' + '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' * 3 + '</a:bgFillStyleLst>')
    return (f'{XML_HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office">'
            f'<a:themeElements><a:clrScheme name="Office">{clr}</a:clrScheme>'
            f'<a:fontScheme name="Office">{font("majorFont", major_latin, major_ea, major_hans, major_jpan)}'
            f'{font("minorFont", minor_latin, minor_ea, minor_hans, minor_jpan)}</a:fontScheme>'
            f'<a:fmtScheme name="Office">{fill}{line}{eff}{bg}</a:fmtScheme></a:themeElements></a:theme>')


WPS_COMPAT = ('<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>'
              '<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
              '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"/>'
              '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
              '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
              '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
              '</w:compat>')
WORD_COMPAT = ('<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
               'w:val="15"/></w:compat>')


def settings_xml(*, even_odd: bool = True, theme_lang: Optional[str] = "zh-CN", compat: str = WORD_COMPAT,
                 wps: bool = False) -> str:
    x = '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
    if even_odd:
        x += "<w:evenAndOddHeaders/>"
    if wps:
        x += '<w:drawingGridVerticalSpacing w:val="156"/><w:displayHorizontalDrawingGridEvery w:val="0"/>'
        x += '<w:displayVerticalDrawingGridEvery w:val="2"/>'
    x += '<w:characterSpacingControl w:val="compressPunctuation"/>'
    x += compat
    if theme_lang:
        x += f'<w:themeFontLang w:val="en-US" w:eastAsia="{theme_lang}"/>'
    return f"{XML_HEAD}<w:settings {NS}{WPS_NS if wps else ''}>{x}</w:settings>"


FONT_TABLE = (f'{XML_HEAD}<w:fonts xmlns:w="{W}">'
              + "".join(f'<w:font w:name="{n}"><w:charset w:val="86"/><w:family w:val="modern"/>'
                        '<w:pitch w:val="fixed"/></w:font>' for n in (FANG, KAI, HEI, SONG, XBS))
              + f'<w:font w:name="{TNR}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
              + "</w:fonts>")


# --- the package -----------------------------------------------------------------------------------------

@dataclass
class Docx:
    body: list[str] = field(default_factory=list)
    sect: str = ""
    styles: str = ""
    settings: str = ""
    theme: Optional[str] = None
    footers: dict[str, str] = field(default_factory=dict)   # relationship id → footer XML
    headers: dict[str, str] = field(default_factory=dict)
    footnotes: Optional[str] = None
    wps: bool = False

    def document_xml(self) -> str:
        ns = NS + (WPS_NS if self.wps else "")
        ign = ' mc:Ignorable="w14 wp14"' if not self.wps else ' mc:Ignorable="w14 wp14"'
        return f"{XML_HEAD}<w:document {ns}{ign}><w:body>{''.join(self.body)}{self.sect}</w:body></w:document>"

    def write(self, path: Union[str, Path]) -> Path:
        path = Path(path)
        ct = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
              '<Default Extension="xml" ContentType="application/xml"/>',
              '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
              '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
              '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>',
              '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
              '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
        rels = [f'<Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/>',
                f'<Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/>']
        parts = {"word/document.xml": self.document_xml(), "word/styles.xml": self.styles,
                 "word/settings.xml": self.settings or settings_xml(), "word/fontTable.xml": FONT_TABLE}
        ct.append('<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>')
        rels.append(f'<Relationship Id="rIdFonts" Type="{REL}/fontTable" Target="fontTable.xml"/>')
        self.theme = self.theme or theme_xml()
        if self.theme:
            ct.append('<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>')
            rels.append(f'<Relationship Id="rIdTheme" Type="{REL}/theme" Target="theme/theme1.xml"/>')
            parts["word/theme/theme1.xml"] = self.theme
        for i, (rid, xml) in enumerate(self.footers.items(), 1):
            ct.append(f'<Override PartName="/word/footer{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')
            rels.append(f'<Relationship Id="{rid}" Type="{REL}/footer" Target="footer{i}.xml"/>')
            parts[f"word/footer{i}.xml"] = xml
        for i, (rid, xml) in enumerate(self.headers.items(), 1):
            ct.append(f'<Override PartName="/word/header{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>')
            rels.append(f'<Relationship Id="{rid}" Type="{REL}/header" Target="header{i}.xml"/>')
            parts[f"word/header{i}.xml"] = xml
        if self.footnotes:
            ct.append('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
            rels.append(f'<Relationship Id="rIdFootnotes" Type="{REL}/footnotes" Target="footnotes.xml"/>')
            parts["word/footnotes.xml"] = self.footnotes
        app = ("<Application>WPS Office_12.1.0.16120_F1E327BC-269C-435d-A152-05C5408002CA</Application>" if self.wps
               else "<Application>Microsoft Office Word</Application>")
        if self.wps:
            ct.append('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>')
            parts["docProps/custom.xml"] = (
                f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
                '<vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>')
        pkg_rels = [f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>',
                    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
                    f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>']
        if self.wps:
            pkg_rels.append(f'<Relationship Id="rId4" Type="{REL}/custom-properties" Target="docProps/custom.xml"/>')
        parts["[Content_Types].xml"] = (f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                        f'{"".join(ct)}</Types>')
        parts["_rels/.rels"] = (f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                f'{"".join(pkg_rels)}</Relationships>')
        parts["word/_rels/document.xml.rels"] = (
            f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'{"".join(rels)}</Relationships>')
        parts["docProps/core.xml"] = (
            f'{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>test</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-15T08:00:00Z</dcterms:created></cp:coreProperties>')
        parts["docProps/app.xml"] = (
            f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"{app}</Properties>")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name in ("[Content_Types].xml", "_rels/.rels"):
                z.writestr(name, parts.pop(name))
            for name, xml in parts.items():
                z.writestr(name, xml)
        return path
