"""The doors of the local server: Host (DNS rebinding), cross-origin writes, paths, body size, headers,
and uploads that never outlive their request."""
from __future__ import annotations

import os
import stat

import pytest

from conftest import SEED_FILES, seed_path
from serve_util import PORT, client, leftovers, upload

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="../shared/seeds is not beside the checkout")


@pytest.fixture(scope="module")
def api():
    with client(max_upload=2 * 2**20) as c:
        yield c


@pytest.mark.parametrize("host", [f"127.0.0.1:{PORT}", f"localhost:{PORT}", f"[::1]:{PORT}", f"LOCALHOST:{PORT}"])
def test_the_served_addresses_are_accepted(api, host):
    assert api.get("/", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{PORT}", "127.0.0.1", f"127.0.0.1:{PORT + 1}",
                                  f"127.0.0.1.evil.example:{PORT}", f"[::1]:{PORT + 1}", f"[::2]:{PORT}", "[::1]",
                                  f"localhost:{PORT}@evil.example", f"{PORT}", ""])
def test_forged_hosts_are_refused(api, host):
    r = api.get("/", headers={"host": host})
    assert r.status_code == 403
    assert "Host" in r.json()["error"]
    r = api.post("/api/parse", files=upload(("file", seed_path("000"))), headers={"host": host})
    assert r.status_code == 403


@pytest.mark.parametrize("headers", [
    {"origin": "http://evil.example"},
    {"origin": f"http://127.0.0.1:{PORT + 1}"},
    {"origin": f"https://127.0.0.1:{PORT}"},
    {"origin": "null"},
    {"referer": "http://evil.example/page.html"},
    {"sec-fetch-site": "cross-site"},
    {"origin": f"http://127.0.0.1:{PORT}", "sec-fetch-site": "cross-site"},
])
def test_cross_origin_posts_are_refused(api, headers):
    r = api.post("/api/parse", files=upload(("file", seed_path("000"))), headers=headers)
    assert r.status_code == 403, r.text
    assert "别的网站" in r.json()["error"]
    assert not leftovers(api.root)


@pytest.mark.parametrize("headers", [
    {"origin": f"http://127.0.0.1:{PORT}"},
    {"origin": f"http://localhost:{PORT}", "sec-fetch-site": "same-origin"},
    {"referer": f"http://127.0.0.1:{PORT}/check.html"},
    {},  # no browser page: curl, an office's OA system
])
def test_same_origin_and_non_browser_posts_pass(api, headers):
    r = api.post("/api/parse", files=upload(("file", seed_path("000"))), headers=headers)
    assert r.status_code == 200, r.text


def test_security_headers_on_every_response(api):
    for r in (api.get("/"), api.get("/api/nothing"), api.get("/", headers={"host": "evil.example"}),
              api.post("/api/parse", files=upload(("file", seed_path("000")))),
              api.post("/api/parse", files=[("file", ("x.docx", b"garbage"))])):
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                                  "/%252e%252e/etc/passwd", "/.%2e/setup.cfg", "/..\\..\\etc\\passwd",
                                  "/index.html%00.txt", "/%2fetc/passwd"])
def test_no_path_reaches_the_file_system(api, path):
    """(httpx removes plain `/../` itself; test_serve_process.py sends those raw to a real server.)"""
    r = api.get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "root:" not in r.text and "[metadata]" not in r.text


def test_symlinks_in_the_web_folder_are_not_followed(tmp_path):
    web = tmp_path / "web"
    web.mkdir()
    (web / "index.html").write_text("<p>hi</p>")
    (web / "leak.txt").symlink_to("/etc/passwd")
    from starlette.testclient import TestClient
    from drafter.serve.app import Settings, build_app
    with TestClient(build_app(Settings(port=PORT, workers=1), web_dir=web), base_url=f"http://127.0.0.1:{PORT}") as c:
        assert c.get("/").status_code == 200
        r = c.get("/leak.txt")
        assert r.status_code == 404 and "root:" not in r.text


