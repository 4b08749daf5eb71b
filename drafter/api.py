"""The library's front door: a path in, a ParseResult out."""
from __future__ import annotations

from typing import Optional

from .model import ParseResult
from .parse import parse_source
from .read import read_source


def load(path: str, encoding: Optional[str] = None) -> ParseResult:
    """Read and parse any supported file. Raises DrafterError (exit 2) on bad input."""
    return parse_source(read_source(path, encoding=encoding))
