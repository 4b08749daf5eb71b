"""Re-lay a parsed document in the layouts offices and web sites publish it in (issue 11, classes 1, 3, 4, 5).

Each function takes the ParseResult of a seed (which matches the seed's expected.json) and writes the same
documents as text of one layout, so the structure a parser must read back is the seed's own expected.json:

- `pdf_blank`: the text of a PDF as mirror sites render it — cut into printed lines of ~28 characters with a
  blank line after every printed line (titles, quotations and agency clauses fall across lines where they fall);
- `pipe_table`: plans and divisions as Markdown-style pipe rows (`| 序号 | 重点任务 | 牵头单位 | 责任单位 |`),
  the item's number in a cell of its own, a heading row with its label in one cell;
- `level_table`: pipe rows with one column per level (`| 重点领域 | 主要任务 | 具体措施 | 责任单位 |`): the 一、 and
  the （一） in the same row as the first item under them, merged cells flattened to empty ones;
- `cell_lines`: a web page's table copied as text, one cell per line, empty cells gone, the 责任单位 on the line
  after its task (a lead agency marked （牵头） in its cell);
- `run_in`: no line breaks at all — every document, title and heading run together on one line;
- `split_title`: each title cut before its last two characters (`…任务` / `分工`);
- `in_notice`: each file wrapped in a 通知 whose own numbered instructions (一、二、三、) come before the documents.

A summary (items of 一是…) is never laid as a table: it stays running text in the table layouts.
"""
from __future__ import annotations

from drafter.model import Agency, Document, Node, ParseResult
from drafter.parse.agencies import split_agencies
from drafter.parse.clean import is_footer, is_junk, is_page_mark, normalize
from drafter.parse.structure import display_width

WIDTH = 28
_NO_LINE_START = "，。、；：！？”’）》〉」』】,.;:!?)"


# --- the paragraphs of a parsed file ------------------------------------------------------------------

def _prefix(result: ParseResult) -> list[str]:
    """The lines before the first document's title (a notice, an addressee, a date), web furniture left out."""
    first = min((d.line for d in result.documents if d.line), default=None)
    if not first:
        return []
    copy = {k for w in result.warnings if w.get("code") == "DUP002"
            for k in range(w["line"], w.get("end_line", w["line"]) + 1)}  # a body printed twice: once is enough
    out = []
    for k, raw in enumerate(result.lines[:first - 1], 1):
        t = normalize(raw) if k not in copy else ""
        if t and not is_junk(t) and not is_footer(t) and not is_page_mark(t) and not t.startswith(("分享到", "时间")):
            out.append(t)
    return _join_wrapped(out)


def _join_wrapped(lines: list[str]) -> list[str]:
    """Seed 001's notice is hard-wrapped: a line not ending a sentence runs on into the next."""
    out: list[str] = []
    for t in lines:
        if out and out[-1][-1:] not in "。：:；;！？" and len(out[-1]) >= 24:
            out[-1] += t
        else:
            out.append(t)
    return out


def paragraphs(doc: Document) -> list[str]:
    """A document as paragraphs: title, preamble, then every heading and item in reading order."""
    paras = [doc.title] if doc.title else []
    paras += [p for p in doc.preamble.split("\n") if p.strip()]
    for s in doc.sections:
        for node in s.walk():
            paras += [p for p in node.text.split("\n") if p.strip()]
    return paras


def _file_paragraphs(result: ParseResult) -> list[str]:
    paras = _prefix(result)
    for doc in result.documents:
        paras += paragraphs(doc)
    return paras


# --- class 1: PDF text with a blank line after every printed line --------------------------------------

def wrap(text: str, width: float = WIDTH) -> list[str]:
    """Cut a paragraph into printed lines of `width` (a CJK character 1, an ASCII letter or digit 1/2)."""
    lines, cur = [], ""
    for ch in text:
        # Word's line breaking (禁则): closing punctuation never starts a printed line
        if cur and display_width(cur + ch) > width and ch not in _NO_LINE_START:
            lines.append(cur)
            cur = ""
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def pdf_blank(result: ParseResult, width: float = WIDTH) -> str:
    out = []
    for p in _file_paragraphs(result):
        for printed in wrap(p, width):
            out += [printed, ""]
    return "\n".join(out) + "\n"


# --- class 3: tables flattened to text ---------------------------------------------------------------

def _task_and_agencies(node: Node) -> tuple[str, list[Agency]]:
    """The item's text without its label and agency clause, and its agencies (as the parser read them)."""
    body = node.body.replace("\n", "")
    rest, found = split_agencies(body)
    return rest.strip(), node.agencies or found


def _is_table_doc(doc: Document) -> bool:
    return doc.kind in ("plan", "division") and bool(doc.sections)


def _names(agencies: list[Agency], role: str) -> str:
    return "、".join(a.name for a in agencies if (a.role == "lead") == (role == "lead"))


