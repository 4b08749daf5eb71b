"""`drafter draft OUTLINE [-o OUT] [--prior PLAN] [--format docx|txt|md] [--template DIR] [--force]`."""
from __future__ import annotations

import os
from typing import Optional

import click

from .. import progress
from ..errors import DrafterError
from ..output import check_writable, write_atomic


def _default_out(outline: str, fmt: str) -> str:
    base = os.path.splitext(outline)[0]
    return f"{base}.{fmt}"


def blocks_of(ol, prior: Optional[str], template_dir: Optional[str]):
    """An outline (draft.outline.Outline) → the rendered blocks: carry: items resolved from `prior`."""
    from ..draft import carry, render

    if template_dir and not os.path.isdir(template_dir):
        raise DrafterError(template_dir, "模板文件夹不存在", "template folder does not exist")
    prior_doc = None
    if prior:
        from ..api import load
        res = load(prior)
        prior_doc = res.first("plan") or (res.documents[0] if res.documents else None)
        if prior_doc is None:
            raise DrafterError(prior, "没有从这个文件里读出工作要点", "no plan found in this file")
    carry.resolve(ol.document, prior_doc, ol.name, os.path.basename(prior) if prior else "")
    progress.report("render")
    return render.render(ol.document, ol.options, template_dir)


def write(blocks, fmt: str, out: Optional[str], template_dir: Optional[str], force: bool) -> Optional[str]:
    """Write the .docx to `out`, or return the .txt/.md text (written to `out` too when one is given)."""
    if fmt == "docx":
        from ..draft import render
        from ..draft.docx import write_docx
        ref = render.reference_docx(template_dir)
        write_atomic(out, lambda tmp: write_docx(blocks, ref, tmp), force=force)  # type: ignore[arg-type]
        return None
    from ..draft.text import to_md, to_txt
    text = to_txt(blocks) if fmt == "txt" else to_md(blocks)
    if out and out != "-":
        write_atomic(out, text, force=force)
    return text


def run(outline: str, out: Optional[str], prior: Optional[str], fmt: str, template_dir: Optional[str],
        force: bool) -> int:
    from ..draft import outline as outline_mod

    if out is None and fmt == "docx":
        out = _default_out(outline, fmt)
    if out and out != "-":
        check_writable(out, force)
    if template_dir and not os.path.isdir(template_dir):
        raise DrafterError(template_dir, "模板文件夹不存在", "template folder does not exist")
    blocks = blocks_of(outline_mod.load(outline), prior, template_dir)
    text = write(blocks, fmt, out, template_dir, force)
    if fmt == "docx":
        click.echo(out, err=True)
    elif not (out and out != "-"):
        click.echo(text, nl=False)
    return 0
