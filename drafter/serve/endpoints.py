"""The /api/ contract of DESIGN.md (and the job endpoints), each a few lines over the commands' own functions.

Every endpoint: read the upload into a request folder, check the fields, run the command's function in a
worker (tasks.py), delete the folder, answer. `?async=1` answers 202 with a job instead (jobs.py).
"""
from __future__ import annotations

import asyncio
import json
import logging
import shutil
import re
from typing import Callable, Optional
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from . import tasks
from .doors import BodyTooLarge
from .messages import lang_of_scope, message
from .tasks import Reply, error_reply
from .uploads import Refusal, Uploads, new_folder, read_form

log = logging.getLogger("drafter.serve")

CHECK_FILES = {"file": True, "prior": False, "summary": False, "config": False}
CHECK_FIELDS = {"select", "ignore", "lang", "format"}
_CODES = re.compile(r"^[A-Za-z0-9, ]{0,200}$")


def to_response(reply: Reply) -> Response:
    headers = {"cache-control": "no-store", **reply.headers}
    if reply.filename:
        ascii_name = re.sub(r"[^A-Za-z0-9._-]", "_", reply.filename) or "download"
        headers["content-disposition"] = (f"attachment; filename=\"{ascii_name}\"; "
                                          f"filename*=UTF-8''{quote(reply.filename, safe='')}")
    return Response(reply.body, status_code=reply.status, media_type=reply.media_type, headers=headers)


def json_error(status: int, text: str) -> JSONResponse:
    return JSONResponse({"error": text}, status_code=status, headers={"cache-control": "no-store"})


def lang_of(request: Request, up: Optional[Uploads] = None) -> str:
    """A form field `lang`, else `?lang=`, else Accept-Language; Chinese by default."""
    if up is not None and up.fields.get("lang"):
        return "en" if up.fields["lang"].lower().startswith("en") else "zh"
    return lang_of_scope(request.scope)


def _choice(up: Uploads, name: str, allowed: tuple, lang: str) -> str:
    v = up.fields.get(name) or allowed[0]
    if v not in allowed:
        raise Refusal(400, message("bad_value", lang, field=name, value=v[:40], allowed="|".join(allowed)))
    return v


def _codes(up: Uploads, name: str, lang: str) -> Optional[str]:
    v = up.fields.get(name) or None
    if v is not None and not _CODES.match(v):
        raise Refusal(400, message("bad_value", lang, field=name, value=v[:40], allowed="NUM001,DUP,…"))
    return v


async def run_task(request: Request, folder: str, lang: str, fn: Callable, kind: str, **kwargs) -> Response:
    """Run `tasks.guarded(folder, lang, fn, **kwargs)` in the worker pool and delete `folder` when it ends;
    with `?async=1`, as a job (202 and its id). For ui_api.py too."""
    state = request.app.state

    async def work(job_id: Optional[str]) -> Reply:
        try:
            return await state.pool.run(tasks.guarded, folder, lang, fn, job_id=job_id, **kwargs)
        except asyncio.CancelledError:
            # the server is stopping and its grace period ran out: answer (if anyone still listens), don't crash
            return error_reply(503, message("shutting_down", lang))
        except Exception:
            log.exception("worker failed")
            return error_reply(500, message("internal", lang))
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    if request.query_params.get("async") in ("1", "true", "yes"):
        job = state.jobs.start(kind, lambda j: work(j.id))
        return JSONResponse(job.to_dict(), status_code=202, headers={"cache-control": "no-store",
                                                                      "location": f"/api/jobs/{job.id}"})
    return to_response(await work(None))


async def _upload_endpoint(request: Request, kind: str, files: dict, fields: set, build: Callable) -> Response:
    lang = lang_of(request)
    try:
        up = await read_form(request, request.app.state.root, files, fields, lang)
    except Refusal as r:
        return json_error(r.status, r.text)
    except BodyTooLarge:
        return too_large(request, lang)
    lang = lang_of(request, up)
    try:
        fn, kwargs = build(up, lang)
    except Refusal as r:
        up.cleanup()
        return json_error(r.status, r.text)
    return await run_task(request, up.folder, lang, fn, kind, **kwargs)


def too_large(request: Request, lang: str) -> Response:
    mb = request.app.state.settings.max_upload / 2**20
    return JSONResponse({"error": message("too_large", lang, mb=mb)}, status_code=413,
                        headers={"connection": "close", "cache-control": "no-store"})


# --- the six endpoints --------------------------------------------------------------------------------------

async def api_parse(request: Request) -> Response:
    def build(up, lang):
        return tasks.parse, {"file": up.files["file"], "fmt": _choice(up, "format", ("json", "yaml", "text"), lang)}
    return await _upload_endpoint(request, "parse", {"file": True}, {"lang", "format"}, build)


def _check_args(up: Uploads, lang: str) -> dict:
    return {"file": up.files["file"], "prior": up.files.get("prior"), "summary": up.files.get("summary"),
            "config": up.files.get("config"), "select": _codes(up, "select", lang),
            "ignore": _codes(up, "ignore", lang)}


async def api_check(request: Request) -> Response:
    def build(up, lang):
        return tasks.check, {**_check_args(up, lang), "fmt": _choice(up, "format", ("json", "sarif", "text"), lang)}
    return await _upload_endpoint(request, "check", CHECK_FILES, CHECK_FIELDS, build)


