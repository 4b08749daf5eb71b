"""FMT002–FMT004: the Chinese font and size of the body, the title and each heading level of a .docx as a
reader sees them (GB/T 9704-2012 §7.3). A heading fault that fixing the body's would fix is counted in
the body's finding.
"""
from __future__ import annotations

from typing import Iterable

from ..base import Context, Finding, register
from ..layout_faults import font_fault
from ..layout_parts import LEVELS, LayoutRules, Part, family_en, get_layout, layout_rules, parts, size_text
from ..textutil import FAMILY_ZH
from .layout_common import ALIGN, LayoutRule, groups, where


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

