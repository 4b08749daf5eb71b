"""检查 in a real browser: seed 004 (the 2022 summary and 2023 plan of 天津市知识产权局 in one notice) → the
findings `drafter check` reports, beside the document; a finding clicked marks its paragraph and words; the
annotated .docx, the JSON and the SARIF download and open."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

import browser_util as B
from browser_util import cli, d, downloads, url  # noqa: F401  (the module's server and browser)

pytestmark = pytest.mark.skipif(bool(B.missing()), reason=B.missing() or "browser available")

@pytest.fixture(scope="module")
def seed004(tmp_path_factory) -> Path:
    """Seed 004 alone in a folder: the command line names it by its bare name, as the server does."""
    folder = tmp_path_factory.mktemp("cli")
    return Path(shutil.copy(B.seed("004"), folder))


def run_check(d, url, file: Path, lang: str = "zh"):
    d.get(url + "#check")
    B.wait_for(d, lambda d: d.find_element("css selector", "#check-run").is_displayed(), what="check page")
    want_en = lang == "en"
    is_en = d.execute_script("return document.documentElement.lang") == "en"
    if want_en != is_en:
        d.find_element("css selector", "#lang-switch").click()
    B.upload(d, "#check-pickers input[name=file]", file)
    run = d.find_element("css selector", "#check-results").get_attribute("data-run")
    d.find_element("css selector", "#check-run").click()
    B.wait_for(d, lambda d: d.find_element("css selector", "#check-results").get_attribute("data-run") != run,
               what="check results")


def page_findings(d) -> list[tuple[str, int]]:
    return sorted((e.get_attribute("data-rule"), int(e.get_attribute("data-line") or 0))
                  for e in d.find_elements("css selector", ".finding"))


def test_check_flow_lists_the_real_findings(d, url, downloads, seed004):
    run_check(d, url, seed004)
    assert B.console_problems(d) == []
    want = json.loads(cli("check", seed004.name, "--format", "json", cwd=seed004.parent).stdout)
    assert page_findings(d) == sorted((f["rule"], f["line"]) for f in want["findings"])
    # what a proofreader finds in this notice: the unclosed 《 in the plan's preamble (line 94), the unclosed “
    # in the summary (line 82), and training "不少于60场次" below the 63 场次 the summary reports (line 146)
    assert {("TXT001", 94), ("TXT001", 82), ("TGT001", 146)} <= set(page_findings(d))
    counts = {e.get_attribute("class").split()[1][4:]: int(e.find_element("css selector", ".n").text)
              for e in d.find_elements("css selector", ".sev-toggle")}
    assert counts == want["summary"]

    # clicking a finding: its paragraph is marked, scrolled to, and the flagged words highlighted
    tgt = d.find_element("css selector", ".finding[data-rule=TGT001]")
    tgt.click()
    para = B.wait_for(d, lambda d: d.find_element("css selector", "#ln-146.current"), what="paragraph 146")
    mark = para.find_element("css selector", "mark")
    assert mark.text == "全年组织线上线下培训不少于60场次"
    B.wait_for(d, lambda d: d.execute_script("""const box = document.querySelector('.doc'), p = document.getElementById('ln-146');
        const a = box.getBoundingClientRect(), b = p.getBoundingClientRect();
        return b.top >= a.top && b.bottom <= a.bottom"""), what="paragraph 146 scrolled into view")
    assert "63场次" in tgt.text
    B.shot(d, "check-finding")
    # the unclosed 《 of the plan's preamble: the bracket itself is marked, not the words around it
    d.find_element("css selector", ".finding[data-rule=TXT001][data-line='94']").click()
    para = B.wait_for(d, lambda d: d.find_element("css selector", "#ln-94.current"), what="paragraph 94")
    assert [m.text for m in para.find_elements("css selector", "mark")] == ["《"]

    # each rule is named as `drafter rules` sums it up, in the page's language (not by its code name)
    listed = {ln.split()[0]: ln.split("  ")[-1].strip() for ln in cli("rules", cwd=seed004.parent).stdout.splitlines()
              if ln[:1].isalpha()}
    head = tgt.find_element("xpath", "preceding-sibling::div[contains(@class,'rule-head')][1]")
    assert head.find_element("css selector", ".rname").text == listed["TGT001"] == "目标不高于上年已经完成的数"
    # the rule's explanation is `drafter rules TGT001`
    tgt.find_element("xpath", "preceding-sibling::div[contains(@class,'rule-head')][1]//button").click()
    B.wait_for(d, lambda d: "TGT001" in d.find_element("css selector", "#rule-dialog-title").text and
               d.find_element("css selector", "#rule-dialog-text").text != "…", what="rule text")
    shown = d.execute_script("return document.getElementById('rule-dialog-text').textContent")
    assert shown == cli("rules", "TGT001", cwd=seed004.parent).stdout
    d.find_element("css selector", "#rule-dialog-close").click()

    # the downloads: the annotated .docx opens (drafter reads it back, Word's schema holds), JSON and SARIF
    before = {p.name for p in downloads.iterdir()}
    d.find_element("css selector", ".downloads .btn-primary").click()
    annotated = B.wait_download(downloads, ".docx", before=before)
    from ooxml_check import assert_valid_docx
    assert_valid_docx(annotated)
    import docx
    comments = list(docx.Document(str(annotated)).comments)
    assert len(comments) == len(want["findings"])
    from drafter.api import load
    assert [x.kind for x in load(str(annotated)).documents] == ["summary", "plan"]

    before = {p.name for p in downloads.iterdir()}
    d.find_element("css selector", ".downloads .btn:nth-child(2)").click()
    got = json.loads(B.wait_download(downloads, ".json", before=before).read_text(encoding="utf-8"))
    assert got == want
    before = {p.name for p in downloads.iterdir()}
    d.find_element("css selector", ".downloads .btn:nth-child(3)").click()
    sarif = json.loads(B.wait_download(downloads, ".sarif", before=before).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == len(want["findings"])


def test_filter_by_severity_and_rule(d, url, seed004):
    run_check(d, url, seed004)
    total = len(d.find_elements("css selector", ".finding"))
    d.find_element("css selector", ".sev-toggle.sev-error").click()          # hide the errors
    left = page_findings(d)
    assert left and all(r != "TXT001" for r, _ in left) and len(left) < total
    d.find_element("css selector", ".sev-toggle.sev-error").click()
    from selenium.webdriver.support.ui import Select
    Select(d.find_element("css selector", "select.rule-filter")).select_by_value("TXT001")
    assert {r for r, _ in page_findings(d)} == {"TXT001"}
    Select(d.find_element("css selector", "select.rule-filter")).select_by_value("")
    assert len(page_findings(d)) == total


def test_english_messages_are_the_command_lines(d, url, seed004):
    run_check(d, url, seed004, lang="en")
    want = json.loads(cli("check", seed004.name, "--format", "json", "--lang", "en", cwd=seed004.parent).stdout)
    msgs = [e.text for e in d.find_elements("css selector", ".finding .f-msg")]
    assert sorted(msgs) == sorted(f["message"] for f in want["findings"])
    assert d.find_element("css selector", "#tab-check").text == "Check"
    B.shot(d, "check-english")
    d.find_element("css selector", "#lang-switch").click()                   # back to Chinese
    B.wait_for(d, lambda d: d.find_element("css selector", "#tab-check").text == "检查", what="中文")


def test_bad_file_shows_the_cli_message_and_the_page_stays_usable(d, url, tmp_path, seed004):
    bad = tmp_path / "计划.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a Word file")
    expected = cli("check", bad.name, cwd=tmp_path)
    assert expected.returncode == 2
    run_dir_msg = expected.stderr.strip().splitlines()[0]
    run_check(d, url, seed004)          # a result on the page, then a file that cannot be read
    B.upload(d, "#check-pickers input[name=file]", bad)
    d.find_element("css selector", "#check-run").click()
    msg = B.wait_for(d, lambda d: d.find_element("css selector", "#check-error .error-msg").text, what="error")
    assert msg == run_dir_msg.removeprefix("drafter: ").removeprefix("错误：")
    assert "Traceback" not in d.page_source and "File \"" not in msg
    # the findings still shown are the earlier file's, and the page says so
    note = d.find_element("css selector", "#check-results .stale-note")
    assert note.is_displayed() and seed004.name in note.text
    B.shot(d, "check-error")
    run_check(d, url, seed004)
    assert len(d.find_elements("css selector", ".finding")) > 0
    assert not d.find_elements("css selector", "#check-results .stale-note")


def test_long_work_shows_how_far_it_is(d, url, tmp_path):
    """A 1,500-item plan takes a while to check: the page shows a progress bar with the stage (read, parse,
    check …) from the server's job, not a frozen page, then the findings."""
    sys.path.insert(0, str(B.ROOT / "bench"))
    from synth import plan_text
    big = tmp_path / "big.txt"
    big.write_text(plan_text(1500), encoding="utf-8")
    d.get(url + "#check")
    B.upload(d, "#check-pickers input[name=file]", big)
    run = d.find_element("css selector", "#check-results").get_attribute("data-run")
    d.find_element("css selector", "#check-run").click()
    stages = set()

    def watch(d):
        for el in d.find_elements("css selector", "#check-busy .busy-stage"):
            stages.add(el.text)
        return d.find_element("css selector", "#check-results").get_attribute("data-run") != run
    B.wait_for(d, watch, timeout=180, what="the big plan's findings")
    words = {"排队中…", "正在读取文件…", "正在分析结构…", "正在检查…", "正在生成结果…", "正在处理…"}
    assert stages & words, stages
    assert len(d.find_elements("css selector", ".ln")) > 1500


def test_the_fixed_file_is_drafter_fixs(d, url, downloads, seed004, tmp_path):
    """What has one right answer (here the ASCII punctuation of the notice) is offered fixed: the file the page
    downloads is the one `drafter fix` writes for the same input."""
    want = json.loads(cli("check", seed004.name, "--format", "json", cwd=seed004.parent).stdout)
    fixable = [f for f in want["findings"] if f.get("fixable")]
    assert fixable, "seed 004 has findings with one right fix"
    run_check(d, url, seed004)
    button = d.find_element("css selector", "#check-fixed")
    assert f"改好 {len(fixable)} 条" in button.text
    before = {p.name for p in downloads.iterdir()}
    button.click()
    got = B.wait_download(downloads, ".txt", before=before)
    folder = tmp_path / "fix"
    folder.mkdir()
    shutil.copy(seed004, folder)
    cli("fix", seed004.name, "-o", "fixed.txt", cwd=folder, ok=True)
    assert got.read_bytes() == (folder / "fixed.txt").read_bytes()
    assert got.read_bytes() != seed004.read_bytes()
