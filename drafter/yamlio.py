"""YAML in and out for outlines: ruamel.yaml round-trip, line numbers, comments, Chinese kept.

- `load_yaml(text, name)` lints first (tabs in indentation, a full-width `：` where a key is expected,
  anchors/aliases), then parses with line numbers kept; every problem is a DrafterError `name:LINE`.
- `dump_yaml(obj)` writes plain or commented data with Chinese as it is (no `\\uXXXX`).
- `line_of(data, path)` finds the 1-based line of a key/item path, for schema messages.
"""
from __future__ import annotations

import io
import re
from typing import Any, Iterable, Optional

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent

from .errors import DrafterError

MAX_BYTES = 5 * 1024 * 1024      # an outline is a few KiB; refuse anything absurd
MAX_DEPTH = 40

# `标题：总体要求` or `- 标题：…` at the start of a line: a key written with a full-width colon.
_FW_KEY = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]{0,30})：")
# outline keys: a full-width colon after one of these is always a mistake
KNOWN_KEYS = {"kind", "title", "year", "issuer", "date", "preamble", "targets", "sections", "children", "text",
              "body", "label", "number", "agencies", "name", "role", "metric", "value", "unit", "op", "from",
              "carry", "numbering", "markers", "agency_style", "appendix_table", "deadline", "line", "options"}


def _yaml(pure: bool = True) -> YAML:
    y = YAML(typ="rt", pure=pure)
    y.allow_unicode = True
    y.width = 4096                      # never fold long Chinese lines
    y.indent(mapping=2, sequence=4, offset=2)
    y.max_depth = MAX_DEPTH
    y.allow_duplicate_keys = False
    y.representer.ignore_aliases = lambda *a: True
    return y


def _fw_colon_error(name: str, n: int, key: str) -> DrafterError:
    return DrafterError(f"{name}:{n}",
                        f"“{key}”后面用了全角冒号“：”；键名后要用半角冒号加空格，写成“{key}: …”",
                        f"full-width colon after '{key}'; write '{key}: …' with an ASCII colon and a space")


def _fw_colon_near(text: str, name: str, line: int) -> Optional[DrafterError]:
    """After a syntax error at `line`: was a key a few lines above written with `：`?"""
    lines = text.splitlines()
    for n in range(min(line, len(lines)), max(0, line - 4), -1):
        m = _FW_KEY.match(lines[n - 1])
        if m and ":" not in lines[n - 1][: m.end()]:
            return _fw_colon_error(name, n, m.group(2))
    return None


def _lint(text: str, name: str) -> None:
    """Problems the YAML scanner reports badly (or on the wrong line): say them plainly, with the line."""
    in_block_scalar = False
    block_indent = 0
    for n, raw in enumerate(text.splitlines(), 1):
        stripped = raw.lstrip(" ")
        indent = len(raw) - len(stripped)
        if in_block_scalar:
            if stripped == "" or indent > block_indent:
                continue
            in_block_scalar = False
        if stripped.startswith("#") or not stripped.strip():
            continue
        if stripped.startswith("\t"):
            raise DrafterError(f"{name}:{n}", "缩进里有制表符（Tab）；YAML 只能用空格缩进，请把 Tab 换成空格",
                               "tab character in indentation; YAML indents with spaces only")
        m = _FW_KEY.match(raw)
        if m and ":" not in raw[: m.end()] and m.group(2) in KNOWN_KEYS:
            raise _fw_colon_error(name, n, m.group(2))
        if re.search(r":\s*[|>][-+0-9]*\s*(#.*)?$", raw):
            in_block_scalar = True
            block_indent = indent


