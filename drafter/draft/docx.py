"""Write rendered blocks into a .docx built on templates/reference.docx. The only drafting module that touches OOXML.

Layout comes from the reference document (styles, page set-up, footers with — N —); this module only picks
styles, sets East Asian fonts where a run needs a different face (run-in leads), places 署名/成文日期 as
GB/T 9704 §7.3.5.1 says, and builds the 任务分工 table. It re-asserts the page set-up only where the
reference lacks it (a user-made reference.docx may be missing the grid or the footers).
"""
from __future__ import annotations

import itertools
import math
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Twips

from .. import ooxml
from ..errors import DrafterError
from .render import Block

ZI = 320                     # one 三号 character, twips
TEXT_WIDTH = 8844            # 版心 width, twips

STYLE = {
    "title": "GW标题", "body": "Normal", "h1": "GW一级", "h2": "GW二级", "h3": "GW三级", "h4": "GW四级",
    "item1": "GW一级", "item2": "GW事项", "item3": "GW事项", "item4": "GW事项", "note": "GW附件说明",
    "issuer": "GW署名", "date": "GW成文日期", "attach_label": "GW附件标记", "attach_title": "GW附件标题",
    "blank": "Normal",
}
LEAD_CHAR_STYLE = {"item1": "GW一级字符", "item2": "GW二级字符", "item3": "GW三级字符", "item4": "GW四级字符"}
LEAD_FONT = {"item1": "黑体", "item2": "楷体_GB2312"}
# 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限: column widths in 字 of the 四号 table font (280 tw)
# (31.6 字 = the 版心); cell margins of 57 tw (1 mm) each side leave 6 字 for 市知识产权局, 4.5 for 2024年底
TABLE_COLS = [2.5, 11.2, 6.5, 6.5, 4.9]
CELL_MARGIN = 57


def text_width(s: str) -> float:
    """Width in 字: CJK and full-width 1, ASCII 0.5."""
    w = 0.0
    for ch in s:
        w += 1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 0.5
    return w


# --- the title's line breaks (GB/T 9704 §7.3.1) ----------------------------------------------------------

TITLE_CHARS = 20             # 二号 (22 pt) characters in the 156 mm 版心: 8844 / 440 = 20.1

_NO_START = set("，。、；：？！）》」』”’%…·—")      # may not begin a line (避头)
_NO_END = set("（《「『“‘")                          # may not end a line (避尾)
_AGENCY_END = re.compile(r"(?:局|厅|委|府|办|院|部|会|中心|政府|办公室|委员会)$")


# phrases a line may well begin with / end with, and words never to split (no dictionary: a few common ones)
_STARTS = re.compile(r"^(?:加快|推进|推动|深入|深化|实施|加强|提升|促进|开展|做好|进一步|全面|印发|贯彻|落实|构建|完善|强化|"
                     r"优化|建设|打造|服务|支持|关于|全市|全省|全区|全县|全国|\d{4}年|(?:19|20)\d\d|工作要点|工作计划|工作方案|任务分工|实施方案|重点工作)")
_ENDS = re.compile(r"(?:战略|工作|体系|意见|规划|方案|城市|高地|行动|工程|机制|发展|建设|的|关于|年)$")
_WORDS = ("知识产权", "工作要点", "人民政府", "监督管理", "市场监管", "高质量", "营商环境", "办公室", "委员会")


def _break_cost(s: str, i: int) -> float | None:
    """Cost of a line break between s[i-1] and s[i]; None where a break is not allowed."""
    a, b = s[i - 1], s[i]
    if b in _NO_START or a in _NO_END:
        return None
    if (a.isascii() and a.isalnum()) and (b.isascii() and b.isalnum()):
        return None                                   # inside a number or a Latin word
    head, tail = s[:i], s[i:]
    if any(w in s[max(0, i - len(w) + 1):i + len(w) - 1] and
           (s.find(w, max(0, i - len(w) + 1)) < i < s.find(w, max(0, i - len(w) + 1)) + len(w)) for w in _WORDS):
        return 40.0                                   # 知识/产权
    depth = head.count("《") - head.count("》") + head.count("“") - head.count("”")
    cost = 8.0 if depth > 0 else 0.0                  # inside a quoted title: possible, not pretty
    if a.isspace() or b.isspace() or a in "，、；：" or _AGENCY_END.search(head) and not _AGENCY_END.search(head + b):
        return cost
    if _STARTS.match(tail) or _ENDS.search(head):
        return cost + 2
    if b in "和与及暨" or a in "和与及暨":
        return cost + 4
    return cost + 20                                  # between two characters: may split a word


