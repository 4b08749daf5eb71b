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

import os
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from lxml import etree

from .. import ooxml
from ..check.base import Context
from ..check.engine import documents_to_check
from ..check.layout_faults import font_fault, indent_fault, lines_per_page
from ..check.layout_parts import LayoutRules, Part, parts
from ..errors import InputError
from ..i18n import tr
from ..ooxml import qn
from ..read.docx import _Package, paragraph_elements
from ..read.layout_paragraphs import paragraph_runs
from . import layout_xml as X

ROLE_STYLE = {"title": "GW标题", "cn": "GW一级", "paren_cn": "GW二级", "arabic": "GW三级", "paren_arabic": "GW四级"}
LEAD_STYLE = {"cn": "GW一级字符", "paren_cn": "GW二级字符", "arabic": "GW三级字符", "paren_arabic": "GW四级字符"}
TABLE_STYLE = "GW表格"
ZI = 320            # one 三号 character in twips
PAGE = {"w_tw": 11906, "h_tw": 16838, "top_tw": 2098, "bottom_tw": 1984, "left_tw": 1588, "right_tw": 1474,
        "header_tw": 851, "footer_tw": 1417, "pitch_tw": 579}
CHAR_SPACING = -5   # twentieths of a point: 28 characters a line in Word and LibreOffice
LATIN = "Times New Roman"   # digits and Latin, where the style took them from the theme (Calibri …)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
WNS = "{%s}" % ooxml.NS["w"]
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"


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
                 config: Optional[dict] = None) -> LayoutReport:
    """Write `dst_docx_path`: the .docx at `src_docx_path` in the GB/T 9704 layout (see the module docs)."""
    from ..api import load
    result = load(src_docx_path)
    if result.layout is None:
        raise InputError(src_docx_path, "--layout 只用于 .docx 文件", "--layout works on .docx files only")
    layout = result.layout.get()
    config = config or {}
    job = _Job(src_docx_path, result, layout, LayoutRules(config), config, track)
    try:
        job.run()
        job.write(dst_docx_path)
    finally:
        job.pkg.close()
    return job.report


