"""The text parser meets arbitrary input: no exception escapes, every node keeps its line."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.parse import parse_source
from drafter.read import Block, Source
from drafter.read.text import decode, split_lines
from drafter.errors import InputError

PIECES = ["一、", "二、", "十一、", "（一）", "(二)", "1.", "2．", "3、", "（1）", "①", "——", "一是", "二是",
          "工作要点", "工作总结", "任务分工", "2023年", "二〇二三年", "天津市知识产权局", "（市财政局牵头）",
          "(责任单位:市教委、市科技局)", "达到3.7万件", "增长20%以上", "不少于60场次", "。", "，", "；", "：",
          "“", "”", "《", "》", "— 2 —", "\u3000", " ", "\n", "\n", "\n", "推进", "加强", "知识产权", "建设",
          "主题词", "附件", "http://x.cn", "XX", "(", ")", "0", "9"]

texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=120).map("".join)


def parse_text(text: str):
    lines = split_lines(text)
    return parse_source(Source(path="fuzz.txt", blocks=[Block(t, i + 1) for i, t in enumerate(lines)]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_parser_never_raises_and_keeps_lines(text):
    r = parse_text(text)
    n_lines = len(r.lines)
    for d in r.documents:
        for node in d.walk():
            assert node.line is not None and 1 <= node.line <= n_lines
            if node.label:
                assert node.label in r.lines[node.line - 1]
            for t in node.targets:
                assert t.value == t.value and abs(t.value) != float("inf")
    r.to_dict()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_decoder_either_decodes_or_says_why(data):
    try:
        text, enc = decode(data, "x.txt")
    except InputError as e:
        assert e.zh and e.en
    else:
        assert isinstance(text, str) and enc
