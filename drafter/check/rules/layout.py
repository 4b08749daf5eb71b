"""FMT002–FMT004, FMT006, FMT008: fonts, sizes, alignment and indents of a .docx as a reader sees them
(GB/T 9704-2012 §7.3). The page set-up, line pitch and page numbers (FMT001, FMT005, FMT007) are in
layout_page.py.

Only .docx input has a layout (`ctx.layout`); .txt is never layout-checked. Findings are reported by kind:
paragraphs with the same fault from the same place (a style, the document defaults, direct formatting)
make one finding that says how many paragraphs it covers, placed at the first of them.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..base import Context, Finding, Rule, register
from ..layout_parts import (CJK, LEVELS, LayoutRules, Part, family_en, get_layout, layout_rules, origin_text,
                            parts, size_text)
from ..textutil import FAMILY_ZH

ALL_KINDS = ("plan", "division", "summary", "unknown")
ALIGN = {"center": ("居中", "centred"), "left": ("左对齐", "left-aligned"), "start": ("左对齐", "left-aligned"),
         "both": ("两端对齐", "justified"), "right": ("右对齐", "right-aligned"), "end": ("右对齐", "right-aligned"),
         "distribute": ("分散对齐", "distributed")}
FIX_HINT = ("；或运行 drafter fix --layout", "; or run drafter fix --layout")


class LayoutRule(Rule):
    kinds = ALL_KINDS

    def place(self, ctx: Context, part: Part, zh: str, en: str, sugg: str, sugg_en: str,
              count: Optional[int] = None) -> Finding:
        f = self.finding(ctx, zh, en, node=part.node, line=part.line, excerpt=part.para.text[:30],
                         suggestion=sugg + FIX_HINT[0], suggestion_en=sugg_en + FIX_HINT[1])
        if part.node is None:
            f.label, f.path = "", ""
        return f


def where(layout, group: list[Part], origin: str, theme: bool) -> tuple[str, str]:
    """样式“正文文本”（继承自样式“正文基础”）/ 直接格式 … for the place a group's fault comes from."""
    zh, en = origin_text(layout, origin, theme)
    styles = {p.para.style_id for p in group}
    if origin.startswith("style:") and len(styles) == 1 and origin != f"style:{next(iter(styles))}":
        own = group[0].para.style
        return f"样式“{own}”（继承自{zh}）", f"style '{own}' (inherited from {en})"
    return zh, en


def font_fault(rules: LayoutRules, part: Part, want: dict) -> Optional[tuple]:
    """(face, face_from, theme, size, size_from) of what is wrong with a part, None when it is right.
    A part with no East Asian font at all is FMT008's, not a wrong font."""
    look = part.look()
    if look is None:
        return None
    face_bad = look.has_cjk and look.face is not None and rules.family(look.face) != want["font"]
    size_bad = not rules.size_ok(look.size, want["size"])
    if not face_bad and not size_bad:
        return None
    return (look.face if face_bad else None, look.face_from if face_bad else "", look.face_theme and face_bad,
            look.size if size_bad else None, look.size_from if size_bad else "")


def describe(ctx: Context, subject: tuple[str, str], fault: tuple, group: list[Part]) -> tuple[str, str]:
    """'正文样式“Normal”为宋体、小四（12 磅）' / '正文为宋体（直接格式）' from a fault key."""
    layout = get_layout(ctx)
    rules = layout_rules(ctx)
    face, face_from, theme, size, size_from = fault
    vals = []
    if face is not None:
        vals.append((face, face, face_from, theme))
    if size is not None:
        z, e = size_text(rules, size)
        vals.append((z, e, size_from, False))
    origins = {v[2] for v in vals}
    if len(origins) == 1:
        origin = vals[0][2]
        wz, we = where(layout, group, origin, any(v[3] for v in vals))
        value_zh, value_en = "、".join(v[0] for v in vals), ", ".join(v[1] for v in vals)
        if origin.startswith(("style:", "char:")):
            return f"{subject[0]}{wz}为{value_zh}", f"{subject[1]}: {we} sets {value_en}"
        return f"{subject[0]}为{value_zh}（{wz}）", f"{subject[1]}: {value_en} ({we})"
    bits_zh, bits_en = [], []
    for vz, ve, origin, th in vals:
        wz, we = where(layout, group, origin, th)
        bits_zh.append(f"{vz}（{wz}）")
        bits_en.append(f"{ve} ({we})")
    return f"{subject[0]}为{'、'.join(bits_zh)}", f"{subject[1]}: {', '.join(bits_en)}"


