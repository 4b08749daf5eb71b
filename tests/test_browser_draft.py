"""起草 in a real browser: seed 000 (天津市知识产权局2020年工作要点) → the outline → a writer's edits → the .docx,
read back with drafter: every edit is in it and the numbering runs on without a gap."""
from __future__ import annotations

from pathlib import Path

import pytest

import browser_util as B
from browser_util import d, downloads, url  # noqa: F401  (the module's server and browser)

pytestmark = pytest.mark.skipif(bool(B.missing()), reason=B.missing() or "browser available")

NODE = """
const [label, depth] = arguments;
return [...document.querySelectorAll('.node.depth-' + depth)]
  .find(n => n.querySelector(':scope > .node-head > .label').textContent === label) || null;
"""


def node(d, label: str, depth: int = 1):
    el = d.execute_script(NODE, label, depth)
    assert el is not None, f"no node labelled {label} at depth {depth}"
    return el


def labels(d, depth: int) -> list[str]:
    return d.execute_script("return [...document.querySelectorAll('.node.depth-' + arguments[0] + ':not(.is-dropped)')]"
                            ".map(n => n.querySelector(':scope > .node-head > .label').textContent)", depth)


def settle(d):
    """Wait until the page has the server's answer for its latest edit (labels on every node)."""
    B.wait_for(d, lambda d: d.execute_script("return document.body.dataset.preview") == "idle", what="preview")
    B.wait_for(d, lambda d: d.execute_script(
        "return [...document.querySelectorAll('.node:not(.is-dropped) > .node-head > .label')]"
        ".every(l => l.textContent && l.textContent !== '·')"), what="labels")


def center(el):
    """Scroll `el` to the middle of the window (the header and toolbar stay on top, as for a user)."""
    el.parent.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    return el


def click(el):
    center(el).click()


def type_into(el, text: str):
    from selenium.webdriver.common.keys import Keys
    click(el)
    el.send_keys(Keys.CONTROL, "a")
    el.send_keys(Keys.DELETE)
    el.send_keys(text)


def to_start_page(d, url):
    """The 起草 page's first screen: 重新开始 when an outline is open (confirmed), else open the page."""
    if d.current_url.startswith(url) and d.find_elements("css selector", "#draft-editor:not([hidden])"):
        d.execute_script("window.confirm = () => true")
        click(d.find_element("css selector", ".toolbar .btn-quiet"))
    d.get(url + "#draft")
    B.wait_for(d, lambda d: d.find_element("css selector", "#draft-init-run").is_displayed(), what="start page")


def start(d, url, plan: Path, summary: Path | None = None):
    to_start_page(d, url)
    B.upload(d, "#draft-init-pickers input[name=file]", plan)
    if summary is not None:
        B.upload(d, "#draft-init-pickers input[name=summary]", summary)
    d.find_element("css selector", "#draft-init-run").click()
    B.wait_for(d, lambda d: d.find_element("css selector", "#draft-editor").is_displayed(), what="editor")
    settle(d)


