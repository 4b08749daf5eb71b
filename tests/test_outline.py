"""Outline loading: YAML lint, schema messages with lines, alias bombs, numbering, carry."""
from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from cli import main
from drafter.draft import carry
from drafter.draft.numbering import chinese, format_label, strip_marker
from drafter.draft.outline import parse_outline
from drafter.errors import DrafterError
from drafter.model import Document, Node
from drafter.yamlio import dump_yaml, load_yaml

GOOD = textwrap.dedent("""\
    title: 某某局2024年工作要点
    year: 2024
    issuer: 某某局
    date: 2024年3月5日
    numbering: continuous
    markers: [一、, 1.]
    sections:
      - title: 总体要求
        children:
          - title: 加强保护。
            text: 深入推进保护工作。
            agencies: [{name: 市知识产权局, role: lead}]
          - text: 2.做好规划。编制规划。
      - title: 保障措施
        children:
          - title: 加强队伍建设。
""")


def err(text: str) -> DrafterError:
    with pytest.raises(DrafterError) as e:
        parse_outline(text, "o.yaml")
    return e.value


def test_good_outline_loads():
    o = parse_outline(GOOD, "o.yaml")
    assert o.document.title == "某某局2024年工作要点"
    assert o.options.markers == ["一、", "1."]          # unquoted 1. (a float in YAML) is the marker "1."
    assert o.document.sections[0].children[0].agencies[0].role == "lead"
    assert o.document.sections[0].children[0].line == 10


def test_yaml_syntax_error_has_line():
    e = err("title: x\nsections:\n  - title: [a\n")
    assert e.where.startswith("o.yaml:") and "YAML" in e.zh


def test_tab_indentation():
    e = err("title: x\nsections:\n\t- title: a\n")
    assert e.where == "o.yaml:3" and "Tab" in e.zh


def test_full_width_colon_gets_its_own_hint():
    e = err("title: x\nsections:\n  - title：总体要求\n    children: []\n")
    assert e.where == "o.yaml:3" and "全角冒号" in e.zh
    e = err("title: x\nsections:\n  - 标题：总体要求\n    text: a\n")
    assert e.where == "o.yaml:3" and "全角冒号" in e.zh


def test_schema_violation_in_chinese_with_line():
    e = err(GOOD.replace("role: lead", "role: boss"))
    assert e.where == "o.yaml:12" and "不是允许的值" in e.zh
    e = err(GOOD.replace("year: 2024", "year: 二〇二四"))
    assert e.where == "o.yaml:2" and "整数" in e.zh
    e = err(GOOD.replace("date: 2024年3月5日", "date: 2024年03月05日"))
    assert e.where == "o.yaml:4" and "虚位" in e.zh
    e = err(GOOD.replace("  - title: 保障措施", "  - titel: 保障措施"))
    assert "titel" in e.zh


def test_alias_bomb_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: t\nsections: [*c]\n"
    e = err(bomb)
    assert e.where == "o.yaml:1" and "锚点" in e.zh


def test_dump_keeps_chinese():
    s = dump_yaml({"title": "天津市知识产权局2024年工作要点", "markers": ["1."]})
    assert "天津市知识产权局" in s and "\\u" not in s
    assert load_yaml(s)["markers"] == ["1."]


@pytest.mark.parametrize("n,zh", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三"), (105, "一百零五")])
def test_chinese_numerals(n, zh):
    assert chinese(n) == zh


def test_labels_and_stripping():
    assert format_label("（一）", 12) == "（十二）"
    assert format_label("1.", 32) == "32."
    assert format_label("——", 3) == "——"
    assert strip_marker("（五）加强保护。") == "加强保护。"
    assert strip_marker("12.加强保护") == "加强保护"
    assert strip_marker("3.7万件专利") == "3.7万件专利"
    assert strip_marker("2024年工作") == "2024年工作"


def _prior() -> Document:
    return Document(kind="plan", year=2023, sections=[
        Node(label="一、", title="甲", children=[Node(label="(一)", title="旧一。", text="(一)旧一。正文。"),
                                                Node(label="(二)", title="旧二。", text="(二)旧二。正文。")]),
        Node(label="二、", title="乙", children=[Node(label="(一)", title="旧三。", text="(一)旧三。正文。")])])


def test_carry_pulls_verbatim_and_names_missing():
    doc = Document(sections=[Node(title="甲", children=[Node(carry="一、(二)", line=7)])])
    carry.resolve(doc, _prior(), "o.yaml")
    item = doc.sections[0].children[0]
    # the words as last year wrote them; the ASCII brackets of a web copy made full-width
    assert item.text == "（二）旧二。正文。" and item.origin == "2023 (二)"
    with pytest.raises(DrafterError) as e:
        carry.resolve(Document(sections=[Node(carry="（九）", line=9)]), _prior(), "o.yaml")
    assert e.value.where == "o.yaml:9"
    with pytest.raises(DrafterError) as e:   # ambiguous: (一) in two sections
        carry.resolve(Document(sections=[Node(carry="(一)", line=3)]), _prior(), "o.yaml")
    assert "二、" in e.value.zh or "次" in e.value.zh
    with pytest.raises(DrafterError):       # no --prior
        carry.resolve(Document(sections=[Node(carry="(一)", line=3)]), None, "o.yaml")


@pytest.mark.parametrize("content", [
    "title: x\nsections:\n\t- title: a\n",
    "title：x\nsections: []\n",
    "title: x\nsections: 5\n",
    "a: &a [1]\ntitle: x\nsections: *a\n",
    "title: x\nsections:\n  - carry: (九)\n",
])
def test_cli_bad_outline_exits_2_with_line(tmp_path, content):
    p = tmp_path / "o.yaml"
    p.write_text(content, encoding="utf-8")
    out = tmp_path / "o.docx"
    r = CliRunner().invoke(main, ["draft", str(p), "-o", str(out)])
    assert r.exit_code == 2, r.output
    assert "o.yaml" in r.output and "Traceback" not in r.output
    assert not out.exists()
    assert [f.name for f in tmp_path.iterdir()] == ["o.yaml"]     # no temp file left behind
