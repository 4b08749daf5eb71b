"""`drafter fix --layout`: the GB/T 9704 layout applied to a writer's own .docx, without changing a word.

    apply_layout(src_docx_path, dst_docx_path, *, track=True, config=None) -> LayoutReport

`fix` calls it file to file, after its text fixes. What it does, only where the FMT rules find a fault:
- page: A4, margins 37/35/28/26 mm, footer 25 mm, a 22-line grid (linePitch 579) — FMT001, FMT005;
- styles, not paragraph by paragraph: the body's own style gets 仿宋_GB2312 三号, exact 28.95 pt lines,
  two-character indent, −0.25 pt character spacing (22 × 28 in Word and LibreOffice, reference/gbt9704.md);
  the title and the 一、/（一） headings get their style (the one they already have if nothing else uses it,
  else GW标题/GW一级/GW二级, based on the body's); run-in headings get a character style on their label and
  lead sentence (the run split there, the text unchanged) — FMT002–FMT004, FMT006, FMT008;
- direct formatting that overrides a style with a wrong value is taken away;
- page numbers `— N —` 四号宋体, odd pages right and even pages left (w:evenAndOddHeaders) — FMT007.
With `track`, every change Word can track is a tracked formatting change by "drafter" (w:sectPrChange,
w:pPrChange, w:rPrChange, w:ins/w:del in the footers), so the writer accepts or rejects it in Word; settings,
new styles and new footer parts are not trackable and are listed in the report. Everything else — text,
comments, tables, images, fields, bookmarks, other parts — is copied as it was.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from .. import ooxml
from ..check.base import Context
from ..check.engine import documents_to_check
from ..check.layout_parts import LayoutRules, Part, parts
from ..errors import InputError
from ..i18n import tr
from ..ooxml import qn
from ..read.docx import paragraph_elements
from . import layout_edits as E
from . import layout_xml as X
from .layout_footer import fix_footers
from .layout_needs import part_faults, style_wrong
from .layout_package import LayoutPackage

TABLE_STYLE = "GW表格"


@dataclass
class LayoutReport:
    done: list[tuple[str, str, str]] = field(default_factory=list)      # (rule, zh, en)
    untracked: list[tuple[str, str]] = field(default_factory=list)      # (zh, en): changes Word cannot track
    left: list[tuple[str, str]] = field(default_factory=list)           # (zh, en): not fixed
    changes: int = 0                                                    # tracked formatting changes written

    def lines(self) -> list[str]:
        out = [tr(f"{rule}：{zh}", f"{rule}: {en}") for rule, zh, en in self.done]
        out += [tr(f"（Word 无法记录为修订）{zh}", f"(not trackable in Word) {en}") for zh, en in self.untracked]
        out += [tr(f"未处理：{zh}", f"not fixed: {en}") for zh, en in self.left]
        return out

    def add(self, rule: str, zh: str, en: str) -> None:
        if (rule, zh, en) not in self.done:
            self.done.append((rule, zh, en))


def apply_layout(src_docx_path: str, dst_docx_path: str, *, track: bool = True,
                 config: Optional[dict] = None, date: Optional[str] = None) -> LayoutReport:
    """Write `dst_docx_path`: the .docx at `src_docx_path` in the GB/T 9704 layout (see the module docs);
    `date` is the tracked changes' (default: now, or SOURCE_DATE_EPOCH)."""
    from ..api import load
    result = load(src_docx_path)
    if result.layout is None:
        raise InputError(src_docx_path, "--layout 只用于 .docx 文件", "--layout works on .docx files only")
    layout = result.layout.get()
    config = config or {}
    job = _Job(src_docx_path, result, layout, LayoutRules(config), config, track, date)
    try:
        job.run()
        job.write(dst_docx_path, job.report)
    finally:
        job.close()
    return job.report


