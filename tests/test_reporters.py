"""Reporters: json shape, SARIF 2.1.0 (validated), text format; exit codes 0/1/2 identical in every format."""
from __future__ import annotations

import json
import os
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner

from check_util import mutate_line
from cli import main
from conftest import seed_path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "drafter" / "schema"
BAD = "2024年工作要点\n一、总体要求\n（一）加强组织领导。\n（三）强化督促检查，全年完成XX件。\n"
WARN_ONLY = "2024年工作要点\n一、实施三大工程\n（一）甲工程建设。\n（二）乙工程建设。\n"
CLEAN = "2024年工作要点\n一、总体要求\n（一）加强组织领导。\n（二）强化督促检查。\n"


def _file(tmp_path, text, name="plan.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def run(*args):
    return CliRunner().invoke(main, ["check", *args])


def test_json_shape(tmp_path):
    r = run(_file(tmp_path, BAD), "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.output)
    assert set(data) == {"findings", "summary"}
    assert data["summary"] == {"error": 2, "warning": 0, "info": 0}
    f = data["findings"][0]
    for k in ("source", "rule", "name", "severity", "line", "label", "path", "message", "excerpt", "suggestion"):
        assert k in f
    assert f["rule"] == "NUM001" and f["line"] == 4 and f["label"] == "（三）" and f["path"] == "一、/（三）"
    assert f["suggestion"] == "（二）"


def _sarif_schemas():
    out = [json.loads((SCHEMA_DIR / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))]
    official = os.environ.get("SARIF_SCHEMA")
    if official and os.path.isfile(official):
        out.append(json.loads(Path(official).read_text(encoding="utf-8")))
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sarif_valid(tmp_path, lang):
    src = _file(tmp_path, mutate_line("000", 19, "10.推进", "10.推进" + "加强知识产权行政保护。持续推进落实"))
    r = run(src, seed_path("004"), "--format", "sarif", "--lang", lang)
    doc = json.loads(r.output)
    for schema in _sarif_schemas():
        jsonschema.validate(doc, schema, format_checker=jsonschema.FormatChecker())
    run0 = doc["runs"][0]
    assert doc["version"] == "2.1.0"
    ids = [d["id"] for d in run0["tool"]["driver"]["rules"]]
    assert "NUM001" in ids and "AGY001" in ids
    res = run0["results"]
    assert any(x["ruleId"] == "TXT001" and x["level"] == "error" for x in res)
    for x in res:
        assert ids[x["ruleIndex"]] == x["ruleId"]
        assert x["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert r.exit_code == 1


def test_sarif_schema_rejects_bad_log():
    schema = _sarif_schemas()[0]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                                           "results": [{"message": {"text": "m"}, "level": "info"}]}]}, schema)


def test_text_format(tmp_path):
    p = _file(tmp_path, BAD)
    r = run(p)
    lines = r.output.splitlines()
    assert lines[0].startswith(f"{p}:4: error NUM001 ")
    assert any(l.startswith(f"{p}:4: error TXT002 ") for l in lines)
    assert "建议：（二）" in r.output
    assert lines[-1].startswith("发现 2 个问题：2 个错误")
    assert "\x1b[" not in r.output  # no colour when not a terminal
    r = run(p, "--lang", "en")
    assert r.output.splitlines()[-1].startswith("Found 2 problems: 2 error(s)")
    r = run(_file(tmp_path, CLEAN, "clean.txt"))
    assert r.exit_code == 0 and r.output.strip().startswith("未发现问题")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_exit_codes_same_in_every_format(tmp_path, fmt):
    bad, warn, clean = _file(tmp_path, BAD, "b.txt"), _file(tmp_path, WARN_ONLY, "w.txt"), _file(tmp_path, CLEAN, "c.txt")
    assert run(bad, "--format", fmt).exit_code == 1
    assert run(clean, "--format", fmt).exit_code == 0
    assert run(warn, "--format", fmt).exit_code == 0
    assert run(warn, "--format", fmt, "--fail-on", "warning").exit_code == 1
    assert run(bad, "--format", fmt, "--fail-on", "never").exit_code == 0
    assert run(bad, "--format", fmt, "--ignore", "NUM001,TXT").exit_code == 0
    assert run(str(tmp_path / "missing.txt"), "--format", fmt).exit_code == 2
    assert run(bad, "--format", fmt, "--select", "NOPE").exit_code == 2


