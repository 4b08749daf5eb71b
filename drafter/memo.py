"""A per-process memo of answers that forgets them all at once past a bound, so a long-running `drafter serve`
does not grow without end: a plan asks the same few labels, clauses and names thousands of times."""
from __future__ import annotations

from typing import Any, Callable


class BoundedMemo(dict):
    """key → answer, cleared when it holds more than `limit` answers."""

    def __init__(self, limit: int = 20000):
        super().__init__()
        self.limit = limit

    def answer(self, key: Any, compute: Callable[..., Any], *args: Any) -> Any:
        """The remembered answer for `key`, else `compute(*args)` remembered."""
        try:
            return self[key]
        except KeyError:
            if len(self) > self.limit:
                self.clear()
            got = self[key] = compute(*args)
            return got
