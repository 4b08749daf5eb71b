"""对比 in a real browser: two years' plans → the counts, the target tracking and both years side by side, as
`drafter compare` reports them; the tracked-changes .docx downloads and opens."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import browser_util as B
from browser_util import d, downloads, url  # noqa: F401  (the module's server and browser)

pytestmark = pytest.mark.skipif(bool(B.missing()), reason=B.missing() or "browser available")

EXAMPLES = B.ROOT / "examples"


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> Path:
    """The example office's 2023 plan, its 2023 summary and the 2024 plan drafted from examples/outline-2024.yaml,
    in one folder (the command line names them by their bare names, as the server does)."""
    folder = tmp_path_factory.mktemp("plans")
    for f in ("prior-2023.txt", "summary-2023.txt", "outline-2024.yaml"):
        shutil.copy(EXAMPLES / f, folder)
    cli("draft", "outline-2024.yaml", "-o", "plan-2024.docx", cwd=folder)
    return folder


def cli(*args, cwd):
    return B.cli(*args, cwd=cwd, ok=True)


def run_compare(d, url, old: Path, new: Path, summary: Path | None = None):
    d.get(url + "#compare")
    B.wait_for(d, lambda d: d.find_element("css selector", "#compare-run").is_displayed(), what="compare page")
    B.upload(d, "#compare-pickers input[name=old]", old)
    B.upload(d, "#compare-pickers input[name=new]", new)
    if summary is not None:
        B.upload(d, "#compare-pickers input[name=summary]", summary)
    run = d.find_element("css selector", "#compare-results").get_attribute("data-run")
    d.find_element("css selector", "#compare-run").click()
    B.wait_for(d, lambda d: d.find_element("css selector", "#compare-results").get_attribute("data-run") != run,
               what="compare results")


def counts(d) -> dict:
    return {b.get_attribute("data-status"): int(b.get_attribute("data-n"))
            for b in d.find_elements("css selector", "#compare-counts .badge")}


def test_compare_flow_counts_and_tracking_are_the_command_lines(d, url, downloads, plans):
    run_compare(d, url, plans / "prior-2023.txt", plans / "plan-2024.docx", plans / "summary-2023.txt")
    assert B.console_problems(d) == []
    want = json.loads(cli("compare", "prior-2023.txt", "plan-2024.docx", "--summary", "summary-2023.txt",
                          "--format", "json", cwd=plans).stdout)
    assert counts(d) == want["summary"]
    shown = [b.text for b in d.find_elements("css selector", "#compare-counts .badge")]
    assert shown[0].startswith("沿用")
    rows = d.find_elements("css selector", "table.tracking tbody tr")
    assert len(rows) == len(want["tracking"])
    # both years side by side: one row per change, each with its status
    side = d.find_elements("css selector", "#compare-side tr.row")
    assert len(side) == len(want["changes"])
    assert {r.get_attribute("class").split()[1][3:] for r in side} == {c["status"] for c in want["changes"]}
    B.shot(d, "compare-flow")

    # only one status at a time
    d.find_element("css selector", "#compare-counts .badge[data-status=new]").click()
    only = d.find_elements("css selector", "#compare-side tr.row")
    assert len(only) == want["summary"]["new"] and all("st-new" in r.get_attribute("class") for r in only)

    before = {p.name for p in downloads.iterdir()}
    d.find_element("css selector", "#compare-results .downloads .btn-primary").click()
    tracked = B.wait_download(downloads, ".docx", before=before)
    from ooxml_check import assert_valid_docx
    assert_valid_docx(tracked)
    import zipfile
    xml = zipfile.ZipFile(tracked).read("word/document.xml").decode("utf-8")
    assert "<w:ins " in xml and "<w:del " in xml


def test_compare_of_two_seeds(d, url, tmp_path):
    """Seed 000 (2020) against seed 004 (2023): three years apart, little carried — counts as the CLI gives them."""
    for p in ("000", "004"):
        shutil.copy(B.seed(p), tmp_path)
    old, new = B.seed("000").name, B.seed("004").name
    want = json.loads(cli("compare", old, new, "--format", "json", cwd=tmp_path).stdout)
    run_compare(d, url, tmp_path / old, tmp_path / new)
    assert counts(d) == want["summary"]
