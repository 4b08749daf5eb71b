"""Merged and split items: the office head sees where a dropped item went and where a new one came from."""
from __future__ import annotations

import json

from click.testing import CliRunner

from cli import main

OLD = """某市科技局2024年工作要点
一、强化创新主体
1.培育高新技术企业。全年新认定高新技术企业不少于300家，完善高企培育库建设。
2.支持企业研发投入。落实研发费用加计扣除政策，引导企业加大研发投入。
3.建设创新平台。新建省级以上研发平台20家，推动平台开放共享。
二、优化创新生态
4.深化科技金融。扩大科技贷款规模，设立天使投资引导基金，推动科技保险发展。
5.加强科技人才引育。引进高层次人才团队10个。
"""
NEW = """某市科技局2025年工作要点
一、强化创新主体
1.培育高新技术企业。全年新认定高新技术企业不少于350家，完善高企培育库建设。落实研发费用加计扣除政策，引导企业加大研发投入。
2.建设创新平台。新建省级以上研发平台25家，推动平台开放共享。
二、优化创新生态
3.扩大科技贷款规模。扩大科技贷款规模，推动科技保险发展。
4.设立天使投资引导基金。设立天使投资引导基金，撬动社会资本投向早期科技企业。
5.加强科技人才引育。引进高层次人才团队12个。
"""


def _files(tmp_path):
    old, new = tmp_path / "2024.txt", tmp_path / "2025.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def test_merge_and_split_in_json(tmp_path):
    r = CliRunner().invoke(main, ["compare", *_files(tmp_path), "--format", "json"])
    assert r.exit_code == 0, r.output
    changes = json.loads(r.output)["changes"]
    dropped = [c for c in changes if c["status"] == "dropped"]
    new = [c for c in changes if c["status"] == "new"]
    assert [(c["old"]["label"], c["merged_into"]["label"]) for c in dropped] == [("2.", "1.")]
    assert [(c["new"]["label"], c["split_from"]["label"]) for c in new] == [("4.", "4.")]
    assert all("merged_into" not in c and "split_from" not in c for c in changes if c["status"] not in ("dropped", "new"))


def test_merge_and_split_in_text_and_html(tmp_path):
    old, new = _files(tmp_path)
    text = CliRunner().invoke(main, ["compare", old, new]).output
    assert "(并入 1.培育高新技术企业。)" in text and "(拆分自 4.深化科技金融。)" in text
    html = tmp_path / "c.html"
    CliRunner().invoke(main, ["compare", old, new, "--format", "html", "-o", str(html)])
    page = html.read_text(encoding="utf-8")
    assert "并入 1.培育高新技术企业。" in page and "拆分自 4.深化科技金融。" in page


def test_unrelated_plans_get_no_such_notes(tmp_path):
    from conftest import seed_path
    r = CliRunner().invoke(main, ["compare", seed_path("000"), seed_path("004"), "--format", "json"])
    changes = json.loads(r.output)["changes"]
    assert not any("merged_into" in c or "split_from" in c for c in changes)
