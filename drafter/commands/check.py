"""`drafter check`: parse each file, run the rules, print findings, exit 0/1/2 (the same in every format)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional, Sequence

import click

from .. import progress
from ..api import load, load_context
from ..check.config import config_for, load_config
from ..check.engine import exit_code, run_checks, sort_findings
from ..errors import DrafterError
from ..output import check_writable


def _given_on_command_line(param: str) -> bool:
    """Was `--fail-on` typed (not click's default)? Outside a click command (tests calling run()): no."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return False
    try:
        src = ctx.get_parameter_source(param)
    except Exception:  # pragma: no cover - a context without that parameter
        return False
    return src is not None and src.name not in ("DEFAULT", "DEFAULT_MAP")


def _fail_on(cli_value: Optional[str], config: dict) -> str:
    """The command line wins over drafter.yaml's `fail-on`, even when it says the default `error`."""
    if cli_value and (cli_value != "error" or _given_on_command_line("fail_on")):
        return cli_value
    return str(config.get("fail-on") or cli_value or "error")


@dataclass
class Report:
    """What one check run found: `text` is what `check --format FMT` prints (`chunks()` yields it piece by
    piece, for a report too long to hold twice); `code` its exit code."""
    code: int
    findings: list
    results: list
    chunks: Callable[[], Iterable[str]]

    @property
    def text(self) -> str:
        return "".join(self.chunks())


def report(files: Sequence[str], prior: Optional[str] = None, summary: Optional[str] = None,
           config: Optional[str] = None, select: Optional[str] = None, ignore: Optional[str] = None,
           fmt: str = "text", fail_on: str = "error", encoding: Optional[str] = None,
           find_config: bool = True) -> Report:
    """Parse and check `files`: one function for the command and for `POST /api/check` / `/api/annotate`.

    `find_config=False` uses only `config` (the server must not pick up a drafter.yaml above its temp folder).
    """
    files = list(files)
    for f in [*files, prior, summary, config]:
        if f and not os.path.exists(f):
            raise DrafterError(f, "文件不存在", "no such file")
    prior_res, summary_res = load_context(prior, summary, encoding)
    findings = []
    results = []
    code = 0
    for path in files:
        # each file is checked under its own drafter.yaml, its `fail-on` included; the worst exit code wins
        if find_config:
            cfg, _ = config_for(path, config)
        else:
            cfg = load_config(config) if config else {}
        result = load(path, encoding=encoding)
        results.append(result)
        found = run_checks(result, prior=prior_res, summary=summary_res, config=cfg, select=select, ignore=ignore)
        code = max(code, exit_code(found, _fail_on(fail_on, cfg)))
        findings.extend(found)
    findings = sort_findings(findings)
    progress.report("render")
    sources = [r.source for r in results]
    if fmt == "json":
        from ..report.jsonfmt import iter_json
        return Report(code, findings, results, lambda: iter_json(findings))
    if fmt == "sarif":
        from ..report.sarif import render_sarif
        return Report(code, findings, results, lambda: iter([render_sarif(findings, sources, exit_code=code)]))
    from ..report.text import iter_text
    return Report(code, findings, results, lambda: iter_text(findings, sources))


def _batches(chunks: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """The chunks joined into pieces of about `size` characters (one write and flush per piece, not per line)."""
    buf: list[str] = []
    n = 0
    for c in chunks:
        buf.append(c)
        n += len(c)
        if n >= size:
            yield "".join(buf)
            buf, n = [], 0
    if buf:
        yield "".join(buf)


def annotate_to(rep: Report, file: str, out: str, force: bool = False) -> int:
    """Write `out`: `file` with a Word comment on each finding of `rep`. Returns the number of comments."""
    from ..report.annotate import annotate as write_annotated
    return write_annotated(file, rep.findings, out, force=force, lines=rep.results[0].lines)


def run(files: Sequence[str], prior: Optional[str] = None, summary: Optional[str] = None,
        config: Optional[str] = None, select: Optional[str] = None, ignore: Optional[str] = None,
        fmt: str = "text", annotate: Optional[str] = None, fail_on: str = "error",
        encoding: Optional[str] = None, force: bool = False) -> int:
    files = list(files)
    if annotate:
        if len(files) != 1:
            raise DrafterError("--annotate", "--annotate 只能用于检查一个文件", "--annotate needs exactly one input file")
        if not annotate.lower().endswith(".docx"):
            raise DrafterError(annotate, "--annotate 的输出文件应以 .docx 结尾", "--annotate writes a .docx file")
        if os.path.abspath(annotate) == os.path.abspath(files[0]):
            raise DrafterError(annotate, "不能覆盖被检查的文件本身", "refusing to overwrite the checked file")
        check_writable(annotate, force)
    rep = report(files, prior, summary, config, select, ignore, fmt, fail_on, encoding)
    for piece in _batches(rep.chunks()):
        click.echo(piece, nl=False)
    if annotate:
        from ..i18n import tr
        n = annotate_to(rep, files[0], annotate, force=force)
        click.echo(tr(f"已写入 {annotate}（{n} 条批注）", f"wrote {annotate} ({n} comments)"), err=True)
    return rep.code
