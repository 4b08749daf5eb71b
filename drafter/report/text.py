"""`check --format text`: compiler-style lines a person reads in a terminal and an editor can jump to.

    plan.txt:41: error NUM001 序号“(五)”跳过了“(四)”…
        三、/(五)  (五)加强知识产权保护…
        建议：(四)

Grouped by file, sorted by line; a summary line at the end; colour when stdout is a terminal
(click strips the colour codes otherwise).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

import click

from ..check.base import Finding
from ..check.engine import count
from ..i18n import get_lang, tr

_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
_SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def render_text(findings: list[Finding], sources: list[str] | None = None, verbose: bool = True) -> str:
    return "".join(iter_text(findings, sources, verbose))


def iter_text(findings: list[Finding], sources: list[str] | None = None, verbose: bool = True) -> Iterator[str]:
    """`render_text`'s text line by line (each with its newline), so that a long report is never one string."""
    by_src: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_src[f.source].append(f)
    order = list(sources or []) + [s for s in by_src if s not in (sources or [])]
    for src in order:
        fs = by_src.get(src, [])
        if not fs:
            continue
        for f in fs:
            loc = f"{src}:{f.line}" if f.line else src
            sev = click.style(f.severity, fg=_COLOUR.get(f.severity), bold=f.severity == "error")
            code = click.style(f.rule, bold=True)
            yield f"{loc}: {sev} {code} {f.message}\n"
            if verbose:
                where = f.path or f.label
                ex = f.excerpt.strip()
                if where or ex:
                    yield "    " + "  ".join(x for x in (click.style(where, dim=True) if where else "", ex) if x) + "\n"
                for r in f.related:
                    rl = f"{r.get('source') or src}:{r.get('line')}"
                    yield ("    " + tr("另见 ", "see also ") + rl
                           + ("  " + str(r.get("excerpt", ""))[:40] if r.get("excerpt") else "") + "\n")
                if f.suggestion:
                    yield "    " + click.style(tr("建议：", "suggestion: ") + f.suggestion_text, fg="green") + "\n"
        yield "\n"
    yield summary_line(findings, len(order) or len(sources or [])) + "\n"


def summary_line(findings: list[Finding], nfiles: int) -> str:
    c = count(findings)
    total = sum(c.values())
    if get_lang() == "en":
        if not total:
            return f"No problems found ({nfiles} file{'s' if nfiles != 1 else ''} checked)."
        return (f"Found {total} problem{'s' if total != 1 else ''}: {c['error']} error(s), {c['warning']} warning(s), "
                f"{c['info']} info ({nfiles} file{'s' if nfiles != 1 else ''} checked).")
    if not total:
        return f"未发现问题（检查了 {nfiles} 个文件）。"
    return f"发现 {total} 个问题：{c['error']} 个错误，{c['warning']} 个警告，{c['info']} 个提示（检查了 {nfiles} 个文件）。"
