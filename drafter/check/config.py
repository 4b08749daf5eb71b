"""drafter.yaml: found upward from the checked file (or given with --config), validated with a JSON
Schema; every problem names the file and the line, in Chinese (or English with --lang en).

```yaml
# drafter.yaml
select: [NUM, DUP, TXT001]          # rule codes or prefixes (default: all)
ignore: [TXT003]
severity: {TXT003: warning, AGY001: error, PUN001: off}
agencies:                           # added to rules/agencies.yaml (same shape)
  known: [{name: 市大数据局, aliases: [市大数据管理局]}]
metrics:                            # added to rules/metrics.yaml
  groups: [{name: 专利转化项目, aliases: [转化项目], unit: 项}]
terms: [...]                        # added to rules/terms.yaml
duplicates: {threshold: 0.75}
placeholders: [待补]
layout: {fonts: {小标宋: [华文中宋]}}  # fonts the office uses for a GB/T 9704 family (FMT002–FMT004)
fail-on: warning
```
"""
from __future__ import annotations

import os
from typing import Any, Optional

from ..errors import DrafterError

NAMES = ("drafter.yaml", ".drafter.yaml", "drafter.yml")

_CODES = {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z]{1,6}[0-9]{0,3}$"}}
_CODE_LIST = {"anyOf": [_CODES, {"type": "string"}]}

SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "drafter.yaml",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "select": _CODE_LIST,
        "ignore": _CODE_LIST,
        "severity": {"type": "object",
                     "propertyNames": {"pattern": "^[A-Za-z]{1,6}[0-9]{1,3}$"},
                     "additionalProperties": {"enum": ["error", "warning", "info", "off"]}},
        "fail-on": {"enum": ["error", "warning", "info", "never"]},
        "agencies": {"anyOf": [
            {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "object"}]}},
            {"type": "object",
             "properties": {
                 "known": {"type": "array", "items": {"anyOf": [
                     {"type": "string"},
                     {"type": "object", "required": ["name"],
                      "properties": {"name": {"type": "string"},
                                     "aliases": {"type": "array", "items": {"type": "string"}}}}]}},
                 "renames": {"type": "array", "items": {
                     "type": "object", "required": ["old", "new", "year"],
                     "properties": {"old": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
                                    "new": {"type": "string"}, "year": {"type": "integer"},
                                    "until": {"type": "integer"}, "region": {"type": "string"},
                                    "note": {"type": "string"}}}},
                 "places": {"type": "array", "items": {"type": "string"}},
                 "generic": {"type": "array", "items": {"type": "string"}},
                 "patterns": {"type": "array", "items": {"type": "string"}},
             }}]},
        "metrics": {"anyOf": [
            {"type": "array", "items": {"type": "object"}},
            {"type": "object",
             "properties": {"groups": {"type": "array", "items": {
                 "type": "object", "required": ["name"],
                 "properties": {"name": {"type": "string"},
                                "aliases": {"type": "array", "items": {"type": "string"}},
                                "unit": {"type": "string"}}}}}}]},
        "terms": {"type": "array", "items": {
            "type": "object", "required": ["name", "pattern", "until"],
            "properties": {"name": {"type": "string"}, "pattern": {"type": "string"},
                           "from": {}, "until": {}, "grace": {"type": "integer", "minimum": 0},
                           "unless": {"type": "string"}, "suggestion": {"type": "string"},
                           "kind": {"type": "string"}}}},
        "duplicates": {"type": "object", "additionalProperties": False,
                       "properties": {"threshold": {"type": "number", "minimum": 0.3, "maximum": 1}}},
        "placeholders": {"type": "array", "items": {"type": "string", "minLength": 1}},
        # fonts an office uses for a GB/T 9704 family (its house fonts, a 小标宋 substitute): FMT002–FMT004
        "layout": {"type": "object", "additionalProperties": False,
                   "properties": {"fonts": {"type": "object",
                                            "propertyNames": {"enum": ["仿宋", "楷体", "黑体", "小标宋", "宋体"]},
                                            "additionalProperties": {"type": "array",
                                                                     "items": {"type": "string", "minLength": 1}}}}},
    },
}

_TYPE_ZH = {"string": "文字", "array": "列表", "object": "键值表", "integer": "整数", "number": "数字",
            "boolean": "是/否"}


