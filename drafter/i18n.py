"""Chinese by default, English with --lang en."""
from __future__ import annotations

_LANG = "zh"


def set_lang(lang: str) -> None:
    global _LANG
    _LANG = "en" if lang == "en" else "zh"


def get_lang() -> str:
    return _LANG


def tr(zh: str, en: str) -> str:
    return en if _LANG == "en" else zh
