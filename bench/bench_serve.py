"""`make bench` (serve): 20 concurrent `POST /api/check` of the largest seed against a real `drafter serve`,
every answer compared with the command line's, median and slowest latency beside a single request's; and why
the workers are processes: the same checks in a pool of 2 threads vs 2 processes. Printed, never asserted."""
from __future__ import annotations

import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
SEEDS = ROOT.parent / "shared" / "seeds"
LARGEST = max(SEEDS.glob("0*.txt"), key=lambda p: p.stat().st_size)
PY = sys.executable
DRAFTER = [PY, "-c", "import sys; from cli import main; sys.argv[0] = 'drafter'; main()"]
CONCURRENT = 20


def _body(path: Path) -> tuple[bytes, str]:
    b = uuid.uuid4().hex
    data = (f"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{path.name}\"\r\n\r\n".encode()
            + path.read_bytes() + f"\r\n--{b}--\r\n".encode())
    return data, f"multipart/form-data; boundary={b}"


def _post(port: int, body: bytes, ctype: str) -> tuple[float, int, bytes]:
    t = time.perf_counter()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    c.request("POST", "/api/check", body=body, headers={"content-type": ctype})
    r = c.getresponse()
    data = r.read()
    c.close()
    return time.perf_counter() - t, r.status, data


def _start(tmp: str) -> tuple[subprocess.Popen, int]:
    p = subprocess.Popen(DRAFTER + ["serve", "--port", "0", "--no-browser"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, cwd=tmp,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    line = p.stdout.readline()
    port = int(line.strip().rstrip("/").rsplit(":", 1)[1])
    for _ in range(600):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/")
            if c.getresponse().status == 200:
                return p, port
        except OSError:
            time.sleep(0.1)
    raise SystemExit("drafter serve did not start")


def _check(path: str) -> int:
    from drafter.commands.check import report
    return len(report([path], fmt="json").text)


def pool_choice(n: int = 6) -> tuple[float, float, float]:
    """Seconds for one check, and for `n` checks in 2 threads vs 2 (warm) processes."""
    _check(str(LARGEST))
    t = time.perf_counter()
    _check(str(LARGEST))
    one = time.perf_counter() - t
    out = []
    for ex in (ThreadPoolExecutor(2), ProcessPoolExecutor(2)):
        with ex:
            list(ex.map(_check, [str(LARGEST)] * 2))     # warm: imports done
            t = time.perf_counter()
            list(ex.map(_check, [str(LARGEST)] * n))
            out.append(time.perf_counter() - t)
    return one, out[0], out[1]


def main() -> None:
    cli = subprocess.run(DRAFTER + ["check", LARGEST.name, "--format", "json"], capture_output=True,
                         cwd=LARGEST.parent, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    body, ctype = _body(LARGEST)
    with tempfile.TemporaryDirectory() as tmp:
        proc, port = _start(tmp)
        try:
            _post(port, body, ctype)                       # warm both workers' caches
            _post(port, body, ctype)
            singles = [_post(port, body, ctype)[0] for _ in range(5)]
            with ThreadPoolExecutor(CONCURRENT) as ex:
                t = time.perf_counter()
                results = list(ex.map(lambda _: _post(port, body, ctype), range(CONCURRENT)))
                wall = time.perf_counter() - t
        finally:
            proc.terminate()
            proc.wait(30)
    lat = [r[0] for r in results]
    same = sum(1 for r in results if r[1] == 200 and r[2] == cli)
    single = statistics.median(singles)
    print(f"\nserve: POST /api/check {LARGEST.name} ({LARGEST.stat().st_size // 1024} KB), 2 worker processes")
    print("-" * 79)
    print(f"{'one request at a time (median of 5)':<58}{single:>9.3f} s")
    print(f"{CONCURRENT} concurrent: median latency{'':<31}{statistics.median(lat):>9.3f} s")
    print(f"{CONCURRENT} concurrent: slowest latency{'':<30}{max(lat):>9.3f} s")
    print(f"{CONCURRENT} concurrent: all answered in{'':<30}{wall:>9.3f} s")
    print(f"  answers identical to `drafter check --format json`{'':<10}{same:>6}/{CONCURRENT}")
    one, threads, procs = pool_choice()
    print(f"worker pool: 6 checks in-process, one check {one:.3f} s")
    print(f"  2 threads{'':<48}{threads:>9.3f} s")
    print(f"  2 processes{'':<46}{procs:>9.3f} s   ({threads / procs:.2f}× faster)")


if __name__ == "__main__":
    main()