def _leaves(doc: Document):
    """(path of heading nodes, item) for every item, in order."""
    def walk(node, path):
        if node.children:
            for c in node.children:
                yield from walk(c, path + [node])
        else:
            yield path, node
    for s in doc.sections:
        yield from walk(s, [])


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _seq_rows(doc: Document) -> list[list[str]]:
    """序号 | 重点任务 | 牵头单位 | 责任单位 rows; a heading is a row with its text in the first cell."""
    rows, shown = [], set()
    for path, item in _leaves(doc):
        for h in path:
            if id(h) not in shown:
                shown.add(id(h))
                rows.append([h.text.replace("\n", ""), "", "", ""])
        task, agencies = _task_and_agencies(item)
        if item.number is not None:
            seq = item.label
        else:
            seq, task = "", item.label + task
        rows.append([seq, task, _names(agencies, "lead"), _names(agencies, "responsible")])
    return rows


def _text_doc(doc: Document) -> list[str]:
    return paragraphs(doc)


def pipe_table(result: ParseResult) -> str:
    out = list(_prefix(result))
    for doc in result.documents:
        if not _is_table_doc(doc):
            out += _text_doc(doc)
            continue
        out += [doc.title] + [p for p in doc.preamble.split("\n") if p.strip()]
        out += [_row(["序号", "重点任务", "牵头单位", "责任单位"]), _row(["---"] * 4)]
        out += [_row(r) for r in _seq_rows(doc)]
    return "\n".join(out) + "\n"


def level_table(result: ParseResult) -> str:
    out = list(_prefix(result))
    for doc in result.documents:
        if not _is_table_doc(doc):
            out += _text_doc(doc)
            continue
        depth = max(len(p) for p, _ in _leaves(doc))
        heads = ["重点领域", "主要任务"][:depth] + ["具体措施", "牵头单位", "责任单位"]
        out += [doc.title] + [p for p in doc.preamble.split("\n") if p.strip()]
        out += [_row(heads), _row(["---"] * len(heads))]
        shown: set[int] = set()
        for path, item in _leaves(doc):
            cells = []
            for k in range(depth):
                h = path[k] if k < len(path) else None
                if h is not None and id(h) not in shown:
                    shown.add(id(h))
                    cells.append(h.text.replace("\n", ""))
                else:
                    cells.append("")
            task, agencies = _task_and_agencies(item)
            cells += [item.label + task, _names(agencies, "lead"), _names(agencies, "responsible")]
            out.append(_row(cells))
    return "\n".join(out) + "\n"


def cell_lines(result: ParseResult) -> str:
    out = list(_prefix(result))
    for doc in result.documents:
        if not _is_table_doc(doc):
            out += _text_doc(doc)
            continue
        out += [doc.title] + [p for p in doc.preamble.split("\n") if p.strip()]
        out += ["序号", "重点任务", "责任单位"]
        shown: set[int] = set()
        for path, item in _leaves(doc):
            for h in path:
                if id(h) not in shown:
                    shown.add(id(h))
                    out.append(h.text.replace("\n", ""))
            task, agencies = _task_and_agencies(item)
            if item.number is not None:
                out.append(item.label)
            else:
                task = item.label + task
            out.append(task)
            names = "、".join(a.name + ("（牵头）" if a.role == "lead" else "") for a in agencies)
            if names:
                out.append(names)
    return "\n".join(out) + "\n"


# --- class 4: no line breaks at all -------------------------------------------------------------------

def run_in(result: ParseResult) -> str:
    return "".join(_file_paragraphs(result)) + "\n"


# --- class 5: titles split before their tail; a notice's own instructions first -----------------------

def split_title(result: ParseResult) -> str:
    titles = {d.title for d in result.documents if d.title}
    out = []
    for p in _file_paragraphs(result):
        out += [p[:-2], p[-2:]] if p in titles and len(p) > 6 else [p]
    return "\n".join(out) + "\n"


NOTICE_HEAD = ["关于印发{what}的通知", "各区、各部门，局机关各处室：",
               "现将{what}印发给你们，请结合实际认真贯彻落实。现就有关事项通知如下："]
NOTICE_POINTS = [
    "一、提高思想认识。各单位要把落实年度工作任务作为重要政治责任，主要负责同志亲自抓、负总责。",
    "二、细化工作措施。各单位要对照分工，逐项制定落实措施，明确时间表、路线图，确保各项任务按期完成。",
    "三、加强督促检查。局办公室要加强跟踪督办，每季度通报进展情况，年底前报送工作总结。",
]


def in_notice(result: ParseResult) -> str:
    names = "和".join(f"《{d.title}》" for d in result.documents if d.title)
    first = result.documents[0] if result.documents else None
    date = (first.date or f"{first.year}年1月10日") if first and first.year else "2024年1月10日"
    out = [line.format(what=names) for line in NOTICE_HEAD] + NOTICE_POINTS + [date]
    for k, doc in enumerate(result.documents):
        paras = paragraphs(doc)
        out += ([f"附件{k + 1}"] if len(result.documents) > 1 else ["附件"]) + paras
    return "\n".join(out) + "\n"


LAYOUTS = {
    "pdf_blank": pdf_blank,
    "pipe_table": pipe_table,
    "level_table": level_table,
    "cell_lines": cell_lines,
    "run_in": run_in,
    "split_title": split_title,
    "in_notice": in_notice,
}
CLASS = {"pdf_blank": 1, "pipe_table": 3, "level_table": 3, "cell_lines": 3, "run_in": 4, "split_title": 5,
         "in_notice": 5}
