"""The edits fix --layout makes in styles and in paragraphs, each given the job (fix/layout.py's _Job: its
package parts, layout, rules, tracker and report): a style set to the GB/T 9704 look, the GW styles made
when a role needs its own, a paragraph put in a style, a run-in heading's lead in a character style, direct
formatting and character styles taken away, a numbered paragraph's indent put back. Every change goes
through fix/layout_xml.py, tracked when the job tracks.
"""
from __future__ import annotations

from .. import ooxml
from ..check.layout_parts import Part
from ..ooxml import qn
from ..read.layout_paragraphs import paragraph_runs
from . import layout_xml as X
from .layout_needs import size_wrong

ROLE_STYLE = {"title": "GW标题", "cn": "GW一级", "paren_cn": "GW二级", "arabic": "GW三级", "paren_arabic": "GW四级"}
LEAD_STYLE = {"cn": "GW一级字符", "paren_cn": "GW二级字符", "arabic": "GW三级字符", "paren_arabic": "GW四级字符"}
ZI = 320            # one 三号 character in twips
PAGE = {"w_tw": 11906, "h_tw": 16838, "top_tw": 2098, "bottom_tw": 1984, "left_tw": 1588, "right_tw": 1474,
        "header_tw": 851, "footer_tw": 1417, "pitch_tw": 579}
CHAR_SPACING = -5   # twentieths of a point: 28 characters a line in Word and LibreOffice
LATIN = "Times New Roman"   # digits and Latin, where the style took them from the theme (Calibri …)
WNS = "{%s}" % ooxml.NS["w"]


def edit_style(job, sid: str, role: str, props: set) -> None:
    """Set in style `sid` what its paragraphs of `role` get wrong (props: east size hint line indent align)."""
    st = X.find_style(job.styles, sid) if job.styles is not None else None
    if st is None:
        job.report.left.append((f"样式“{sid}”不在 styles.xml 中", f"style '{sid}' is not in styles.xml"))
        return
    want = job.rules.spec(role)
    face = job.rules.first_name(want["font"])
    name = job.layout.style_name(f"style:{sid}") or sid
    rule = {"body": "FMT002", "title": "FMT003"}.get(role, "FMT004")
    what_zh = {"body": "正文", "title": "标题"}.get(role, want.get("name", role))
    what_en = {"body": "body text", "title": "title"}.get(role, want.get("name", role))
    if props & {"east", "size", "hint"}:
        rpr = ooxml.get_or_add(st, "w:rPr")
        X.record_once(rpr, job.tracker)
        spacing = CHAR_SPACING if (job.grid_changed and role != "title") else None
        base = job.layout.style_looks.get(sid)
        themed = base is not None and base.runs and (base.runs[0].latin_theme or base.runs[0].ascii is None)
        X.set_fonts(rpr, face if "east" in props else None, want["size"] if "size" in props else None,
                    char_spacing=spacing, latin=LATIN if themed and "east" in props else None)
        if props & {"east", "size"}:
            size_zh = {16: "三号", 22: "二号"}.get(want["size"], f"{want['size']:g} 磅")
            job.report.add("FMT008" if "none" in props else rule, f"样式“{name}”（{what_zh}）设为{face} {size_zh}",
                           f"style '{name}' ({what_en}) set to {face} {want['size']:g} pt")
        if "hint" in props:
            job.report.add("FMT008", f"样式“{name}”的中文标点用中文字体（w:hint=\"eastAsia\"）",
                           f"style '{name}': Chinese punctuation in the East Asian font (w:hint=\"eastAsia\")")
    if props & {"line", "indent", "align"}:
        ppr = ooxml.get_or_add(st, "w:pPr")
        X.record_once(ppr, job.tracker)
        if role == "title":
            X.set_paragraph(ppr, left=0, jc="center", snap=False)
            job.report.add("FMT003", f"样式“{name}”（标题）居中、不缩进", f"style '{name}' (title) centred, not indented")
        else:
            X.set_paragraph(ppr, line=PAGE["pitch_tw"] if "line" in props else None,
                            first_chars=200 if "indent" in props else None, per_char=ZI)
            if "line" in props:
                job.report.add("FMT005", f"样式“{name}”行距设为固定值 28.95 磅（每页 22 行）",
                               f"style '{name}': exact 28.95 pt line spacing (22 lines a page)")
            if "indent" in props:
                job.report.add("FMT006", f"样式“{name}”首行缩进 2 字、回行顶格",
                               f"style '{name}': two-character first-line indent")
    job.style_edits.setdefault(sid, set()).update(props)


def role_style(job, role: str) -> str:
    """The GW style of a role (GW标题, GW一级 …), made, based on the body's style, when it is not there."""
    sid = ROLE_STYLE[role]
    if job.styles is not None and X.find_style(job.styles, sid) is None:
        outline = {"cn": 0, "paren_cn": 1, "arabic": 2, "paren_arabic": 3}.get(role)
        X.new_style(job.styles, sid, based=job.body_style, outline=outline)
        job.report.untracked.append((f"新建样式“{sid}”", f"new style '{sid}'"))
        job.layout._names[sid] = sid
    return sid


_SENTENCE_END = ("。", "；", ";", "！", "？", "!", "?")


def restyle(job, part: Part, sid: str) -> None:
    """The paragraph in style `sid` (tracked); its wrong direct formatting is taken away by the caller.
    A paragraph that is a whole item (`（一）实施…，引进服务机构5家。`, a sentence, not a title) is not kept
    with the next one as the GW heading styles are: a run of such items all kept together would be pushed
    to the next page whole, leaving half a page empty."""
    ppr = X.para_ppr(job.elements[part.line - 1], job.tracker)
    ooxml.set_prop(ppr, "w:pStyle", val=sid)
    if part.para.text.rstrip().endswith(_SENTENCE_END):
        ooxml.set_prop(ppr, "w:keepNext", val="0")


