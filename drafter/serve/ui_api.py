"""Endpoints only the workbench pages need (owned by `serve-pages`; the server half is `serve-api`'s).

Each is a few lines over drafter's own functions, run in the worker pool behind the same doors as /api/
(Host and Origin checks, security headers, body-size limit); `?async=1` makes any of them a job with progress.
What they compute lives in ui_outline.py (outline YAML ↔ JSON with comments), ui_preview.py (numbering,
targets, agency names for the 起草 page) and ui_views.py (the 检查 and 对比 pages' views).

    POST /api/ui/start     multipart: file [summary]; field year   -> {outline, summary, agencies}
    POST /api/ui/resume    multipart: outline (.yaml) [prior] [summary] -> the same, from a saved outline
    POST /api/ui/preview   JSON {outline, summary}                  -> {labels, targets, blocks}
    POST /api/ui/retarget  JSON {text, index, number}               -> {text}
    POST /api/ui/yaml      JSON {outline}                           -> the outline .yaml, as an attachment
    POST /api/ui/check     multipart: file [prior] [summary] [config]; select, ignore -> {report, sarif, document}
    POST /api/ui/compare   multipart: old new [summary]             -> {view, report}
    GET  /api/ui/rules                                              -> [{code, name, severity, summary}]
    GET  /api/ui/rules/{code}                                       -> {code, text}  (what `drafter rules CODE` prints)
    GET  /api/ui/features                                           -> {fix: bool}

Bodies are JSON; errors `{"error": "…"}` in the command line's words (Chinese unless lang=en).
"""
from __future__ import annotations

import json
import os
from typing import Any, Optional

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import DrafterError
from . import endpoints, tasks
from .doors import BodyTooLarge
from .messages import message
from .tasks import Reply
from .uploads import Refusal, Uploads, new_folder

MAX_JSON = 16 * 2**20        # an outline of 3,000 items is ~2 MB of JSON


def _json(obj: Any) -> Reply:
    return Reply(200, json.dumps(obj, ensure_ascii=False).encode("utf-8"))


def _tr(zh: str, en: str) -> str:
    from ..i18n import tr
    return tr(zh, en)


# --- what runs in a worker (tasks.guarded sets the language and the request folder) -----------------------

def _plan_of(res, path: str):
    """The document `drafter init` makes an outline from (its plan, else its division, else one with items)."""
    doc = res.first("plan") or res.first("division") or next((d for d in res.documents if d.sections), None)
    if doc is None:
        raise DrafterError(path, "没有从这个文件里读出工作要点（找不到标题和条目）",
                           "no plan found in this file (no title and items)")
    return doc


def _summary_of(path: Optional[str]):
    if not path:
        return None
    from ..api import load
    from ..compare.engine import pick_summary
    from .ui_preview import summary_figures
    doc = pick_summary(load(path))
    if doc is None:
        raise DrafterError(path, "文件中没有工作总结", "no work summary (工作总结) found in this file")
    return summary_figures(doc, os.path.basename(path))


def start(file: str, summary: Optional[str] = None, year: Optional[int] = None) -> Reply:
    """`drafter init --from FILE [--year N]`, as the page edits it: comments as notes, last year's targets."""
    from ..api import load
    from ..commands.init import outline
    from .ui_outline import outline_to_json
    from .ui_preview import agency_names, attach_last
    cm = outline(file, year)
    prior = _plan_of(load(file), file)
    j = outline_to_json(cm)
    attach_last(j, prior, parallel=True)
    return _json({"outline": j, "summary": _summary_of(summary), "agencies": agency_names(prior, j),
                  "source": os.path.basename(file)})


def resume(outline: str, prior: Optional[str] = None, summary: Optional[str] = None) -> Reply:
    """A saved outline (the YAML `drafter draft` reads), validated as `draft` validates it, back in the page."""
    from ..api import load
    from ..draft.outline import parse_outline
    from ..yamlio import read_yaml_text
    from .ui_outline import outline_to_json
    from .ui_preview import agency_names, attach_last
    text = read_yaml_text(outline, "大纲文件", "outline file")
    ol = parse_outline(text, os.path.basename(outline))
    j = outline_to_json(ol.data, text)     # (of `parse --format yaml` output: its plan's mapping)
    prior_doc = _plan_of(load(prior), prior) if prior else None
    attach_last(j, prior_doc, parallel=False)
    return _json({"outline": j, "summary": _summary_of(summary), "agencies": agency_names(prior_doc, j),
                  "source": os.path.basename(outline)})


