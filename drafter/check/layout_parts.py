"""What each paragraph of a .docx is, for the layout rules and `fix --layout`: the title, a heading of level
一、/（一）/1./（1） (its label and lead sentence) and the body text after it, or a body paragraph —
taken from the parser's own structure (each node's label and line) and the document's title, never from a
second marker regex — together with the look a reader sees on each part (read/layout.py).

Also here: the GB/T 9704 numbers and font families of rules/layout.yaml with the fonts an office declares
in drafter.yaml (`layout: {fonts: {小标宋: [华文中宋]}}`), and the wording of sizes and origins in messages.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..model import Node
from .base import Context
from .data import read_rules_file
from .textutil import doc_range

CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SPACE = re.compile(r"\s")
LEVELS = ("cn", "paren_cn", "arabic", "paren_arabic")
_ATTACHMENT_MARK = re.compile(r"^附件\s*[0-9０-９]*\s*$")
_FAMILY_EN = {"仿宋": "FangSong", "楷体": "KaiTi", "黑体": "SimHei", "小标宋": "XiaoBiaoSong", "宋体": "SimSun"}


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]", "", unicodedata.normalize("NFKC", name or "")).lower()


class LayoutRules:
    """rules/layout.yaml plus drafter.yaml's `layout:` section."""

    def __init__(self, config: Optional[dict] = None):
        data = read_rules_file("layout.yaml") or {}
        self.data = data
        self.families: dict[str, str] = {}
        extra = ((config or {}).get("layout") or {}).get("fonts") or {}
        for family, names in data.get("fonts", {}).items():
            for n in list(names) + list(extra.get(family) or []) + [family]:
                self.families[_key(n)] = family
        self.other_cjk = {_key(n) for n in data.get("other_cjk_fonts", [])}
        self._seen: dict = {}
        self.declared = {f: list(v or []) for f, v in extra.items()}
        self.tol = float(data.get("size_tolerance", 0.25))
        self.western_punct = set(data.get("western_punctuation", ""))

    def family(self, name: Optional[str]) -> Optional[str]:
        if not name:
            return None
        got = self._seen.get(name, 0)
        if got == 0:
            got = self._seen[name] = self.families.get(_key(name))
        return got

    def is_cjk_font(self, name: Optional[str]) -> bool:
        if not name:
            return False
        return (self.family(name) is not None or _key(name) in self.other_cjk
                or any(ord(c) > 0x2e80 for c in name))

    def spec(self, role: str) -> dict:
        """{font, size[, align, name]} for title | body | cn | paren_cn | arabic | paren_arabic | page_number."""
        if role in LEVELS:
            return self.data["headings"][role]
        return self.data[role]

    def size_ok(self, size: float, want: float) -> bool:
        return abs(size - want) <= self.tol

    def size_name(self, pt: float) -> str:
        names = self.data.get("size_names", {})
        for k, v in names.items():
            if abs(float(k) - pt) < 0.01:
                return v
        return ""

    def first_name(self, family: str) -> str:
        """The name fix --layout writes for a family: the office's own first, else the standard one."""
        own = self.declared.get(family)
        return own[0] if own else self.data["fonts"][family][0]


def family_en(family: str) -> str:
    return _FAMILY_EN.get(family, family)


def size_text(rules: LayoutRules, pt: float) -> tuple[str, str]:
    """16 → ('三号（16 磅）', '16 pt (三号)')."""
    v = f"{pt:g}"
    name = rules.size_name(pt)
    return (f"{name}（{v} 磅）" if name else f"{v} 磅"), f"{v} pt" + (f" ({name})" if name else "")


def origin_text(layout, origin: str, theme: bool = False) -> tuple[str, str]:
    """Where a value was set, for a message: 样式“Normal” / 直接格式 / 文档默认格式 (+ 主题字体)."""
    kind = origin.split(":", 1)[0]
    name = layout.style_name(origin) if ":" in origin else ""
    if kind == "style":
        zh, en = f"样式“{name}”", f"style '{name}'"
    elif kind == "char":
        zh, en = f"字符样式“{name}”", f"character style '{name}'"
    elif kind == "direct":
        zh, en = "直接格式", "direct formatting"
    elif kind == "docDefaults":
        zh, en = "文档默认格式", "the document defaults"
    elif kind == "numbering":
        zh, en = "自动编号", "automatic numbering"
    else:
        zh, en = "Word 默认值", "Word's default"
    if theme:
        zh, en = zh + "的主题字体", en + " (theme font)"
    return zh, en


# --- parts of paragraphs --------------------------------------------------------------------------------------

@dataclass
class Look:
    """The look most characters of a part have: East Asian face (and where it was set), size (and where)."""
    face: Optional[str]
    face_from: str
    face_theme: bool
    size: float
    size_from: str
    has_cjk: bool


@dataclass
class Part:
    line: int
    role: str                      # title | body | cn | paren_cn | arabic | paren_arabic
    para: object                   # read.layout.ParaLook
    node: Optional[Node] = None
    pieces: list = field(default_factory=list)   # [(RunLook, text)] of this part

    def look(self) -> Optional[Look]:
        if self._look is False:
            self._look = look_of(self.pieces)
        return self._look

    _look: object = field(default=False, repr=False, compare=False)


