"""`drafter compare OLD NEW [--summary SUMMARY] [--format text|json|html|docx] [-o OUT]`."""
from __future__ import annotations

import os
from typing import Optional

import click

from .. import progress
from ..api import load
from ..compare.engine import compare_documents, pick_plan, pick_summary
from ..errors import DrafterError
from ..model import Document, ParseResult
from ..output import check_writable, write_atomic


def _plan(result: ParseResult, path: str) -> Document:
    doc = pick_plan(result)
    if doc is None or not doc.items():
        raise DrafterError(path, "没有找到可对比的条目(不是工作要点?)",
                           "no items to compare found (is this a work plan?)")
    return doc


def _auto_summary(old_doc: Document, new_doc: Document, *results: ParseResult) -> Optional[Document]:
    """A summary printed in one of the two files (seed 004: 2022 summary + 2023 plan) for last year."""
    for r in results:
        s = pick_summary(r)
        if s is None or s is old_doc or s is new_doc:
            continue
        if old_doc.year is None or s.year is None or s.year == old_doc.year:
            return s
    return None


def comparison(old: str, new: str, summary: Optional[str] = None, encoding: Optional[str] = None):
    """Read both plans (and the summary) and align them: one function for the command and `POST /api/compare`."""
    old_res = load(old, encoding=encoding)
    new_res = load(new, encoding=encoding)
    old_doc = _plan(old_res, old)
    new_doc = _plan(new_res, new)
    summary_doc = None
    summary_src = None
    if summary:
        s_res = load(summary, encoding=encoding)
        summary_doc = pick_summary(s_res)
        if summary_doc is None:
            raise DrafterError(summary, "文件中没有工作总结", "no work summary (工作总结) found in this file")
        summary_src = summary
    else:
        summary_doc = _auto_summary(old_doc, new_doc, new_res, old_res)
        if summary_doc is not None:
            summary_src = new if summary_doc in new_res.documents else old
    progress.report("compare")
    return compare_documents(old_doc, new_doc, summary_doc, old_source=os.path.basename(old),
                             new_source=os.path.basename(new),
                             summary_source=os.path.basename(summary_src) if summary_src else None)


def render(cmp, fmt: str, colour: bool = False) -> str:
    """The text of `compare --format text|json|html`."""
    progress.report("render")
    if fmt == "json":
        from ..report.compare_json import render_json
        return render_json(cmp)
    if fmt == "html":
        from ..report.compare_html import render_html
        return render_html(cmp)
    from ..report.compare_text import render_text
    return render_text(cmp, colour=colour)


def write_docx(cmp, out: str, force: bool = False) -> None:
    """The tracked-changes .docx of `compare --format docx -o OUT`."""
    from ..report.compare_docx import write_docx as write
    progress.report("render")
    write_atomic(out, lambda tmp: write(cmp, tmp), force=force)


def run(old: str, new: str, summary: Optional[str], fmt: str, out: Optional[str], encoding: Optional[str],
        force: bool) -> int:
    if fmt == "docx" and not out:
        raise DrafterError("-o", "docx 格式需要用 -o 指定输出文件", "--format docx needs an output file: -o OUT.docx")
    if out:
        check_writable(out, force)
    cmp = comparison(old, new, summary, encoding)
    if fmt == "docx":
        write_docx(cmp, out, force=force)  # type: ignore[arg-type]
        return 0
    text = render(cmp, fmt, colour=not out)
    if out:
        write_atomic(out, text, force=force)
    else:
        click.echo(text, nl=False)
    return 0
