"""Last year's parsed plan → next year's outline (a commented YAML mapping), for `drafter init`."""
from __future__ import annotations

import re
from typing import Optional

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from ..model import Document, Node
from ..parse.markers import label_marker
from .numbering import strip_marker
from .render import clause_in_text, lead_sentence
from .rollover import (Notes, applicable, dated_terms, fullwidth_punct, join_hard_breaks, load_renames, load_terms,
                       rename_agencies, roll_years)

HEADER = """drafter 大纲：{year}年工作要点（由 drafter init 从 {src} 生成）
编辑说明：
- 序号由 drafter 自动编排，不要手写；调整顺序、增删条目即可。
- title 是标题或首句，text 是首句之后的正文；agencies 的 role：lead 牵头、responsible 负责、cooperate 配合。
- from 记录条目来自去年的哪一条；carry: (五) 表示原样沿用去年的（五）（起草时加 --prior 去年文件）。
- 带“请核对”注释的条目需要人工确认（过时提法、沿用去年数值的指标、改名的单位等）。
- numbering：continuous 为最深一层跨章节连续编号，restart 为每章重新编号；markers 为各层序号样式；item_level: deepest 表示章节下直接列出的条目也用最深一层的序号。
- agency_style：lead 写作（XX牵头，YY配合），responsible 写作（责任单位：XX），none 不写。
然后运行：drafter draft 本文件 -o {year}年工作要点.docx"""

# the outline's marker sample for each marker family the parser reads (一、 and （一） forms normalised)
_SAMPLE = {"cn": "一、", "paren_cn": "（一）", "arabic": "1.", "paren_arabic": "（1）", "dash": "——", "shi": "一是",
           "circled": "①"}


def marker_of(label: str) -> Optional[str]:
    m = label_marker(label)
    return _SAMPLE.get(m.family) if m else None


def markers_of(doc: Document) -> list[str]:
    """The marker used at each depth (the most common one there)."""
    by_depth: dict[int, dict[str, int]] = {}

    def walk(n: Node, d: int) -> None:
        m = marker_of(n.label)
        if m:
            by_depth.setdefault(d, {}).setdefault(m, 0)
            by_depth[d][m] += 1
        for c in n.children:
            walk(c, d + 1)
    for s in doc.sections:
        walk(s, 0)
    out = []
    defaults = ["一、", "（一）", "1.", "（1）", "①"]
    for d in range(max(by_depth) + 1 if by_depth else 1):
        counts = by_depth.get(d)
        out.append(max(counts, key=counts.get) if counts else defaults[min(d, 4)])
    return out


def item_level_of(doc: Document, markers: list[str]) -> str | None:
    """"deepest" when work items higher up use the deepest level's marker (seed 002), "depth" when they
    use their own depth's (一、 → （一） items beside （一） → 1. items); None when no item sits higher."""
    deepest = len(markers) - 1
    votes = {"deepest": 0, "depth": 0}

    def walk(n: Node, d: int) -> None:
        if not n.children and 0 < d < deepest:
            m = marker_of(n.label)
            if m == markers[deepest]:
                votes["deepest"] += 1
            elif m == markers[d]:
                votes["depth"] += 1
        for c in n.children:
            walk(c, d + 1)
    for s in doc.sections:
        walk(s, 0)
    if not any(votes.values()):
        return None
    return "deepest" if votes["deepest"] > votes["depth"] else "depth"


def numbering_of(doc: Document) -> str:
    """`continuous` when the deepest numbered level keeps counting across its parents."""
    if doc.numbering in ("continuous", "restart"):
        return doc.numbering
    last: dict[int, int] = {}
    runs_on = restarts = 0

    def walk(nodes: list, d: int) -> None:
        nonlocal runs_on, restarts
        first = True
        for n in nodes:
            if n.number is not None and first and d > 0:
                if n.number == 1:
                    restarts += 1
                elif last.get(d) and n.number == last[d] + 1:
                    runs_on += 1
            first = False
            if n.number is not None:
                last[d] = n.number
            walk(n.children, d + 1)
    walk(doc.sections, 0)
    return "continuous" if runs_on > restarts else "restart"


class Roller:
    def __init__(self, old: Optional[int], new: int, context: str = ""):
        self.old, self.new = old, new
        self.renames = applicable(load_renames(), new, context)
        self.terms = load_terms()

    def text(self, s: str, notes: Notes) -> str:
        s = fullwidth_punct(join_hard_breaks(s))
        if self.old:
            s, left = roll_years(s, self.old, self.new)
            for y in sorted(set(left)):
                notes.add(f"提到{y}年")
        s = rename_agencies(s, self.renames, notes)
        dated_terms(s, self.new, self.terms, notes)
        return s


