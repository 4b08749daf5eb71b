"""Theme fonts: theme1.xml's font scheme, and the face a theme attribute (w:eastAsiaTheme="minorEastAsia" …)
names — major/minor East Asian faces by the script of settings' w:themeFontLang (zh-CN →
`<a:font script="Hans">`, ja-JP → Jpan …), else `<a:ea>`.
"""
from __future__ import annotations

from typing import Optional

_SCRIPT = {"zh-cn": "Hans", "zh-sg": "Hans", "zh-tw": "Hant", "zh-hk": "Hant", "zh-mo": "Hant",
           "ja-jp": "Jpan", "ko-kr": "Hang"}
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


class Theme:
    """theme1.xml font scheme: major/minor latin, ea and per-script faces."""

    def __init__(self, root):
        self.fonts: dict[str, dict[str, str]] = {"major": {}, "minor": {}}
        if root is None:
            return
        for kind in ("major", "minor"):
            el = next(root.iter(f"{A}{kind}Font"), None)
            if el is None:
                continue
            d = self.fonts[kind]
            for tag in ("latin", "ea", "cs"):
                x = el.find(A + tag)
                if x is not None:
                    d[tag] = x.get("typeface") or ""
            for f in el.findall(A + "font"):
                if f.get("script"):
                    d["script:" + f.get("script")] = f.get("typeface") or ""

    def face(self, theme_name: str, lang: str) -> Optional[str]:
        """minorEastAsia → the minor East Asian face for `lang`; minorHAnsi → minor latin; None when empty."""
        kind = "major" if theme_name.startswith("major") else "minor"
        d = self.fonts[kind]
        rest = theme_name[5:]
        if rest == "EastAsia":
            script = _SCRIPT.get((lang or "").lower())
            name = d.get("script:" + script, "") if script else ""
            name = name or d.get("ea", "")
        elif rest == "Bidi":
            name = d.get("cs", "")
        else:
            name = d.get("latin", "")
        return name or None
