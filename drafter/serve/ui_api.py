"""Endpoints only the workbench pages need (owned by `serve-pages`; the server half is `serve-api`'s).

Add Starlette routes to `routes`; app.py mounts them before the static pages, behind the same doors (Host and
Origin checks, security headers, body-size limit). Run document work through `drafter.serve.endpoints`
helpers (`read_form`, `run_task`), never on the event loop — see README.md beside this file.
"""
from __future__ import annotations

routes: list = []
