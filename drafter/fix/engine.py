"""Run a fix: check the file as `check` would (same context, same drafter.yaml), plan the edits of the
fixable findings, write them (a .txt in its own encoding, a .docx as tracked changes), check the result
again, and say what was fixed and what is left for a person."""
from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..api import load_context
from ..check.base import Finding
from ..check.config import config_for, load_config
from ..check.engine import enabled_rules, run_checks
from ..errors import DrafterError
from ..model import ParseResult
from ..read import read_source
from .diff import unified_diff
from .plan import Plan, apply, plan
from .stamp import revision_date


@dataclass
class FixResult:
    path: str
    out: Optional[str]                 # where the fixed file was (or would be) written
    plan: Plan
    before: list[Finding]              # every finding of the selected rules before the fix
    after: list[Finding]               # ... and after it (what is left for a person)
    new: list[Finding] = field(default_factory=list)   # findings the fix itself caused (should be none)
    diff: str = ""
    written: bool = False
    fmt: str = "text"
    layout: Optional[object] = None    # fix --layout's LayoutReport (what it changed), None without --layout
    revisions: int = 0                 # a .docx: the tracked changes written for the text (w:ins/w:del/w:pPrChange)

    @property
    def fixed_by_rule(self) -> Counter:
        """Findings of each rule that were there before and are gone now."""
        left = Counter((f.rule, f.line) for f in self.after)
        out: Counter = Counter()
        for f in self.before:
            if left[(f.rule, f.line)]:
                left[(f.rule, f.line)] -= 1
            else:
                out[f.rule] += 1
        return out


def default_out(path: str) -> str:
    """`plan.txt` → `plan.fixed.txt`, `plan.docx` → `plan.fixed.docx` (a .doc/.wps is fixed into a .docx)."""
    base, ext = os.path.splitext(path)
    ext = ext.lower()
    return f"{base}.fixed{'.docx' if ext in ('.doc', '.wps', '.docx') else (ext or '.txt')}"


def _is_legacy(path: str) -> bool:
    with open(path, "rb") as f:
        head = f.read(8)
    return os.path.splitext(path)[1].lower() in (".doc", ".wps") or head.startswith(b"\xd0\xcf\x11\xe0")


def _layout(src: str, dst: str, config: Optional[dict] = None, date: Optional[str] = None):
    """The GB/T 9704 layout pass (engineer `layout`'s drafter/fix/layout.py), .docx file → .docx file."""
    try:
        from . import layout  # noqa: F401
    except ImportError:
        raise DrafterError("--layout", "本版本尚未提供版式修复（--layout）", "--layout is not available in this version") from None
    fn = getattr(layout, "apply_layout", None) or getattr(layout, "fix_layout", None)
    if fn is None:
        raise DrafterError("--layout", "本版本尚未提供版式修复（--layout）", "--layout is not available in this version")
    return fn(src, dst, config=config, date=date)


def fix_file(path: str, out: Optional[str] = None, select=None, ignore=None, prior: Optional[str] = None,
             summary: Optional[str] = None, config: Optional[str] = None, dry_run: bool = False,
             force: bool = False, layout: bool = False, encoding: Optional[str] = None,
             find_config: bool = True) -> FixResult:
    """`find_config=False` uses only `config` (drafter serve must not pick up a drafter.yaml above its temp folder)."""
    from ..output import check_writable, write_atomic

    for f in [path, prior, summary, config]:
        if f and not os.path.exists(f):
            raise DrafterError(f, "文件不存在", "no such file")
    if os.path.isdir(path):
        raise DrafterError(path, "这是一个文件夹，不是文件", "is a folder, not a file")
    out = out or default_out(path)
    if not dry_run:
        if os.path.abspath(out) == os.path.abspath(path) and not force:
            raise DrafterError(out, "不会覆盖原文件；如确需覆盖请加 --force", "refusing to overwrite the input file; use --force")
        check_writable(out, force)
    cfg = config_for(path, config)[0] if find_config else (load_config(config) if config else {})
    prior_res, summary_res = load_context(prior, summary, encoding)
    chosen = {r.code for r in enabled_rules(cfg, select, ignore)}

    def findings(res: ParseResult) -> list[Finding]:
        return run_checks(res, prior=prior_res, summary=summary_res, config=cfg)

    date = revision_date()   # one date on every change of this run, text and layout
    with tempfile.TemporaryDirectory(prefix="drafter-fix-") as tmp:
        work = path
        if _is_legacy(path):  # a .doc/.wps is fixed as the .docx LibreOffice makes of it
            from ..read.legacy import convert_legacy
            work = os.path.join(tmp, "converted.docx")
            convert_legacy(path, work)
        src = read_source(work, encoding=encoding)
        if layout and src.fmt != "docx":
            raise DrafterError(path, "--layout 只用于 .docx 文件", "--layout works on .docx files only")
        from ..parse import parse_source
        result = parse_source(src)
        result.source = src.path = path
        if layout:   # the FMT findings before and after, as check reports them for a .docx
            from ..read.layout import LazyLayout
            result.layout = LazyLayout(work)
        before_all = findings(result)
        todo = [f for f in before_all if f.rule in chosen and f.edits]
        ext = ".docx" if src.fmt == "docx" else os.path.splitext(path)[1] or ".txt"
        fixed_path = os.path.join(tmp, "fixed" + ext)
        if src.fmt == "docx":
            from .docx_tracked import TrackedWriter
            writer = TrackedWriter(work, src, date)
            p = plan(todo, result.lines, feasible=writer.problem)
            writer.write(p.changes, fixed_path)
            revisions = writer.revisions
        else:
            revisions = 0
            from .text_writer import encode, read_raw
            raw = read_raw(path, encoding)
            if raw.lines != result.lines:
                raise DrafterError(path, "内部错误：无法把检查结果对应到原文的行", "internal error: cannot map the findings to the file's lines")
            p = plan(todo, result.lines)
            with open(fixed_path, "wb") as f:
                f.write(encode(raw, apply(raw.lines, p.changes), path))
        layout_report = None
        if layout:
            laid = os.path.join(tmp, "laid" + ext)
            layout_report = _layout(fixed_path, laid, cfg, date)
            fixed_path = laid
        fixed = parse_source(read_source(fixed_path, encoding=None if src.fmt == "docx" else encoding))
        fixed.source = out
        if layout:
            fixed.layout = LazyLayout(fixed_path)
        after_all = findings(fixed)
        was = Counter((f.rule, f.line) for f in before_all)
        new = []
        for f in after_all:
            if was[(f.rule, f.line)]:
                was[(f.rule, f.line)] -= 1
            else:
                new.append(f)
        res = FixResult(path=path, out=out, plan=p, before=[f for f in before_all if f.rule in chosen],
                        after=[f for f in after_all if f.rule in chosen], new=new, fmt=src.fmt)
        res.diff = unified_diff(result.lines, fixed.lines, p.changes, path, out)
        res.layout = layout_report
        res.revisions = revisions
        laid = layout_report is not None and bool(layout_report.done)
        if not dry_run and (p.changes or laid):   # nothing to fix: nothing written, as without --layout
            with open(fixed_path, "rb") as f:
                data = f.read()
            write_atomic(out, data, force=force)
            res.written = True
    return res
