"""The README is the front door: its configuration example is a valid drafter.yaml, and its commands exist."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from cli import main
from drafter.check.config import load_config

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_config_example_validates(tmp_path):
    block = re.search(r"```yaml\n(# drafter.yaml\n.*?)```", README, re.S).group(1)
    p = tmp_path / "drafter.yaml"
    p.write_text(block, encoding="utf-8")
    cfg = load_config(str(p))
    assert cfg["ignore"] == ["TXT003"]


def test_quick_start_and_commands():
    assert "make demo" in README and "make test" in README
    for command in ("parse", "check", "init", "draft", "compare", "fix", "rules"):
        assert f"drafter {command}" in README
        r = CliRunner().invoke(main, [command, "--help"])
        assert r.exit_code == 0, command


def test_outline_example_drafts(tmp_path):
    block = re.search(r"### The outline\n.*?```yaml\n(.*?)```", README, re.S).group(1)
    src = tmp_path / "o.yaml"
    src.write_text(block, encoding="utf-8")
    out = tmp_path / "o.txt"
    prior = Path(__file__).resolve().parent.parent / "examples" / "prior-2023.txt"
    r = CliRunner().invoke(main, ["draft", str(src), "-o", str(out), "--format", "txt", "--prior", str(prior)])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "推进实施知识产权战略。" in text and "（市知识产权局牵头，市数据局配合）" in text
