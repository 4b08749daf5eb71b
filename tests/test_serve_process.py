"""A real `drafter serve` process: it starts on a free port, a slow request does not hold up a fast one, long
work reports progress, raw `/../` paths go nowhere, and Ctrl-C / SIGTERM stop it within seconds with the
workers gone and the temp folder deleted."""
from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from conftest import SEED_FILES, seed_path
from serve_util import DRAFTER, ROOT

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="../shared/seeds is not beside the checkout")


class Server:
    def __init__(self, tmp: Path, *args: str):
        self.tmp = tmp
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp)}
        self.proc = subprocess.Popen(DRAFTER + ["serve", "--port", "0", "--no-browser", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp, text=True)
        line = self.proc.stdout.readline()      # 工作台：http://127.0.0.1:PORT/
        assert "http://" in line, (line, self.proc.stderr.read() if self.proc.poll() is not None else "")
        self.url = line.split("：", 1)[1].strip() if "：" in line else line.split(": ", 1)[1].strip()
        self.port = int(self.url.rstrip("/").rsplit(":", 1)[1])
        self.wait_ready()

    def wait_ready(self, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                if self.request("GET", "/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("server did not come up")

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float = 120):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            c.request(method, path, body=body, headers=headers or {})   # http.client sends the path as given
            r = c.getresponse()
            return r.status, r.read(), dict(r.getheaders())
        finally:
            c.close()

    def upload(self, path: str, files: dict, fields: dict | None = None):
        boundary = uuid.uuid4().hex
        parts = []
        for k, v in (fields or {}).items():
            parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode())
        for k, (name, data) in files.items():
            parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\n"
                         f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, {"content-type": f"multipart/form-data; boundary={boundary}"})

    def children(self) -> list[int]:
        try:
            return [int(x) for x in Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()]
        except OSError:
            return []

    def temp_folders(self) -> list[Path]:
        return list(self.tmp.glob("drafter-serve-*"))

    def stop(self, sig=signal.SIGINT, timeout: float = 15) -> tuple[int, float, str]:
        t0 = time.monotonic()
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
        err = self.proc.stderr.read()
        return self.proc.returncode, time.monotonic() - t0, err


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from synth import plan_text
    finally:
        sys.path.pop(0)
    p = tmp_path_factory.mktemp("big") / "big-plan.txt"
    p.write_text(plan_text(3200), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("srv"))
    yield s
    if s.proc.poll() is None:
        s.stop()


def test_it_serves_on_the_port_it_printed(server):
    status, body, headers = server.request("GET", "/")
    assert status == 200 and b"drafter" in body
    assert "default-src 'self'" in headers["content-security-policy"]
    assert len(server.temp_folders()) == 1
    assert server.temp_folders()[0].stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("path", ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                                  "/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e%2f%2e%2e%2fsetup.cfg", "/./index.html",
                                  "//etc/passwd", "/..\\..\\etc\\passwd", "/index.html/../../../setup.cfg"])
def test_raw_paths_do_not_reach_the_file_system(server, path):
    status, body, _ = server.request("GET", path)
    assert status in (400, 404), (path, status)
    assert b"root:" not in body and b"[metadata]" not in body


def test_forged_host_on_the_real_server(server):
    status, body, _ = server.request("GET", "/", headers={"Host": "attacker.example"})
    assert status == 403 and "Host" in json.loads(body)["error"]
    status, _, _ = server.request("GET", "/", headers={"Host": f"localhost:{server.port}"})
    assert status == 200


def test_oversized_upload_is_413_and_the_server_stays_up(server):
    c = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    c.putrequest("POST", "/api/check")
    c.putheader("Content-Type", "multipart/form-data; boundary=x")
    c.putheader("Content-Length", str(60 * 2**20))
    c.endheaders()
    r = c.getresponse()          # answered before a byte of the 60 MB body was sent
    assert r.status == 413 and "上限 50 MB" in json.loads(r.read())["error"]
    c.close()
    assert server.upload("/api/parse", {"file": ("a.txt", open(seed_path("000"), "rb").read())})[0] == 200


