"""drafter.jsonout.dumps writes the very text of json.dumps(…, ensure_ascii=False, indent=2)."""
from __future__ import annotations

import json
import math
from collections import OrderedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.jsonout import dumps

_TEXT = st.text(alphabet=st.sampled_from(list('ab"\\\n\t\x00\x1f/é中文（）【】[]{},: \u2028\ud7ff\U0001f600')), max_size=8)
_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True), _TEXT)
_KEY = st.one_of(_TEXT, st.integers(-5, 5), st.floats(allow_nan=False, width=16), st.booleans(), st.none())
_JSON = st.recursive(_SCALAR, lambda kids: st.one_of(st.lists(kids, max_size=4), st.tuples(kids, kids),
                                                     st.dictionaries(_KEY, kids, max_size=4)), max_leaves=30)


def ref(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


@settings(max_examples=500, deadline=None)
@given(_JSON)
def test_same_text_as_json(obj):
    assert dumps(obj) == ref(obj)


@settings(max_examples=200, deadline=None)
@given(_JSON, st.sampled_from(["  ", "    ", "\t"]))
def test_same_text_nested_deeper(obj, indent):
    """dumps(obj, indent): the text as it stands `indent` deep in a larger document (check's streamed report)."""
    assert dumps(obj, indent) == ref(obj).replace("\n", "\n" + indent)


class _Str(str):
    pass


class _Int(int):
    pass


class _Float(float):
    pass


@pytest.mark.parametrize("obj", [
    {}, [], (), "", 0, -0.0, 1e300, math.inf, -math.inf, math.nan, True, None, [[]], [{}], {"a": []}, {"a": {}},
    {"a": [1, {"b": None}], "c": (2, 3.5)}, [_Str("x"), _Int(3), _Float(2.5)], {"k": _Str("v"), "n": _Int(1)},
    OrderedDict(a=1, b=[OrderedDict(c=2)]), {1: "a", 2.5: "b", True: "c", None: "d"}, [[[["deep", 1]]]],
])
def test_same_text_on_edge_cases(obj):
    assert dumps(obj) == ref(obj)


def test_same_error_for_what_json_rejects():
    for bad in (object(), {"a": object()}, [1, {2, 3}], {(1, 2): "tuple key"}):
        with pytest.raises(TypeError):
            ref(bad)
        with pytest.raises(TypeError):
            dumps(bad)
