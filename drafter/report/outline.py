"""`parse --format text`: the parsed structure as an indented outline a person reads in a terminal."""
from __future__ import annotations

from ..i18n import tr
from ..model import Document, Node, ParseResult, Target

_KIND_ZH = {"plan": "工作要点", "summary": "工作总结", "division": "任务分工", "unknown": "未识别"}
_ROLE_ZH = {"lead": "牵头", "responsible": "负责", "cooperate": "配合"}


def _num(v) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}" if isinstance(v, int) else str(v)


def _target(t: Target) -> str:
    return f"{t.metric} {t.op} {_num(t.value)}{t.unit}" + (f" ({t.kind})" if t.kind != "absolute" else "")


def _node(n: Node, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    label = n.label or "·"
    title = n.title or n.body[:40]
    line = f"{pad}{label} {title}".rstrip()
    if n.line:
        line += f"  [{tr('行', 'line')} {n.line}]"
    out.append(line)
    if n.agencies:
        ags = "、".join(a.name + (f"({tr(_ROLE_ZH.get(a.role, a.role), a.role)})" if a.role != "responsible" else "")
                       for a in n.agencies)
        out.append(f"{pad}    {tr('责任单位', 'agencies')}: {ags}")
    for t in n.targets:
        out.append(f"{pad}    {tr('目标', 'target')}: {_target(t)}")
    for c in n.children:
        _node(c, depth + 1, out)


def _doc(d: Document, out: list[str]) -> None:
    head = f"[{tr(_KIND_ZH.get(d.kind, d.kind), d.kind)}] {d.title or tr('（无标题）', '(untitled)')}"
    bits = [str(d.year) if d.year else "", d.issuer, f"{tr('行', 'line')} {d.line}" if d.line else ""]
    bits = [b for b in bits if b]
    if bits:
        head += "  (" + "，".join(bits) + ")"
    out.append(head)
    if d.numbering:
        out.append("  " + tr("编号方式：", "numbering: ") + tr({"continuous": "跨部分连续", "restart": "各部分重新编号"}.get(d.numbering, d.numbering), d.numbering))
    if d.targets:
        out.append("  " + tr("主要目标：", "headline targets:"))
        for t in d.targets:
            out.append(f"    - {_target(t)}" + (f"  [{tr('行', 'line')} {t.line}]" if t.line else ""))
    nitems = len(d.items())
    out.append("  " + tr(f"{len(d.sections)} 个部分，{nitems} 个条目", f"{len(d.sections)} sections, {nitems} items"))
    for s in d.sections:
        _node(s, 1, out)


def render_outline(result: ParseResult) -> str:
    out: list[str] = [result.source]
    if not result.documents:
        out.append(tr("  （没有识别出文件结构）", "  (no document structure found)"))
    for d in result.documents:
        out.append("")
        _doc(d, out)
    if result.warnings:
        out.append("")
        out.append(tr("提示：", "notes:"))
        for w in result.warnings:
            msg = w.get("message_zh") or w.get("message") or ""
            if tr("", "en") == "en":
                msg = w.get("message_en") or msg
            out.append(f"  {tr('行', 'line')} {w.get('line', '?')}: {w.get('code', '')} {msg}".rstrip())
    return "\n".join(out) + "\n"