def want_text(rules: LayoutRules, want: dict) -> tuple[str, str]:
    z, e = size_text(rules, want["size"])
    return f"{want['font']}{z}", f"{family_en(want['font'])} ({want['font']}) {e}"


def groups(items: Iterable[tuple]) -> dict:
    """key → [parts], keys in the order their first part appears; a paragraph is counted once per key."""
    out: dict = {}
    for key, part in items:
        lst = out.setdefault(key, [])
        if not lst or lst[-1].line != part.line:
            lst.append(part)
    return out


def font_groups(ctx: Context) -> tuple[dict, dict]:
    """(body faults, heading faults). A heading fault that fixing the body's fault would fix — the same wrong
    value from the same place, in a font the heading shares with the body (1./（1） in 仿宋, or only the
    size wrong) — is counted in the body's FMT002 finding; other heading faults are FMT004's."""
    cache = ctx.__dict__.setdefault("_layout_cache", {})
    if "fonts" in cache:
        return cache["fonts"]
    rules = layout_rules(ctx)
    body_items, head_items = [], []
    body_want = rules.spec("body")
    all_parts = parts(ctx)
    for part in all_parts:
        if part.role == "body":
            fault = font_fault(rules, part, body_want)
            if fault:
                body_items.append((fault, part))
    body_keys = list(dict.fromkeys(k for k, _ in body_items))
    for part in all_parts:
        if part.role in LEVELS:
            fault = font_fault(rules, part, rules.spec(part.role))
            if not fault:
                continue
            same_font = rules.spec(part.role)["font"] == body_want["font"]
            target = next((k for k in body_keys
                           if (fault[0] is None or (same_font and k[:2] == fault[:2]))
                           and (fault[3] is None or k[3:] == fault[3:])), None)
            if target is not None:
                body_items.append((target, part))
            else:
                head_items.append(((part.role,) + fault, part))
    body_items.sort(key=lambda kp: kp[1].line)
    cache["fonts"] = (groups(body_items), groups(head_items))
    return cache["fonts"]


