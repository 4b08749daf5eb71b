"""The parser's knowledge, read once from `rules/clauses.yaml`, `rules/layout.yaml` and the generic names of
`rules/agencies.yaml` (PyYAML's C loader)."""
from __future__ import annotations

import functools
from typing import Any

from ..errors import DrafterError
from ..resources import rules_dir


@functools.lru_cache(maxsize=None)
def rules(name: str) -> Any:
    """The parsed `rules/<name>` (shared, do not modify)."""
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    path = rules_dir() / name
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise DrafterError(f"rules/{name}", f"无法读取规则数据文件：{e}", f"cannot read rules data file: {e}") from None


def words_by_role(section: dict) -> dict[str, str]:
    """{role: [word, …]} → {word: role}."""
    return {w: role for role, words in section.items() for w in words}


def alternation(words) -> str:
    """A regex alternation of `words`, longest first (so 牵头单位 wins over 牵头)."""
    import re
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