def preview(outline: dict, summary: Optional[dict] = None, blocks: bool = True) -> Reply:
    """Labels, targets and the drafted text of the page's outline, as `drafter draft` would make them."""
    from . import ui_preview as P
    ol = P.outline_of(outline, _tr("大纲", "outline"))
    out: dict = {"labels": P.labels(outline, ol), "targets": P.targets(outline, ol, summary)}
    if blocks:
        from ..draft import render
        out["blocks"] = [{"style": b.style, "text": b.text, "lead": b.lead, "cells": b.cells}
                         for b in render.render(ol.document, ol.options)]
    return _json(out)


def retarget(text: str, index: int, number: str) -> Reply:
    from .ui_preview import retarget as rewrite
    return _json({"text": rewrite(text, index, number)})


def to_yaml(outline: dict) -> Reply:
    from .ui_outline import json_to_yaml
    title = str(outline.get("title") or "").strip()
    stem = "".join(c for c in title if c.isalnum() or c in "-_（）()")[:80] or "outline"
    return Reply(200, json_to_yaml(outline).encode("utf-8"), tasks.TYPES["yaml"], f"{stem}-大纲.yaml")


def check(file: str, prior=None, summary=None, config=None, select=None, ignore=None) -> Reply:
    """`drafter check FILE --format json` and `--format sarif`, with the file's lines for the page to show."""
    from ..commands.check import report
    from ..report.sarif import render_sarif
    from .ui_views import document_lines
    rep = report([file], prior, summary, config, select, ignore, fmt="json", find_config=False)
    lines = [f.line for f in rep.findings if f.line] + [r.get("line") for f in rep.findings for r in f.related
                                                        if r.get("source") in (None, "", rep.results[0].source)]
    return _json({"report": json.loads(rep.text),
                  "sarif": render_sarif(rep.findings, [r.source for r in rep.results], exit_code=rep.code),
                  "document": document_lines(rep.results[0], lines), "code": rep.code})


def compare(old: str, new: str, summary=None) -> Reply:
    from ..commands.compare import comparison
    from .ui_views import comparison_view
    return _json(comparison_view(comparison(old, new, summary)))


def rules_list() -> Reply:
    from ..check.base import all_rules
    from ..commands.rules import summary_of
    return _json([{"code": r.code, "name": r.name, "severity": r.severity, "summary": summary_of(r)}
                  for r in all_rules()])


def rule_text(code: str) -> Reply:
    from ..check.base import all_rules
    from ..commands.rules import explain
    for r in all_rules():
        if r.code == code.strip().upper():
            return _json({"code": r.code, "name": r.name, "text": explain(r)})
    raise DrafterError(code, "没有这条规则（drafter rules 列出全部）", "no such rule (drafter rules lists them)")


# --- the routes --------------------------------------------------------------------------------------------

class _Refused(Exception):
    def __init__(self, response: Response):
        self.response = response


async def _json_body(request: Request, lang: str) -> dict:
    """The request's JSON object; anything else is refused (raises _Refused with the error response)."""
    if not request.headers.get("content-type", "").lower().startswith("application/json"):
        raise _Refused(endpoints.json_error(415, message("bad_json", lang, detail="Content-Type: application/json")))
    try:
        body = await request.body()
    except BodyTooLarge:
        raise _Refused(endpoints.too_large(request, lang)) from None
    if len(body) > MAX_JSON:
        raise _Refused(endpoints.too_large(request, lang))
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        raise _Refused(endpoints.json_error(400, message("bad_json", lang, detail=str(e)[:120]))) from None
    if not isinstance(data, dict):
        raise _Refused(endpoints.json_error(400, message("bad_json", lang, detail="{…}")))
    return data


def _json_endpoint(kind: str, fn, args):
    """A route taking a JSON object: `args(data, lang)` → the keyword arguments of `fn` (run in a worker)."""
    async def endpoint(request: Request) -> Response:
        lang = endpoints.lang_of(request)
        try:
            kwargs = args(await _json_body(request, lang), lang)
        except _Refused as r:
            return r.response
        return await _json_task(request, kind, fn, **kwargs)
    return endpoint


