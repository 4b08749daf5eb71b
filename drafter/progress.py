"""Where long work says how far it is: a no-op unless someone listens (`drafter serve` shows it in the page).

Call `report(stage, done, total)` at the start of each stage (and inside long loops); `listen(fn)` installs the
one listener of this process. Stages: read, convert (.doc/.wps through LibreOffice), parse, check, compare, render.
"""
from __future__ import annotations

from typing import Callable, Optional

_listener: Optional[Callable[[str, Optional[int], Optional[int]], None]] = None


def listen(fn: Optional[Callable[[str, Optional[int], Optional[int]], None]]) -> None:
    global _listener
    _listener = fn


def report(stage: str, done: Optional[int] = None, total: Optional[int] = None) -> None:
    if _listener is not None:
        _listener(stage, done, total)
