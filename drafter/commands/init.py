"""`drafter init --from PRIOR_PLAN [--year N] [-o OUTLINE.yaml]`: next year's outline from last year's plan."""
from __future__ import annotations

import os
from typing import Optional

import click

from .. import progress
from ..errors import DrafterError
from ..output import check_writable, write_atomic


def outline(prior: str, year: Optional[int] = None, encoding: Optional[str] = None):
    """Next year's outline (a commented YAML mapping): one function for the command and `POST /api/init`."""
    from ..api import load
    from ..draft.to_outline import to_outline

    res = load(prior, encoding=encoding)
    doc = res.first("plan") or res.first("division")
    if doc is None:
        doc = next((d for d in res.documents if d.sections), None)
    if doc is None:
        raise DrafterError(prior, "没有从这个文件里读出工作要点（找不到标题和条目）",
                           "no plan found in this file (no title and items)")
    if doc.kind == "summary":
        raise DrafterError(prior, f"这是工作总结（{doc.title}），不是工作要点；请用去年的工作要点生成新一年的大纲",
                           f"this is a summary ({doc.title}), not a plan; start next year's outline from last year's plan")
    if year is None:
        if not doc.year:
            raise DrafterError(prior, "看不出这份工作要点是哪一年的；请用 --year 指定新一年",
                               "cannot tell the plan's year; give the new year with --year")
        year = doc.year + 1
    if not 1949 <= year <= 2200:
        raise DrafterError("--year", f"年份 {year} 不合理", f"implausible year {year}")
    progress.report("render")
    return to_outline(doc, year, os.path.basename(prior))


def run(prior: str, year: Optional[int], out: Optional[str], encoding: Optional[str], force: bool) -> int:
    from ..yamlio import dump_yaml

    if out and out != "-":
        check_writable(out, force)
    text = dump_yaml(outline(prior, year, encoding))
    if out and out != "-":
        write_atomic(out, text, force=force)
        click.echo(out, err=True)
    else:
        click.echo(text, nl=False)
    return 0
