"""Helpers for the serve tests: an app under Starlette's TestClient, the command line run the same way, and
the server's temp folder watched for leftovers."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFTER = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'drafter'; main()"]
PORT = 8765  # TestClient binds nothing: this is only the address the app believes it serves
BASE = f"http://127.0.0.1:{PORT}"


@contextmanager
def client(**settings):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette's note that httpx will give way to httpx2
        from starlette.testclient import TestClient
    from drafter.serve.app import Settings, build_app
    app = build_app(Settings(port=PORT, **settings))
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as c:
        c.root = c.app.app.state.root  # the server's private temp folder
        yield c


def cli(*args: str, cwd) -> subprocess.CompletedProcess:
    """`drafter ARGS` as a fresh process in `cwd` (the files named by their bare names, as uploads are)."""
    return subprocess.run(DRAFTER + list(args), capture_output=True, cwd=cwd, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def in_folder(tmp_path: Path, *files) -> Path:
    """Copy `files` into a fresh folder (no drafter.yaml above it that the test did not put there)."""
    d = tmp_path / "cli"
    d.mkdir(exist_ok=True)
    for f in files:
        shutil.copy(f, d / Path(f).name)
    return d


def upload(*pairs) -> dict:
    """{"file": path, ...} → the `files=` argument of httpx, each under its own file name."""
    out = []
    for field, path in pairs:
        p = Path(path)
        out.append((field, (p.name, p.read_bytes())))
    return out


def leftovers(root: str) -> list[str]:
    """Everything inside the server's temp folder (it must be empty between requests)."""
    found = []
    for d, dirs, files in os.walk(root):
        found += [os.path.join(d, x) for x in dirs + files]
    return found