class _Job:
    def __init__(self, path, result, layout, rules: LayoutRules, config: dict, track: bool):
        self.path, self.result, self.layout, self.rules = path, result, layout, rules
        self.report = LayoutReport()
        self.pkg = _Package(path)
        main = self.pkg.rels("").get("officeDocument", "word/document.xml")
        self.main = main if self.pkg.has(main) else "word/document.xml"
        self.folder = self.main.rpartition("/")[0]
        self.rels_name = f"{self.folder}/_rels/{self.main.rpartition('/')[2]}.rels"
        self.roots: dict[str, object] = {self.main: self.pkg.xml(self.main)}
        self.rels = self.pkg.xml(self.rels_name)
        self.by_type = self.pkg.rels(self.main)
        for kind in ("styles", "settings"):
            name = self.by_type.get(kind)
            if name and self.pkg.has(name):
                self.roots[name] = self.pkg.xml(name)
        self.footer_parts = {}
        for rel in self.rels.iter(PKG_REL + "Relationship"):
            if (rel.get("Type") or "").endswith("/footer"):
                name = _join(self.folder, rel.get("Target") or "")
                if self.pkg.has(name):
                    self.roots[name] = self.pkg.xml(name)
                    self.footer_parts[rel.get("Id")] = name
        self.new_parts: dict[str, object] = {}
        self.content_types = None
        self.tracker = X.Tracker(track, X.max_id(self.roots.values()))
        self.doc = self.roots[self.main]
        self.body = self.doc.find(qn("w:body"))
        self.styles = self.roots.get(self.by_type.get("styles", ""))
        self.settings = self.roots.get(self.by_type.get("settings", ""))
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
        self.styles_before = etree.tostring(self.styles, method="c14n") if self.styles is not None else b""

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
        changed = sum(X.set_section(s, self.tracker, PAGE) for s in sects + [final])
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
            faults = self._faults(part, want)
            sid = part.para.style_id
            for prop, origin in faults.items():
                if origin == "direct":
                    self._drop_direct(part, prop)
                    if self._style_wrong(sid, prop, want):
                        need.setdefault(sid, set()).add(prop)   # under the direct value, the style is wrong too
                elif origin.startswith("char:"):
                    self._drop_char_style(part)
                elif origin == "numbering":
                    self._override_numbering(part, prop)
                else:
                    need.setdefault(sid, set()).update({prop, "none"} if origin == "none" else {prop})
        for sid, props in need.items():
            self._edit_style(sid, "body", props)

    def headings(self, role: str) -> None:
        want = self.rules.spec(role)
        own = [p for p in self.parts if p.role == role]
        if not own:
            return
        standalone = [p for p in own if not self._has_body(p)]
        run_in = [p for p in own if self._has_body(p)]
        faulty = [p for p in standalone if self._faults(p, want)]
        if faulty:
            styles = {p.para.style_id for p in standalone}
            sid = next(iter(styles)) if len(styles) == 1 else None
            if sid is not None and sid != self.body_style and self._used_only_by(sid, role):
                target: Optional[str] = sid            # its own style: the style is fixed
            elif role in ("arabic", "paren_arabic") and styles == {self.body_style}:
                target = None                          # set like the body, in its style: fixed with it
            else:
                target = self._role_style(role)
                for p in standalone:
                    self._restyle(p, target)
            props: set = set()
            for p in faulty:
                for prop, origin in self._faults(p, want).items():
                    if origin == "direct":
                        self._drop_direct(p, prop)
                    elif origin.startswith("char:"):
                        self._drop_char_style(p)
                    elif origin == "numbering":
                        self._override_numbering(p, prop)
                        continue
                    props.add(prop)
            if target is not None:
                full = {"east", "size"} | ({"align", "indent"} if role == "title" else set())
                # a new GW style is based on the body's: it takes its lines and indent from there
                self._edit_style(target, role, full if target == ROLE_STYLE[role] else props)
        for p in run_in:
            faults = self._faults(p, want, lead=True)
            if role in ("cn", "paren_cn") and "east" in faults:
                self._lead_style(p, role)           # 黑体/楷体 on the label and lead sentence only
                continue
            for prop, origin in faults.items():     # 1./（1）: in the body's font, which body_text fixed
                if origin == "direct":
                    self._drop_direct(p, prop, lead=True)
                elif origin.startswith("char:"):
                    self._drop_char_style(p)

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

    # --- what is wrong with a part -------------------------------------------------------------------------------
    def _faults(self, part: Part, want: dict, lead: bool = False) -> dict[str, str]:
        """property (east | size | line | indent | align | hint) → where its wrong value comes from."""
        out: dict[str, str] = {}
        fault = font_fault(self.rules, part, want)
        if fault is not None:
            if fault[0] is not None:
                out["east"] = fault[1]
            if fault[3] is not None:
                out["size"] = fault[4]
        look = part.look()
        if look is not None and look.has_cjk and look.face is None:
            out["east"] = "none"
        if lead:
            return out
        para = part.para
        sec = self.layout.sections[min(para.section, len(self.layout.sections) - 1)]
        if part.role != "title" and not sec.landscape:
            n, _ = lines_per_page(para, sec, 225)
            if n != int(self.rules.data.get("lines_per_page", 22)):
                out["line"] = para.spacing_from or "docDefaults"
        if part.role == "title":
            if para.align != "center":
                out["align"] = para.align_from or "docDefaults"
            if abs(para.first_line) > 0.25 or abs(para.left) > 0.25:
                out["indent"] = para.indent_from or "docDefaults"
        elif indent_fault(self.rules, part) is not None and not _exempt(part):
            out["indent"] = para.indent_from or "docDefaults"
        if any(c in self.rules.western_punct for r, t in part.pieces for c in t
               if r.hint != "eastAsia" and not self.rules.is_cjk_font(r.h_ansi)):
            out["hint"] = "docDefaults"
        return out

    def _style_wrong(self, sid: str, prop: str, want: dict) -> bool:
        """Is `prop` wrong in style `sid` itself (what shows once a paragraph's direct value is taken away)?"""
        base = self.layout.style_looks.get(sid)
        if base is None:
            return True
        run = base.runs[0] if base.runs else None
        if prop == "east":
            return run is None or self.rules.family(run.east_asia) != want["font"]
        if prop == "size":
            return run is None or not self.rules.size_ok(run.size, want["size"])
        if prop == "line":
            sec = self.layout.sections[0]
            return lines_per_page(base, sec, 225)[0] != int(self.rules.data.get("lines_per_page", 22))
        if prop == "indent":
            return abs(base.first_line - 2) > 0.25 or abs(base.left) > 0.25
        return False

    def _has_body(self, part: Part) -> bool:
        return any(p.line == part.line and p.role == "body" for p in self.parts)

    def _used_only_by(self, sid: str, role: str) -> bool:
        lines = {p.line for p in self.parts if p.role == role}
        return all(para.line in lines for para in self.layout.paragraphs
                   if para.style_id == sid and para.text.strip())

    # --- edits ---------------------------------------------------------------------------------------------------
    def _edit_style(self, sid: str, role: str, props: set) -> None:
        """Set in style `sid` what its paragraphs of `role` get wrong (props: east size hint line indent align)."""
        st = X.find_style(self.styles, sid) if self.styles is not None else None
        if st is None:
            self.report.left.append((f"样式“{sid}”不在 styles.xml 中", f"style '{sid}' is not in styles.xml"))
            return
        want = self.rules.spec(role)
        face = self.rules.first_name(want["font"])
        name = self.layout.style_name(f"style:{sid}") or sid
        rule = {"body": "FMT002", "title": "FMT003"}.get(role, "FMT004")
        what_zh = {"body": "正文", "title": "标题"}.get(role, want.get("name", role))
        what_en = {"body": "body text", "title": "title"}.get(role, want.get("name", role))
        if props & {"east", "size", "hint"}:
            rpr = ooxml.get_or_add(st, "w:rPr")
            self._touch(rpr)
            spacing = CHAR_SPACING if (self.grid_changed and role != "title") else None
            base = self.layout.style_looks.get(sid)
            themed = base is not None and base.runs and (base.runs[0].latin_theme or base.runs[0].ascii is None)
            X.set_fonts(rpr, face if "east" in props else None, want["size"] if "size" in props else None,
                        char_spacing=spacing, latin=LATIN if themed and "east" in props else None)
            if props & {"east", "size"}:
                size_zh = {16: "三号", 22: "二号"}.get(want["size"], f"{want['size']:g} 磅")
                self.report.add("FMT008" if "none" in props else rule, f"样式“{name}”（{what_zh}）设为{face} {size_zh}",
                                f"style '{name}' ({what_en}) set to {face} {want['size']:g} pt")
            if "hint" in props:
                self.report.add("FMT008", f"样式“{name}”的中文标点用中文字体（w:hint=\"eastAsia\"）",
                                f"style '{name}': Chinese punctuation in the East Asian font (w:hint=\"eastAsia\")")
        if props & {"line", "indent", "align"}:
            ppr = ooxml.get_or_add(st, "w:pPr")
            self._touch(ppr)
            if role == "title":
                X.set_paragraph(ppr, left=0, jc="center", snap=False)
                self.report.add("FMT003", f"样式“{name}”（标题）居中、不缩进", f"style '{name}' (title) centred, not indented")
            else:
                X.set_paragraph(ppr, line=PAGE["pitch_tw"] if "line" in props else None,
                                first_chars=200 if "indent" in props else None, per_char=ZI)
                if "line" in props:
                    self.report.add("FMT005", f"样式“{name}”行距设为固定值 28.95 磅（每页 22 行）",
                                    f"style '{name}': exact 28.95 pt line spacing (22 lines a page)")
                if "indent" in props:
                    self.report.add("FMT006", f"样式“{name}”首行缩进 2 字、回行顶格",
                                    f"style '{name}': two-character first-line indent")
        self.style_edits.setdefault(sid, set()).update(props)

    def _role_style(self, role: str) -> str:
        sid = ROLE_STYLE[role]
        if self.styles is not None and X.find_style(self.styles, sid) is None:
            outline = {"cn": 0, "paren_cn": 1, "arabic": 2, "paren_arabic": 3}.get(role)
            X.new_style(self.styles, sid, based=self.body_style, outline=outline)
            self.report.untracked.append((f"新建样式“{sid}”", f"new style '{sid}'"))
            self.layout._names[sid] = sid
        return sid

    def _restyle(self, part: Part, sid: str) -> None:
        """The paragraph in style `sid` (tracked); its wrong direct formatting is taken away by the caller."""
        ppr = X.para_ppr(self.elements[part.line - 1], self.tracker)
        ooxml.set_prop(ppr, "w:pStyle", val=sid)

    def _lead_style(self, part: Part, role: str) -> None:
        """A run-in heading's label and lead sentence in the level's character style (its run split there)."""
        sid = LEAD_STYLE[role]
        if X.find_style(self.styles, sid) is None:
            st = X.new_style(self.styles, sid, kind="character")
            X.set_fonts(st.find(qn("w:rPr")), self.rules.first_name(self.rules.spec(role)["font"]), None)
            self.report.untracked.append((f"新建字符样式“{sid}”", f"new character style '{sid}'"))
        p = self.elements[part.line - 1]
        end = sum(len(t) for _, t in part.pieces)
        pos = 0
        for r, text in paragraph_runs(p, WNS):
            if pos >= end:
                break
            if pos + len(text) > end:
                if X.split_run(r, end - pos) is None:
                    self.report.left.append((f"第 {part.line} 段的标题与正文在同一个域或图形中，未拆分",
                                             f"paragraph {part.line}: the heading shares a field or drawing with the text"))
                    return
            rpr = X.run_rpr(r, self.tracker)
            X.drop_run_direct(rpr, east=True, size=_size_wrong(self.rules, part))
            ooxml.set_prop(rpr, "w:rStyle", val=sid)
            pos += len(text)
        self.report.add("FMT004", f"段中标题（{part.node.label if part.node else ''}……）的序号和标题句用字符样式“{sid}”",
                        f"run-in headings: label and lead sentence in character style '{sid}'")

    def _drop_direct(self, part: Part, prop: str, lead: bool = False) -> None:
        p = self.elements[part.line - 1]
        if prop in ("line", "indent", "align"):
            ppr = p.find(qn("w:pPr"))
            if ppr is None:
                return
            has = {"line": ppr.find(qn("w:spacing")) is not None and ppr.find(qn("w:spacing")).get(qn("w:line")),
                   "indent": ppr.find(qn("w:ind")) is not None, "align": ppr.find(qn("w:jc")) is not None}[prop]
            if not has:
                return
            ppr = X.para_ppr(p, self.tracker)
            X.drop_direct(ppr, spacing=prop == "line", indent=prop == "indent", jc=prop == "align")
            self.report.add("FMT005" if prop == "line" else "FMT006" if prop == "indent" else "FMT003",
                            "去掉了覆盖样式的段落直接格式（行距、缩进或对齐）",
                            "direct paragraph formatting that overrode the style (spacing, indent, alignment) taken away")
            return
        if prop in ("east", "size", "hint"):
            start = 0
            end = sum(len(t) for _, t in part.pieces)
            if part.role == "body" and part.node is not None:
                start = len(part.para.text) - end
                end = len(part.para.text)
            pos = 0
            for r, text in paragraph_runs(p, WNS):
                a, b = pos, pos + len(text)
                pos = b
                if b <= start or a >= end:
                    continue
                rpr = r.find(qn("w:rPr"))
                if rpr is None:
                    continue
                if prop == "hint":
                    rf = rpr.find(qn("w:rFonts"))
                    if rf is not None and rf.get(qn("w:hint")) not in (None, "eastAsia"):
                        rf2 = X.run_rpr(r, self.tracker).find(qn("w:rFonts"))
                        rf2.set(qn("w:hint"), "eastAsia")
                    continue
                if _has_east_or_size(rpr, east=prop == "east", size=prop == "size"):
                    rpr = X.run_rpr(r, self.tracker)
                    X.drop_run_direct(rpr, east=prop == "east", size=prop == "size")
            self.report.add({"body": "FMT002", "title": "FMT003"}.get(part.role, "FMT004"),
                            "去掉了覆盖样式的文字直接格式（字体、字号）",
                            "direct character formatting that overrode the style (font, size) taken away")

    def _override_numbering(self, part: Part, prop: str) -> None:
        """Word's automatic numbering indents its paragraphs from numbering.xml (w:lvl/w:pPr, which holds no
        change record): the paragraph's own w:ind, tracked, puts the two-character indent back over it."""
        if prop != "indent":
            return
        ppr = X.para_ppr(self.elements[part.line - 1], self.tracker)
        X.set_paragraph(ppr, first_chars=200, per_char=ZI)
        self.report.add("FMT006", "自动编号段落的缩进改为首行缩进 2 字（段落格式）",
                        "automatically numbered paragraphs: two-character first-line indent (paragraph formatting)")

    def _drop_char_style(self, part: Part) -> None:
        p = self.elements[part.line - 1]
        start, end = 0, sum(len(t) for _, t in part.pieces)
        if part.role == "body" and part.node is not None:
            start, end = len(part.para.text) - end, len(part.para.text)
        pos = 0
        for r, text in paragraph_runs(p, WNS):
            a, b = pos, pos + len(text)
            pos = b
            rpr = r.find(qn("w:rPr"))
            if b <= start or a >= end or rpr is None or rpr.find(qn("w:rStyle")) is None:
                continue
            X.drop_run_direct(X.run_rpr(r, self.tracker), rstyle=True)
        self.report.add("FMT004", "去掉了字体不合标准的字符样式", "character styles with a wrong font taken off")

    def _touch(self, props) -> None:
        tag = {"rPr": "w:rPrChange", "pPr": "w:pPrChange", "sectPr": "w:sectPrChange"}[etree.QName(props).localname]
        if props.find(qn(tag)) is None:
            self.tracker.before(props)

    # --- footers ---------------------------------------------------------------------------------------------------
    def footers(self) -> None:
        from .layout_footer import fix_footers
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

    # --- the package -------------------------------------------------------------------------------------------------
    def _drop_styles_with_effects(self, names: list[str]) -> list[str]:
        """Word 2010's second copy of the styles no longer matches once styles.xml changed (Word may then call
        the file unreadable; Word 2013 and later neither write nor read it): it is left out, with its
        relationship and content type — as fix's text pass and --annotate do."""
        swe = f"{self.folder}/stylesWithEffects.xml"
        if swe not in names or self.styles is None or etree.tostring(self.styles, method="c14n") == self.styles_before:
            return names
        for rel in list(self.rels.iter(PKG_REL + "Relationship")):
            if (rel.get("Type") or "").endswith("/stylesWithEffects"):
                rel.getparent().remove(rel)
        if self.content_types is None:
            self.content_types = self.pkg.xml("[Content_Types].xml")
        for o in list(self.content_types.iter(CT + "Override")):
            if o.get("PartName") == "/" + swe:
                o.getparent().remove(o)
        self.report.untracked.append(("去掉了与 styles.xml 不再一致的 stylesWithEffects.xml（Word 2010 的样式副本）",
                                      "left out stylesWithEffects.xml (Word 2010's copy of the styles), no longer in step"))
        return [n for n in names if n != swe]

    def write(self, dst: str) -> None:
        zin = self.pkg.zf
        names = self._drop_styles_with_effects([i.filename for i in zin.infolist()])
        out = {}
        for name, root in self.roots.items():
            out[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out[self.rels_name] = etree.tostring(self.rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        if self.content_types is not None:
            out["[Content_Types].xml"] = etree.tostring(self.content_types, xml_declaration=True, encoding="UTF-8",
                                                        standalone=True)
        for name, root in self.new_parts.items():
            out[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        tmp = dst + ".part"
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            for name in names:
                info = zin.getinfo(name)
                data = out.pop(name, None)
                if data is None:
                    data = self.pkg.read(name)
                z.writestr(_info(info), data)
            for name, data in out.items():
                z.writestr(name, data)
        os.replace(tmp, dst)


def _info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    new.compress_type = zipfile.ZIP_DEFLATED
    new.external_attr = info.external_attr
    return new


def _join(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    out: list[str] = folder.split("/") if folder else []
    for seg in target.split("/"):
        if seg == "..":
            if out:
                out.pop()
        elif seg not in ("", "."):
            out.append(seg)
    return "/".join(out)


def _exempt(part: Part) -> bool:
    text = part.para.text.strip()
    return part.para.align in ("center", "right", "end") or text.startswith("附件") or \
        (text.endswith(("：", ":")) and len(text) <= 60 and part.node is None)


def _has_east_or_size(rpr, east: bool = True, size: bool = True) -> bool:
    rf = rpr.find(qn("w:rFonts"))
    if east and rf is not None and (rf.get(qn("w:eastAsia")) is not None or rf.get(qn("w:eastAsiaTheme")) is not None):
        return True
    return size and (rpr.find(qn("w:sz")) is not None or rpr.find(qn("w:szCs")) is not None)


def _size_wrong(rules: LayoutRules, part: Part) -> bool:
    look = part.look()
    return look is not None and not rules.size_ok(look.size, rules.spec(part.role)["size"])
