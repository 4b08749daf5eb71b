"""The pages at work in a wide and in a narrow window (a laptop, half a screen, a phone held upright): nothing
runs out of the window, and the 起草 page's sticky header and toolbar never cover each other or the field the
writer is typing in. Written from what a writer sees; measured with the elements' boxes in chromium."""
from __future__ import annotations

import pytest

import browser_util as B
from browser_util import d, downloads, url  # noqa: F401  (the module's server and browser)

pytestmark = pytest.mark.skipif(bool(B.missing()), reason=B.missing() or "browser available")

WIDTHS = [1440, 1024, 760, 390]

BOXES = """
const r = (s) => { const e = document.querySelector(s); if (!e) return null;
                   const b = e.getBoundingClientRect(); return {top: b.top, bottom: b.bottom, h: b.height}; };
return {top: r('.top'), toolbar: r('.toolbar'), side: r('.col-side'), vh: innerHeight,
        sideSticky: getComputedStyle(document.querySelector('.col-side')).position === 'sticky',
        barSticky: getComputedStyle(document.querySelector('.toolbar')).position === 'sticky'};
"""


def width(d, w: int):
    """A window whose page is `w` CSS pixels wide (the emulated viewport, as a narrow window or a phone)."""
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": w, "height": 900, "deviceScaleFactor": 1,
                                                              "mobile": False})
    # two frames: the page's resize observers (the sticky heights) run in the frame after the layout changed
    d.execute_async_script("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done))")


@pytest.fixture(scope="module")
def editor(d, url):
    d.get(url + "#draft")
    B.upload(d, "#draft-init-pickers input[name=file]", B.seed("000"))
    d.find_element("css selector", "#draft-init-run").click()
    B.wait_for(d, lambda d: d.find_element("css selector", "#draft-editor").is_displayed(), what="editor")
    B.wait_for(d, lambda d: d.execute_script("return document.body.dataset.preview") == "idle", what="preview")
    yield d
    d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("w", WIDTHS)
def test_draft_editor_fits_the_window(editor, w):
    d = editor
    width(d, w)
    d.execute_script("window.scrollTo(0, 0)")
    assert B.overflow(d) == [], w
    # the tree's rows too: a label, the title, the buttons of an item, inside the window
    items = d.execute_script("""const w = document.documentElement.clientWidth;
        return [...document.querySelectorAll('.node.depth-1')].slice(0, 5).flatMap(n =>
          [...n.querySelectorAll(':scope > .node-head > *, :scope > .node-body *')]
            .filter(e => e.getBoundingClientRect().right > w + 1).map(e => e.className || e.tagName))""")
    assert items == [], w
    B.shot(d, f"layout-draft-{w}")


@pytest.mark.parametrize("w", WIDTHS)
def test_sticky_toolbar_covers_neither_header_nor_fields(editor, w):
    d = editor
    width(d, w)
    for y in (150, 400, 1200):
        d.execute_script("window.scrollTo(0, arguments[0])", y)
        b = d.execute_script(BOXES)
        if b["barSticky"]:
            # the toolbar sits wholly below the header, not partly under it
            assert b["toolbar"]["top"] >= b["top"]["bottom"] - 0.5, (w, y, b)
            # and leaves most of the window to the outline
            assert b["top"]["h"] + b["toolbar"]["h"] <= 0.4 * b["vh"], (w, y, b)
        if b["sideSticky"]:
            # the preview beside the tree starts below the toolbar
            assert b["side"]["top"] >= b["toolbar"]["bottom"] - 0.5, (w, y, b)
    # a field the writer moves to with Tab, hidden under the header and the toolbar, is brought into view below
    # them: the settings box's title field, then an item's text in the tree
    for css in ("input[name=outline-title]", ".node.depth-1 textarea.text"):
        d.execute_script("""const el = document.querySelector(arguments[0]);
            const cover = document.querySelector('.top').getBoundingClientRect().bottom;
            window.scrollTo(0, scrollY + el.getBoundingClientRect().bottom - cover + 4); el.blur();""", css)
        d.execute_script("document.querySelector(arguments[0]).focus()", css)
        b = d.execute_script(BOXES)
        field = d.execute_script("return document.querySelector(arguments[0]).getBoundingClientRect().top", css)
        cover = b["toolbar"]["bottom"] if b["barSticky"] else b["top"]["bottom"]
        assert field >= cover - 0.5, (w, css, field, b)
    d.execute_script("window.scrollTo(0, 0)")
    B.shot(d, f"layout-draft-toolbar-{w}")


def run_page(d, page: str):
    """Press the page's run button and wait for its new result (not the one shown before)."""
    before = d.execute_script(f"return document.querySelector('#{page}-results').dataset.run || '0'")
    d.find_element("css selector", f"#{page}-run").click()
    B.wait_for(d, lambda d: d.execute_script(f"""const r = document.querySelector('#{page}-results');
        return (r.dataset.run || '0') !== arguments[0] && document.querySelector('#{page}-busy').hidden""", before),
        what=f"{page} result")


@pytest.mark.parametrize("w", WIDTHS)
def test_check_and_compare_results_fit_the_window(d, url, tmp_path, w):
    width(d, w)
    try:
        d.get(url + "#check")
        B.upload(d, "#check-pickers input[name=file]", B.seed("004"))
        run_page(d, "check")
        assert d.find_elements("css selector", ".finding[data-rule=TGT001]")
        assert B.overflow(d) == [], w
        B.shot(d, f"layout-check-{w}")
        d.get(url + "#compare")
        B.upload(d, "#compare-pickers input[name=old]", B.seed("000"))
        B.upload(d, "#compare-pickers input[name=new]", B.ROOT / "examples" / "prior-2023.txt")
        run_page(d, "compare")
        assert d.find_elements("css selector", "#compare-side tr.row")
        assert B.overflow(d) == [], w
        B.shot(d, f"layout-compare-{w}")
        assert B.console_problems(d) == []
    finally:
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