@register
class BodyFont(LayoutRule):
    """## What it does
    Finds body text (and 1./（1） headings set like it) whose Chinese font is not 仿宋 (仿宋_GB2312, 仿宋,
    FangSong …, or a house font declared in drafter.yaml) or whose size is not 三号 (16 pt), as the reader
    sees it after docDefaults, styles and direct formatting. One finding per wrong style or kind of fault,
    with the number of paragraphs it covers.

    ## Why is this bad?
    GB/T 9704-2012 §7.3.3: 正文一般用 3 号仿宋体字. A body in 宋体 小四 — Word's default — is the first thing
    a 秘书科 returns a draft for.

    ## Example
    ```
    The style Normal sets 宋体, 12 pt: every body paragraph inherits it.
    ```

    ## Use instead
    ```
    Normal (and docDefaults): w:eastAsia="仿宋_GB2312", w:sz="32".
    ```
    """
    code = "FMT002"
    name = "body-font"
    severity = "warning"
    doc_zh = """## 检查什么
正文（以及与正文同样设置的“1.”“（1）”标题）的中文字体不是仿宋（仿宋_GB2312、仿宋、FangSong……或
drafter.yaml 声明的本单位字体），或字号不是三号（16 磅）。按读者实际看到的格式判断：文档默认格式、样式及其
“基于”链、字符样式、直接格式逐层生效。同一个样式或同一种错误只报一条，并说明涉及多少段。

## 为什么
GB/T 9704-2012 第 7.3.3 条：正文一般用 3 号仿宋体字。正文用了 Word 默认的宋体小四，是文稿被秘书科退回的头号原因。

## 示例（会报告）
样式“Normal”设为宋体、小四（12 磅），所有正文段落都继承了它。

## 应改为
“Normal”样式（及文档默认格式）设为仿宋_GB2312、三号（w:sz="32"）。"""
    example_hit = "【正文样式：宋体 12 磅】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"
    example_miss = "【正文样式：仿宋_GB2312 16 磅】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        if get_layout(ctx) is None:
            return
        rules = layout_rules(ctx)
        want_zh, want_en = want_text(rules, rules.spec("body"))
        for fault, group in font_groups(ctx)[0].items():
            zh, en = describe(ctx, ("正文", "body text"), fault, group)
            n = len(group)
            yield self.place(ctx, group[0], f"{zh}，应为{want_zh}；共 {n} 段",
                             f"{en}, instead of {want_en}; {n} paragraph(s)",
                             f"把{'该样式' if fault[1].startswith('style') or fault[4].startswith('style') else '这些段落'}"
                             f"的中文字体改为{rules.first_name('仿宋')}、字号改为三号",
                             f"set the Chinese font to {rules.first_name('仿宋')} and the size to 16 pt")


@register
class TitleFont(LayoutRule):
    """## What it does
    Checks the title (the paragraph the parser took for the document's title, and its second line):
    小标宋 (方正小标宋简体 …, or the substitute an office declares in drafter.yaml), 二号 (22 pt), centred.

    ## Why is this bad?
    GB/T 9704-2012 §7.3.1: 标题一般用 2 号小标宋体字 … 居中排布.

    ## Example
    ```
    The title is set in 黑体, 22 pt, centred.
    ```

    ## Use instead
    ```
    方正小标宋简体, 22 pt (二号), centred.
    ```
    """
    code = "FMT003"
    name = "title-font"
    severity = "warning"
    doc_zh = """## 检查什么
标题（解析出的文件标题段落，含回行的第二行）应为小标宋（方正小标宋简体等，或 drafter.yaml 声明的替代字体）、
二号（22 磅）、居中。

## 为什么
GB/T 9704-2012 第 7.3.1 条：标题一般用 2 号小标宋体字……分一行或多行居中排布。

## 示例（会报告）
标题设为黑体二号居中。

## 应改为
方正小标宋简体、二号（22 磅）、居中。"""
    example_hit = "【标题：黑体 22 磅 居中】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"
    example_miss = "【标题：方正小标宋简体 22 磅 居中】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        layout = get_layout(ctx)
        if layout is None:
            return
        rules = layout_rules(ctx)
        want = rules.spec("title")
        titles = [p for p in parts(ctx) if p.role == "title"]
        if not titles:
            return
        zh, en = [], []
        look = titles[0].look()
        if look is not None and look.has_cjk and look.face is not None and rules.family(look.face) != want["font"]:
            wz, we = where(layout, titles, look.face_from, look.face_theme)
            zh.append(f"字体为{look.face}（{wz}）")
            en.append(f"the font is {look.face} ({we})")
        elif look is not None and look.has_cjk and look.face is None:
            zh.append("没有设置中文字体")
            en.append("no Chinese font is set")
        if look is not None and not rules.size_ok(look.size, want["size"]):
            z, e = size_text(rules, look.size)
            zh.append(f"字号为 {z}")
            en.append(f"the size is {e}")
        align = titles[0].para.align
        if align != want["align"]:
            z, e = ALIGN.get(align, (align, align))
            zh.append(z)
            en.append(e)
        if zh:
            sz, se = size_text(rules, want["size"])
            names = "、".join(rules.declared.get("小标宋", [])) or rules.first_name("小标宋")
            yield self.place(ctx, titles[0], f"标题{'，'.join(zh)}；应为小标宋（{names}）{sz}、居中",
                             f"title: {'; '.join(en)}; it should be XiaoBiaoSong ({names}) {se}, centred",
                             f"把标题设为{rules.first_name('小标宋')}、二号、居中",
                             f"set the title in {rules.first_name('小标宋')}, 22 pt, centred")