class _Job(LayoutPackage):
    """One run of fix --layout: the package being edited, the parts of the checked documents, and the passes
    that decide what each part needs (the edits are fix/layout_edits.py, page numbers fix/layout_footer.py)."""

    def __init__(self, path, result, layout, rules: LayoutRules, config: dict, track: bool,
                 date: Optional[str] = None):
        super().__init__(path)
        self.path, self.result, self.layout, self.rules = path, result, layout, rules
        self.report = LayoutReport()
        self.tracker = X.Tracker(track, X.max_id(self.roots.values()), date)
        self.new_part_date = self.tracker.date
        self.elements = paragraph_elements(self.body) if self.body is not None else []
        if len(self.elements) != len(layout.paragraphs):
            raise InputError(path, "内部错误：版式段落与正文段落对不上", "internal error: layout paragraphs do not match")
        self.parts: list[Part] = []
        for doc in documents_to_check(result):
            self.parts += parts(Context(result=result, doc=doc, config=config, layout=layout))
        self.body_style = Counter(p.para.style_id for p in self.parts if p.role == "body").most_common(1)
        self.body_style = self.body_style[0][0] if self.body_style else (layout.paragraphs[0].style_id
                                                                         if layout.paragraphs else "Normal")
        self.style_edits: dict[str, set] = {}
        self.grid_changed = False

    # --- the passes ---------------------------------------------------------------------------------------
    def run(self) -> None:
        self.page()
        self.body_text()
        for role in ("title", "cn", "paren_cn", "arabic", "paren_arabic"):
            self.headings(role)
        self.tables()
        self.footers()
        self.east_asian_fallback()
        self.report.changes = self.tracker.count

    def page(self) -> None:
        if self.body is None:
            return
        sects = [p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for p in self.body.iter(qn("w:p"))]
        sects = [s for s in sects if s is not None]
        final = self.body.find(qn("w:sectPr"))
        if final is None:
            final = ooxml.insert(self.body, ooxml.make("w:sectPr"))
        changed = sum(X.set_section(s, self.tracker, E.PAGE) for s in sects + [final])
        self.grid_changed = bool(changed)
        if changed:
            self.report.add("FMT001", "页面设为 A4，页边距上 37、下 35、左 28、右 26 毫米，页脚距边界 25 毫米；文档网格每页 22 行",
                            "page set to A4, margins 37/35/28/26 mm, footer at 25 mm; a 22-line document grid")

    def body_text(self) -> None:
        """The body's style(s): font, size, lines, indent; direct formatting that overrides them taken away."""
        want = self.rules.spec("body")
        need: dict[str, set] = {}
        for part in self.parts:
            if part.role != "body":
                continue
            faults = part_faults(self.rules, self.layout, part, want)
            sid = part.para.style_id
            for prop, origin in faults.items():
                if origin == "direct":
                    E.drop_direct(self, part, prop)
                    if style_wrong(self.rules, self.layout, sid, prop, want):
                        need.setdefault(sid, set()).add(prop)   # under the direct value, the style is wrong too
                elif origin.startswith("char:"):
                    E.drop_char_style(self, part)
                elif origin == "numbering":
                    E.override_numbering(self, part, prop)
                    if style_wrong(self.rules, self.layout, sid, prop, want):
                        need.setdefault(sid, set()).add(prop)   # headings based on the style take it from there
                else:
                    need.setdefault(sid, set()).update({prop, "none"} if origin == "none" else {prop})
        for sid, props in need.items():
            E.edit_style(self, sid, "body", props)

    def headings(self, role: str) -> None:
        want = self.rules.spec(role)
        own = [p for p in self.parts if p.role == role]
        if not own:
            return
        standalone = [p for p in own if not self._has_body(p)]
        run_in = [p for p in own if self._has_body(p)]
        faulty = [p for p in standalone if part_faults(self.rules, self.layout, p, want)]
        if faulty:
            styles = {p.para.style_id for p in standalone}
            sid = next(iter(styles)) if len(styles) == 1 else None
            if sid is not None and sid != self.body_style and self._used_only_by(sid, role):
                target: Optional[str] = sid            # its own style: the style is fixed
            elif role in ("arabic", "paren_arabic") and styles == {self.body_style}:
                target = None                          # set like the body, in its style: fixed with it
            else:
                target = E.role_style(self, role)
                for p in standalone:
                    E.restyle(self, p, target)
            props: set = set()
            for p in faulty:
                for prop, origin in part_faults(self.rules, self.layout, p, want).items():
                    if origin == "direct":
                        E.drop_direct(self, p, prop)
                    elif origin.startswith("char:"):
                        E.drop_char_style(self, p)
                    elif origin == "numbering":
                        E.override_numbering(self, p, prop)
                        continue
                    props.add(prop)
            if target is not None:
                full = {"east", "size"} | ({"align", "indent"} if role == "title" else set())
                # a new GW style is based on the body's: it takes its lines and indent from there
                E.edit_style(self, target, role, full if target == E.ROLE_STYLE[role] else props)
        for p in run_in:
            faults = part_faults(self.rules, self.layout, p, want, lead=True)
            if role in ("cn", "paren_cn") and "east" in faults:
                E.lead_style(self, p, role)         # 黑体/楷体 on the label and lead sentence only
                continue
            for prop, origin in faults.items():     # 1./（1）: in the body's font, which body_text fixed
                if origin == "direct":
                    E.drop_direct(self, p, prop)
                elif origin.startswith("char:"):
                    E.drop_char_style(self, p)

    def tables(self) -> None:
        """Table cells in the body's style would take its indent and 29 pt lines: they get GW表格 (四号)."""
        if not (self.style_edits.get(self.body_style, set()) & {"line", "indent", "size"}):
            return
        cells = [(i, para) for i, para in enumerate(self.layout.paragraphs)
                 if para.in_table and para.style_id == self.body_style]
        if not cells:
            return
        sid = TABLE_STYLE
        st = X.find_style(self.styles, sid)
        if st is None:
            st = X.new_style(self.styles, sid, based=self.body_style)
            ppr, rpr = ooxml.get_or_add(st, "w:pPr"), ooxml.get_or_add(st, "w:rPr")
            X.set_paragraph(ppr, line=400, rule="exact", left=0, snap=False)
            X.set_fonts(rpr, self.rules.first_name("仿宋"), 14)
            self.report.untracked.append((f"新建样式“{sid}”", f"new style '{sid}'"))
        for i, _ in cells:
            ppr = X.para_ppr(self.elements[i], self.tracker)
            ooxml.set_prop(ppr, "w:pStyle", val=sid)
        self.report.add("FMT002", f"表格中的 {len(cells)} 段改用样式“{sid}”（四号仿宋、无首行缩进）",
                        f"{len(cells)} table paragraph(s) now in style '{sid}' (FangSong 14 pt, no indent)")

    def _has_body(self, part: Part) -> bool:
        return any(p.line == part.line and p.role == "body" for p in self.parts)

    def _used_only_by(self, sid: str, role: str) -> bool:
        lines = {p.line for p in self.parts if p.role == role}
        return all(para.line in lines for para in self.layout.paragraphs
                   if para.style_id == sid and para.text.strip())

    def footers(self) -> None:
        fix_footers(self)

    def east_asian_fallback(self) -> None:
        """Text no style gives an East Asian font (in a style this pass did not touch): docDefaults get
        仿宋_GB2312, so no PC substitutes its own. Not trackable (docDefaults hold no change record)."""
        edited = set(self.style_edits)
        missing = any(r.east_asia is None and any("\u4e00" <= c <= "\u9fff" for c in r.text)
                      for para in self.layout.paragraphs if para.style_id not in edited for r in para.runs)
        if not missing or self.styles is None:
            return
        dd = ooxml.get_or_add(self.styles, "w:docDefaults")
        rpr = ooxml.get_or_add(ooxml.get_or_add(dd, "w:rPrDefault"), "w:rPr")
        X.set_fonts(rpr, self.rules.first_name("仿宋"), None)
        self.report.add("FMT008", "文档默认格式设了中文字体仿宋_GB2312", "document defaults given the East Asian font 仿宋_GB2312")
        self.report.untracked.append(("文档默认格式（docDefaults）的中文字体", "the East Asian font of the document defaults"))
