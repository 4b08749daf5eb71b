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
    result = parse_source(src)
    if src.fmt == "docx" and _is_zip(path):   # .docx only: a .doc/.wps went through LibreOffice
        from .read.layout import LazyLayout
        result.layout = LazyLayout(path)
    return result


def _is_zip(path: str) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"PK\x03\x04"


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
