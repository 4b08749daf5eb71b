"""`pip install .` (not editable) works from any directory: the wheel carries templates, rules and schemas,
and the installed package drafts and checks the example without the checkout."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, cwd=out)
    (whl,) = out.glob("drafter-*.whl")
    return whl


def test_wheel_carries_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("cli.py", "drafter/templates/plan.j2", "drafter/templates/reference.docx",
                   "drafter/templates/compare.html.j2", "drafter/rules/agencies.yaml", "drafter/rules/metrics.yaml",
                   "drafter/rules/terms.yaml", "drafter/schema/outline.schema.json",
                   # the workbench pages and their own endpoints (drafter serve works from the installed wheel)
                   "drafter/web/index.html", "drafter/web/app.js", "drafter/web/draft.js", "drafter/web/app.css",
                   "drafter/serve/ui_api.py"):
        assert needed in names, needed
    assert not any(n.startswith("tests/") for n in names)


def test_installed_package_runs_from_elsewhere(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'drafter'; main()"]
    where = subprocess.run([sys.executable, "-c", "import drafter; print(drafter.__file__)"], env=env, cwd=work,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(target)), where
    p = subprocess.run(run + ["draft", str(ROOT / "examples" / "outline-2024.yaml"), "-o", "plan.docx"],
                       env=env, cwd=work, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    p = subprocess.run(run + ["check", "plan.docx", "--summary", str(ROOT / "examples" / "summary-2023.txt"),
                              "--format", "json"], env=env, cwd=work, capture_output=True, text=True)
    assert p.returncode in (0, 1), p.stderr
    assert '"findings"' in p.stdout
    p = subprocess.run(run + ["--version"], env=env, cwd=work, capture_output=True, text=True)
    assert "drafter" in p.stdout
