"""Render a Document through the jinja2 templates into blocks: (style, text) or a table.

The templates (templates/plan.j2 and what it includes) hold the wording; layout is not their business.
They run in jinja2's ImmutableSandboxedEnvironment: a template that reaches for Python internals
(`__class__`, `mro`, `__globals__` …) is refused with exit 2. The templates write a line-oriented text
(`@style text`), never XML, so there is nothing to escape here; docx.py hands text to python-docx,
which escapes it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from ..errors import DrafterError
from ..model import Document, Node
from ..parse import first_sentence
from ..resources import templates_dir
from .numbering import assign, strip_marker
from .outline import Options

MAIN_TEMPLATE = "plan.j2"
TABLE_SEP = " | "
LEAD_OPEN, LEAD_CLOSE = "[[", "]]"

# marker → rank of heading font (GB/T 9704 §7.3.3): 一、 黑体 · （一） 楷体 · 1. / （1） 仿宋
_RANK = [(re.compile(r"^[一二三四五六七八九十百零〇]+、$"), 1), (re.compile(r"^[（(][一二三四五六七八九十百零〇]+[）)]$"), 2),
         (re.compile(r"^\d+\.$"), 3), (re.compile(r"^[（(]\d+[）)]$"), 4)]


def rank_of(label: str) -> int:
    for rx, r in _RANK:
        if rx.match(label):
            return r
    return 3


@dataclass
class Block:
    style: str
    text: str = ""
    lead: str = ""                        # the run-in heading part (first part of text)
    cells: list = field(default_factory=list)   # for table / row


# --- the view a template sees ----------------------------------------------------------------------------

lead_sentence = first_sentence  # the parser's rule: what parse calls a title, draft writes as one


_CLAUSE = re.compile(r"[（(]([^（）()]*?)[）)]\s*[。；;]?\s*$")


def clause_in_text(text: str, names: list) -> bool:
    """Does the text already end with an agency clause naming one of `names`?"""
    m = _CLAUSE.search(text)
    if not m:
        return False
    inner = m.group(1)
    return any(n and n in inner for n in names) and bool(re.search(r"牵头|负责|配合|责任单位|会同", inner))


def _one_line(s: str) -> str:
    return re.sub(r"\s*\n\s*", "", s or "").strip()


def node_view(n: Node, seq: list) -> dict:
    text = _one_line(strip_marker(n.text)) if n.text else ""
    title = _one_line(strip_marker(n.title)) if n.title else ""
    if not title:
        title = lead_sentence(text) if not n.children else text
    if text.startswith(title):
        rest = text[len(title):]
    elif text and text != title:
        rest = text
    else:
        rest = ""
    if n.children and not rest.strip():
        # a heading standing alone: no end punctuation (GB/T 15834 B.4); one followed by its own text
        # (`2.统筹……管理。具体包括：` over （1）–（3）) is a run-in sentence and keeps its 。
        title = title.rstrip("。；;，,")
    names = [a.name for a in n.agencies]
    v = {
        "label": n.label, "number": n.number, "title": title, "rest": rest.strip(),
        "rank": rank_of(n.label) if n.label not in ("——",) and not n.label.endswith("是") else 3,
        "leads": [a.name for a in n.agencies if a.role == "lead"],
        "responsible": [a.name for a in n.agencies if a.role == "responsible"],
        "partners": [a.name for a in n.agencies if a.role == "cooperate"],
        "clause_in_text": clause_in_text(text or title, names),
        "deadline": getattr(n, "deadline", "") or "",
        # a lead that ends a sentence runs in ("（一）标题。正文"); one that does not stands on its own line
        "run_in": bool(title) and title[-1] in "。！？；：!?;:",
        "origin": n.origin or "",
        "children": [],
        "seq": 0,
    }
    if not n.children:
        seq.append(v)
        v["seq"] = len(seq)
    v["children"] = [node_view(c, seq) for c in n.children]
    return v


def document_view(doc: Document, opts: Options) -> dict:
    assign(doc, opts.markers, opts.numbering_at, opts.item_level)
    leaves: list = []
    sections = [node_view(s, leaves) for s in doc.sections]
    paragraphs = [p.strip() for p in (doc.preamble or "").splitlines() if p.strip()]
    pre = "".join(paragraphs)
    tt = [t.text.rstrip("。；;，, ") for t in doc.targets if t.text and t.text.rstrip("。；;，, ") not in pre]
    signature = opts.signature if opts.signature is not None else bool(doc.issuer or doc.date)
    title = _one_line(doc.title)
    return {
        "title": title, "year": doc.year or "", "issuer": doc.issuer or "", "date": doc.date or "",
        "preamble_paragraphs": paragraphs, "targets_text": "，".join(tt), "sections": sections,
        "agency_style": opts.agency_style, "appendix_table": opts.appendix_table,
        "appendix_title": f"{title}任务分工", "signature": signature, "leaves": leaves,
    }


# --- templates -------------------------------------------------------------------------------------------

def environment(template_dir: Optional[str] = None) -> jinja2.Environment:
    paths = []
    if template_dir:
        if not os.path.isdir(template_dir):
            raise DrafterError(template_dir, "模板文件夹不存在", "template folder does not exist")
        paths.append(str(template_dir))
    paths.append(str(templates_dir()))
    return ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(paths), undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)


def render_text(doc: Document, opts: Options, template_dir: Optional[str] = None) -> str:
    env = environment(template_dir)
    view = document_view(doc, opts)
    try:
        tpl = env.get_template(MAIN_TEMPLATE)
        return tpl.render(doc=view)
    except SecurityError as e:
        raise DrafterError(_tpl_where(e, template_dir), f"模板试图访问不允许的内容，已拒绝：{e}",
                           f"template refused: it tries to reach Python internals ({e})") from None
    except jinja2.TemplateSyntaxError as e:
        where = f"{e.filename or e.name}:{e.lineno}"
        raise DrafterError(where, f"模板语法错误：{e.message}", f"template syntax error: {e.message}") from None
    except jinja2.TemplateNotFound as e:
        raise DrafterError(str(e), "找不到模板", "template not found") from None
    except jinja2.UndefinedError as e:
        raise DrafterError(_tpl_where(e, template_dir), f"模板用了未定义的变量：{e.message}",
                           f"template uses an undefined variable: {e.message}") from None
    except jinja2.TemplateError as e:
        raise DrafterError(_tpl_where(e, template_dir), f"模板错误：{e}", f"template error: {e}") from None
    except (TypeError, ValueError, AttributeError, RecursionError) as e:
        raise DrafterError(_tpl_where(e, template_dir), f"模板出错：{e}", f"template failed: {e}") from None


def _tpl_where(e: BaseException, template_dir: Optional[str]) -> str:
    tb = e.__traceback__
    where = None
    while tb is not None:
        fn = tb.tb_frame.f_code.co_filename
        if fn.endswith(".j2"):
            where = f"{fn}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where or (os.path.join(template_dir, MAIN_TEMPLATE) if template_dir else MAIN_TEMPLATE)


def parse_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@"):
            style, _, body = line[1:].partition(" ")
            body = body.strip()
        else:
            style, body = "body", line
        if style in ("table", "row"):
            blocks.append(Block(style, cells=[c.strip() for c in body.split(TABLE_SEP.strip(), 4)]))
            continue
        lead = ""
        if body.startswith(LEAD_OPEN) and LEAD_CLOSE in body:
            lead, _, rest = body[len(LEAD_OPEN):].partition(LEAD_CLOSE)
            body = lead + rest
        if style in ("date", "issuer", "note") and not body:
            continue
        blocks.append(Block(style, body, lead=lead))
    return blocks


def render(doc: Document, opts: Options, template_dir: Optional[str] = None) -> list[Block]:
    return parse_blocks(render_text(doc, opts, template_dir))


def reference_docx(template_dir: Optional[str] = None) -> Path:
    if template_dir and os.path.isfile(os.path.join(template_dir, "reference.docx")):
        return Path(template_dir) / "reference.docx"
    return templates_dir() / "reference.docx"