def test_draft_flow_every_edit_reaches_the_docx(d, url, downloads):
    from selenium.webdriver.support.ui import Select

    start(d, url, B.seed("000"))
    assert B.console_problems(d) == []
    # the outline init makes: 10 sections, items numbered on across them, 1. to 32.
    assert labels(d, 0)[:3] == ["一、", "二、", "三、"]
    assert labels(d, 1) == [f"{i}." for i in range(1, 33)]
    assert "2021年工作要点" in d.find_element("css selector", "input[name=outline-title]").get_attribute("value")

    # 1. edit one item's text
    new_text = "深入落实强化知识产权保护意见，制定2021年贯彻落实工作方案，按季度通报进展。"
    type_into(node(d, "1.").find_element("css selector", ":scope > .node-body > textarea.text"), new_text)
    # 2. add an agency (牵头) to item 3.
    n3 = node(d, "3.")
    name = center(n3.find_element("css selector", ".agency-name"))
    name.send_keys("市知识产权局")
    Select(n3.find_element("css selector", ".agency-add select")).select_by_value("lead")
    click(n3.find_element("css selector", ".agency-add button"))
    n3.find_element("css selector", ".agency-name").send_keys("市财政局")
    Select(n3.find_element("css selector", ".agency-add select")).select_by_value("cooperate")
    click(n3.find_element("css selector", ".agency-add button"))
    settle(d)
    # 3. raise a headline target: 有效发明专利 3.7万件 → 4.2万件, in the targets table
    row = d.execute_script("""return [...document.querySelectorAll('.preamble ~ .targets-host tr')]
        .find(r => r.querySelector('td.metric') && r.querySelector('td.metric').textContent === '有效发明专利')""")
    value = row.find_element("css selector", "input.tvalue")
    assert value.get_attribute("value") == "3.7"
    type_into(value, "4.2")
    value.send_keys("\n")
    B.wait_for(d, lambda d: "4.2万件" in d.find_element("css selector", "textarea.preamble").get_attribute("value"),
               what="raised target in the preamble")
    settle(d)
    # 4. drop item 2.
    dropped_title = node(d, "2.").find_element("css selector", "textarea.title").get_attribute("value")
    click(node(d, "2.").find_element("css selector", ".actions .btn-danger"))
    settle(d)
    # 5. add an item at the end of section 二、
    click(node(d, "二、", 0).find_element("css selector", ":scope > .add-row button"))
    added = d.switch_to.active_element
    assert added.tag_name == "textarea"
    added.send_keys("推进数据知识产权登记试点。")
    added_text = d.execute_script("return arguments[0].closest('.node').querySelector('textarea.text')", added)
    added_text.send_keys("制定数据知识产权登记管理办法，年内完成登记不少于200件。")
    settle(d)
    # the hint that a new item has no text yet goes once it has some
    assert not [e for e in d.execute_script("return arguments[0].closest('.node').querySelectorAll('.empty-hint')", added)
                if e.is_displayed()]
    # 6. move item 6. (落实天津市知识产权保护条例, in 三、) to section 一、
    moved = node(d, "6.")   # after the drop (-1) and the new item in 二、 (+1), the old 6. is 6. again
    moved_title = moved.find_element("css selector", "textarea.title").get_attribute("value")
    assert moved_title == "落实天津市知识产权保护条例。"
    sel_el = center(moved.find_element("css selector", "select.move"))
    d.execute_script("arguments[0].focus()", sel_el)          # the list is filled when it is opened
    sel = Select(sel_el)
    sel.select_by_visible_text([o.text for o in sel.options if o.text.startswith("一、")][0])
    settle(d)
    # the numbering as drafter computes it: still 1. … 32., no gap, shown in the tree and in the preview
    assert labels(d, 1) == [f"{i}." for i in range(1, 33)]
    paper = d.find_element("css selector", "#draft-paper").text
    assert "3.推进知识产权强区建设" in paper and "4.落实天津市知识产权保护条例" in paper
    # the preview follows the moved item to its new place
    B.wait_for(d, lambda d: d.execute_script("""const p = document.getElementById('draft-paper'), b = p.querySelector('.blk.follow');
        if (!b || !b.textContent.startsWith('4.落实天津市知识产权保护条例')) return false;
        const a = p.getBoundingClientRect(), r = b.getBoundingClientRect();
        return r.top >= a.top && r.top < a.bottom"""), what="the moved paragraph in view in the preview")
    B.shot(d, "draft-edited")
    assert B.console_problems(d) == []

    before = {p.name for p in downloads.iterdir()}
    d.find_element("css selector", ".toolbar .btn-primary").click()
    docx = B.wait_download(downloads, ".docx", before=before)

    from ooxml_check import assert_valid_docx
    assert_valid_docx(docx)
    before = {p.name for p in downloads.iterdir()}
    d.find_element("css selector", ".toolbar .btn:nth-child(2)").click()
    txt = B.wait_download(downloads, ".txt", before=before).read_text(encoding="utf-8")
    assert "4.2万件" in txt and "推进数据知识产权登记试点。" in txt and dropped_title not in txt

    from drafter.api import load
    doc = load(str(docx)).first("plan")
    assert doc is not None and doc.year == 2021
    items = doc.items()
    assert [n.label for n in items] == [f"{i}." for i in range(1, 33)]           # continuous, no gap
    texts = {n.title: n for n in items}
    assert any(new_text[:20] in n.text for n in items)                            # 1. edited
    n3 = next(n for n in items if n.title.startswith("推进实施知识产权战略"))
    assert [(a.name, a.role) for a in n3.agencies] == [("市知识产权局", "lead"), ("市财政局", "cooperate")]
    assert any(t.metric == "有效发明专利" and t.value == 42000 for t in doc.targets)  # 3. raised
    assert dropped_title not in texts and not any(dropped_title in n.text for n in items)  # 4. dropped
    sec2 = doc.sections[1]
    assert sec2.children[-1].title == "推进数据知识产权登记试点。"                   # 5. added, in 二、
    assert any(t.value == 200 for t in sec2.children[-1].targets)
    sec1 = doc.sections[0]
    assert sec1.children[-1].title == moved_title                                  # 6. moved into 一、
    assert [c.label for c in sec1.children] == ["1.", "2.", "3.", "4."]
    assert len(doc.sections) == 10


