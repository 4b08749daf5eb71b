"""The 起草 page on long plans, in Debian's chromium (printed, never asserted; not part of `make bench`, which
needs no browser):  .venv/bin/python bench/bench_pages.py [N ...]   (default: 30 300 3000 items)

For each synthetic plan (bench/synth.py): the outline's first paint after the upload (init on the server and
the tree in the page), the first numbering from the server, a move of one item (the page's own work, measured
in the page), and the time until the page shows the server's numbering for that move again.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import browser_util as B  # noqa: E402
from synth import plan_text  # noqa: E402


def idle(d) -> bool:
    return d.execute_script("return document.body.dataset.preview") == "idle"


def main(sizes: list[int]) -> None:
    if B.missing():
        print("skipped:", B.missing())
        return
    work = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    print(f"{'items':>6} {'nodes':>6} {'outline shown':>14} {'numbered':>9} {'move (page)':>12} {'renumbered':>11}")
    with B.server() as url, B.chromium(work) as d:
        for n in sizes:
            plan = work / f"plan-{n}.txt"
            plan.write_text(plan_text(n), encoding="utf-8")
            d.get(url + "#draft")
            if d.find_elements("css selector", "#draft-editor:not([hidden])"):
                d.execute_script("window.confirm = () => true; document.querySelector('.toolbar .btn-quiet').click()")
            B.upload(d, "#draft-init-pickers input[name=file]", plan)
            t0 = time.perf_counter()
            d.find_element("css selector", "#draft-init-run").click()
            B.wait_for(d, lambda d: d.find_element("css selector", "#draft-editor").is_displayed(), timeout=600,
                       what="editor")
            t1 = time.perf_counter()
            B.wait_for(d, idle, timeout=600, what="numbering")
            t2 = time.perf_counter()
            ms = d.execute_script("""const t = performance.now();
                document.querySelector('.node.depth-1 .actions .icon-btn:nth-child(2)').click();
                document.body.offsetHeight; return performance.now() - t""")
            t3 = time.perf_counter()
            B.wait_for(d, idle, timeout=600, what="renumbering")
            t4 = time.perf_counter()
            nodes = d.execute_script("return document.querySelectorAll('.node').length")
            print(f"{n:>6} {nodes:>6} {t1 - t0:>13.1f}s {t2 - t1:>8.1f}s {ms:>10.0f}ms {t4 - t3:>10.1f}s")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [30, 300, 3000])
