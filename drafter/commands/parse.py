"""`drafter parse`."""
from __future__ import annotations

import click

from ..api import load
from ..jsonout import dumps
from ..output import check_writable, write_atomic


def render(file: str, fmt: str = "json", encoding: str | None = None) -> str:
    """The text `drafter parse` prints: one function for the command and for `POST /api/parse`."""
    result = load(file, encoding=encoding)
    if fmt == "json":
        return dumps(result.to_dict()) + "\n"
    if fmt == "yaml":
        from ..yamlio import dump_yaml
        return dump_yaml(result.to_dict())
    from ..report.outline import render_outline
    return render_outline(result)


def run(file: str, fmt: str, out: str | None, encoding: str | None, force: bool) -> int:
    if out:
        check_writable(out, force)
    text = render(file, fmt, encoding)
    if out:
        write_atomic(out, text, force=force)
    else:
        click.echo(text, nl=False)
    return 0
