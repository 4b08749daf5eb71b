"""The layout model read_layout returns: plain values only (no lxml object), for the FMT rules and fix --layout.

A paragraph's look (ParaLook) is made of runs with one resolved look each (RunLook); a section (SectionLook)
has its page, margins, grid and footers (FooterLook); DocLayout holds them all, numbered as read/docx.py
numbers its blocks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

DEFAULT_SIZE = 10.0      # Word's size when nothing sets w:sz


@dataclass
class RunLook:
    """A stretch of text with one resolved look. Fonts are None when nothing in the chain names one."""
    text: str
    east_asia: Optional[str]
    ascii: Optional[str]
    h_ansi: Optional[str]
    hint: str
    size: float
    bold: bool
    east_from: str = ""         # docDefaults | style:<id> | char:<id> | direct | numbering
    size_from: str = ""
    east_theme: bool = False    # the East Asian face came from the theme
    latin_theme: bool = False   # the ascii (digits, Latin) face came from the theme
    field: str = ""             # "PAGE" for the result of a page-number field


@dataclass
class ParaLook:
    line: int                   # the paragraph number check uses (1-based, reading order)
    text: str
    style_id: str
    style: str                  # the style's name ("Normal", "heading 1", "正文文本")
    runs: list[RunLook] = field(default_factory=list)
    align: str = "left"         # w:jc: left | center | right | both | distribute | start | end
    align_from: str = ""
    first_line: float = 0.0     # first-line indent in characters (negative: hanging)
    left: float = 0.0           # left indent in characters
    right: float = 0.0
    indent_from: str = ""
    line_rule: str = "auto"     # exact | atLeast | auto
    line_value: float = 1.0     # points for exact/atLeast, a multiple of single spacing for auto
    spacing_from: str = ""
    snap: bool = True           # snaps to the document grid
    in_table: bool = False
    section: int = 0
    label: Optional[RunLook] = None   # the look of a Word automatic number drawn before the text
    frame_x: str = ""           # w:framePr/@w:xAlign (a framed paragraph: page numbers)
    anchor_x: str = ""          # horizontal alignment of the text box holding the paragraph
    size: float = DEFAULT_SIZE  # the size most of its characters have


@dataclass
class FooterLook:
    part: str
    paragraphs: list[ParaLook] = field(default_factory=list)

    def page_paragraphs(self) -> list[ParaLook]:
        """Paragraphs that hold a PAGE field."""
        return [p for p in self.paragraphs if any(r.field == "PAGE" for r in p.runs)]


@dataclass
class SectionLook:
    first_line: int
    last_line: int
    page_mm: tuple[float, float]                     # width, height
    margins_mm: tuple[float, float, float, float]    # top, bottom, left, right
    footer_mm: float = 0.0                           # footer distance from the paper's bottom edge
    header_mm: float = 0.0
    landscape: bool = False
    grid_type: str = ""                              # "" | lines | linesAndChars | snapToChars
    grid_pitch: float = 0.0                          # points
    char_space: int = 0
    title_page: bool = False
    footers: dict[str, Optional[FooterLook]] = field(default_factory=dict)   # default | even | first

    @property
    def type_area_mm(self) -> tuple[float, float]:
        t, b, l, r = self.margins_mm
        return self.page_mm[0] - l - r, self.page_mm[1] - t - b


@dataclass
class DocLayout:
    path: str
    paragraphs: list[ParaLook]
    sections: list[SectionLook]
    even_and_odd: bool = False
    footnotes: list[ParaLook] = field(default_factory=list)
    application: str = ""
    wps: bool = False

    def paragraph(self, line: int) -> Optional[ParaLook]:
        return self.paragraphs[line - 1] if 1 <= line <= len(self.paragraphs) else None

    def style_name(self, origin: str) -> str:
        """The style an origin names ("style:Normal" → "Normal"), or ""."""
        return self._names.get(origin.split(":", 1)[1], "") if ":" in origin else ""

    _names: dict = field(default_factory=dict, repr=False)
    # the look a paragraph of each style used has before its own direct formatting (a sample character "字")
    style_looks: dict = field(default_factory=dict, repr=False)
