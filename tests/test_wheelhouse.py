"""Offline install: a folder of wheels is all an office PC without internet needs.

`make wheelhouse` fills build/wheelhouse with `pip wheel .` (it downloads). The test must not: it builds the
same folder from what this venv already has — drafter's own wheel, and every distribution drafter needs at run
time (serve included) packed back into a wheel from its installed files — then does exactly what the README
says, `pip install --no-index --find-links FOLDER drafter`, into a fresh venv, and runs `drafter --version`,
a check and the server's imports there.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import importlib.metadata as md
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import SEED_FILES, seed_path

ROOT = Path(__file__).resolve().parent.parent

packaging = pytest.importorskip("packaging.requirements", reason="packaging is needed to read requirements")


def runtime_closure(name: str = "drafter") -> list[md.Distribution]:
    """Every installed distribution `name` needs at run time (no extras), found through Requires-Dist."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    seen: dict[str, md.Distribution] = {}
    todo = [(name, ())]
    while todo:
        n, extras = todo.pop()
        key = canonicalize_name(n)
        if key in seen and not extras:
            continue
        dist = md.distribution(n)
        seen[key] = dist
        for spec in dist.requires or []:
            req = Requirement(spec)
            env_ok = req.marker is None or any(req.marker.evaluate({"extra": e}) for e in (*extras, ""))
            if env_ok:
                todo.append((req.name, tuple(req.extras)))
    seen.pop(canonicalize_name(name))
    return list(seen.values())


def _hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def repack(dist: md.Distribution, out: Path) -> Path:
    """A wheel of an installed distribution, from the files its RECORD lists (scripts are made again by pip
    from entry_points.txt, so files outside site-packages are left out)."""
    info = Path(dist._path)  # type: ignore[attr-defined]  # the .dist-info folder
    site = info.parent
    wheel_meta = (info / "WHEEL").read_text()
    tags = [ln.split(":", 1)[1].strip() for ln in wheel_meta.splitlines() if ln.startswith("Tag:")]
    name = dist.metadata["Name"].replace("-", "_").replace(".", "_")
    tag = tags[0] if len(tags) == 1 else ".".join(sorted({t.split("-")[0] for t in tags})) + "-" + \
        ".".join(sorted({t.split("-")[1] for t in tags})) + "-" + ".".join(sorted({t.split("-")[2] for t in tags}))
    path = out / f"{name}-{dist.version}-{tag}.whl"
    record_name = f"{info.name}/RECORD"
    rows = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for f in dist.files or []:
            rel = f.as_posix()
            full = (site / f).resolve()
            if rel.startswith("..") or "__pycache__" in rel or rel.endswith(".pyc") or rel == record_name:
                continue
            if rel.startswith(info.name + "/") and Path(rel).name in ("INSTALLER", "REQUESTED", "direct_url.json"):
                continue
            if not full.is_file():
                continue
            data = full.read_bytes()
            z.writestr(rel, data)
            rows.append((rel, _hash(data), str(len(data))))
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerows(rows + [(record_name, "", "")])
        z.writestr(record_name, buf.getvalue())
    return path


@pytest.mark.skipif(not SEED_FILES, reason="../shared/seeds is not beside the checkout")
def test_offline_install_from_a_wheelhouse(tmp_path):
    house = tmp_path / "wheelhouse"
    house.mkdir()
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                            "-w", str(house), str(ROOT)], capture_output=True, text=True, cwd=tmp_path)
    if build.returncode != 0:
        pytest.skip(f"drafter's wheel cannot be built offline here: {build.stderr[-300:]}")
    for dist in runtime_closure():
        repack(dist, house)
    names = sorted(p.name.split("-")[0].lower() for p in house.glob("*.whl"))
    for needed in ("drafter", "starlette", "uvicorn", "python_multipart", "lxml", "python_docx"):
        assert needed in names, names

    venv = tmp_path / "venv"
    # a venv without pip of its own (ensurepip is slow); this venv's pip installs into it (--python)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True)
    py = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHONPATH", "VIRTUAL_ENV"))}
    env["PIP_NO_INDEX"] = "1"            # and no network: nothing may come from anywhere but the folder
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    inst = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-compile",
                           "--no-index", "--find-links", str(house), "drafter"],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert inst.returncode == 0, inst.stdout[-2000:] + inst.stderr[-2000:]

    drafter = venv / "bin" / "drafter"
    v = subprocess.run([str(drafter), "--version"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert v.returncode == 0 and "drafter" in v.stdout
    c = subprocess.run([str(drafter), "check", seed_path("004"), "--format", "json"], capture_output=True,
                       text=True, env=env, cwd=tmp_path)
    assert c.returncode in (0, 1) and '"TXT001"' in c.stdout, c.stderr
    s = subprocess.run([str(py), "-c", "import drafter.serve.app as a, pathlib; "
                        "print((a.WEB_DIR / 'index.html').is_file())"], capture_output=True, text=True, env=env,
                       cwd=tmp_path)
    assert s.stdout.strip() == "True", s.stderr
    h = subprocess.run([str(drafter), "serve", "--help"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert h.returncode == 0 and "--max-upload" in h.stdout