@register
class HeadingFont(LayoutRule):
    """## What it does
    Checks each heading level's font by the marker the parser read: `一、` 黑体, `（一）` 楷体, `1.` and
    `（1）` 仿宋, all 三号; bold is allowed. For a run-in heading (`（一）工作目标。正文…`) the label and the
    lead sentence are checked. One finding per level and kind of fault.

    ## Why is this bad?
    GB/T 9704-2012 §7.3.3: 第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字标注.

    ## Example
    ```
    The 一、 headings are in a style that sets 仿宋_GB2312.
    ```

    ## Use instead
    ```
    一、 headings in 黑体 (SimHei), 16 pt.
    ```
    """
    code = "FMT004"
    name = "heading-font"
    severity = "warning"
    doc_zh = """## 检查什么
按解析出的层次序数检查各级标题的字体：“一、”黑体，“（一）”楷体，“1.”“（1）”仿宋，均为三号；允许加粗。
“（一）工作目标。正文……”这样的段中标题，检查序号和标题句。同一层级、同一种错误只报一条。

## 为什么
GB/T 9704-2012 第 7.3.3 条：第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字标注。

## 示例（会报告）
“一、”标题所用的样式设为仿宋_GB2312。

## 应改为
“一、”标题用黑体、三号。"""
    example_hit = "【一级标题样式：仿宋_GB2312】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"
    example_miss = "【一级标题样式：黑体】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        if get_layout(ctx) is None:
            return
        rules = layout_rules(ctx)
        for key, group in font_groups(ctx)[1].items():
            level, fault = key[0], key[1:]
            spec = rules.spec(level)
            label = FAMILY_ZH.get(level, level)
            zh, en = describe(ctx, (f"{spec['name']}（{label}）", f"{label} headings"), fault, group)
            want_zh, want_en = want_text(rules, spec)
            n = len(group)
            yield self.place(ctx, group[0], f"{zh}，应为{want_zh}；共 {n} 段",
                             f"{en}, instead of {want_en}; {n} paragraph(s)",
                             f"把“{label}”一级的标题改为{rules.first_name(spec['font'])}、三号",
                             f"set the {label} headings in {rules.first_name(spec['font'])}, 16 pt")


def _indent_fault(rules: LayoutRules, part: Part) -> Optional[tuple]:
    p = part.para
    want = float(rules.data.get("first_line_chars", 2))
    tol = float(rules.data.get("indent_tolerance_chars", 0.25))
    if p.align in ("center", "right", "end") or p.frame_x:
        return None                       # 署名、成文日期、centred lines: placed, not indented
    text = p.text.strip()
    if text.startswith("附件"):
        return None                       # 附件说明: 左空二字 with a hanging indent under the name (§7.3.4)
    if p.first_line < -tol:
        return ("hanging", round(-p.first_line, 1), p.indent_from)
    if abs(p.left) > tol and abs(p.left + p.first_line - want) <= tol:
        return ("block", round(p.left, 1), p.indent_from)
    if abs(p.first_line - want) > tol:
        return ("first", round(p.first_line, 1), p.indent_from)
    if abs(p.left) > tol:
        return ("left", round(p.left, 1), p.indent_from)
    return None


_ADDRESSEE_END = ("：", ":")


