"""`check --annotate OUT.docx`: the checked document with a Word comment on each finding's flagged words.

A finding with a span (see check/base.py) has its comment anchored on exactly those characters —
`w:commentRangeStart`/`End` around them, runs split where needed (fix/docx_text.py finds the characters
in the XML the way the reader reads them) — so Word highlights what is wrong; a finding without one, or
whose span cannot be placed, is anchored on its whole paragraph.

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
from .. import ooxml
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


def _paragraph_texts(source: str, is_docx: bool, lines: Optional[list[str]], n: int) -> tuple[list, list]:
    """The text the reader gives each paragraph (what a finding's span counts in), and its automatic label."""
    if not is_docx:
        texts = [ln.rstrip("\r") for ln in (lines or [])]
        return texts, [""] * len(texts)
    from ..read.docx import read_docx
    try:
        blocks = read_docx(source).blocks
    except DrafterError:
        return [], []
    if len(blocks) != n:
        return [], []
    return [b.text for b in blocks], [b.auto_label for b in blocks]


def _span_runs(paras: list, texts: list, labels: list, f: Finding) -> Optional[list]:
    """The runs that hold exactly the finding's flagged characters (runs split where needed), or None."""
    from docx.text.run import Run

    from ..fix.docx_text import isolate_range, paragraph_map
    sp = f.span
    if sp is None or not texts or not (1 <= sp.line <= sp.last_line <= len(paras)):
        return None
    first_ln, last_ln = sp.line, sp.last_line
    ends = []
    for ln, a, b in ((first_ln, sp.start, len(texts[first_ln - 1]) if last_ln != first_ln else sp.end),
                     (last_ln, 0 if last_ln != first_ln else sp.start, sp.end)):
        pm = paragraph_map(paras[ln - 1]._p, texts[ln - 1], labels[ln - 1])
        got = isolate_range(pm, a, b) if pm is not None else None
        if got is None:
            return None
        ends.append((paras[ln - 1], got))
        if last_ln == first_ln:
            ends.append(ends[0])
            break
    (p1, (r1, _)), (p2, (_, r2)) = ends
    return [Run(r1, p1), Run(r2, p2)]


def _docx_from_lines(lines: list[str]):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.size = Pt(12)
    ooxml.get_or_add(ooxml.get_or_add(st.element, "w:rPr"), "w:rFonts").set(ooxml.qn("w:eastAsia"), "FangSong")
    for line in lines:
        d.add_paragraph(line.rstrip("\r"))
    return d


# Word's own definitions of the styles a comment uses (python-docx writes the references, not the styles):
# (styleId, w:name, type, basedOn, link, run size in half-points). Added only when the document has no style
# of that name; if it has one under another id (a Chinese Word names them a3, a4 …), the references are
# pointed at that id instead, so a style name is never defined twice.
_COMMENT_STYLES = (
    ("CommentReference", "annotation reference", "character", "DefaultParagraphFont", None, 16),
    ("CommentText", "annotation text", "paragraph", "Normal", "CommentTextChar", 20),
    ("CommentTextChar", "Comment Text Char", "character", "DefaultParagraphFont", "CommentText", 20),
)


def _comment_style(styles_el, sid: str, name: str, kind: str, based_on: str, link: Optional[str], size: int):
    st = ooxml.make("w:style", type=kind, styleId=sid)
    if sid == "CommentTextChar":
        st.set(ooxml.qn("w:customStyle"), "1")
    ooxml.set_prop(st, "w:name", val=name)
    ooxml.set_prop(st, "w:basedOn", val=based_on)
    if link:
        ooxml.set_prop(st, "w:link", val=link)
    ooxml.set_prop(st, "w:uiPriority", val=99)
    if kind == "character" and sid == "CommentReference":
        ooxml.set_prop(st, "w:semiHidden")
    ooxml.set_prop(st, "w:unhideWhenUsed")
    if kind == "paragraph":
        # comments are read in the margin: single-spaced, no 2-character indent inherited from a 公文 Normal
        ppr = ooxml.get_or_add(st, "w:pPr")
        ooxml.set_prop(ppr, "w:spacing", before=0, after=0, line=240, lineRule="auto")
        ooxml.set_prop(ppr, "w:ind", firstLine=0, firstLineChars=0)
        ooxml.set_prop(ppr, "w:jc", val="left")
    rpr = ooxml.get_or_add(st, "w:rPr")
    ooxml.set_prop(rpr, "w:sz", val=size)
    ooxml.set_prop(rpr, "w:szCs", val=size)
    ooxml.insert(styles_el, st)


def _ensure_comment_styles(document) -> None:
    """Define CommentReference/CommentText (or reuse the document's own annotation styles)."""
    styles_el = document.styles.element
    sid_of = {}                                       # lower-case style name → styleId
    for st in styles_el.findall(ooxml.qn("w:style")):
        n = st.find(ooxml.qn("w:name"))
        if n is not None:
            sid_of.setdefault(n.get(ooxml.qn("w:val"), "").lower(), st.get(ooxml.qn("w:styleId")))
    ids = {st.get(ooxml.qn("w:styleId")) for st in styles_el.findall(ooxml.qn("w:style"))}
    retarget = {}
    for sid, name, kind, based_on, link, size in _COMMENT_STYLES:
        have = sid_of.get(name.lower())
        if have:
            if have != sid:
                retarget[sid] = have
            continue
        if sid == "CommentTextChar" and "CommentText" in retarget:
            continue                                  # the document's own comment text style has its own
        if sid not in ids:
            link = sid_of.get("comment text char", link) if sid == "CommentText" else link
            _comment_style(styles_el, sid, name, kind, based_on, link, size)
            sid_of[name.lower()] = sid
    if not retarget:
        return
    val = ooxml.qn("w:val")
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    roots = [document.element]
    try:
        roots.append(document.part.part_related_by(RT.COMMENTS).element)
    except KeyError:
        pass
    for root in roots:
        for el in ooxml.iter_named(root, ("w:rStyle", "w:pStyle")):
            if el.get(val) in retarget:
                el.set(val, retarget[el.get(val)])


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
    texts, labels = _paragraph_texts(source, is_docx, lines, len(paras))
    n = 0
    for f in findings:
        if f.source and os.path.abspath(f.source) != os.path.abspath(source):
            continue
        if not paras:
            break
        runs = _span_runs(paras, texts, labels, f)
        if runs is None:  # no span, or one that cannot be placed: the whole paragraph
            idx = min(max((f.line or 1) - 1, 0), len(paras) - 1)
            p = paras[idx]
            runs = [r for r in p.runs if r.text]
            if not runs:
                runs = [p.add_run(" " if not p.text else "")] if not p.runs else p.runs
        document.add_comment(runs, text=_comment_text(f), author=AUTHOR, initials=INITIALS)
        n += 1
    if n:
        _ensure_comment_styles(document)
    ooxml.drop_styles_with_effects(document)
    if not is_docx:
        ooxml.prune_styles(document)      # made here from python-docx's template: keep what it uses
    write_atomic(out, lambda tmp: document.save(tmp), force=force)
    return n
