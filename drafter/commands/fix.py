"""`drafter fix FILE [-o OUT] [--select] [--ignore] [--layout] [--prior] [--summary] [--config] [--dry-run] [--force]`:
fix what check finds with one right answer; say what was fixed and what is left for a person."""
from __future__ import annotations

from typing import Optional

import click

from ..fix.engine import FixResult, fix_file
from ..i18n import tr


def _lines(findings) -> str:
    by: dict[str, list[str]] = {}
    for f in findings:
        by.setdefault(f.rule, []).append(str(f.line) if f.line else "?")
    return tr("；", "; ").join(f"{code} {tr('第 ', 'line ')}{tr('、', ', ').join(ls)}{tr(' 行', '')}"
                              for code, ls in sorted(by.items()))


def report(r: FixResult, dry_run: bool) -> str:
    out = []
    fixed = r.fixed_by_rule
    n = sum(fixed.values())
    by = tr("、", ", ").join(f"{code} {k}" for code, k in sorted(fixed.items()))
    laid = r.layout is not None and bool(r.layout.done)
    if not r.plan.changes and not laid:
        out.append(tr("没有可以自动修复的问题。", "Nothing to fix."))
    elif not r.plan.changes:
        out.append(tr(f"已按 GB/T 9704 调整版式（{by}），未改动文字；写入 {r.out}", f"layout set to GB/T 9704 ({by}), "
                      f"no word changed; wrote {r.out}") if not dry_run else
                   tr("将按 GB/T 9704 调整版式；未写入任何文件（--dry-run）。", "would set the GB/T 9704 layout; nothing written (--dry-run)."))
    elif dry_run:
        out.append(tr(f"将修复 {n} 个问题（{by}），共改动 {len(r.plan.changes)} 处；未写入任何文件（--dry-run）。",
                      f"would fix {n} findings ({by}) with {len(r.plan.changes)} changes; nothing written (--dry-run)."))
    else:
        what = tr("修订（接受或拒绝见 Word 的“审阅”）", "tracked changes (accept or reject them in Word's Review tab)") \
            if r.fmt == "docx" else tr("改动", "changes")
        k = r.revisions if r.fmt == "docx" and r.revisions else len(r.plan.changes)
        out.append(tr(f"已修复 {n} 个问题（{by}），共 {k} 处{what}，写入 {r.out}",
                      f"fixed {n} findings ({by}) with {k} {what}; wrote {r.out}"))
    if laid:
        out.append(tr(f"版式：{r.layout.changes} 处修订", f"layout: {r.layout.changes} tracked change(s)"))
        out += ["  " + line for line in r.layout.lines()]
    if r.plan.dropped:
        why = {"conflict": tr("修改互相冲突", "edits conflict"), "span": tr("无法定位原文", "cannot be placed")}
        parts = [f"{f.rule} {tr('第 ', 'line ')}{f.line}{tr(' 行', '')}{tr('（', ' (')}{why.get(w, w)}{tr('）', ')')}"
                 for f, w in r.plan.dropped]
        out.append(tr("未能修复：", "not fixed: ") + tr("；", "; ").join(parts))
    if r.after:
        out.append(tr(f"留待人工处理 {len(r.after)} 个：", f"left for a person: {len(r.after)}: ") + _lines(r.after))
    if r.new:
        out.append(tr("注意：修复后出现了新的问题，请核对：", "note: the fixed file has new findings, please check: ")
                   + _lines(r.new))
    return "\n".join(out)


def run(file: str, out: Optional[str] = None, select: Optional[str] = None, ignore: Optional[str] = None,
        layout: bool = False, prior: Optional[str] = None, summary: Optional[str] = None,
        config: Optional[str] = None, dry_run: bool = False, force: bool = False,
        encoding: Optional[str] = None) -> int:
    r = fix_file(file, out=out, select=select, ignore=ignore, prior=prior, summary=summary, config=config,
                 dry_run=dry_run, force=force, layout=layout, encoding=encoding)
    if dry_run and r.diff:
        click.echo(r.diff, nl=False)   # ends in a newline, as a unified diff does
        # the report goes to stderr; a view that shows both streams with stdout's last newline dropped (a CI
        # log, a tool's capture) would run it on from the diff's last line — a blank line keeps it apart
        click.echo("", err=True)
    click.echo(report(r, dry_run), err=True)
    return 0
