"""Every page as a user sees it, in both languages and two window widths: nothing logged (no script error, no
Content-Security-Policy refusal), nothing fetched from elsewhere, no text running out of the window, every
label in the page's language. The README's screenshots are taken here (DRAFTER_DOCS_SHOTS=1 writes docs/)."""
from __future__ import annotations

import os
import shutil
import time

import pytest

import browser_util as B
from browser_util import d, downloads, url  # noqa: F401  (the module's server and browser)

pytestmark = pytest.mark.skipif(bool(B.missing()), reason=B.missing() or "browser available")

EXAMPLES = B.ROOT / "examples"
DOCS = B.ROOT / "docs"


def docs_shot(d, name: str):
    p = B.shot(d, name)
    if os.environ.get("DRAFTER_DOCS_SHOTS"):
        DOCS.mkdir(exist_ok=True)
        shutil.copy(p, DOCS / f"{name}.png")


def settle(d):
    B.wait_for(d, lambda d: d.execute_script("return document.body.dataset.preview") == "idle", what="preview")


def not_fetched_elsewhere(d) -> list[str]:
    return d.execute_script("""return performance.getEntriesByType('resource').map(e => e.name)
        .filter(u => !u.startsWith(location.origin))""")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [1440, 1024])
def test_start_pages(d, url, lang, width):
    d.set_window_size(width, 900)
    d.get(url + "#draft")
    B.wait_for(d, lambda d: "ready" in d.find_element("css selector", "body").get_attribute("class"), what="ready")
    if (d.execute_script("return document.documentElement.lang") == "en") != (lang == "en"):
        d.find_element("css selector", "#lang-switch").click()
    for page in ("draft", "check", "compare"):
        d.get(url + "#" + page)
        B.wait_for(d, lambda d: d.find_element("css selector", f"#page-{page}").is_displayed(), what=page)
        assert B.overflow(d) == [], (page, lang, width)
        text = d.find_element("css selector", f"#page-{page}").text + d.find_element("css selector", ".top").text
        han = sum("\u4e00" <= c <= "\u9fff" for c in text)
        if lang == "en":
            assert han <= 2, text    # (中文, the switch back, is the one Chinese word)
        else:
            assert han > 20
    assert B.console_problems(d) == []
    assert not_fetched_elsewhere(d) == []
    d.set_window_size(1440, 1000)
    if lang == "en":
        d.find_element("css selector", "#lang-switch").click()


def test_workbench_screenshots(d, url, tmp_path):
    """The three pages at work on the example office's files (examples/), as the README shows them."""
    d.set_window_size(1440, 960)
    d.get(url + "#draft")
    B.upload(d, "#draft-init-pickers input[name=file]", EXAMPLES / "prior-2023.txt")
    B.upload(d, "#draft-init-pickers input[name=summary]", EXAMPLES / "summary-2023.txt")
    d.find_element("css selector", "#draft-init-run").click()
    B.wait_for(d, lambda d: d.find_element("css selector", "#draft-editor").is_displayed(), what="editor")
    settle(d)
    # the headline targets beside last year's and the achieved figures, one flagged as not above them
    warn = d.find_elements("css selector", ".preamble ~ .targets-host tr.warn")
    assert warn, "a headline target not above what the summary reports"
    d.execute_script("document.querySelector('.preamble').scrollIntoView({block: 'start'}); window.scrollBy(0, -180)")
    time.sleep(0.3)
    assert B.overflow(d) == []
    docs_shot(d, "workbench-draft")

    d.get(url + "#check")
    B.upload(d, "#check-pickers input[name=file]", B.seed("004"))
    d.find_element("css selector", "#check-run").click()
    B.wait_for(d, lambda d: d.find_elements("css selector", ".finding[data-rule=TGT001]"), what="findings")
    d.find_element("css selector", ".finding[data-rule=TGT001]").click()
    B.wait_for(d, lambda d: d.execute_script("""const box = document.querySelector('.doc'), p = document.getElementById('ln-146');
        const a = box.getBoundingClientRect(), b = p.getBoundingClientRect();
        return Math.abs((b.top + b.bottom) / 2 - (a.top + a.bottom) / 2) < 60"""), what="paragraph centred")
    d.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.3)
    assert B.overflow(d) == []
    docs_shot(d, "workbench-check")

    # 2023 against the 2024 plan drafted from the example outline, with the 2023 summary
    shutil.copy(EXAMPLES / "outline-2024.yaml", tmp_path)
    B.cli("draft", "outline-2024.yaml", "-o", "2024年工作要点.docx", cwd=tmp_path, ok=True)
    d.get(url + "#compare")
    B.upload(d, "#compare-pickers input[name=old]", EXAMPLES / "prior-2023.txt")
    B.upload(d, "#compare-pickers input[name=new]", tmp_path / "2024年工作要点.docx")
    B.upload(d, "#compare-pickers input[name=summary]", EXAMPLES / "summary-2023.txt")
    d.find_element("css selector", "#compare-run").click()
    B.wait_for(d, lambda d: d.find_elements("css selector", "#compare-side tr.row"), what="comparison")
    d.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.3)
    assert B.overflow(d) == []
    docs_shot(d, "workbench-compare")
    assert B.console_problems(d) == []
