"""`fix --dry-run`: a unified diff of the lines (paragraphs of a .docx) fix would change, each hunk labelled
with the rule codes of the changes in it. Lines are never added or removed by a fix, so old and new have
the same length and a hunk is a run of changed lines with three lines of context."""
from __future__ import annotations

from .plan import Change

CONTEXT = 3


def _hunks(changed: list[int], n: int) -> list[tuple[int, int]]:
    """0-based [start, end) ranges of lines to show, changed lines with their context, close ones merged."""
    out: list[list[int]] = []
    for i in changed:
        a, b = max(0, i - CONTEXT), min(n, i + CONTEXT + 1)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def unified_diff(old: list[str], new: list[str], changes: list[Change], old_name: str, new_name: str) -> str:
    changed = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
    if not changed:
        return ""
    rules_at: dict[int, set[str]] = {}
    for ch in changes:
        rules_at.setdefault(ch.line - 1, set()).update(ch.rules)
    out = [f"--- {old_name}", f"+++ {new_name}"]
    for a, b in _hunks(changed, len(old)):
        rules = sorted(set().union(*(rules_at.get(i, set()) for i in range(a, b))))
        out.append(f"@@ -{a + 1},{b - a} +{a + 1},{b - a} @@ {', '.join(rules)}".rstrip())
        for i in range(a, b):
            if old[i] == new[i]:
                out.append(" " + old[i])
            else:
                out.append("-" + old[i])
                out.append("+" + new[i])
    return "\n".join(out) + "\n"
