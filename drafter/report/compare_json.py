"""`drafter compare --format json`: the contract of DESIGN.md / issue 5.

{"changes": [{"status", "similarity", "old": {"label","title","line","path"} | null, "new": {...} | null,
              "targets": [...], "agencies": {...}}],
 "summary": {counts per status}}

Extra keys (`text_changed`, `renumbered`, `diff`, `sources`, `tracking`) are additions a script may ignore.
"""
from __future__ import annotations

from ..compare.model import Comparison
from ..jsonout import dumps



def to_dict(cmp: Comparison) -> dict:
    changes = []
    for ch in cmp.changes:
        d = ch.to_dict()
        if ch.text_changed or ch.status in ("new", "dropped"):
            d["diff"] = [[op, t] for op, t in ch.diff]
        changes.append(d)
    tracking = []
    for row in cmp.tracking:
        d = row["change"].to_dict()
        d["old_where"] = row["old_where"]
        d["new_where"] = row["new_where"]
        tracking.append(d)
    return {
        "sources": {"old": cmp.old_source, "new": cmp.new_source, "summary": cmp.summary_source},
        "years": {"old": cmp.old_doc.year, "new": cmp.new_doc.year,
                  "summary": cmp.summary_doc.year if cmp.summary_doc is not None else None},
        "threshold": cmp.threshold,
        "changes": changes,
        "tracking": tracking,
        "summary": cmp.counts(),
    }


def render_json(cmp: Comparison) -> str:
    # the text of json.dumps(…, ensure_ascii=False, indent=2), without its pure-Python encoder (jsonout.py)
    return dumps(to_dict(cmp)) + "\n"
