"""`drafter compare --format text`: a terminal report grouped by heading.

Differences are marked ``[-deleted-]{+inserted+}`` (wdiff style, readable without colour) and, on a
terminal, coloured too (click strips the colour when the output is not a terminal).
"""
from __future__ import annotations


import click

from ..compare.model import Change, Comparison, TargetChange
from ..compare.targets import agency_change_text, fmt_value, relation_note
from ..i18n import tr

STATUS_COLOUR = {"carried": None, "revised": "yellow", "moved": "cyan", "new": "green", "dropped": "red"}


def status_name(s: str) -> str:
    return {"carried": tr("沿用", "carried"), "revised": tr("修改", "revised"), "moved": tr("移动", "moved"),
            "new": tr("新增", "new"), "dropped": tr("删除", "dropped")}[s]


def change_name(c: str) -> str:
    return {"raised": tr("提高", "raised"), "lowered": tr("降低", "lowered"), "same": tr("未变", "same"),
            "added": tr("新设", "added"), "removed": tr("取消", "removed"),
            "changed": tr("口径变化", "changed")}.get(c, c)


def verdict(tc: TargetChange) -> str:
    """Short judgement words for one target row: met / not met, above / not above achieved."""
    parts = []
    if tc.old_met is True:
        parts.append(tr("上年目标已完成", "last year's target met"))
    elif tc.old_met is False:
        parts.append(tr("上年目标未完成", "last year's target not met"))
    if tc.above_achieved is True:
        parts.append(tr("高于上年实绩", "above last year's achievement"))
    elif tc.above_achieved is False:
        parts.append(tr("未高于上年实绩", "not above last year's achievement"))
    return "；".join(parts) if tr("zh", "en") == "zh" else "; ".join(parts)


def _abbrev(t: str, keep: int) -> str:
    if keep <= 0 or len(t) <= 2 * keep + 3:
        return t
    return t[:keep] + "…" + t[-keep:]


def diff_text(segs: list[tuple[str, str]], colour: bool = True, keep: int = 14) -> str:
    out = []
    n = len(segs)
    for i, (op, t) in enumerate(segs):
        if op == "=":
            k = keep
            if i == 0:
                t = t if len(t) <= keep else "…" + t[-keep:]
            elif i == n - 1:
                t = t if len(t) <= keep else t[:keep] + "…"
            else:
                t = _abbrev(t, k)
            out.append(t)
        elif op == "-":
            s = f"[-{t}-]"
            out.append(click.style(s, fg="red") if colour else s)
        else:
            s = f"{{+{t}+}}"
            out.append(click.style(s, fg="green") if colour else s)
    return "".join(out)


def _target_line(tc: TargetChange) -> str:
    s = f"{tc.metric}: {fmt_value(tc.old)} → {fmt_value(tc.new)} ({change_name(tc.change)})"
    if tc.achieved is not None:
        s += tr(f"；上年完成 {fmt_value(tc.achieved)}", f"; achieved {fmt_value(tc.achieved)}")
        v = verdict(tc)
        if v:
            s += f"，{v}" if tr("zh", "en") == "zh" else f", {v}"
    return s


def _change_lines(ch: Change, colour: bool) -> list[str]:
    name = status_name(ch.status)
    if ch.similarity is not None and ch.status != "carried":
        name += f" {ch.similarity:.0f}%"
    tag = f"[{name}]"
    if colour and STATUS_COLOUR[ch.status]:
        tag = click.style(tag, fg=STATUS_COLOUR[ch.status], bold=True)
    if ch.old is not None and ch.new is not None:
        lab = ch.new.label if not ch.renumbered else f"{ch.old.label}→{ch.new.label}"
        head = f"  {tag} {lab} {ch.new.title}"
        if ch.status == "moved":
            head += tr(f"  (原在 {ch.old.path})", f"  (was {ch.old.path})")
    elif ch.new is not None:
        head = f"  {tag} {ch.new.label} {ch.new.title}"
    else:
        head = f"  {tag} {ch.old.label} {ch.old.title}"  # type: ignore[union-attr]
    if relation_note(ch):
        head += f"  ({relation_note(ch)})"
    lines = [head]
    pad = "        "
    if ch.text_changed and ch.diff:
        lines.append(pad + diff_text(ch.diff, colour))
    for tc in ch.targets:
        if ch.status in ("carried",) and tc.change == "same" and tc.achieved is None:
            continue
        lines.append(pad + tr("目标 ", "target ") + _target_line(tc))
    if ch.agencies:
        lines.append(pad + tr("单位 ", "agencies ") + agency_change_text(ch.agencies))
    return lines


def tracking_lines(cmp: Comparison) -> list[str]:
    if not cmp.tracking:
        return []
    oy = cmp.old_doc.year or tr("上年", "last year")
    ny = cmp.new_doc.year or tr("今年", "this year")
    sy = (cmp.summary_doc.year if cmp.summary_doc is not None else None) or oy
    head = tr(f"目标跟踪：{oy}年目标 / {sy}年完成 / {ny}年目标",
              f"Target tracking: {oy} target / {sy} achieved / {ny} target")
    lines = ["", head]
    seen: dict[str, int] = {}
    for row in cmp.tracking:
        seen[row["change"].metric] = seen.get(row["change"].metric, 0) + 1
    for row in cmp.tracking:
        tc = row["change"]
        ach = fmt_value(tc.achieved) if tc.achieved is not None else "—"
        s = f"  {tc.metric}: {fmt_value(tc.old)} / {ach} / {fmt_value(tc.new)}  ({change_name(tc.change)})"
        if seen[tc.metric] > 1:  # one metric in the headline targets and in an item: say which row is which
            where = [w or tr("主要预期目标", "headline") for w in (row["old_where"], row["new_where"]) if w is not None]
            if where:
                s += "  [" + (where[-1] if len(set(where)) == 1 else " → ".join(where)) + "]"
        v = verdict(tc)
        if v:
            s += "  " + v
        lines.append(s)
    return lines


def render_text(cmp: Comparison, colour: bool = True) -> str:
    c = cmp.counts()
    oy = f"({cmp.old_doc.year})" if cmp.old_doc.year else ""
    ny = f"({cmp.new_doc.year})" if cmp.new_doc.year else ""
    counts = " · ".join(f"{status_name(s)} {n}" for s, n in c.items())
    lines = [f"{cmp.old_source}{oy} → {cmp.new_source}{ny}", counts]
    for row in cmp.sections:
        if not row.changes:
            continue
        lines.append("")
        if row.new is not None:
            h = row.new.label + row.new.title
            if row.old is not None and row.diff:
                h += tr("  (原 ", "  (was ") + row.old.label + row.old.title + ")"
            elif row.old is not None and row.old.label != row.new.label:
                was = row.old.label or row.old.title  # an unnumbered (heading-styled) heading has no label
                h += tr(f"  (原 {was})", f"  (was {was})")
        elif row.old is not None:
            h = row.old.label + row.old.title + tr("  (今年已无此标题)", "  (heading gone this year)")
        else:
            h = tr("(不在任何标题下)", "(top level)")
        lines.append(click.style(h, bold=True) if colour else h)
        for ch in row.changes:
            lines.extend(_change_lines(ch, colour))
    lines.extend(tracking_lines(cmp))
    return "\n".join(lines) + "\n"
