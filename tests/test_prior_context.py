"""--prior: last year's plan as context. A sentence copied from it word for word with last year's year
still in it is reported as copied (with the line in last year's plan), not only as a suspicious year."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cli import main
from conftest import seed_path

COPIED = "组织开展2020年天津市专利奖评审,2019-2020年天津市专利奖表彰。"


def _next_year_plan(tmp_path: Path) -> tuple[Path, int]:
    text = Path(seed_path("000")).read_text(encoding="utf-8")
    assert COPIED in text
    rolled = text.replace(COPIED, "@@").replace("2020", "2021").replace("@@", COPIED)  # one sentence not rolled
    p = tmp_path / "plan2021.txt"
    p.write_text(rolled, encoding="utf-8")
    line = next(i for i, t in enumerate(rolled.splitlines(), 1) if COPIED in t)
    return p, line


def _yr001(args) -> list[dict]:
    r = CliRunner().invoke(main, ["check", *args, "--format", "json", "--select", "YR001", "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)["findings"]


def test_copied_sentence_named_as_copied_with_prior(tmp_path):
    plan, line = _next_year_plan(tmp_path)
    with_prior = _yr001([str(plan), "--prior", seed_path("000")])
    assert [f["line"] for f in with_prior] == [line]
    assert "去年工作要点第 24 行原文相同" in with_prior[0]["message"]
    assert with_prior[0]["suggestion"] == "2021年"
    alone = _yr001([str(plan)])
    assert [f["line"] for f in alone] == [line] and "去年工作要点" not in alone[0]["message"]


def test_prior_of_another_year_is_not_evidence(tmp_path):
    plan, _ = _next_year_plan(tmp_path)
    assert all("去年工作要点" not in f["message"] for f in _yr001([str(plan), "--prior", seed_path("002")]))


PRIOR_PLAN = """某市统计局2023年工作要点
一、夯实统计基础
1.推进统计法治建设。完善统计执法检查机制。（市统计局牵头，市司法局配合）
2.加强统计数据质量管理。健全数据质量控制体系。
3.深化统计改革。推进统计现代化改革。
4.提升统计服务水平。发布统计公报。
5.加强统计队伍建设。开展业务培训。
"""


def test_agency_lost_since_last_year(tmp_path):
    """Last year item 1. named its agencies; this year the same item names none. Only --prior can tell:
    the plan alone gives agencies to too few items for AGY001 to expect one."""
    prior = tmp_path / "2023.txt"
    prior.write_text(PRIOR_PLAN, encoding="utf-8")
    plan = tmp_path / "2024.txt"
    plan.write_text(PRIOR_PLAN.replace("2023", "2024").replace("（市统计局牵头，市司法局配合）", ""), encoding="utf-8")

    def agy(*extra):
        r = CliRunner().invoke(main, ["check", str(plan), *extra, "--format", "json", "--select", "AGY001",
                                      "--fail-on", "never"])
        assert r.exit_code == 0, r.output
        return json.loads(r.output)["findings"]

    assert agy() == []
    (f,) = agy("--prior", str(prior))
    assert f["line"] == 3 and "市统计局、市司法局" in f["message"]


def test_each_file_under_its_own_drafter_yaml(tmp_path):
    """Two folders, two offices: one fails on warnings, the other never fails. The exit code is the worst."""
    strict, lax = tmp_path / "strict", tmp_path / "lax"
    for d, cfg in ((strict, "fail-on: warning\n"), (lax, "fail-on: never\n")):
        d.mkdir()
        (d / "drafter.yaml").write_text(cfg, encoding="utf-8")
        (d / "plan.txt").write_text(Path(seed_path("002")).read_text(encoding="utf-8"), encoding="utf-8")
    run = lambda *files: CliRunner().invoke(main, ["check", *map(str, files), "--format", "json"])  # noqa: E731
    assert run(lax / "plan.txt").exit_code == 0
    assert run(strict / "plan.txt").exit_code == 1          # seed 002's DUP002 is a warning
    assert run(lax / "plan.txt", strict / "plan.txt").exit_code == 1
    assert run(strict / "plan.txt", lax / "plan.txt").exit_code == 1
