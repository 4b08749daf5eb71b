"""A table of tasks in a .docx (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 …) read as items with agencies.

The agency columns are read like a clause (`agencies_in_cell`): a cell may carry its own roles (市商务局（牵头）,
牵头：A；配合：B, A会同B), names without one take the column's role; a name in two columns keeps its strongest role."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..model import Agency, Node
from ..read import Cell
from .agencies import GENERIC_NAMES, agencies_in_cell, merge_agencies
from .data import rules
from .markers import match_marker

# the header words of each column, from rules/clauses.yaml (`columns:`); a header naming people (牵头领导, 责任人)
# is no column of agencies
_DATA = rules("clauses.yaml")
_COLS = {key: tuple(words) for key, words in _DATA["columns"].items()}
_PEOPLE = tuple(_DATA["people_columns"]["people"])
_UNITS = tuple(_DATA["people_columns"]["unless"])
# "排在第一位的为牵头单位": in such a document the first name of a 责任单位 cell leads
_FIRST_LEADS = re.compile("|".join(f"(?:{p})" for p in _DATA["first_leads"]))


def _of_people(header: str) -> bool:
    """牵头领导, 责任人: a column of people (责任单位及责任人 still holds agencies)."""
    return any(p in header for p in _PEOPLE) and not any(u in header for u in _UNITS)


def first_name_leads(texts: Iterable[str]) -> bool:
    """Does the document say that the first agency named in a cell is the lead (a note under or over the table)?"""
    return any(_FIRST_LEADS.search(t) for t in texts if t)


def _squeeze(row: list[Cell]) -> list[str]:
    return [c.text.replace(" ", "").replace("\u3000", "") for c in row]


def _header(table: list[list[Cell]]) -> tuple[list[str], int]:
    """The header's text per column and how many rows it takes: a second row that only names the columns under a
    spanning one (责任单位 over 牵头单位 | 配合单位; the other header cells merged down) belongs to the header."""
    top = _squeeze(table[0])
    if len(table) < 2:
        return top, 1
    below = _squeeze(table[1])
    words = [w for key in ("lead", "resp", "coop") for w in _COLS.get(key, ())]
    new = [(i, b) for i, b in enumerate(below) if b and (i >= len(top) or b != top[i])]
    if new and all(any(w in b for w in words) for _, b in new):
        header = list(top) + [""] * (len(below) - len(top))
        for i, b in new:
            header[i] = b
        return header, 2
    return top, 1


def _task_columns(table: list[list[Cell]]) -> Optional[tuple[dict[str, int], int]]:
    """{column key: index} of a table of tasks and the number of header rows; None when it is no such table."""
    if not table:
        return None
    header, rows = _header(table)
    cols: dict[str, int] = {}
    for key, words in _COLS.items():
        # the words in their order of preference: 牵头单位 before 牵头, whichever column comes first
        i = next((i for w in words for i, h in enumerate(header)
                  if w in h and i not in cols.values() and (key in ("seq", "task") or not _of_people(h))),
                 None)
        if i is not None:
            cols[key] = i
    if "task" in cols and ({"seq", "lead", "resp", "coop"} & cols.keys()):
        return cols, rows  # a column of tasks, numbered or assigned: a plan laid out as a table
    return None


def _section_row(row: list[Cell]) -> Optional[tuple[Node, str]]:
    """A row that only names a group of tasks (`一、强化知识产权创造` across every column) is a heading."""
    texts = [c.text.strip() for c in row if c.text.strip()]
    m = match_marker(texts[0]) if len(texts) == 1 else None
    if m is None or m.number is None:
        return None
    return Node(label=m.label, number=m.number, text=texts[0], line=row[0].line, style=m.family), m.family


def _row_node(row: list[Cell], cols: dict[str, int], first_leads: bool) -> Optional[tuple[Node, str]]:
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
            got = agencies_in_cell("\n".join(c.parts) if c.parts else c.text, role)
            if first_leads and key == "resp" and got and got[0].role == "responsible" and \
                    not any(a.role == "lead" for a in agencies + got):
                got[0].role = "lead"
            merge_agencies(agencies, got)
    if any(a.name not in GENERIC_NAMES for a in agencies):   # 有关部门 alone in the 配合单位 cell names nobody
        agencies = [a for a in agencies if a.name not in GENERIC_NAMES]
    line = row[cols["task"]].line
    text = f"{label}{task}" if label and not task.startswith(label) else task
    return Node(label=label, number=number, text=text, line=line, agencies=agencies, style=family), family


def task_rows(table: list[list[Cell]], first_leads: bool = False) -> Optional[list[tuple[Node, str]]]:
    """The items (with their marker family) of a table of tasks; None when the table is not one. `first_leads`: the
    document says the first name of a cell leads (a header saying so counts too)."""
    found = _task_columns(table)
    if found is None:
        return None
    cols, start = found
    first_leads = first_leads or first_name_leads(c.text for c in table[0])
    return [made for made in (_row_node(row, cols, first_leads) for row in table[start:]) if made]
