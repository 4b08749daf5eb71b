"""The data files shipped in `rules/` (agencies, metrics, terms …), read with PyYAML's C loader and YAML 1.2
scalars; ruamel.yaml (drafter.yamlio, for outlines a person edits) only when PyYAML is absent.
Kept apart from yamlio so that `drafter check` does not import ruamel.yaml when there is no drafter.yaml."""
from __future__ import annotations

import re
from typing import Any

from .errors import DrafterError


def _data_loader():
    """PyYAML's C loader (fast: the rules data is read on every `check`), with YAML 1.2 numbers and
    booleans as ruamel reads them: only true/false are booleans, 10:30 stays a string; dates are dates.
    None when PyYAML is absent."""
    try:
        import yaml
    except ImportError:
        return None
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    replaced = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    resolvers = {}
    for first, pairs in base.yaml_implicit_resolvers.items():
        keep = [(tag, rx) for tag, rx in pairs if tag not in replaced]
        if keep:
            resolvers[first] = keep
    Loader.yaml_implicit_resolvers = resolvers
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))
    Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"),
                                 list("-+0123456789"))
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
        list("-+0123456789."))
    return yaml, Loader


def load_data_yaml(text: str, name: str) -> Any:
    """Load a rules/*.yaml data file; a syntax error names the file and line (exit 2)."""
    found = _data_loader()
    if found is None:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import MarkedYAMLError, YAMLError
        y = YAML(typ="safe", pure=True)
        try:
            return y.load(text)
        except MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            raise DrafterError(f"{name}:{mark.line + 1 if mark else 0}", f"YAML 格式错误：{e.problem or e.context}",
                               f"YAML syntax error: {e.problem or e.context}") from None
        except YAMLError as e:
            raise DrafterError(name, f"YAML 格式错误：{e}", f"YAML error: {e}") from None
    yaml, loader = found
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506  (a SafeLoader subclass)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise DrafterError(f"{name}:{mark.line + 1 if mark else 0}", f"YAML 格式错误：{e.problem or e.context}",
                           f"YAML syntax error: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise DrafterError(name, f"YAML 格式错误：{e}", f"YAML error: {e}") from None
