"""`check --annotate OUT.docx`: the checked document with a Word comment on each finding's paragraph.

For a .docx input the file itself is copied and commented (its text and formatting untouched); for a
.txt input a plain .docx is made first, one paragraph per line, so paragraph N is line N. A finding's
`line` is that paragraph number (for .docx: the 1-based paragraph in reading order, table cells
included — the numbering `read/docx.py` gives). This module is the only part of `check` that touches
OOXML; python-docx ≥ 1.2 writes the comments part (`Document.add_comment`).
"""
from __future__ import annotations

import os
from typing import Optional

from ..check.base import Finding
from ..errors import DrafterError
from ..i18n import tr
from ..output import write_atomic

AUTHOR = "drafter"
INITIALS = "DR"
_SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def paragraphs_in_order(document) -> list:
    from docx.text.paragraph import Paragraph

    from ..read.docx import paragraph_elements

    return [Paragraph(p, document._body) for p in paragraph_elements(document.element.body)]


def _comment_text(f: Finding) -> str:
    sev = tr(_SEV_ZH.get(f.severity, f.severity), f.severity)
    s = f"[{f.rule} {sev}] {f.message}"
    if f.suggestion:
        s += "\n" + tr("建议：", "Suggestion: ") + f.suggestion_text
    for r in f.related:
        s += "\n" + tr(f"另见第 {r.get('line')} 段/行", f"see also line/paragraph {r.get('line')}")
    return s


def _docx_from_lines(lines: list[str]):
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.size = Pt(12)
    rpr = st.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), "FangSong")
    for line in lines:
        d.add_paragraph(line.rstrip("\r"))
    return d


def annotate(source: str, findings: list[Finding], out: str, force: bool = False,
             lines: Optional[list[str]] = None) -> int:
    """Write `out`: `source` (a .docx, or the text `lines` of a .txt) with one comment per finding.

    Returns the number of comments written.
    """
    import docx

    is_docx = source.lower().endswith(".docx")
    if is_docx:
        try:
            document = docx.Document(source)
        except Exception as e:  # a broken zip or a .docx python-docx cannot open
            raise DrafterError(source, f"无法打开 .docx 以添加批注：{e}", f"cannot open the .docx to annotate: {e}") from None
    else:
        if lines is None:
            raise DrafterError(source, "没有可批注的文本", "no text to annotate")
        document = _docx_from_lines(lines)
    paras = paragraphs_in_order(document)
    n = 0
    for f in findings:
        if f.source and os.path.abspath(f.source) != os.path.abspath(source):
            continue
        idx = (f.line or 1) - 1
        if not paras:
            break
        idx = min(max(idx, 0), len(paras) - 1)
        p = paras[idx]
        runs = [r for r in p.runs if r.text]
        if not runs:
            runs = [p.add_run(" " if not p.text else "")] if not p.runs else p.runs
        document.add_comment(runs, text=_comment_text(f), author=AUTHOR, initials=INITIALS)
        n += 1
    write_atomic(out, lambda tmp: document.save(tmp), force=force)
    return n
