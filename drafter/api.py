"""The library's front door: a path in, a ParseResult out."""
from __future__ import annotations

from typing import Optional

from . import progress
from .errors import DrafterError
from .model import ParseResult
from .parse import parse_source
from .read import read_source


def load(path: str, encoding: Optional[str] = None) -> ParseResult:
    """Read and parse any supported file. Raises DrafterError (exit 2) on bad input."""
    progress.report("read")
    src = read_source(path, encoding=encoding)
    progress.report("parse")
    return parse_source(src)


def load_context(prior: Optional[str], summary: Optional[str],
                 encoding: Optional[str] = None) -> tuple[Optional[ParseResult], Optional[ParseResult]]:
    """Last year's plan (--prior) and summary (--summary) as check and fix read them; each must hold a document."""
    prior_res = load(prior, encoding=encoding) if prior else None
    summary_res = load(summary, encoding=encoding) if summary else None
    if prior_res is not None and not prior_res.documents:
        raise DrafterError(prior, "--prior 文件里没有识别出工作要点", "no plan found in the --prior file")
    if summary_res is not None and not summary_res.documents:
        raise DrafterError(summary, "--summary 文件里没有识别出工作总结", "no summary found in the --summary file")
    return prior_res, summary_res
