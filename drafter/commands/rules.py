"""`drafter rules [CODE]`: the catalog, or one rule's documentation with an example that fires and one
that does not (the docs live on the rule classes, so they cannot drift from the code)."""
from __future__ import annotations

import inspect

import click

from ..check.base import all_rules
from ..errors import DrafterError
from ..i18n import get_lang, tr

_SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def summary_of(rule) -> str:
    """One line: the first sentence of the rule's 'what it does'."""
    doc = rule.doc_zh if get_lang() != "en" else (rule.__doc__ or "")
    doc = inspect.cleandoc(doc or "")
    body = doc.split("\n\n")
    for block in body:
        b = block.strip()
        if not b or b.startswith("##"):
            lines = [x for x in b.splitlines()[1:] if x.strip()]
            if lines:
                text = _join(lines)
                break
            continue
        text = _join(b.splitlines())
        break
    else:
        text = rule.name
    cuts = [i for i in (text.find(s) for s in ("。", ". ", "：", ": ")) if i > 0]
    if cuts:
        text = text[:min(cuts)]
    return text[:60] + ("…" if len(text) > 60 else "")


def _width(s: str) -> int:
    """Columns a terminal gives `s` (a Chinese character takes two)."""
    return sum(1 if ord(c) < 0x1100 else 2 for c in s)


def _join(lines) -> str:
    out = ""
    for x in lines:
        x = x.strip()
        if out and x and (out[-1].isascii() and x[0].isascii()):
            out += " "
        out += x
    return out


def explain(rule) -> str:
    en = get_lang() == "en"
    doc = inspect.cleandoc((rule.__doc__ if en else rule.doc_zh) or rule.__doc__ or "")
    sev = rule.severity if en else _SEV_ZH.get(rule.severity, rule.severity)
    if rule.fixable:
        fix = tr("drafter fix 可以自动修复（只改有唯一正确答案的地方）", "drafter fix can fix it (where there is one right answer)")
    elif rule.layout_fixable:
        fix = tr("drafter fix --layout 按 GB/T 9704 改正版式（以修订形式，不改文字）",
                 "drafter fix --layout sets the GB/T 9704 layout (as tracked changes, no word changed)")
    else:
        fix = tr("drafter fix 不自动修复：需要人来判断", "drafter fix leaves it to a person")
    out = [f"{rule.code} ({rule.name})", tr(f"默认级别：{sev}", f"Default severity: {sev}"), fix, "", doc, ""]
    if rule.example_hit:
        out += [tr("## 会报告的例子（drafter check 报告它）", "## An example that fires"), "```",
                rule.example_hit.rstrip("\n"), "```", ""]
    if rule.example_miss:
        out += [tr("## 不会报告的例子", "## An example that does not fire"), "```", rule.example_miss.rstrip("\n"), "```", ""]
    ctx = getattr(rule, "example_context", None) or {}
    for k, v in ctx.items():
        out += [tr(f"（例子的上下文 --{k}）", f"(context for the examples: --{k})"), "```", str(v).rstrip("\n"), "```", ""]
    return "\n".join(out)


def run(code: str | None = None) -> int:
    rules = list(all_rules())
    if code:
        c = code.strip().upper()
        for r in rules:
            if r.code == c:
                click.echo(explain(r), nl=False)
                return 0
        near = [r.code for r in rules if r.code.startswith(c[:3])]
        hint_zh = f"；相近的有：{'、'.join(near)}" if near else ""
        hint_en = f"; similar: {', '.join(near)}" if near else ""
        raise DrafterError(code, f"没有这条规则{hint_zh}（drafter rules 列出全部）", f"no such rule{hint_en} (drafter rules lists them)")
    w = max(len(r.name) for r in rules)
    mark, mark_layout = tr("可修复", "fix"), "--layout"
    col = max(_width(mark), _width(mark_layout))
    for r in rules:
        sev = r.severity if get_lang() == "en" else _SEV_ZH.get(r.severity, r.severity)
        fix = mark if r.fixable else mark_layout if r.layout_fixable else ""
        click.echo(f"{r.code:<8}{r.name:<{w + 2}}{sev:<8}{fix}{' ' * (col - _width(fix))}  {summary_of(r)}")
    n_fix = sum(1 for r in rules if r.fixable)
    n_layout = sum(1 for r in rules if r.layout_fixable and not r.fixable)
    click.echo(tr(f"\n共 {len(rules)} 条规则，其中 {n_fix} 条标有“可修复”：drafter fix 会改正它们找到的问题；"
                  f"{n_layout} 条标有“--layout”：drafter fix --layout 按 GB/T 9704 改正版式（.docx）。"
                  f"drafter rules CODE 查看某条规则的说明和例子。",
                  f"\n{len(rules)} rules; `drafter fix` fixes what the {n_fix} marked 'fix' find, `drafter fix --layout` "
                  f"what the {n_layout} marked '--layout' find (.docx). `drafter rules CODE` explains one, with examples."))
    return 0
