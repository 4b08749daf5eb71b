"""`drafter draft OUTLINE [-o OUT] [--prior PLAN] [--format docx|txt|md] [--template DIR] [--force]`."""
from __future__ import annotations

import os
from typing import Optional

import click

from ..errors import DrafterError
from ..output import check_writable, write_atomic


def _default_out(outline: str, fmt: str) -> str:
    base = os.path.splitext(outline)[0]
    return f"{base}.{fmt}"


def run(outline: str, out: Optional[str], prior: Optional[str], fmt: str, template_dir: Optional[str],
        force: bool) -> int:
    from ..draft import carry, outline as outline_mod, render

    if out is None and fmt == "docx":
        out = _default_out(outline, fmt)
    if out and out != "-":
        check_writable(out, force)
    if template_dir and not os.path.isdir(template_dir):
        raise DrafterError(template_dir, "模板文件夹不存在", "template folder does not exist")
    ol = outline_mod.load(outline)
    prior_doc = None
    if prior:
        from ..api import load
        res = load(prior)
        prior_doc = res.first("plan") or (res.documents[0] if res.documents else None)
        if prior_doc is None:
            raise DrafterError(prior, "没有从这个文件里读出工作要点", "no plan found in this file")
    carry.resolve(ol.document, prior_doc, ol.name, os.path.basename(prior) if prior else "")
    blocks = render.render(ol.document, ol.options, template_dir)

    if fmt == "docx":
        from ..draft.docx import write_docx
        ref = render.reference_docx(template_dir)
        write_atomic(out, lambda tmp: write_docx(blocks, ref, tmp), force=force)
        click.echo(out, err=True)
        return 0
    from ..draft.text import to_md, to_txt
    text = to_txt(blocks) if fmt == "txt" else to_md(blocks)
    if out and out != "-":
        write_atomic(out, text, force=force)
    else:
        click.echo(text, nl=False)
    return 0
