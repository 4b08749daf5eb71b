"""Errors that end a command with exit code 2 and a one-line, bilingual reason."""
from __future__ import annotations


class DrafterError(Exception):
    """Bad input or usage. `where` names the file (and line); zh/en say what is wrong."""

    def __init__(self, where: str, zh: str, en: str | None = None):
        super().__init__(f"{where}: {en or zh}")
        self.where = where
        self.zh = zh
        self.en = en or zh

    def render(self, lang: str = "zh") -> str:
        msg = self.en if lang == "en" else self.zh
        return f"{self.where}: {msg}" if self.where else msg


class InputError(DrafterError):
    """A file that cannot be read or understood."""
