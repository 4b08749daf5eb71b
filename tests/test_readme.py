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
    for command in ("parse", "check", "init", "draft", "compare", "rules"):
        assert f"drafter {command}" in README
        r = CliRunner().invoke(main, [command, "--help"])
        assert r.exit_code == 0, command
