"""Load an outline (YAML), validate it against the JSON Schema, and build a Document plus drafting options.

Every problem becomes a DrafterError naming `outline.yaml:LINE` and saying in Chinese what is wrong.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import jsonschema

from ..errors import DrafterError
from ..i18n import tr
from ..model import Agency, Document, Node, Target
from ..yamlio import line_of, load_yaml, read_yaml_text

DEFAULT_MARKERS = ["一、", "（一）", "1.", "（1）"]


@dataclass
class Options:
    """How to draft: the outline-only keys."""
    numbering: list = field(default_factory=lambda: ["restart"])   # per level; the last entry repeats
    markers: list = field(default_factory=lambda: list(DEFAULT_MARKERS))
    agency_style: str = "lead"
    appendix_table: bool = False
    signature: Optional[bool] = None
    per_level: bool = False                          # numbering given as a list, one entry per level
    # where a work item sitting higher than the deepest level is numbered: at its own depth (GB/T 9704),
    # or with the deepest level's marker, counting on with it (seed 002: 一、 → 1.–3., 二、 → （一） → 4.)
    item_level: str = "depth"

    def numbering_at(self, level: int, deepest: int) -> str:
        """`continuous` applies (as a single word) to the deepest level only; a list says it per level."""
        n = self.numbering
        if not self.per_level:
            return n[0] if (level == deepest and level > 0) else "restart"
        return n[min(level, len(n) - 1)] if level > 0 else "restart"


@dataclass
class Outline:
    document: Document
    options: Options
    name: str
    data: Any = None          # the CommentedMap, for line numbers


@lru_cache(maxsize=1)
def schema() -> dict:
    p = Path(__file__).resolve().parent.parent / "schema" / "outline.schema.json"
    return json.loads(p.read_text(encoding="utf-8"))


def read_outline(path: str) -> Outline:
    name = os.path.basename(path)
    text = read_yaml_text(path, "大纲文件", "outline file")
    return parse_outline(text, name)


def parse_outline(text: str, name: str = "outline.yaml") -> Outline:
    return outline_from_data(load_yaml(text, name), name)


def outline_from_data(data: Any, name: str = "outline") -> Outline:
    """Validate and build from loaded YAML or plain JSON data (`POST /api/draft`); plain data has no lines,
    so its errors name the place by path (sections → 第2项 → title)."""
    if data is None:
        raise DrafterError(name, "大纲是空的", "the outline is empty")
    if isinstance(data, dict) and "documents" in data and "sections" not in data:
        data = _pick_document(data, name)
    _carry_numbers(data)
    validate(data, name)
    doc, opts = _document(data), _options(data)
    if not data.get("markers") and any(n.label for n in doc.walk()):
        # parse output (or a hand outline with labels): keep the marker forms it used
        from .to_outline import markers_of
        opts.markers = markers_of(doc)
    return Outline(document=doc, options=opts, name=name, data=data)


_ROLE_ZH = {"牵头": "lead", "牵头单位": "lead", "负责": "responsible", "责任": "responsible", "责任单位": "responsible",
            "配合": "cooperate", "配合单位": "cooperate", "协助": "cooperate", "参与": "cooperate"}


def _carry_numbers(data: Any) -> None:
    """What writers type that means something valid: `carry: 10.` reads as the number 10.0 in YAML (and
    `carry: 10` as 10), meaning the label "10."; an agency's `role: 牵头/负责/配合` means lead/responsible/cooperate."""
    def walk(nodes: Any) -> None:
        if not isinstance(nodes, list):
            return
        for n in nodes:
            if not isinstance(n, dict):
                continue
            c = n.get("carry")
            if isinstance(c, (int, float)) and not isinstance(c, bool) and float(c).is_integer() and c > 0:
                n["carry"] = f"{int(c)}."
            for a in n.get("agencies") or []:
                if isinstance(a, dict) and str(a.get("role", "")).strip() in _ROLE_ZH:
                    a["role"] = _ROLE_ZH[str(a["role"]).strip()]
            walk(n.get("children"))
    if isinstance(data, dict):
        walk(data.get("sections"))


def _pick_document(data: Any, name: str) -> Any:
    """Accept `drafter parse --format yaml` output: take its (first) plan."""
    docs = data.get("documents") or []
    for d in docs:
        if isinstance(d, dict) and d.get("kind") == "plan":
            return d
    if docs and isinstance(docs[0], dict):
        return docs[0]
    raise DrafterError(name, "文件里没有可用的文档", "no document in this file")


# --- validation -------------------------------------------------------------------------------------------

_TYPE_ZH = {"string": "文字", "integer": "整数", "number": "数字", "array": "列表（以“- ”开头的各行）",
            "object": "“键: 值”形式的条目", "boolean": "true 或 false", "null": "空"}


def _zh_type(t: Any) -> str:
    ts = t if isinstance(t, list) else [t]
    return "或".join(_TYPE_ZH.get(x, str(x)) for x in ts if x != "null")


def _path_zh(path: list) -> str:
    out = []
    for p in path:
        out.append(f"第{p + 1}项" if isinstance(p, int) else str(p))
    return " → ".join(out) or "（顶层）"