def test_a_slow_request_does_not_block_a_fast_one_and_reports_progress(server, big_plan):
    status, body, headers = server.upload("/api/check?async=1", {"file": (big_plan.name, big_plan.read_bytes())})
    assert status == 202
    job = json.loads(body)
    assert headers["location"] == f"/api/jobs/{job['job']}"
    seen = []
    while True:
        st = json.loads(server.request("GET", f"/api/jobs/{job['job']}")[1])
        seen.append(st)
        if st["stage"] == "check" or st["state"] in ("done", "error"):
            break
        time.sleep(0.05)
    assert st["state"] == "running", st        # the slow check is under way …
    t0 = time.monotonic()
    fast = server.upload("/api/parse", {"file": ("000.txt", open(seed_path("000"), "rb").read())})
    fast_s = time.monotonic() - t0
    after = json.loads(server.request("GET", f"/api/jobs/{job['job']}")[1])
    assert fast[0] == 200
    assert after["state"] == "running", (after, fast_s)   # … and the fast one came back while it still ran
    while after["state"] not in ("done", "error"):
        time.sleep(0.2)
        after = json.loads(server.request("GET", f"/api/jobs/{job['job']}")[1])
        seen.append(after)
    assert after["state"] == "done" and after["status"] == 200 and after["progress"] == 1.0
    progress = [s["progress"] for s in seen]
    assert progress == sorted(progress)
    assert any(0.6 < p < 0.9 for p in progress), progress   # it moved during the check, rule by rule
    status, body, _ = server.request("GET", after["result"])
    assert status == 200 and json.loads(body)["summary"]
    assert server.request("GET", after["result"])[0] == 404   # fetched once
    assert not [p for p in server.temp_folders()[0].iterdir()]


def test_a_failed_job_says_why(server):
    status, body, _ = server.upload("/api/parse?async=1", {"file": ("x.docx", b"PK\x03\x04nonsense")})
    job = json.loads(body)["job"]
    for _ in range(300):
        st = json.loads(server.request("GET", f"/api/jobs/{job}")[1])
        if st["state"] in ("done", "error"):
            break
        time.sleep(0.05)
    assert st["state"] == "error" and st["status"] == 400 and st["error"].startswith("x.docx: ")
    assert server.request("GET", f"/api/jobs/{job}/result")[0] == 400
    assert server.request("GET", "/api/jobs/nope")[0] == 404


def test_a_job_can_be_waited_for(server, big_plan):
    """`GET /api/jobs/<id>?wait=S` answers when the job ends or after S seconds (at most 2), whichever is first:
    the page hears of the end at once instead of on its next look. While the slow check runs a short wait
    answers with it still running; a bad S is no wait."""
    status, body, _ = server.upload("/api/check?async=1", {"file": (big_plan.name, big_plan.read_bytes())})
    assert status == 202
    job = json.loads(body)["job"]
    st = json.loads(server.request("GET", f"/api/jobs/{job}?wait=0.05")[1])
    assert st["state"] in ("queued", "running"), st
    looks = 0
    while st["state"] not in ("done", "error"):
        st = json.loads(server.request("GET", f"/api/jobs/{job}?wait=2")[1])
        looks += 1
    assert st["state"] == "done" and st["status"] == 200 and st["progress"] == 1.0
    # each look waited (up to 2 s) instead of answering at once: about one look per 2 s of the job's own time
    assert looks <= st["elapsed"] / 2 + 2, (looks, st["elapsed"])
    status, body, _ = server.request("GET", f"/api/jobs/{job}?wait=nonsense")
    assert status == 200 and json.loads(body)["state"] == "done"
    assert server.request("GET", st["result"])[0] == 200


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_stops_cleanly_within_seconds_even_mid_request(tmp_path, big_plan, sig):
    s = Server(tmp_path)
    workers = s.children()
    assert workers, "no worker processes"
    assert len(s.temp_folders()) == 1
    hold = threading.Thread(target=lambda: _quiet(s.upload, "/api/check", {"file": (big_plan.name,
                                                                                     big_plan.read_bytes())}))
    hold.start()
    time.sleep(1.0)        # the check is running in a worker
    code, took, err = s.stop(sig)
    hold.join(30)
    assert took < 10, took
    assert code in (0, 130, -signal.SIGTERM, 128 + signal.SIGTERM), (code, err)
    assert "Traceback" not in err, err
    assert not s.temp_folders()
    time.sleep(0.2)
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in _state(pid), pid


def _quiet(fn, *args):
    try:
        fn(*args)
    except OSError:
        pass


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return "zombie"


def test_another_host_is_announced(monkeypatch, capsys):
    """--host beyond loopback says aloud that other machines can reach it (bound here on loopback only)."""
    import socket
    import uvicorn
    from drafter.commands import serve
    real_bind = serve._bind
    monkeypatch.setattr(serve, "_bind", lambda host, port: real_bind("127.0.0.1", 0))
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: None)
    serve.run(host="0.0.0.0", port=0, no_browser=True)
    err = capsys.readouterr().err
    assert "其他电脑也能打开" in err and socket.gethostname() in err
    serve.run(host="127.0.0.1", port=0, no_browser=True)
    assert "其他电脑" not in capsys.readouterr().err