@register
class FirstLineIndent(LayoutRule):
    """## What it does
    Finds paragraphs of the body (headings included) that do not start two characters in with the lines
    after it flush left: no first-line indent, a different one, a hanging indent, or a left indent of the
    whole paragraph. Centred and right-aligned lines (署名, 成文日期), 附件说明 and the 主送机关 line are not
    indented and are left out.

    ## Why is this bad?
    GB/T 9704-2012 §7.3.3: 每个自然段左空二字，回行顶格.

    ## Example
    ```
    Normal has no first-line indent.
    ```

    ## Use instead
    ```
    w:ind w:firstLineChars="200" w:firstLine="640" (two characters of 三号).
    ```
    """
    code = "FMT006"
    name = "first-line-indent"
    severity = "info"
    doc_zh = """## 检查什么
正文段落（含各级标题）没有“左空二字、回行顶格”：没有首行缩进、缩进不是两字、用了悬挂缩进，或整段左缩进。
居中、右对齐的行（署名、成文日期）、附件说明和主送机关行本来不缩进，不检查。

## 为什么
GB/T 9704-2012 第 7.3.3 条：每个自然段左空二字，回行顶格。

## 示例（会报告）
“Normal”样式没有首行缩进。

## 应改为
首行缩进 2 字符（w:firstLineChars="200"，即三号字 640 缇）。"""
    example_hit = "【正文样式：首行不缩进】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"
    example_miss = "【正文样式：首行缩进 2 字】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        layout = get_layout(ctx)
        if layout is None:
            return
        rules = layout_rules(ctx)
        first_heading = min((p.line for p in parts(ctx) if p.role in LEVELS), default=10 ** 9)
        items = []
        seen = set()
        for part in parts(ctx):
            if part.role == "title" or part.line in seen:
                continue
            seen.add(part.line)
            text = part.para.text.strip()
            if part.line < first_heading and text.endswith(_ADDRESSEE_END) and len(text) <= 60:
                continue                  # 主送机关：居左顶格 (§7.3.2)
            fault = _indent_fault(rules, part)
            if fault:
                items.append((fault, part))
        for (kind, value, origin), group in groups(items).items():
            wz, we = where(layout, group, origin, False)
            v = f"{value:g}"
            what = {"hanging": (f"用了悬挂缩进 {v} 字", f"have a hanging indent of {v} characters"),
                    "block": (f"整段左缩进 {v} 字（回行没有顶格）", f"are indented {v} characters as a block (wrapped lines not flush left)"),
                    "first": (f"首行缩进 {v} 字", f"have a first-line indent of {v} characters"),
                    "left": (f"左缩进 {v} 字", f"have a left indent of {v} characters")}[kind]
            n = len(group)
            yield self.place(ctx, group[0], f"段落{what[0]}（{wz}），应为首行缩进 2 字、回行顶格；共 {n} 段",
                             f"paragraphs {what[1]} ({we}) instead of a two-character first-line indent; {n} paragraph(s)",
                             "设为首行缩进 2 字符、左缩进 0", "set a first-line indent of 2 characters and no left indent")