def _strip_clause(text: str, names: list) -> str:
    """Drop a trailing agency clause when the agencies are listed separately (draft writes them back)."""
    if names and clause_in_text(text, names):
        m = re.search(r"\s*[（(][^（）()]*[）)]\s*([。；;]?)\s*$", text)
        if m:
            head = text[:m.start()].rstrip()
            end = m.group(1).replace(";", "；")
            if end and not head.endswith(("。", "；")):
                head += end
            return head
    return text


def node_map(n: Node, roller: Roller, prior_year: Optional[int]) -> CommentedMap:
    notes = Notes()
    m = CommentedMap()
    src = f"{prior_year} {n.label}".strip() if prior_year else (n.label or "")
    if n.label:
        m["from"] = src
    body = strip_marker(n.text) if n.text else ""
    title = strip_marker(n.title) if n.title else ""
    names = [a.name for a in n.agencies]
    if n.children:
        m["title"] = roller.text(title or body, notes)
        rest = body[len(title):].strip() if title and body.startswith(title) else ""
        if rest:
            m["text"] = roller.text(rest, notes)
    else:
        body = _strip_clause(body, names) if names else body
        if not title:
            title = lead_sentence(body)
        rest = body[len(title):].strip() if body.startswith(title) else (body if body != title else "")
        m["title"] = roller.text(title, notes)
        if rest:
            m["text"] = roller.text(rest, notes)
    if n.agencies:
        seq = CommentedSeq()
        for a in n.agencies:
            am = CommentedMap()
            am["name"] = roller.text(a.name, notes)
            am["role"] = a.role
            am.fa.set_flow_style()
            seq.append(am)
        m["agencies"] = seq
    if n.targets:
        vals = "、".join(t.text or f"{t.metric}{t.value}{t.unit}" for t in n.targets)
        notes.add(f"指标沿用了去年的数值（{vals}），请更新")
    if n.children:
        kids = CommentedSeq()
        for c in n.children:
            kids.append(node_map(c, roller, prior_year))
        m["children"] = kids
    note = notes.text()
    if note:
        first = next(iter(m))
        m.yaml_add_eol_comment(note, first)
    return m


def to_outline(doc: Document, year: int, source_name: str) -> CommentedMap:
    old = doc.year
    roller = Roller(old, year, f"{doc.issuer} {doc.title}")
    out = CommentedMap()
    out["kind"] = "plan"
    notes = Notes()
    title = fullwidth_punct(join_hard_breaks(doc.title or ""))
    if old and str(old) in title:
        title = title.replace(str(old), str(year), 1)
    elif not re.search(r"\d{4}年", title):
        title = f"{year}年{title}" if title else f"{year}年工作要点"
    out["title"] = title
    out["year"] = year
    out["issuer"] = roller.text(doc.issuer or "", notes)
    out["date"] = ""
    out.yaml_add_eol_comment("成文日期，如 " + f"{year}年3月5日；留空则不署日期", "date")
    out["numbering"] = numbering_of(doc)
    markers = CommentedSeq(markers_of(doc))
    markers.fa.set_flow_style()
    out["markers"] = markers
    level = item_level_of(doc, list(markers))
    if level:
        out["item_level"] = level
    out["agency_style"] = "lead"
    out["appendix_table"] = False
    pnotes = Notes()
    preamble = join_hard_breaks(doc.preamble or "", paragraphs=True)
    paras = [roller.text(p, pnotes) for p in preamble.splitlines() if p.strip()]
    if paras:
        out["preamble"] = LiteralScalarString("\n".join(paras) + "\n")
        if doc.targets or pnotes.items:
            extra = ["去年的预期目标数值需要更新"] if doc.targets else []
            out.yaml_set_comment_before_after_key("preamble", before="请核对：" + "；".join(extra + pnotes.items))
    pre = "".join(paras)
    tgts = CommentedSeq()
    for t in doc.targets:
        if t.text and fullwidth_punct(t.text) not in pre:
            tm = CommentedMap()
            tm["metric"] = t.metric
            tm["value"] = t.value
            tm["unit"] = t.unit
            tm["op"] = t.op
            tm["kind"] = t.kind
            tm["text"] = roller.text(t.text, Notes())
            tgts.append(tm)
    if tgts:
        out["targets"] = tgts
        out.yaml_add_eol_comment("请核对：去年的预期目标数值需要更新", "targets")
    secs = CommentedSeq()
    for s in doc.sections:
        secs.append(node_map(s, roller, old))
    out["sections"] = secs
    out.yaml_set_start_comment(HEADER.format(year=year, src=source_name))
    return out