def title_lines(title: str, per_line: int = TITLE_CHARS) -> list[str]:
    """Break a long title into centred lines as §7.3.1 asks: 词意完整 (break at 的/关于/、/ an agency's name/
    the year, never inside a number), 排列对称 — a trapezoid (each line longer, or each shorter, than the one
    above) or a diamond (the middle line longest), no line of one or two characters left over."""
    s = title.strip()
    total = text_width(s)
    if total <= per_line or len(s) < 4:
        return [s]
    cuts = {i: c for i in range(2, len(s) - 1) if (c := _break_cost(s, i)) is not None}
    best: tuple[float, list[str]] | None = None
    k0 = math.ceil(total / per_line)
    for k in (k0, k0 + 1):
        for combo in itertools.combinations(sorted(cuts), k - 1):
            bounds = (0,) + combo + (len(s),)
            lines = [s[bounds[j]:bounds[j + 1]].strip() for j in range(k)]
            widths = [text_width(x) for x in lines]
            if max(widths) > per_line or min(widths) < 3:
                continue
            cost = sum(cuts[c] for c in combo) + (k - k0) * 15
            inc = all(x <= y for x, y in zip(widths, widths[1:]))
            dec = all(x >= y for x, y in zip(widths, widths[1:]))
            mid = k >= 3 and widths.index(max(widths)) not in (0, k - 1) and \
                all(x <= y for x, y in zip(widths[:widths.index(max(widths)) + 1], widths[1:widths.index(max(widths)) + 1]))
            if not (inc or dec or mid):
                cost += 12                            # an hourglass or a zigzag
            if len(set(widths)) == 1:
                cost += 1                             # a block: symmetric, but not a trapezoid
            cost += (max(widths) - min(widths)) * 0.4  # 长短适宜
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None:
            break
    return best[1] if best else [s]


def _style(doc, name: str, fallback: str = "Normal"):
    try:
        return doc.styles[name]
    except KeyError:
        return doc.styles[fallback]


def _set_east_asia(run, font: str) -> None:
    rf = ooxml.get_or_add(ooxml.get_or_add(run._r, "w:rPr"), "w:rFonts")   # after a w:rStyle, in schema order
    for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rf.attrib.pop(qn(a), None)
    rf.set(qn("w:eastAsia"), font)
    rf.set(qn("w:hint"), "eastAsia")


def _indent(p, right: int | None = None, left: int | None = None) -> None:
    ind = ooxml.get_or_add(p._p.get_or_add_pPr(), "w:ind")
    if right is not None:
        ind.set(qn("w:right"), str(right))
    if left is not None:
        ind.set(qn("w:left"), str(left))
    ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:firstLineChars"), "0")


def _ensure_page_setup(doc) -> None:
    """If the reference lacks A4/margins/grid (a user's own reference.docx), fill in GB/T 9704 values."""
    sec = doc.sections[0]
    sp = sec._sectPr
    if sp.find(qn("w:pgSz")) is None or sec.page_width is None:
        sec.page_width, sec.page_height = Twips(11906), Twips(16838)
    if sp.find(qn("w:pgMar")) is None:
        sec.top_margin, sec.bottom_margin = Twips(2098), Twips(1984)
        sec.left_margin, sec.right_margin = Twips(1588), Twips(1474)
        sec.footer_distance = Twips(1417)
    if sp.find(qn("w:docGrid")) is None:
        ooxml.insert(sp, ooxml.make("w:docGrid", type="lines", linePitch=579))


def _clear_body(doc) -> None:
    body = doc.element.body
    for c in list(body):
        if c.tag != qn("w:sectPr"):
            body.remove(c)