def test_bad_input_is_one_line_no_traceback(tmp_path):
    p = tmp_path / "bin.txt"
    p.write_bytes(b"\x00\x01\x02" * 100)
    r = run(str(p))
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_config_found_upward_and_cli_wins(tmp_path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (tmp_path / "drafter.yaml").write_text("ignore: [NUM001]\nseverity:\n  TXT002: warning\n", encoding="utf-8")
    p = _file(sub, BAD)
    data = json.loads(run(p, "--format", "json").output)
    assert [f["rule"] for f in data["findings"]] == ["TXT002"] and data["findings"][0]["severity"] == "warning"
    assert run(p).exit_code == 0
    data = json.loads(run(p, "--format", "json", "--select", "NUM001").output)
    assert [f["rule"] for f in data["findings"]] == ["NUM001"]


def test_config_errors_name_the_line(tmp_path):
    cfg = tmp_path / "x.yaml"
    cfg.write_text("select: [NUM]\nseverity:\n  TXT002: loud\n", encoding="utf-8")
    r = run(_file(tmp_path, CLEAN), "--config", str(cfg))
    assert r.exit_code == 2 and f"{cfg}:3:" in r.output and "loud" in r.output
    cfg.write_text("selct: [NUM]\n", encoding="utf-8")
    r = run(_file(tmp_path, CLEAN), "--config", str(cfg), "--lang", "en")
    assert r.exit_code == 2 and f"{cfg}:1:" in r.output and "selct" in r.output
    cfg.write_text("ignore: [XYZ001]\n", encoding="utf-8")
    r = run(_file(tmp_path, CLEAN), "--config", str(cfg))
    assert r.exit_code == 2 and "XYZ001" in r.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_streamed_output_is_the_rendered_text(lang):
    """`check` writes its report piece by piece (`Report.chunks`): the same text as the whole-string
    renderers, in every format, a seed with many findings and none."""
    from drafter.commands.check import report
    from drafter.i18n import set_lang
    from drafter.report.jsonfmt import iter_json, render_json
    from drafter.report.text import iter_text, render_text
    set_lang(lang)
    try:
        for path in (seed_path("000"), seed_path("004")):
            for fmt in ("text", "json", "sarif"):
                rep = report([path], fmt=fmt, fail_on="never")
                out = run(path, "--format", fmt, "--fail-on", "never", "--lang", lang).output
                assert out == (click.unstyle(rep.text) if fmt == "text" else rep.text)   # no colour in a pipe
                if fmt == "json":
                    assert rep.text == render_json(rep.findings) == "".join(iter_json(rep.findings))
                    assert json.loads(rep.text)["findings"]
                if fmt == "text":
                    assert rep.text == render_text(rep.findings, [path])
        for fs in ([], rep.findings[:1]):
            assert "".join(iter_json(fs)) == render_json(fs)
            assert "".join(iter_text(fs, ["x.txt"])) == render_text(fs, ["x.txt"])
    finally:
        set_lang("zh")


def test_streamed_json_of_a_finding_with_many_edits():
    """A finding with thousands of edits (PUN003 on a long plan) is written a few characters at a time: the
    same text as json.dumps of the whole report."""
    from drafter.check.base import Edit, Finding, Span
    from drafter.report.jsonfmt import _LONG, iter_json, render_json
    many = Finding("PUN003", "info", "半角", "half-width", line=2, span=Span(2, 0, 1),
                   edits=[Edit(Span(k + 1, 3, 4), "，") for k in range(_LONG + 5)])
    few = Finding("NUM001", "error", "序号\n跳过", "skipped", line=1, related=[{"line": 3, "excerpt": "“x”"}])
    for fs in ([many], [few, many, few], [many, many]):
        assert "".join(iter_json(fs)) == render_json(fs)