@register
class EastAsianFont(LayoutRule):
    """## What it does
    Finds runs of Chinese text with no East Asian font anywhere in their formatting (only w:ascii/w:hAnsi),
    so each PC substitutes its own; and Chinese quotation marks and dashes (“” ‘’ — …) set in a Western
    font because the run lacks w:hint="eastAsia" — Word draws those in the hAnsi font (MS-OI29500 §2.1.88).

    ## Why is this bad?
    The first looks right on the writer's PC and falls back to another face (MS Mincho, SimSun) on the
    reader's; the second gives narrow, Western-looking quotes inside Chinese text.

    ## Example
    ```
    <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/> on a run of Chinese text.
    ```

    ## Use instead
    ```
    <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/>
    ```
    """
    code = "FMT008"
    name = "east-asian-font"
    severity = "warning"
    doc_zh = """## 检查什么
中文文字的格式里（样式、直接格式各层）都没有设置中文字体（只有 w:ascii/w:hAnsi 西文字体），每台电脑会各自
替换一种；或者中文引号、破折号、省略号（“” ‘’ — …）因为没有 w:hint="eastAsia"，被 Word 用西文字体显示。

## 为什么
前者在起草人的电脑上看着正常，换一台电脑就变成 MS 明朝、宋体；后者使中文里的引号变窄，像英文引号。

## 示例（会报告）
中文文字的 rFonts 只有 w:ascii="Times New Roman" w:hAnsi="Times New Roman"。

## 应改为
同时设置 w:eastAsia="仿宋_GB2312" 和 w:hint="eastAsia"。"""
    example_hit = "【正文样式：只设西文字体 Times New Roman】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"
    example_miss = "【正文样式：中文字体 仿宋_GB2312】\n某某市知识产权局2024年工作要点\n一、总体要求\n全面加强知识产权保护。\n"

    def check(self, ctx: Context) -> Iterable[Finding]:
        layout = get_layout(ctx)
        if layout is None:
            return
        from ..layout_parts import layout_range
        rules = layout_rules(ctx)
        a, b = layout_range(ctx, layout)
        missing: list = []
        punct: dict = {}
        paras = [layout.paragraph(n) for n in range(a, b + 1)]
        from ..layout_parts import first_document
        if first_document(ctx):
            paras += layout.footnotes
        for para in paras:
            if para is None or not CJK.search(para.text):
                continue
            if any(r.east_asia is None and CJK.search(r.text) for r in para.runs):
                missing.append(para)
            for r in para.runs:
                marks = sorted({c for c in r.text if c in rules.western_punct})
                if not marks:
                    continue
                if r.hint == "eastAsia":
                    continue          # drawn in the East Asian font (none set: the finding above)
                face = r.h_ansi
                if not rules.is_cjk_font(face):
                    got = punct.setdefault(face or "", [[], set()])
                    if not got[0] or got[0][-1] is not para:
                        got[0].append(para)
                    got[1].update(marks)
        if missing:
            first = missing[0]
            latin = next((r.ascii for r in first.runs if r.east_asia is None and r.ascii), "") or "Times New Roman"
            n = len(missing)
            yield self._at(ctx, first, f"文字没有设置中文字体（只有西文字体 {latin}），Word 会用本机的默认中文字体代替；共 {n} 段",
                           f"text has no East Asian font (only the Western font {latin}); Word substitutes one; {n} paragraph(s)",
                           f"在样式或文字格式中设置中文字体（{rules.first_name('仿宋')}）",
                           f"set an East Asian font ({rules.first_name('仿宋')}) in the style or the text")
        for face, (group, mark_set) in punct.items():
            marks = sorted(mark_set)      # a set's order changes from run to run (string hashing)
            shown = face or "Times New Roman"
            default = "" if face else "（Word 默认）"
            n = len(group)
            yield self._at(ctx, group[0], f"中文标点 {''.join(marks)} 用了西文字体 {shown}{default}（文字缺少 w:hint=\"eastAsia\"）；共 {n} 段",
                           f"Chinese punctuation {''.join(marks)} is set in the Western font {shown} (no w:hint=\"eastAsia\"); {n} paragraph(s)",
                           "给这些文字设置 w:hint=\"eastAsia\"，或把西文字体也设为中文字体",
                           "give the runs w:hint=\"eastAsia\", or a Chinese hAnsi font")

    def _at(self, ctx, para, zh, en, sugg, sugg_en) -> Finding:
        from ..textutil import owner
        node = owner(ctx, para.line) if para.line else None
        f = self.finding(ctx, zh, en, line=para.line or None, excerpt=para.text[:30],
                         suggestion=sugg + FIX_HINT[0], suggestion_en=sugg_en + FIX_HINT[1])
        if node is not None:
            f.label, f.path = node.label, ctx.path_of(node)
        return f
