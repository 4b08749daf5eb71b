"""`drafter parse`."""
from __future__ import annotations

import json

import click

from ..api import load
from ..output import check_writable, write_atomic


def run(file: str, fmt: str, out: str | None, encoding: str | None, force: bool) -> int:
    if out:
        check_writable(out, force)
    result = load(file, encoding=encoding)
    if fmt == "json":
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "yaml":
        from ..yamlio import dump_yaml
        text = dump_yaml(result.to_dict())
    else:
        from ..report.outline import render_outline
        text = render_outline(result)
    if out:
        write_atomic(out, text, force=force)
    else:
        click.echo(text, nl=False)
    return 0