def _scan_events(y: YAML, text: str, name: str) -> None:
    """Refuse anchors and aliases (the 'billion laughs' bomb) and absurd nesting before building anything."""
    depth = 0
    for ev in y.parse(io.StringIO(text)):
        if isinstance(ev, AliasEvent) or (isinstance(ev, (ScalarEvent, CollectionStartEvent)) and ev.anchor):
            line = ev.start_mark.line + 1 if ev.start_mark else 0
            raise DrafterError(f"{name}:{line}", "大纲里不能用锚点或别名（& 和 *）；请把内容直接写出来",
                               "anchors and aliases (& and *) are not allowed in an outline; write the content out")
        if isinstance(ev, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise DrafterError(f"{name}:{ev.start_mark.line + 1}", "嵌套层次过深", "nesting too deep")
        elif type(ev).__name__ in ("MappingEndEvent", "SequenceEndEvent"):
            depth -= 1


def load_yaml(text: str, name: str = "outline.yaml") -> Any:
    """Parse an outline. Returns CommentedMap/CommentedSeq (line numbers in `.lc`)."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise DrafterError(name, "文件过大，不像是一份大纲", "file too large for an outline")
    if text.startswith("\ufeff"):
        text = text[1:]
    _lint(text, name)
    y = _yaml()
    try:
        _scan_events(y, text, name)
        return y.load(text)
    except DrafterError:
        raise
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 0
        problem = (e.problem or e.context or "").strip()
        hint = _fw_colon_near(text, name, line)
        if hint is not None:
            raise hint from None
        zh = _zh_problem(problem)
        raise DrafterError(f"{name}:{line}", f"YAML 格式错误：{zh}", f"YAML syntax error: {problem}") from None
    except (YAMLError, RecursionError) as e:
        raise DrafterError(name, f"YAML 格式错误：{e}", f"YAML error: {e}") from None


def _zh_problem(problem: str) -> str:
    table = [
        ("mapping values are not allowed", "这里不能出现“键: 值”；检查上一行的冒号、引号或缩进"),
        ("could not find expected ':'", "缺少冒号“:”；检查引号是否成对"),
        ("found duplicate key", "同一层里有重复的键"),
        ("expected <block end>", "缩进不一致；同一层的行要对齐"),
        ("found character '\\t'", "有制表符（Tab）；请改用空格"),
        ("found unexpected end of stream", "文件意外结束；检查引号是否成对"),
        ("did not find expected key", "缩进不一致或少了“- ”；同一层的行要对齐"),
        ("did not find expected '-' indicator", "列表项要以“- ”开头并对齐"),
        ("found undefined alias", "用了未定义的别名“*”"),
    ]
    for en, zh in table:
        if en in problem:
            return zh
    return problem or "无法解析"


def dump_yaml(obj: Any) -> str:
    """YAML text with Chinese kept, block style, comments (on CommentedMap/Seq) preserved."""
    out = io.StringIO()
    _yaml().dump(_plain(obj), out)
    return out.getvalue()


def _plain(obj: Any) -> Any:
    """Tuples → lists; leave Commented* (they carry comments) and plain containers as they are."""
    if isinstance(obj, (CommentedMap, CommentedSeq)):
        return obj
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


def line_of(data: Any, path: Iterable[Any]) -> Optional[int]:
    """1-based line of the deepest element of `path` (keys and list indexes) that carries a position."""
    line = None
    node = data
    for step in path:
        try:
            if isinstance(node, CommentedMap) and step in node:
                line = node.lc.key(step)[0] + 1
            elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
                line = node.lc.item(step)[0] + 1
            node = node[step]
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    if line is None and isinstance(data, (CommentedMap, CommentedSeq)):
        line = data.lc.line + 1
    return line


def read_yaml_text(path: str, what_zh: str, what_en: str) -> str:
    """The text of a YAML file a person wrote (UTF-8, with or without BOM, or GB18030), or exit 2 saying why."""
    try:
        with open(path, "rb") as f:
            raw = f.read(16 * 1024 * 1024 + 1)
    except FileNotFoundError:
        raise DrafterError(path, f"找不到{what_zh}", f"{what_en} not found") from None
    except IsADirectoryError:
        raise DrafterError(path, f"这是一个文件夹，不是{what_zh}", f"this is a folder, not a {what_en}") from None
    except OSError as e:
        raise DrafterError(path, f"无法读取{what_zh}：{e.strerror}", f"cannot read the {what_en}: {e.strerror}") from None
    if len(raw) > 16 * 1024 * 1024:
        raise DrafterError(path, f"{what_zh}过大（超过 16 MB）", f"{what_en} too large (over 16 MB)")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise DrafterError(path, f"{what_zh}不是 UTF-8 或 GB18030 编码的文本", f"{what_en} is not UTF-8 or GB18030 text")