def _message(err: jsonschema.ValidationError) -> tuple[str, str]:
    v = err.validator
    inst = err.instance
    where = _path_zh(list(err.absolute_path))
    if v == "additionalProperties":
        extra = sorted(set(inst) - set(err.schema.get("properties", {}))) if isinstance(inst, dict) else []
        keys = "、".join(map(str, extra))
        hint = ""
        if any("：" in str(k) for k in extra):
            hint = "；键名后要用半角冒号“:”"
        return (f"{where}：不认识的键“{keys}”{hint}（可用的键见 drafter/schema/outline.schema.json）",
                f"{where}: unknown key(s) {', '.join(map(str, extra))}")
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return f"{where}：缺少“{missing}”", f"{where}: '{missing}' is required"
    if v == "anyOf" and isinstance(inst, dict):
        return f"{where}：每个条目至少要有 title、text 或 carry 之一", f"{where}: needs title, text or carry"
    if v == "type":
        got = inst
        hint = ""
        if isinstance(inst, str) and "：" in inst:
            hint = "；这一行看起来用了全角冒号“：”，键名后要用半角冒号加空格"
        return (f"{where}：应为{_zh_type(err.validator_value)}，实际是“{_short(got)}”{hint}",
                f"{where}: expected {err.validator_value}, got {_short(got)!r}")
    if v == "enum":
        allowed = "、".join(str(x) for x in err.validator_value)
        return f"{where}：“{_short(inst)}”不是允许的值（可选：{allowed}）", f"{where}: {_short(inst)!r} is not one of {allowed}"
    if v == "pattern":
        if err.absolute_path and list(err.absolute_path)[-1] == "date":
            return (f"{where}：日期应写成“2024年3月5日”（年份写全，月、日不编虚位）",
                    f"{where}: write the date as 2024年3月5日")
        return f"{where}：格式不对：“{_short(inst)}”", f"{where}: does not match the expected form"
    if v in ("minimum", "maximum"):
        return f"{where}：数值 {inst} 超出范围", f"{where}: {inst} is out of range"
    if v in ("minLength", "minItems"):
        return f"{where}：不能为空", f"{where}: must not be empty"
    if v == "maxItems":
        return f"{where}：项数过多", f"{where}: too many entries"
    if v == "oneOf":
        return f"{where}：取值不对：“{_short(inst)}”", f"{where}: invalid value {_short(inst)!r}"
    return f"{where}：{err.message}", f"{where}: {err.message}"


def _short(x: Any, n: int = 30) -> str:
    s = str(x)
    return s if len(s) <= n else s[:n] + "…"


def validate(data: Any, name: str) -> None:
    validator = jsonschema.Draft202012Validator(schema())
    errors = list(validator.iter_errors(data))
    if not errors:
        return
    # the most specific error first: the deepest path, then file order
    def key(e):
        line = line_of(data, list(e.absolute_path)) or 0
        return (line, -len(e.absolute_path))
    best = sorted(errors, key=key)[0]
    line = line_of(data, list(best.absolute_path))
    zh, en = _message(best)
    more_zh = f"（另有 {len(errors) - 1} 处问题）" if len(errors) > 1 else ""
    more_en = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    raise DrafterError(f"{name}:{line}" if line else name, zh + more_zh, en + more_en)


# --- building the Document ------------------------------------------------------------------------------

def _s(v: Any) -> str:
    return "" if v is None else str(v).strip()


def _node(d: dict, data_line: Optional[int]) -> Node:
    n = Node(label=_s(d.get("label")), title=_s(d.get("title")), text=_s(d.get("text")), line=data_line,
             agencies=[Agency(name=_s(a["name"]), role=_s(a.get("role")) or "responsible")
                       for a in d.get("agencies") or []],
             targets=[Target.from_dict(dict(t)) for t in d.get("targets") or []],
             origin=_s(d.get("from")) or None, carry=_s(d.get("carry")) or None)
    n.deadline = _s(d.get("deadline"))  # type: ignore[attr-defined]  # 完成时限, outline-only
    kids = d.get("children") or []
    for i, c in enumerate(kids):
        n.children.append(_node(c, _lc_item(kids, i)))
    return n


def _lc_item(seq: Any, i: int) -> Optional[int]:
    try:
        return seq.lc.item(i)[0] + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return None


def _options(data: dict) -> Options:
    o = Options()
    num = data.get("numbering")
    if isinstance(num, str):
        o.numbering = [num]
    elif isinstance(num, list):
        o.numbering = [str(x) for x in num]
        o.per_level = True
    if data.get("markers"):
        # an unquoted `1.` reads as the number 1.0 in YAML: it means the marker "1."
        o.markers = ["1." if isinstance(m, (int, float)) else str(m) for m in data["markers"]]
    if data.get("agency_style"):
        o.agency_style = str(data["agency_style"])
    if data.get("item_level") in ("depth", "deepest"):
        o.item_level = str(data["item_level"])
    o.appendix_table = bool(data.get("appendix_table", False))
    if data.get("signature") is not None:
        o.signature = bool(data["signature"])
    return o


def _document(data: dict) -> Document:
    doc = Document(kind=_s(data.get("kind")) or "plan", title=_s(data.get("title")), year=data.get("year"),
                   issuer=_s(data.get("issuer")), preamble=_s(data.get("preamble")),
                   targets=[Target.from_dict(dict(t)) for t in data.get("targets") or []],
                   date=_s(data.get("date")))
    num = data.get("numbering")
    doc.numbering = num if isinstance(num, str) else None
    secs = data.get("sections") or []
    for i, s in enumerate(secs):
        doc.sections.append(_node(s, _lc_item(secs, i)))
    return doc


def load(path: str) -> Outline:
    """Read, validate and build. The one entry point `drafter draft` uses."""
    return read_outline(path)


__all__ = ["Outline", "Options", "load", "parse_outline", "outline_from_data", "read_outline", "validate", "schema", "tr"]
