"""What runs in a worker process: the commands' own functions, on uploads saved in one request's folder.

Each task runs inside that folder (paths are the uploads' own names), so `source`, messages and reports name
`plan.txt` exactly as `drafter check plan.txt` run in a folder holding it would. Every task returns a Reply;
bad input (DrafterError) becomes a 400 with the command line's words, never an exception.
"""
from __future__ import annotations

import json
import logging
import os
import traceback
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..errors import DrafterError
from ..i18n import set_lang
from .messages import message

log = logging.getLogger("drafter.serve")

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TYPES = {"json": "application/json; charset=utf-8", "sarif": "application/sarif+json; charset=utf-8",
         "yaml": "application/yaml; charset=utf-8", "text": "text/plain; charset=utf-8",
         "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "html": "text/html; charset=utf-8", "docx": DOCX}


@dataclass
class Reply:
    status: int
    body: bytes
    media_type: str = TYPES["json"]
    filename: Optional[str] = None          # set: sent as an attachment
    headers: dict = field(default_factory=dict)


def error_reply(status: int, text: str) -> Reply:
    return Reply(status, json.dumps({"error": text}, ensure_ascii=False).encode("utf-8"))


def _text(text: str, fmt: str, filename: Optional[str] = None) -> Reply:
    return Reply(200, text.encode("utf-8"), TYPES[fmt], filename)


def guarded(folder: str, lang: str, fn: Callable, *args, **kwargs) -> Reply:
    """Run `fn` in `folder` with messages in `lang`; every failure becomes a JSON Reply without internals."""
    set_lang(lang)
    old = os.getcwd()
    try:
        os.chdir(folder)
        return fn(*args, **kwargs)
    except DrafterError as e:
        return error_reply(400, e.render(lang).replace(folder + os.sep, ""))
    except MemoryError:
        return error_reply(413, message("no_memory", lang))
    except RecursionError:
        return error_reply(400, message("no_memory", lang))
    except Exception:
        log.error("request failed:\n%s", traceback.format_exc())
        return error_reply(500, message("internal", lang))
    finally:
        os.chdir(old)


# --- the contract endpoints' bodies ------------------------------------------------------------------------

def parse(file: str, fmt: str = "json") -> Reply:
    from ..commands.parse import render
    return _text(render(file, fmt), fmt)


def check(file: str, prior=None, summary=None, config=None, select=None, ignore=None, fmt: str = "json") -> Reply:
    from ..commands.check import report
    rep = report([file], prior, summary, config, select, ignore, fmt=fmt, find_config=False)
    return _text(rep.text, fmt)


def annotate(file: str, out: str, prior=None, summary=None, config=None, select=None, ignore=None) -> Reply:
    from ..commands.check import annotate_to, report
    rep = report([file], prior, summary, config, select, ignore, fmt="json", find_config=False)
    n = annotate_to(rep, file, out)
    with open(out, "rb") as f:
        data = f.read()
    return Reply(200, data, DOCX, _stem(file) + "-批注.docx", {"x-drafter-comments": str(n)})


def compare(old: str, new: str, summary=None, fmt: str = "json", out: Optional[str] = None) -> Reply:
    from ..commands.compare import comparison, render, write_docx
    cmp = comparison(old, new, summary)
    if fmt == "docx":
        write_docx(cmp, out)  # type: ignore[arg-type]
        with open(out, "rb") as f:  # type: ignore[arg-type]
            return Reply(200, f.read(), DOCX, _stem(new) + "-对比.docx")
    return _text(render(cmp, fmt), fmt)


def init(file: str, year: Optional[int] = None, fmt: str = "json") -> Reply:
    from ..commands.init import outline
    from ..yamlio import dump_yaml, _plain
    ol = outline(file, year)
    if fmt == "yaml":
        return _text(dump_yaml(ol), "yaml")
    return _text(json.dumps(_plain(ol), ensure_ascii=False, indent=2) + "\n", "json")


def draft(out: str, outline_data=None, outline_file: Optional[str] = None, prior: Optional[str] = None,
          fmt: str = "docx") -> Reply:
    from ..commands.draft import blocks_of, write
    from ..draft import outline as outline_mod
    ol = outline_mod.load(outline_file) if outline_file else outline_mod.outline_from_data(outline_data, "outline")
    text = write(blocks_of(ol, prior, None), fmt, out if fmt == "docx" else None, None, False)
    name = _safe_title(ol.document.title) or (_stem(outline_file) if outline_file else "draft")
    if fmt == "docx":
        with open(out, "rb") as f:
            return Reply(200, f.read(), DOCX, name + ".docx")
    return _text(text or "", fmt, name + "." + fmt)


def fix(file: str, prior=None, summary=None, config=None, select=None, ignore=None, layout: bool = False,
        fmt: str = "file") -> Reply:
    """`drafter fix`: the fixed file (format=file), the `--dry-run` diff (diff), or both with the report (json).
    The fixed file is written beside the upload under the command's own default name (plan.fixed.docx), so the
    diff's labels and the report read as the command line's."""
    from ..commands.fix import report
    from ..fix.engine import default_out, fix_file
    dry = fmt == "diff"
    out = default_out(file)
    r = fix_file(file, out=out, select=select, ignore=ignore, prior=prior, summary=summary, config=config,
                 dry_run=dry, layout=layout, find_config=False)
    head = {"x-drafter-changes": str(len(r.plan.changes)), "x-drafter-fixed": str(sum(r.fixed_by_rule.values()))}
    if fmt == "diff":
        return Reply(200, r.diff.encode("utf-8"), TYPES["text"], None, head)
    name = os.path.basename(out)
    if fmt == "json":
        body = {"changes": len(r.plan.changes), "fixed": dict(sorted(r.fixed_by_rule.items())), "diff": r.diff,
                "report": report(r, dry), "left": [f.to_dict() for f in r.after],
                "new": [f.to_dict() for f in r.new], "file": name if r.written else None}
        return Reply(200, (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), TYPES["json"],
                     None, head)
    kind = DOCX if r.fmt == "docx" else TYPES["txt"]
    with open(out if r.written else file, "rb") as f:   # nothing to fix: the file as it was
        return Reply(200, f.read(), kind, name, head)


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0] or "document"


def _safe_title(title: str) -> str:
    return "".join(c for c in (title or "") if c.isalnum() or c in "-_（）()")[:80]