async def api_annotate(request: Request) -> Response:
    def build(up, lang):
        return tasks.annotate, {**_check_args(up, lang), "out": up.out("annotated.docx")}
    return await _upload_endpoint(request, "annotate", CHECK_FILES, {"select", "ignore", "lang"}, build)


async def api_fix(request: Request) -> Response:
    """`drafter fix` over HTTP: the fixed .docx (tracked changes) or .txt; format=diff the --dry-run diff;
    format=json the counts, the diff, what is left and the report the command prints."""
    def build(up, lang):
        fmt = _choice(up, "format", ("file", "diff", "json"), lang)
        layout = _choice(up, "layout", ("0", "1", "false", "true"), lang) in ("1", "true")
        return tasks.fix, {**_check_args(up, lang), "layout": layout, "fmt": fmt}
    return await _upload_endpoint(request, "fix", CHECK_FILES, {"select", "ignore", "lang", "format", "layout"}, build)


async def api_compare(request: Request) -> Response:
    def build(up, lang):
        fmt = _choice(up, "format", ("json", "html", "text", "docx"), lang)
        return tasks.compare, {"old": up.files["old"], "new": up.files["new"], "summary": up.files.get("summary"),
                               "fmt": fmt, "out": up.out("compare.docx")}
    return await _upload_endpoint(request, "compare", {"old": True, "new": True, "summary": False},
                                  {"lang", "format"}, build)


async def api_init(request: Request) -> Response:
    def build(up, lang):
        year = up.fields.get("year") or None
        if year is not None:
            if not re.fullmatch(r"\d{4}", year):
                raise Refusal(400, message("bad_year", lang))
            year = int(year)
        return tasks.init, {"file": up.files["file"], "year": year,
                            "fmt": _choice(up, "format", ("json", "yaml"), lang)}
    return await _upload_endpoint(request, "init", {"file": True}, {"lang", "year", "format"}, build)


async def api_draft(request: Request) -> Response:
    """JSON {"outline": {...}, "format": "docx|txt|md"}; or multipart: outline (.yaml) [prior], field format."""
    ctype = request.headers.get("content-type", "").lower()
    if not ctype.startswith("application/json"):
        def build(up, lang):
            fmt = _choice(up, "format", ("docx", "txt", "md"), lang)
            return tasks.draft, {"outline_file": up.files["outline"], "prior": up.files.get("prior"), "fmt": fmt,
                                 "out": up.out("draft.docx")}
        return await _upload_endpoint(request, "draft", {"outline": True, "prior": False}, {"lang", "format"}, build)
    lang = lang_of(request)
    try:
        body = await request.body()
    except BodyTooLarge:
        return too_large(request, lang)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        return json_error(400, message("bad_json", lang, detail=str(e)[:120]))
    if not isinstance(data, dict) or not isinstance(data.get("outline"), dict):
        return json_error(400, message("json_shape", lang))
    if isinstance(data.get("lang"), str):
        lang = "en" if data["lang"].lower().startswith("en") else "zh"
    fmt = data.get("format") or "docx"
    if fmt not in ("docx", "txt", "md"):
        return json_error(400, message("bad_value", lang, field="format", value=str(fmt)[:40], allowed="docx|txt|md"))
    up = Uploads(new_folder(request.app.state.root))
    return await run_task(request, up.folder, lang, tasks.draft, "draft", outline_data=data["outline"], fmt=fmt,
                          out=up.out("draft.docx"))


# --- jobs ---------------------------------------------------------------------------------------------------

MAX_WAIT = 2.0   # seconds a job status may wait for the job to end (`?wait=S`)


async def job_status(request: Request) -> Response:
    """How far a job is; with `?wait=S` (at most MAX_WAIT) the answer waits until the job ends or S seconds
    pass, so a page hears of the end at once rather than on its next look. A bad S is no wait."""
    job = request.app.state.jobs.get(request.path_params["job"])
    if job is None:
        return json_error(404, message("no_job", lang_of(request)))
    try:
        wait = min(max(float(request.query_params.get("wait") or 0), 0.0), MAX_WAIT)
    except ValueError:
        wait = 0.0
    if wait and job.task is not None and not job.task.done():
        await asyncio.wait({job.task}, timeout=wait)   # never raises for the job's own end or cancellation
    return JSONResponse(job.to_dict(), headers={"cache-control": "no-store"})


async def job_result(request: Request) -> Response:
    jobs = request.app.state.jobs
    job = jobs.get(request.path_params["job"])
    if job is None:
        return json_error(404, message("no_job", lang_of(request)))
    if job.reply is None:
        return JSONResponse({**job.to_dict(), "error": message("job_pending", lang_of(request))}, status_code=409,
                            headers={"cache-control": "no-store"})
    jobs.pop(job.id)
    return to_response(job.reply)


async def api_not_found(request: Request) -> Response:
    if any(r.path_regex.match(request.url.path) for r in routes):
        return json_error(405, message("method", lang_of(request), method=request.method))
    return json_error(404, message("not_found", lang_of(request)))


routes = [
    Route("/api/parse", api_parse, methods=["POST"]),
    Route("/api/check", api_check, methods=["POST"]),
    Route("/api/compare", api_compare, methods=["POST"]),
    Route("/api/init", api_init, methods=["POST"]),
    Route("/api/draft", api_draft, methods=["POST"]),
    Route("/api/annotate", api_annotate, methods=["POST"]),
    Route("/api/fix", api_fix, methods=["POST"]),
    Route("/api/jobs/{job}", job_status, methods=["GET"]),
    Route("/api/jobs/{job}/result", job_result, methods=["GET"]),
]