def _outline_of(data: dict, lang: str) -> dict:
    ol = data.get("outline")
    if not isinstance(ol, dict):
        raise _Refused(endpoints.json_error(400, message("bad_value", lang, field="outline", value="…", allowed="{…}")))
    return ol


def _preview_args(data: dict, lang: str) -> dict:
    summary = data.get("summary") if isinstance(data.get("summary"), dict) else None
    return {"outline": _outline_of(data, lang), "summary": summary, "blocks": data.get("blocks", True) is not False}


def _retarget_args(data: dict, lang: str) -> dict:
    text, index, number = data.get("text"), data.get("index"), data.get("number")
    if not isinstance(text, str) or not isinstance(index, int) or not isinstance(number, (str, int, float)):
        raise _Refused(endpoints.json_error(400, message("bad_json", lang, detail='{"text", "index", "number"}')))
    return {"text": text, "index": index, "number": str(number)}


async def _json_task(request: Request, kind: str, fn, **kwargs) -> Response:
    lang = endpoints.lang_of(request)
    up = Uploads(new_folder(request.app.state.root))
    return await endpoints.run_task(request, up.folder, lang, fn, kind, **kwargs)


async def ui_start(request: Request) -> Response:
    def build(up, lang):
        year = up.fields.get("year") or None
        if year is not None:
            if not year.isdigit() or len(year) != 4:
                raise Refusal(400, message("bad_year", lang))
            year = int(year)
        return start, {"file": up.files["file"], "summary": up.files.get("summary"), "year": year}
    return await endpoints._upload_endpoint(request, "init", {"file": True, "summary": False}, {"lang", "year"}, build)


async def ui_resume(request: Request) -> Response:
    def build(up, lang):
        return resume, {"outline": up.files["outline"], "prior": up.files.get("prior"),
                        "summary": up.files.get("summary")}
    return await endpoints._upload_endpoint(request, "init", {"outline": True, "prior": False, "summary": False},
                                            {"lang"}, build)


ui_preview = _json_endpoint("preview", preview, _preview_args)
ui_retarget = _json_endpoint("retarget", retarget, _retarget_args)
ui_yaml = _json_endpoint("yaml", to_yaml, lambda data, lang: {"outline": _outline_of(data, lang)})


async def ui_check(request: Request) -> Response:
    def build(up, lang):
        return check, endpoints._check_args(up, lang)
    return await endpoints._upload_endpoint(request, "check", endpoints.CHECK_FILES, {"select", "ignore", "lang"},
                                            build)


async def ui_compare(request: Request) -> Response:
    def build(up, lang):
        return compare, {"old": up.files["old"], "new": up.files["new"], "summary": up.files.get("summary")}
    return await endpoints._upload_endpoint(request, "compare", {"old": True, "new": True, "summary": False},
                                            {"lang"}, build)


async def ui_rules(request: Request) -> Response:
    return await _json_task(request, "rules", rules_list)


async def ui_rule(request: Request) -> Response:
    code = request.path_params["code"]
    if not code.isalnum() or len(code) > 12:
        return endpoints.json_error(404, message("not_found", endpoints.lang_of(request)))
    return await _json_task(request, "rules", rule_text, code=code)


async def ui_features(request: Request) -> Response:
    fix = any(getattr(r, "path", "") == "/api/fix" for r in endpoints.routes)
    return endpoints.to_response(_json({"fix": fix}))


routes = [
    Route("/api/ui/start", ui_start, methods=["POST"]),
    Route("/api/ui/resume", ui_resume, methods=["POST"]),
    Route("/api/ui/preview", ui_preview, methods=["POST"]),
    Route("/api/ui/retarget", ui_retarget, methods=["POST"]),
    Route("/api/ui/yaml", ui_yaml, methods=["POST"]),
    Route("/api/ui/check", ui_check, methods=["POST"]),
    Route("/api/ui/compare", ui_compare, methods=["POST"]),
    Route("/api/ui/rules", ui_rules, methods=["GET"]),
    Route("/api/ui/rules/{code}", ui_rule, methods=["GET"]),
    Route("/api/ui/features", ui_features, methods=["GET"]),
]