def test_the_upload_folder_is_private_and_not_served(api):
    st = os.stat(api.root)
    assert stat.S_IMODE(st.st_mode) == 0o700
    assert api.get("/" + os.path.basename(api.root)).status_code == 404


def test_content_length_over_the_limit_is_413_before_reading(api):
    big = b"x" * (3 * 2**20)
    r = api.post("/api/check", files=[("file", ("big.txt", big))])
    assert r.status_code == 413
    assert "上限 2 MB" in r.json()["error"]
    r = api.post("/api/check?lang=en", files=[("file", ("big.txt", big))])
    assert r.status_code == 413 and "limit 2 MB" in r.json()["error"]
    assert not leftovers(api.root)


def test_a_streamed_body_over_the_limit_is_cut_off(api):
    """No Content-Length (chunked): counted while it streams, refused at the limit."""
    boundary = "bnd"

    def body():
        yield f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n".encode()
        for _ in range(40):
            yield b"x" * (128 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()
    r = api.post("/api/check", content=body(), headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 413, r.text
    assert not leftovers(api.root)
    r = api.post("/api/draft", content=(b"{" + b" " * (128 * 1024) for _ in range(40)),
                 headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_multipart_limits_are_low(api):
    many = [(f"f{i}", (f"{i}.txt", b"x")) for i in range(10)]
    r = api.post("/api/check", files=many)
    assert r.status_code == 400 and r.json()["error"]
    fields = {f"k{i}": "v" for i in range(20)}
    r = api.post("/api/check", files=upload(("file", seed_path("000"))), data=fields)
    assert r.status_code == 400
    r = api.post("/api/check", files=upload(("file", seed_path("000"))), data={"select": "N" * (100 * 1024)})
    assert r.status_code == 400
    assert not leftovers(api.root)


def test_bad_content_length_is_refused(api):
    r = api.post("/api/parse", content=b"abc", headers={"content-length": "-5", "content-type": "multipart/form-data"})
    assert r.status_code in (400, 413)


def test_no_upload_is_left_after_any_request(api, tmp_path):
    """Successes, refusals, failures: the request folder is gone each time (large parts spooled too)."""
    big = b"PK\x03\x04" + b"\0" * (1100 * 1024)   # over Starlette's 1 MB spool threshold (a broken .docx)
    cases = [
        dict(files=upload(("file", seed_path("004")))),
        dict(files=[("file", ("big.docx", big))]),
        dict(files=[("file", ("bad.docx", b"PK\x03\x04broken"))]),
        dict(files=upload(("file", seed_path("000")), ("prior", seed_path("000")))),
        dict(files=[("file", ("a.txt", b"x"))], data={"format": "nonsense"}),
        dict(files=[("nope", ("a.txt", b"x"))]),
    ]
    for kw in cases:
        api.post("/api/check", **kw)
        api.post("/api/check?async=1", **kw)
        assert not [p for p in leftovers(api.root) if "/req-" in p and not _job_running(api)], kw
    import time
    for _ in range(1200):          # the async jobs end (their folders go with them)
        if not _job_running(api):
            break
        time.sleep(0.1)
    time.sleep(0.2)
    assert not leftovers(api.root)


def _job_running(api) -> bool:
    return any(j.reply is None for j in api.app.app.state.jobs._jobs.values())


def test_a_file_named_like_a_path_stays_in_its_folder(api):
    for name in ("../../escape.txt", "C:\\Users\\x\\plan.txt", "/etc/plan.txt", "..", ".hidden.txt", "\x00.txt"):
        r = api.post("/api/parse", files=[("file", (name, open(seed_path("000"), "rb").read()))])
        assert r.status_code == 200, (name, r.text)
        src = r.json()["source"]
        assert "/" not in src and "\\" not in src and not src.startswith("."), src
    assert not os.path.exists(os.path.join(os.path.dirname(api.root), "escape.txt"))
