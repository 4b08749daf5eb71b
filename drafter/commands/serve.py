"""`drafter serve [--host 127.0.0.1] [--port 8765] [--no-browser] [--max-upload MB]`: the workbench.

The socket is bound here, before the app is built, so `--port 0` (any free port) still yields the one address
the Host check accepts. Ctrl-C / SIGTERM: uvicorn stops taking requests, gives running ones a few seconds, then
the app's shutdown stops the worker pool and deletes the temp folder.
"""
from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import time
import webbrowser
from typing import Optional

import click

from ..errors import DrafterError
from ..i18n import tr

GRACE_SECONDS = 3


def _bind(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as e:
        raise DrafterError("--host", f"无法解析地址 {host}：{e.strerror}", f"cannot resolve {host}: {e.strerror}")
    family, _, _, _, addr = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0 if addr[0] == "::" else 1)
    try:
        sock.bind(addr)
    except OSError as e:
        sock.close()
        raise DrafterError(f"{host}:{port}", f"无法监听这个地址（{e.strerror}）；端口可能已被占用，可用 --port 换一个",
                           f"cannot listen here ({e.strerror}); the port may be in use, try another --port")
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _lan_names(host: str) -> list[str]:
    """Names colleagues may type for this machine when it listens beyond loopback."""
    names = {socket.gethostname(), socket.getfqdn()}
    if host not in ("0.0.0.0", "::", ""):
        names.add(host)
        return sorted(n for n in names if n)
    for n in list(names):
        try:
            for info in socket.getaddrinfo(n, None):
                names.add(info[4][0])
        except socket.gaierror:
            pass
    return sorted(n for n in names if n)


def _url(host: str, port: int) -> str:
    h = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://[{h}]:{port}/" if ":" in h else f"http://{h}:{port}/"


def run(host: str = "127.0.0.1", port: int = 8765, no_browser: bool = False, max_upload: float = 50,
        workers: Optional[int] = None) -> int:
    import uvicorn

    from ..serve.app import Settings, build_app

    if not 0 <= port <= 65535:
        raise DrafterError("--port", "端口应在 0–65535 之间", "port must be between 0 and 65535")
    if not 0 < max_upload <= 4096:
        raise DrafterError("--max-upload", "上传上限应在 0–4096 MB 之间", "--max-upload must be between 0 and 4096 MB")
    sock = _bind(host, port)
    port = sock.getsockname()[1]
    extra = [] if _is_loopback(host) else _lan_names(host)
    settings = Settings(port=port, host=host, max_upload=int(max_upload * 2**20), extra_hosts=extra)
    if workers:
        settings.workers = workers
    app = build_app(settings)
    url = _url(host, port)
    click.echo(tr(f"drafter 工作台：{url}", f"drafter workbench: {url}"))
    if not _is_loopback(host):
        click.echo(tr(f"注意：正在监听 {host}，局域网里的其他电脑也能打开这个工作台并上传文件；"
                      f"只在本机使用时请去掉 --host。可用的地址：{', '.join(extra)}",
                      f"warning: listening on {host}: other machines on the network can reach this workbench "
                      f"and upload files; drop --host to keep it on this computer. Names: {', '.join(extra)}"),
                   err=True)
    click.echo(tr("按 Ctrl-C 停止。", "Press Ctrl-C to stop."))
    sys.stdout.flush()
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=GRACE_SECONDS,
                            lifespan="on", server_header=False, date_header=False)
    server = uvicorn.Server(config)
    if not no_browser:
        threading.Thread(target=_open_when_ready, args=(server, url), daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        click.echo(tr("drafter 工作台已停止。", "drafter workbench stopped."))
    return 0 if server.started else 2


def _open_when_ready(server, url: str) -> None:
    """Open the default browser once the workers are up (not before: the page would wait)."""
    for _ in range(600):
        if server.started:
            webbrowser.open(url)
            return
        if server.should_exit:
            return
        time.sleep(0.05)