def _add_table(doc, header: list, rows: list) -> None:
    ncol = len(TABLE_COLS)
    table = doc.add_table(rows=1 + len(rows), cols=ncol)
    try:
        table.style = doc.styles["Table Grid"]
    except KeyError:
        pass
    table.autofit = False
    cell_style = _style(doc, "GW表格")
    widths = [Twips(int(w * 280)) for w in TABLE_COLS]
    for c, w in enumerate(widths):             # w:gridCol: LibreOffice lays out by the grid
        table.columns[c].width = w
    tblpr = table._tbl.tblPr
    ooxml.set_prop(tblpr, "w:tblW", w=sum(int(w * 280) for w in TABLE_COLS), type="dxa")
    mar = ooxml.set_prop(tblpr, "w:tblCellMar")
    for side in ("left", "right"):
        ooxml.insert(mar, ooxml.make(f"w:{side}", w=CELL_MARGIN, type="dxa"))
    for r, values in enumerate([header] + rows):
        row = table.rows[r]
        if r == 0:
            ooxml.set_prop(row._tr.get_or_add_trPr(), "w:tblHeader")   # repeat the header row on every page
        for c in range(ncol):
            cell = row.cells[c]
            cell.width = widths[c]
            cell.vertical_alignment = 1          # centre
            p = cell.paragraphs[0]
            p.style = cell_style
            val = values[c] if c < len(values) else ""
            run = p.add_run(val)
            if r == 0:
                _set_east_asia(run, "黑体")
                p.alignment = 1
            elif c in (0, 4):
                p.alignment = 1


def write_docx(blocks: list[Block], reference: Path, path: str) -> None:
    """Build the document and save it to `path` (a temporary file chosen by write_atomic)."""
    try:
        doc = docx.Document(str(reference))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise DrafterError(str(reference), f"reference.docx 无法打开：{e}", f"cannot open reference.docx: {e}") from None
    _clear_body(doc)
    _ensure_page_setup(doc)
    pending_header = None
    rows: list = []

    def flush_table():
        nonlocal pending_header, rows
        if pending_header is not None:
            _add_table(doc, pending_header, rows)
        pending_header, rows = None, []

    # 署名 is centred over 成文日期 (§7.3.5.1): find the date first
    date_text = next((b.text for b in blocks if b.style == "date"), "")
    signed = False
    page_break = False
    last = None
    for b in blocks:
        if b.style == "table":
            flush_table()
            pending_header = b.cells
            continue
        if b.style == "row":
            rows.append(b.cells)
            continue
        flush_table()
        if b.style == "pagebreak":
            page_break = True        # 附件另面编排: the next paragraph starts a page
            continue
        if b.style in ("note", "issuer", "date"):
            # 附件说明 and 署名/成文日期 stay on the page of the body's last lines: never a page that holds
            # only the signature, never the blank line before it at the top of a page
            if last is not None:
                last.paragraph_format.keep_with_next = True
        if b.style == "note":
            last = doc.add_paragraph(style=_style(doc, "Normal"))      # 附件说明: 正文下空一行
            last.paragraph_format.keep_with_next = True
        if b.style in ("issuer", "date") and not signed:
            last = doc.add_paragraph(style=_style(doc, "Normal"))      # 正文下空一行
            last.paragraph_format.keep_with_next = True
            signed = True
        p = doc.add_paragraph(style=_style(doc, STYLE.get(b.style, "Normal")))
        last = p
        if page_break:
            p.paragraph_format.page_break_before = True
            page_break = False
        if b.style == "blank":
            continue
        if b.lead and b.style in LEAD_CHAR_STYLE:
            lead_run = p.add_run(b.lead)
            cs = LEAD_CHAR_STYLE[b.style]
            try:
                lead_run.style = doc.styles[cs]
            except KeyError:
                pass
            if b.style in LEAD_FONT:
                _set_east_asia(lead_run, LEAD_FONT[b.style])
            rest = b.text[len(b.lead):]
            if rest:
                p.add_run(rest)
        elif b.style in ("title", "attach_title"):
            for i, line in enumerate(title_lines(b.text)):   # 梯形/菱形 line breaks, §7.3.1
                run = p.add_run()
                if i:
                    run.add_break()
                run.add_text(line)
        else:
            p.add_run(b.text)
        if b.style == "date":
            _indent(p, right=4 * ZI)                                  # 成文日期右空四字
        elif b.style == "issuer":
            w_name, w_date = text_width(b.text), text_width(date_text) if date_text else text_width(b.text)
            right = int(4 * ZI + (w_date - w_name) / 2 * ZI)
            _indent(p, right=max(0, right))
    flush_table()
    doc.core_properties.author = "drafter"
    doc.core_properties.title = next((b.text for b in blocks if b.style == "title"), "")
    ooxml.drop_styles_with_effects(doc)       # a user's reference.docx may carry a stale one
    doc.save(path)