def test_yaml_round_trip_keeps_review_notes(d, url, downloads):
    """The .yaml the page saves is the file the command line reads: `drafter draft` accepts it, its 请核对
    comments are kept, and uploading it again brings the same outline back."""
    start(d, url, B.seed("004"))
    notes = d.execute_script("return [...document.querySelectorAll('.node .note-text')].map(n => n.textContent)")
    assert notes and any("请核对" in n for n in notes)
    # 需要核对 N 处 takes the writer to the notes, one after another, each shown below the toolbar
    shown = []
    for _ in range(2):
        d.find_element("css selector", "#draft-notes").click()
        shown.append(B.wait_for(d, lambda d: d.execute_script("""const bar = document.querySelector('.toolbar').getBoundingClientRect();
            const n = document.querySelector('.note.shown');
            if (!n) return null; const r = n.getBoundingClientRect();
            return r.top >= bar.bottom && r.bottom <= innerHeight ? n.textContent : null"""), what="a note in view"))
    assert shown[0] != shown[1] or len(notes) == 1
    before = {p.name for p in downloads.iterdir()}
    d.find_element("css selector", ".toolbar .btn:nth-child(3)").click()
    saved = B.wait_download(downloads, ".yaml", before=before)
    text = saved.read_text(encoding="utf-8")
    assert "# 请核对" in text and "drafter 大纲：2024年工作要点" in text
    from drafter.draft.outline import parse_outline
    ol = parse_outline(text, saved.name)
    assert ol.document.year == 2024
    # go on editing it: the same labels and notes come back
    want = labels(d, 1)
    to_start_page(d, url)
    B.upload(d, "#draft-resume-pickers input[name=outline]", saved)
    d.find_element("css selector", "#draft-resume-run").click()
    B.wait_for(d, lambda d: d.find_element("css selector", "#draft-editor").is_displayed(), what="editor again")
    settle(d)
    assert labels(d, 1) == want
    assert d.execute_script("return [...document.querySelectorAll('.node .note-text')].map(n => n.textContent)") == notes


def test_target_not_above_achieved_is_shown_and_goes_when_raised(d, url):
    """Seed 004 prints the 2022 summary with the 2023 plan: its target 培训不少于60场次 is below the 63 场次
    achieved. Drafting from it with that summary, the page shows check's TGT001 warning on the item, and
    the warning goes once the writer raises the target above 63."""
    start(d, url, B.seed("004"), B.seed("004"))
    row = d.execute_script("""return [...document.querySelectorAll('.node tr.warn')]
        .find(r => r.textContent.includes('培训')) || null""")
    assert row is not None
    assert "TGT001" in row.text and "63" in row.text
    center(row)
    B.shot(d, "draft-target-warning")
    value = row.find_element("css selector", "input.tvalue")
    type_into(value, "70")
    value.send_keys("\n")
    B.wait_for(d, lambda d: not d.execute_script(
        "return [...document.querySelectorAll('.node tr.warn')].some(r => r.textContent.includes('培训'))"),
        what="the warning to go")
    assert B.console_problems(d) == []


def test_bad_outline_is_refused_in_the_command_lines_words(d, url, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: 2024年工作要点\nsections：\n  - title: 一\n", encoding="utf-8")
    to_start_page(d, url)
    B.upload(d, "#draft-resume-pickers input[name=outline]", bad)
    d.find_element("css selector", "#draft-resume-run").click()
    msg = B.wait_for(d, lambda d: d.find_element("css selector", "#draft-error .error-msg").text, what="error")
    assert msg.startswith("bad.yaml:2") and "全角冒号" in msg
    assert "Traceback" not in d.page_source
    # the page stays usable
    start(d, url, B.seed("000"))
    assert labels(d, 1)[0] == "1."