def lead_style(job, part: Part, role: str) -> None:
    """A run-in heading's label and lead sentence in the level's character style (its run split there)."""
    sid = LEAD_STYLE[role]
    if X.find_style(job.styles, sid) is None:
        st = X.new_style(job.styles, sid, kind="character")
        X.set_fonts(st.find(qn("w:rPr")), job.rules.first_name(job.rules.spec(role)["font"]), None)
        job.report.untracked.append((f"新建字符样式“{sid}”", f"new character style '{sid}'"))
    p = job.elements[part.line - 1]
    end = sum(len(t) for _, t in part.pieces)
    pos = 0
    for r, text in paragraph_runs(p, WNS):
        if pos >= end:
            break
        if pos + len(text) > end:
            if X.split_run(r, end - pos) is None:
                job.report.left.append((f"第 {part.line} 段的标题与正文在同一个域或图形中，未拆分",
                                        f"paragraph {part.line}: the heading shares a field or drawing with the text"))
                return
        rpr = X.run_rpr(r, job.tracker)
        X.drop_run_direct(rpr, east=True, size=size_wrong(job.rules, part))
        ooxml.set_prop(rpr, "w:rStyle", val=sid)
        pos += len(text)
    job.report.add("FMT004", f"段中标题（{part.node.label if part.node else ''}……）的序号和标题句用字符样式“{sid}”",
                   f"run-in headings: label and lead sentence in character style '{sid}'")


def drop_direct(job, part: Part, prop: str) -> None:
    """Take away a part's direct formatting of `prop` that overrides its style (tracked)."""
    p = job.elements[part.line - 1]
    if prop in ("line", "indent", "align"):
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            return
        has = {"line": ppr.find(qn("w:spacing")) is not None and ppr.find(qn("w:spacing")).get(qn("w:line")),
               "indent": ppr.find(qn("w:ind")) is not None, "align": ppr.find(qn("w:jc")) is not None}[prop]
        if not has:
            return
        ppr = X.para_ppr(p, job.tracker)
        X.drop_direct(ppr, spacing=prop == "line", indent=prop == "indent", jc=prop == "align")
        job.report.add("FMT005" if prop == "line" else "FMT006" if prop == "indent" else "FMT003",
                       "去掉了覆盖样式的段落直接格式（行距、缩进或对齐）",
                       "direct paragraph formatting that overrode the style (spacing, indent, alignment) taken away")
        return
    if prop in ("east", "size", "hint"):
        for r in _runs_of(p, part):
            rpr = r.find(qn("w:rPr"))
            if rpr is None:
                continue
            if prop == "hint":
                rf = rpr.find(qn("w:rFonts"))
                if rf is not None and rf.get(qn("w:hint")) not in (None, "eastAsia"):
                    rf2 = X.run_rpr(r, job.tracker).find(qn("w:rFonts"))
                    rf2.set(qn("w:hint"), "eastAsia")
                continue
            if _has_east_or_size(rpr, east=prop == "east", size=prop == "size"):
                rpr = X.run_rpr(r, job.tracker)
                X.drop_run_direct(rpr, east=prop == "east", size=prop == "size")
        job.report.add({"body": "FMT002", "title": "FMT003"}.get(part.role, "FMT004"),
                       "去掉了覆盖样式的文字直接格式（字体、字号）",
                       "direct character formatting that overrode the style (font, size) taken away")


def override_numbering(job, part: Part, prop: str) -> None:
    """Word's automatic numbering indents its paragraphs from numbering.xml (w:lvl/w:pPr, which holds no
    change record): the paragraph's own w:ind, tracked, puts the two-character indent back over it."""
    if prop != "indent":
        return
    ppr = X.para_ppr(job.elements[part.line - 1], job.tracker)
    X.set_paragraph(ppr, first_chars=200, per_char=ZI)
    job.report.add("FMT006", "自动编号段落的缩进改为首行缩进 2 字（段落格式）",
                   "automatically numbered paragraphs: two-character first-line indent (paragraph formatting)")


def drop_char_style(job, part: Part) -> None:
    """Take the character styles off a part's runs (tracked)."""
    for r in _runs_of(job.elements[part.line - 1], part):
        rpr = r.find(qn("w:rPr"))
        if rpr is None or rpr.find(qn("w:rStyle")) is None:
            continue
        X.drop_run_direct(X.run_rpr(r, job.tracker), rstyle=True)
    job.report.add("FMT004", "去掉了字体不合标准的字符样式", "character styles with a wrong font taken off")


def _runs_of(p, part: Part) -> list:
    """The w:r elements of paragraph `p` that hold a part's characters: a heading's label and lead sentence at
    the start of its paragraph, the body text after a run-in heading at the end."""
    start, end = 0, sum(len(t) for _, t in part.pieces)
    if part.role == "body" and part.node is not None:
        start, end = len(part.para.text) - end, len(part.para.text)
    out, pos = [], 0
    for r, text in paragraph_runs(p, WNS):
        a, b = pos, pos + len(text)
        pos = b
        if not (b <= start or a >= end):
            out.append(r)
    return out


def _has_east_or_size(rpr, east: bool = True, size: bool = True) -> bool:
    rf = rpr.find(qn("w:rFonts"))
    if east and rf is not None and (rf.get(qn("w:eastAsia")) is not None or rf.get(qn("w:eastAsiaTheme")) is not None):
        return True
    return size and (rpr.find(qn("w:sz")) is not None or rpr.find(qn("w:szCs")) is not None)
