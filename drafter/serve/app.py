"""Build the workbench's ASGI app: the doors, the /api/ routes, ui_api's routes, the static pages."""
from __future__ import annotations

import asyncio
import atexit
import functools
import logging
import os
import shutil
import tempfile
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from starlette import formparsers
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import endpoints, ui_api
from .doors import BodyTooLarge, Doors, host_forms
from .jobs import Jobs
from .messages import lang_of_scope, message
from .pool import WorkerPool

log = logging.getLogger("drafter.serve")

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


@dataclass
class Settings:
    port: int
    host: str = "127.0.0.1"
    max_upload: int = 50 * 2**20                 # bytes, the whole request body
    workers: int = min(2, os.cpu_count() or 1)
    worker_memory_mb: int = 4096                 # address-space limit of a worker (0: none)
    extra_hosts: list = field(default_factory=list)  # more names this server answers to (its LAN names)

    def hosts(self) -> set[str]:
        return host_forms([*LOOPBACK_NAMES, self.host, *self.extra_hosts], self.port)


def _lifespan(settings: Settings):
    @asynccontextmanager
    async def lifespan(app: Starlette):
        root = tempfile.mkdtemp(prefix="drafter-serve-")       # mode 0700
        atexit.register(shutil.rmtree, root, True)
        saved_spool = formparsers.SpooledTemporaryFile
        # Starlette spools a large upload part to an anonymous temp file: in our private folder, not /tmp
        formparsers.SpooledTemporaryFile = functools.partial(tempfile.SpooledTemporaryFile, dir=root)
        loop = asyncio.get_running_loop()
        jobs = Jobs()

        def on_progress(job_id, stage, done, total):
            loop.call_soon_threadsafe(jobs.progress, job_id, stage, done, total)

        pool = WorkerPool(settings.workers, root, on_progress, settings.worker_memory_mb)
        app.state.settings, app.state.root, app.state.jobs, app.state.pool = settings, root, jobs, pool
        try:
            await loop.run_in_executor(None, pool.warm)
            yield
        finally:
            await jobs.cancel_all()
            await loop.run_in_executor(None, pool.close)
            formparsers.SpooledTemporaryFile = saved_spool
            shutil.rmtree(root, ignore_errors=True)
    return lifespan


async def _http_error(request: Request, exc: HTTPException):
    lang = lang_of_scope(request.scope)
    if exc.status_code == 404:
        text = message("not_found", lang)
    elif exc.status_code == 405:
        text = message("method", lang, method=request.method)
    else:
        text = str(exc.detail)
    return endpoints.json_error(exc.status_code, text)


async def _too_large(request: Request, exc: BodyTooLarge):
    return endpoints.too_large(request, lang_of_scope(request.scope))


async def _crash(request: Request, exc: Exception):
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return endpoints.json_error(500, message("internal", lang_of_scope(request.scope)))


def build_app(settings: Settings, web_dir: Path = WEB_DIR) -> Doors:
    routes = [
        *endpoints.routes,
        *ui_api.routes,
        Route("/api/{rest:path}", endpoints.api_not_found, methods=["GET", "POST", "PUT", "PATCH", "DELETE"]),
        Mount("/", app=StaticFiles(directory=str(web_dir), html=True, follow_symlink=False), name="web"),
    ]
    app = Starlette(routes=routes, lifespan=_lifespan(settings),
                    exception_handlers={HTTPException: _http_error, BodyTooLarge: _too_large, Exception: _crash})
    return Doors(app, settings.hosts(), settings.max_upload)
