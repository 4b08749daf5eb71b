"""Helpers for the browser tests: the real `drafter serve` on a free port, and Debian's chromium driven by
Selenium (headless, a fresh profile, downloads into a folder), one of each per test module.

Skips (with the reason) only when chromium, its driver or Selenium is missing; `make test` installs them
(.ci/system-deps.sh and the test extra of setup.cfg)."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SHOTS = Path(os.environ.get("DRAFTER_SHOTS") or (ROOT / "build" / "screenshots"))


def missing() -> str:
    """Why the browser tests cannot run here ('' when they can)."""
    for p in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(p):
            return f"{p} is not installed (apt-get install chromium chromium-driver; make test does it as root)"
    try:
        import selenium  # noqa: F401  (is it installed?)
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return ""


DRAFTER = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'drafter'; main()"]


def cli(*args, cwd, ok: bool = False) -> subprocess.CompletedProcess:
    """`drafter ARGS` as a fresh process in `cwd` (files named by their bare names, as the server names uploads)."""
    p = subprocess.run(DRAFTER + list(args), capture_output=True, text=True, cwd=cwd, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert not ok or p.returncode == 0, p.stderr
    return p


# the fixtures every browser test module takes (imported by name into each: one server and one browser a module)

@pytest.fixture(scope="module")
def url():
    with server() as u:
        yield u


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def d(downloads):
    with chromium(downloads) as driver:
        yield driver


def seed(prefix: str) -> Path:
    (p,) = SEEDS.glob(f"{prefix}_*.txt")
    return p


@contextmanager
def server():
    """`drafter serve --port 0 --no-browser` as a user starts it; yields its URL; stopped with Ctrl-C (SIGINT)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'drafter'; main()",
           "serve", "--port", "0", "--no-browser"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                            cwd=tempfile.mkdtemp(prefix="drafter-browser-cwd-"), start_new_session=True)
    url = None
    seen = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                if proc.poll() is not None:
                    break
                continue
            seen.append(line)
            m = re.search(r"(http://[^\s/]+/)", line)
            if m:
                url = m.group(1)
                break
        if url is None:
            raise RuntimeError("drafter serve did not start:\n" + "".join(seen))
        yield url
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if proc.stdout:
            proc.stdout.close()


@contextmanager
def chromium(downloads: Path, width: int = 1440, height: int = 1000):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="drafter-chromium-")
    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
              "--disable-dev-shm-usage", f"--window-size={width},{height}", f"--user-data-dir={profile}",
              "--lang=zh-CN"):
        opts.add_argument(a)
    opts.binary_location = CHROMIUM
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False,
                                           "intl.accept_languages": "zh-CN,zh"})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        d.set_script_timeout(30)
        yield d
    finally:
        d.quit()
        shutil.rmtree(profile, ignore_errors=True)


def console_problems(d) -> list[str]:
    """JavaScript errors and Content-Security-Policy violations the page logged since the last call."""
    out = []
    for e in d.get_log("browser"):
        msg = e.get("message", "")
        if e.get("level") == "SEVERE" or "Content Security Policy" in msg or "Refused to" in msg:
            if "favicon" in msg and "404" in msg:
                continue
            out.append(msg)
    return out


def overflow(d) -> list[str]:
    """Elements wider than the window, or text cut off inside a box that cannot scroll."""
    return d.execute_script("""
      const w = document.documentElement.clientWidth, out = [];
      if (document.documentElement.scrollWidth > w + 1) out.push('page ' + document.documentElement.scrollWidth + ' > ' + w);
      for (const el of document.querySelectorAll('.card, .toolbar, .top, table, .node-head, .summary-bar')) {
        const r = el.getBoundingClientRect();
        if (r.width && r.right > w + 1 && !el.closest('.table-wrap')) out.push(el.className + ' right=' + Math.round(r.right));
      }
      return out;""")


def wait_for(d, predicate, timeout: float = 30, what: str = "condition"):
    """Poll `predicate(d)` until it returns something truthy; fail with a screenshot name otherwise."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            last = predicate(d)
            if last:
                return last
        except Exception as e:  # an element not there yet
            last = e
        time.sleep(0.1)
    shot(d, "timeout-" + re.sub(r"\W+", "-", what)[:40])
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def wait_download(folder: Path, suffix: str, timeout: float = 60, before: set | None = None) -> Path:
    """The file with `suffix` that appears in `folder` (complete: no .crdownload beside it)."""
    end = time.monotonic() + timeout
    before = before or set()
    while time.monotonic() < end:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix) and p.name not in before]
        partial = [p for p in folder.iterdir() if p.name.endswith(".crdownload")]
        if done and not partial:
            p = max(done, key=lambda x: x.stat().st_mtime)
            if p.stat().st_size > 0:
                return p
        time.sleep(0.1)
    raise AssertionError(f"no {suffix} download in {folder}: {sorted(x.name for x in folder.iterdir())}")


def shot(d, name: str, full: bool = False) -> Path:
    """A screenshot in build/screenshots (the whole page when `full`)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    p = SHOTS / f"{name}.png"
    if full:
        h = d.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
        w = d.execute_script("return document.documentElement.clientWidth")
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": w, "height": h, "deviceScaleFactor": 1,
                                                                  "mobile": False})
        try:
            d.save_screenshot(str(p))
        finally:
            d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    else:
        d.save_screenshot(str(p))
    return p


def upload(d, css: str, path: Path) -> None:
    """Choose `path` in the file field matched by `css` (as a user picking it in the file dialog)."""
    d.find_element("css selector", css).send_keys(str(path))


def js(d, script: str, *args):
    return d.execute_script(script, *args)


def text_of(d, css: str) -> str:
    return d.find_element("css selector", css).text


def as_json(d, script: str):
    return json.loads(d.execute_script(f"return JSON.stringify({script})"))