def look_of(pieces) -> Optional[Look]:
    faces: Counter = Counter()
    sizes: Counter = Counter()
    for run, text in pieces:
        cjk = len(CJK.findall(text))
        if cjk:
            faces[(run.east_asia, run.east_from, run.east_theme)] += cjk
        visible = len(text) - len(_SPACE.findall(text))
        if visible:
            sizes[(run.size, run.size_from)] += visible
    if not sizes:
        return None
    (size, size_from), _ = sizes.most_common(1)[0]
    if faces:
        (face, face_from, theme), _ = faces.most_common(1)[0]
    else:
        face, face_from, theme = None, "", False
    return Look(face, face_from, theme, size, size_from, bool(faces))


def slice_runs(runs, start: int, end: Optional[int] = None) -> list:
    """[(run, text)] of the characters start..end of a paragraph's run text."""
    out = []
    pos = 0
    for run in runs:
        a, b = pos, pos + len(run.text)
        pos = b
        lo, hi = max(a, start), min(b, end if end is not None else b)
        if lo < hi:
            out.append((run, run.text[lo - a:hi - a]))
    return out


def _title_lines(ctx: Context, layout) -> list[int]:
    doc = ctx.doc
    if not doc.line or not doc.title:
        return []
    want = re.sub(r"\s", "", doc.title)
    got, out = "", []
    line = doc.line
    while len(out) < 4:
        para = layout.paragraph(line)
        if para is None:
            break
        text = re.sub(r"\s", "", para.text)
        if not text or not want.startswith(got + text):
            break
        got += text
        out.append(line)
        if got == want:
            break
        line += 1
    return out or [doc.line]


def heading_end(text: str, node: Node, numbered: bool) -> int:
    """Where a heading's label and lead sentence end in the paragraph's run text."""
    title = node.title.strip()
    if title:
        i = text.find(title)
        if i >= 0:
            return i + len(title)
    return (0 if numbered else len(node.label)) + len(title)


_COPY_BLOCK = re.compile(r"^(?:抄送|主送)[:：]|印发\s*$")


def layout_range(ctx: Context, layout) -> tuple[int, int]:
    """The paragraphs a document's layout covers: from its title to the next document's title (or the end of
    the file: the 署名 and 成文日期 after the last item are the document's too)."""
    start = ctx.doc.line or doc_range(ctx)[0]
    later = [d.line for d in ctx.result.documents if d is not ctx.doc and d.line and d.line > start]
    end = min(later) - 1 if later else len(layout.paragraphs)
    return start, end


def parts(ctx: Context) -> list[Part]:
    """Every part of the checked document's paragraphs (tables, empty paragraphs and the 版记 — 抄送 and
    印发 lines in 四号 — left out), cached."""
    cache = ctx.__dict__.setdefault("_layout_cache", {})
    if "parts" in cache:
        return cache["parts"]
    layout = get_layout(ctx)
    out: list[Part] = []
    if layout is not None:
        a, b = layout_range(ctx, layout)
        titles = set(_title_lines(ctx, layout))
        nodes = {n.line: n for n in ctx.doc.walk() if n.line and n.style in LEVELS}
        for line in sorted(set(range(a, b + 1)) | titles):
            para = layout.paragraph(line)
            if para is None or para.in_table or not para.text.strip():
                continue
            if line in titles:
                out.append(Part(line, "title", para, pieces=slice_runs(para.runs, 0)))
                continue
            node = nodes.get(line)
            if node is not None:
                end = heading_end(para.text, node, para.label is not None)
                out.append(Part(line, node.style, para, node, slice_runs(para.runs, 0, end)))
                rest = slice_runs(para.runs, end)
                if any(t.strip() for _, t in rest):
                    out.append(Part(line, "body", para, node, rest))
                continue
            if _ATTACHMENT_MARK.match(para.text.strip()):
                continue   # “附件” on the attachment page: 黑体, 顶格 (§7.3.7)
            if _COPY_BLOCK.search(para.text.strip()):
                continue   # 版记: 4 号仿宋, 左右各空一字 (§7.4)
            out.append(Part(line, "body", para, None, slice_runs(para.runs, 0)))
    cache["parts"] = out
    return out


def get_layout(ctx: Context):
    """The document's DocLayout, or None for text input."""
    lay = ctx.layout
    if lay is None:
        return None
    return lay.get() if hasattr(lay, "get") else lay


def layout_rules(ctx: Context) -> LayoutRules:
    cache = ctx.__dict__.setdefault("_layout_cache", {})
    if "rules" not in cache:
        cache["rules"] = LayoutRules(ctx.config)
    return cache["rules"]


def first_document(ctx: Context) -> bool:
    """Page set-up and footers belong to the file: only the first checked document reports them."""
    from .engine import documents_to_check
    docs = documents_to_check(ctx.result)
    return not docs or docs[0] is ctx.doc
