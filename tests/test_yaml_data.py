"""The fast loader for rules/*.yaml reads exactly what the line-aware ruamel loader reads."""
from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from drafter.errors import DrafterError
from drafter.resources import rules_dir
from drafter.datayaml import load_data_yaml


@pytest.mark.parametrize("name", sorted(p.name for p in rules_dir().glob("*.yaml")))
def test_same_data_as_ruamel(name):
    text = (rules_dir() / name).read_text(encoding="utf-8")
    assert load_data_yaml(text, name) == YAML(typ="safe", pure=True).load(text)


def test_yaml_12_scalars():
    got = load_data_yaml("a: no\nb: 10:30\nc: on\nd: 1.5\ne: 12\nf: true\ng: 1_000\n", "x.yaml")
    assert got == {"a": "no", "b": "10:30", "c": "on", "d": 1.5, "e": 12, "f": True, "g": 1000}


def test_syntax_error_names_the_line():
    with pytest.raises(DrafterError) as e:
        load_data_yaml("a: 1\nb: [2\nc: 3\n", "rules/x.yaml")
    assert e.value.where.startswith("rules/x.yaml:")
