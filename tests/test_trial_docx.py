"""A new user's own Word file, end to end: automatic numbering (一、/（一）/1. drawn by Word, not typed),
an attached task-division table, a 落款 — parse, check, init, draft, then compare finds every item carried."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import main
from docxbuild import abstract_num, build_docx, lvl, num, numbering, para, table


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory):
    d = tmp_path_factory.mktemp("trial")
    nb = numbering(abstract_num(1, lvl(0, "chineseCounting", "%1、", suff="nothing"),
                                lvl(1, "chineseCounting", "（%2）", suff="nothing"),
                                lvl(2, "decimal", "%3.", suff="nothing")), num(1, 1))
    body = [
        para("杭州市市场监督管理局2025年工作要点"),
        para("2025年全市市场监管工作的总体要求是：坚持稳中求进，全市经营主体总量突破200万户，食品抽检合格率保持在98%以上。"),
        para("深化营商环境改革", num=1, ilvl=0),
        para("推进登记便利化。推行经营主体登记“一网通办”。（登记注册处牵头，各区市场监管局负责）", num=1, ilvl=1),
        para("深化信用监管。全面推行信用风险分类管理。（信用监管处负责）", num=1, ilvl=1),
        para("守牢安全底线", num=1, ilvl=0),
        para("强化食品安全监管。", num=1, ilvl=1),
        para("开展食品安全抽检不少于3万批次。（食品抽检处负责）", num=1, ilvl=2),
        para("推进食品安全示范创建。（食品生产处牵头，市商务局配合）", num=1, ilvl=2),
        para("加强特种设备安全。开展电梯安全隐患专项整治。（特种设备处负责）", num=1, ilvl=1),
        para("附件：重点任务分工表"),
        table([["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
               ["1", "建设知识产权保护中心", "知识产权处", "市发改委", "2025年12月"],
               ["2", "开展“铁拳”行动，查办案件不少于500件", "执法稽查处", "市公安局、市商务局", "2025年11月"]]),
        para("杭州市市场监督管理局"), para("2025年1月20日"),
    ]
    return build_docx(d / "hz2025.docx", body, numbering=nb), d


def invoke(*args):
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code in (0, 1), r.output
    return r.output


def test_parse_sees_word_numbering_and_the_table(plan_docx):
    path, _ = plan_docx
    data = json.loads(invoke("parse", path))
    plan, division = data["documents"]
    assert (plan["kind"], plan["year"], plan["issuer"]) == ("plan", 2025, "杭州市市场监督管理局")
    assert [s["label"] for s in plan["sections"]] == ["一、", "二、"]
    assert [c["label"] for c in plan["sections"][1]["children"]] == ["（一）", "（二）"]
    assert [c["label"] for c in plan["sections"][1]["children"][0]["children"]] == ["1.", "2."]
    assert plan["sections"][1]["children"][1]["text"].endswith("（特种设备处负责）"), "the 落款 is not item text"
    assert (division["kind"], division["title"]) == ("division", "重点任务分工表")
    rows = division["sections"]
    assert [r["label"] for r in rows] == ["1", "2"]
    assert rows[1]["agencies"] == [{"name": "执法稽查处", "role": "lead"}, {"name": "市公安局", "role": "cooperate"},
                                   {"name": "市商务局", "role": "cooperate"}]
    assert any(t["metric"] == "查办案件" and t["value"] == 500 for t in rows[1]["targets"])


def test_init_draft_compare_carries_every_item(plan_docx):
    path, d = plan_docx
    outline, draft = str(d / "hz2026.yaml"), str(d / "hz2026.docx")
    invoke("init", "--from", path, "-o", outline)
    invoke("draft", outline, "-o", draft)
    again = json.loads(invoke("parse", draft))["documents"][0]
    assert again["year"] == 2026
    assert [c["label"] for c in again["sections"][0]["children"]] == ["（一）", "（二）"]
    report = json.loads(invoke("compare", path, draft, "--format", "json"))
    assert report["summary"].get("carried") == 5, report["summary"]  # the plan's five items


def test_check_is_quiet_on_the_clean_file(plan_docx):
    path, _ = plan_docx
    # built on python-docx's template (Letter, theme fonts): layout findings are real, and not this test's
    data = json.loads(invoke("check", path, "--format", "json", "--ignore", "FMT"))
    assert [f for f in data["findings"] if f["severity"] != "info"] == []
