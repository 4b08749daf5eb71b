"""Tables of tasks flattened to text (issue 11 class 3), read back as the tables they were.

Two shapes a task table takes in a .txt:

- pipe rows, as Markdown and many converters write them: `| 序号 | 重点任务 | 牵头单位 | 责任单位 |`, a `|---|` rule
  under the header;
- a web page's table copied as text: one cell per line, empty cells gone, the 责任单位 (and 完成时限) on the lines
  after the task: `序号` / `重点任务` / `责任单位` / `完成时限`, then `1` / `全面推行…。` / `区市场监管局` / `6月底前` ….

Either becomes a table of the Source — rows of cells, each line of it marked as in the table — in the shape
tables.task_rows reads from a .docx: a 序号 column, the task, the agency columns; a heading in a row of its own.
Flattening loses what a .docx shows by its layout, so this step puts it back:

- a level table (`| 重点领域 | 主要任务 | 具体措施 | 责任单位 |`) writes the 一、 and the （一） in the first row of the
  tasks under them (merged cells, flattened to one filled cell and empty ones below): each becomes a heading row
  before that task;
- a task written with its own number (`1.实施…`, `——加强…`) and no 序号 column gets its number as its 序号.

A table whose header names no task column is left as it was: its lines are read as running text.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..read import Block, Cell, Source
from .clean import is_footer
from .documents import is_date_line, is_signature
from .markers import match_marker
from .tables import _COLS, task_rows

_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE_ROW = re.compile(r"^[\s|:：\-—－=+]+$")
_TIME_HEADER = ("完成时限", "时限要求", "完成时间", "时间节点", "时限", "进度安排", "备注")
_TIME_CELL = re.compile(r"(\d{4}\s*年|\d{1,2}\s*月|底前|年底|年内|全年|长期|持续|常态|季度|上半年|下半年|每年|每月|按期)")
_BARE_LABEL = re.compile(r"^(\d{1,3}[.．、]?|[（(][一二三四五六七八九十百]{1,4}[)）]|[（(]\d{1,3}[)）])$")
_HEADING_FAMILIES = ("part", "cn", "paren_cn")


def _header_key(h: str) -> Optional[str]:
    """What a header cell names: seq, task, lead, resp, coop, time — or None (any other text column)."""
    h = re.sub(r"\s", "", h)
    if not h:
        return None
    if any(w in h for w in _TIME_HEADER):
        return "time"
    for key in ("seq", "lead", "coop", "resp"):
        if any(w in h for w in _COLS[key]):
            return key
    if any(w in h for w in _COLS["task"]):
        return "task"
    return None


def _is_heading(text: str) -> bool:
    m = match_marker(text)
    return m is not None and m.family in _HEADING_FAMILIES and m.number is not None


def _canonical(rows: list[list[Cell]]) -> Optional[list[list[Cell]]]:
    """Rows of a flattened table (header first) in the shape task_rows reads, or None when it is no task table."""
    header = [c.text for c in rows[0]]
    keys = [_header_key(h) for h in header]
    body = [r + [Cell("", r[-1].line if r else 0)] * (len(header) - len(r)) for r in rows[1:]]
    tasks = [i for i, k in enumerate(keys) if k == "task"]
    if not tasks:
        return None
    task = tasks[-1]  # 重点领域 | 主要任务 | 具体措施: the tasks are in the last column that names them
    levels = [i for i in range(task) if keys[i] in (None, "task")
              and any(r[i].text for r in body) and all(_is_heading(r[i].text) for r in body if r[i].text)]
    seq = keys.index("seq") if "seq" in keys else None
    others = [i for i, k in enumerate(keys) if i != task and i not in levels and i != seq and k not in (None, "task")]
    width = 2 + len(others)
    out = [[Cell("序号", rows[0][0].line), Cell(header[task], rows[0][0].line)] + [rows[0][i] for i in others]]
    for r in body:
        line = next((c.line for c in r if c.text), r[0].line)
        for i in levels:
            if r[i].text:
                out.append([Cell(r[i].text, r[i].line)] + [Cell("", r[i].line)] * (width - 1))
        label = r[seq].text if seq is not None else ""
        text = r[task].text
        rest = [r[i] for i in others]
        if not text and not any(c.text for c in rest):
            if label and not any(r[i].text for i in levels):  # `| 一、强化保护 | | |`: a heading row as written
                out.append([Cell(label, line)] + [Cell("", line)] * (width - 1))
            continue
        if not label:
            m = match_marker(text)
            if m is not None and not m.family.startswith("h") and m.rest:
                label, text = m.label.strip(), m.rest.strip()
        out.append([Cell(label, line), Cell(text, r[task].line or line)] + rest)
    return out if task_rows(out) is not None else None


# --- pipe rows ---------------------------------------------------------------------------------------

def _pipe_cells(text: str, line: int) -> list[Cell]:
    inner = text.strip().strip("|")
    return [Cell(c.strip().strip("\u3000"), line) for c in inner.split("|")]


def _pipe_tables(blocks: list[Block]) -> list[list[int]]:
    """Runs of pipe rows (indices of blocks), blank lines between them allowed."""
    runs, cur = [], []
    for i, b in enumerate(blocks):
        t = b.text.strip()
        if _PIPE_ROW.match(t) and t.count("|") >= 3:
            cur.append(i)
        elif t or not cur:
            if len(cur) >= 2:
                runs.append(cur)
            cur = []
    if len(cur) >= 2:
        runs.append(cur)
    return runs


# --- one cell per line -------------------------------------------------------------------------------

def _header_run(texts: list[str], i: int) -> int:
    """How many lines from `i` are a table header written one cell per line (0 when they are not)."""
    k = i
    while k < len(texts) and texts[k] and len(texts[k]) <= 8 and _header_key(texts[k]) and \
            not re.search(r"[，。；：,.;:]", texts[k]):
        k += 1
    keys = [_header_key(t) for t in texts[i:k]]
    if k - i >= 3 and "task" in keys and {"seq", "lead", "resp", "coop"} & set(keys):
        return k - i
    return 0


_CELL_SEP = re.compile(r"[、，,；;/\s]+")


def _names_in(text: str) -> list[str]:
    """The names a 责任单位 cell lists (separators inside brackets do not split: 各县（市、区）人民政府)."""
    flat = re.sub(r"[（(][^（）()]*[）)]", lambda m: "\x00" * len(m.group(0)), text)
    out, a = [], 0
    for m in _CELL_SEP.finditer(flat):
        out.append(text[a:m.start()])
        a = m.end()
    out.append(text[a:])
    return [re.sub(r"^(牵头|配合|责任|协办)?(单位|部门)?[:：]", "", n) for n in out if n]


def _fits(text: str, key: str) -> bool:
    """Could a line be the cell of a column of this kind (the short cells after a task)?"""
    if len(text) > 60 or text.endswith(("。", "；", ";")) or _is_heading(text) or _BARE_LABEL.match(text):
        return False
    if key == "time":
        return bool(_TIME_CELL.search(text)) and len(text) <= 20
    if key in ("lead", "resp", "coop"):
        from .agencies import is_agency_shaped
        return any(is_agency_shaped(n) for n in _names_in(text))
    return False


def _cell_lines(texts: list[str], start: int, keys: list[Optional[str]]) -> tuple[list[list[tuple[int, str]]], int]:
    """The rows (per column a (line index, text), (-1, "") where the cell was empty) of a one-cell-per-line table
    whose header ends at `start`, and the index of its last line."""
    n = len(keys)
    seq = keys.index("seq") if "seq" in keys else None
    task = keys.index("task")
    rows: list[list[tuple[int, str]]] = []
    cur: Optional[list[tuple[int, str]]] = None
    last = start - 1

    def new_row(col: int, i: int, t: str) -> list[tuple[int, str]]:
        row = [(-1, "")] * n
        row[col] = (i, t)
        rows.append(row)
        return row

    for i in range(start, len(texts)):
        t = texts[i]
        if not t:
            continue
        if is_footer(t) or is_date_line(t):
            break
        nxt = next((x for x in texts[i + 1:] if x), "")
        free = [c for c in range(n) if cur is not None and not cur[c][1] and c not in (task, seq)]
        col = next((c for c in free if keys[c] == "time" and _fits(t, "time")), None)
        if col is None:
            col = next((c for c in free if keys[c] != "time" and _fits(t, keys[c])), None)
        if seq is not None and _BARE_LABEL.match(t):
            cur = new_row(seq, i, t)
        elif _is_heading(t) and not t.endswith("。") and len(t) <= 40 and (cur is None or cur[task][1]):
            new_row(0, i, t)
            cur = None
        elif cur is not None and not cur[task][1]:
            cur[task] = (i, t)
        elif cur is not None and col is not None and not (is_signature(t) and is_date_line(nxt)):
            cur[col] = (i, t)
        elif seq is None and (t.endswith(("。", "；")) or len(t) > 12) and not (is_signature(t) and is_date_line(nxt)):
            cur = new_row(task, i, t)  # no 序号 column: each task starts its row
        else:
            break
        last = i
    return rows, last


# --- the step ----------------------------------------------------------------------------------------

def read_flat_tables(src: Source) -> Source:
    """The Source with every task table flattened in its text read back as a table (a .txt only)."""
    if src.fmt != "text":
        return src
    blocks = list(src.blocks)
    tables = list(src.tables)
    texts = [b.text.strip().strip("\u3000") for b in blocks]

    def add(rows: list[list[Cell]], members: list[tuple[int, int]]) -> bool:
        table = _canonical(rows)
        if table is None:
            return False
        t = len(tables)
        tables.append(table)
        for i, r in members:
            blocks[i] = replace(blocks[i], cell=(t, r, 0))
        return True

    for run in _pipe_tables(blocks):
        rows, members = [], []
        for i in run:
            if _RULE_ROW.match(texts[i]):
                members.append((i, 0))
                continue
            rows.append(_pipe_cells(texts[i], blocks[i].line))
            members.append((i, len(rows) - 1))
        if rows:
            add(rows, members)

    i = 0
    while i < len(texts):
        h = _header_run(texts, i) if blocks[i].cell is None else 0
        if not h:
            i += 1
            continue
        keys = [_header_key(t) for t in texts[i:i + h]]
        found, last = _cell_lines(texts, i + h, keys)
        if found:
            rows = [[Cell(texts[k], blocks[k].line) for k in range(i, i + h)]]
            for r in found:
                line = next(blocks[k].line for k, _ in r if k >= 0)
                rows.append([Cell(t, blocks[k].line if k >= 0 else line) for k, t in r])
            members = [(k, 0) for k in range(i, last + 1)]
            if add(rows, members):
                i = last + 1
                continue
        i += h
    return replace(src, blocks=blocks, tables=tables)
