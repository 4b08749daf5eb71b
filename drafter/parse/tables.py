"""A table of tasks in a .docx (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 …) read as items with agencies.

The agency columns are read like a clause (`agencies_in_cell`): a cell may carry its own roles (市商务局（牵头）,
牵头：A；配合：B, A会同B), names without one take the column's role; a name in two columns keeps its strongest role."""
from __future__ import annotations

from typing import Optional

from ..model import Agency, Node
from ..read import Cell
from .agencies import agencies_in_cell, merge_agencies
from .data import rules
from .markers import match_marker

# the header words of each column, from rules/clauses.yaml (`columns:`)
_COLS = {key: tuple(words) for key, words in rules("clauses.yaml")["columns"].items()}


def _task_columns(table: list[list[Cell]]) -> Optional[dict[str, int]]:
    if not table:
        return None
    header = [c.text.replace(" ", "").replace("\u3000", "") for c in table[0]]
    cols: dict[str, int] = {}
    for key, words in _COLS.items():
        for i, h in enumerate(header):
            if any(w in h for w in words) and i not in cols.values():
                cols[key] = i
                break
    if "task" in cols and ({"seq", "lead", "resp", "coop"} & cols.keys()):
        return cols  # a column of tasks, numbered or assigned: a plan laid out as a table
    return None


def _section_row(row: list[Cell]) -> Optional[tuple[Node, str]]:
    """A row that only names a group of tasks (`一、强化知识产权创造` across every column) is a heading."""
    texts = [c.text.strip() for c in row if c.text.strip()]
    m = match_marker(texts[0]) if len(texts) == 1 else None
    if m is None or m.number is None:
        return None
    return Node(label=m.label, number=m.number, text=texts[0], line=row[0].line, style=m.family), m.family


def _row_node(row: list[Cell], cols: dict[str, int]) -> Optional[tuple[Node, str]]:
    def cell(key):
        i = cols.get(key)
        return row[i].text.strip() if i is not None and i < len(row) else ""
    task = cell("task")
    if not task:
        return _section_row(row)
    seq = cell("seq")
    family, number, label = "arabic", None, seq
    if seq:
        if seq.isdigit():
            number = int(seq)
        else:
            m = match_marker(seq if seq[-1:] not in ".．、" else seq + "x")
            if m:
                family, number = m.family, m.number
    agencies: list[Agency] = []
    for key, role in (("lead", "lead"), ("resp", "responsible"), ("coop", "cooperate")):
        i = cols.get(key)
        if i is not None and i < len(row):
            c = row[i]
            merge_agencies(agencies, agencies_in_cell("\n".join(c.parts) if c.parts else c.text, role))
    line = row[cols["task"]].line
    text = f"{label}{task}" if label and not task.startswith(label) else task
    return Node(label=label, number=number, text=text, line=line, agencies=agencies, style=family), family


def task_rows(table: list[list[Cell]]) -> Optional[list[tuple[Node, str]]]:
    """The items (with their marker family) of a table of tasks; None when the table is not one."""
    cols = _task_columns(table)
    if cols is None:
        return None
    return [made for made in (_row_node(row, cols) for row in table[1:]) if made]