def find_config(start: str) -> Optional[str]:
    """The nearest drafter.yaml in the folder of `start` or any folder above it."""
    d = os.path.dirname(os.path.abspath(start)) if not os.path.isdir(start) else os.path.abspath(start)
    while True:
        for n in NAMES:
            p = os.path.join(d, n)
            if os.path.isfile(p):
                return p
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def _plain(x: Any) -> Any:
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_plain(v) for v in x]
    return x


def _explain(err) -> tuple[str, str]:
    where = "/".join(str(p) for p in err.absolute_path) or "（顶层）"
    v = err.validator
    if v == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        allowed = "、".join(err.schema.get("properties", {}))
        key = extra[0] if extra else "?"
        if err.absolute_path:
            return (f"“{where}”下不认识的设置“{key}”", f"unknown key '{key}' under '{where}'")
        return (f"不认识的设置“{key}”（可用：{allowed}）", "unknown key '%s' (known: %s)" % (key, allowed.replace("、", ", ")))
    if v == "type":
        t = err.validator_value
        tz = "或".join(_TYPE_ZH.get(x, x) for x in (t if isinstance(t, list) else [t]))
        return (f"“{where}”应为{tz}，这里是 {err.instance!r}", f"'{where}' must be {t}, got {err.instance!r}")
    if v == "enum":
        opts = "、".join(map(str, err.validator_value))
        return (f"“{where}”的值“{err.instance}”无效，可选：{opts}", f"'{where}': '{err.instance}' is not one of {opts}")
    if v == "required":
        return (f"“{where}”缺少必填项：{err.message.split(' ')[0]}", f"'{where}': {err.message}")
    if v == "pattern":
        return (f"“{where}”的值“{err.instance}”不是规则代码（如 NUM001、TXT）", f"'{where}': '{err.instance}' is not a rule code")
    if v == "propertyNames":
        return (f"“{where}”里的“{err.instance}”不是规则代码", f"'{where}': '{err.instance}' is not a rule code")
    if v in ("minimum", "maximum"):
        return (f"“{where}”的值 {err.instance} 超出范围", f"'{where}': {err.message}")
    if v == "anyOf":
        return (f"“{where}”的写法不对", f"'{where}': {err.message}")
    return (f"“{where}”：{err.message}", f"'{where}': {err.message}")


def validate(data: Any, name: str) -> dict:
    """Check `data` (as loaded, with line positions) against SCHEMA; raise DrafterError name:line."""
    import jsonschema

    from ..yamlio import line_of   # here, not at the top: a check without a drafter.yaml never imports ruamel
    if data is None:
        return {}
    plain = _plain(data)
    if not isinstance(plain, dict):
        raise DrafterError(name, "配置文件的顶层应为键值表（如 select: [NUM]）", "the config must be a mapping at the top level")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    errors = sorted(validator.iter_errors(plain), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    if errors:
        err = jsonschema.exceptions.best_match(errors) or errors[0]
        path = list(err.absolute_path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            if extra:
                path = path + [extra[0]]
        line = line_of(data, path)
        zh, en = _explain(err)
        raise DrafterError(f"{name}:{line}" if line else name, f"配置有误：{zh}", f"bad configuration: {en}")
    # codes must be real rules
    from .engine import _check_known, split_codes
    for key in ("select", "ignore"):
        try:
            _check_known(split_codes(plain.get(key)), key)
        except DrafterError as e:
            line = line_of(data, [key])
            raise DrafterError(f"{name}:{line}" if line else name, f"配置有误：{e.zh}", f"bad configuration: {e.en}") from None
    for code in (plain.get("severity") or {}):
        try:
            _check_known([code.upper()], "severity")
        except DrafterError as e:
            line = line_of(data, ["severity", code])
            raise DrafterError(f"{name}:{line}" if line else name, f"配置有误：{e.zh}", f"bad configuration: {e.en}") from None
    return plain


def load_config(path: str) -> dict:
    """Read and validate one drafter.yaml."""
    from ..yamlio import load_yaml, read_yaml_text
    text = read_yaml_text(path, "配置文件", "config file")
    return validate(load_yaml(text, path), path)


def config_for(file: str, explicit: Optional[str] = None) -> tuple[dict, Optional[str]]:
    """(config, its path) for checking `file`: --config if given, else the nearest drafter.yaml, else {}."""
    path = explicit or find_config(file)
    if not path:
        return {}, None
    return load_config(path), path
