"""The date on fix's tracked changes: now (UTC), or SOURCE_DATE_EPOCH when it is set — the reproducible-builds
convention, so the command line and drafter serve give the same bytes for the same file (tests, an OA system
that compares outputs)."""
from __future__ import annotations

import datetime as _dt
import os


def revision_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = None
    if epoch.isdigit():
        try:
            when = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            when = None
    when = when or _dt.datetime.now(_dt.timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def zip_time(date: str) -> tuple:
    """A zip entry's date_time for a part fix adds, from the revision date (no later than 2107, no earlier
    than 1980 — what a zip can hold)."""
    d = _dt.datetime.strptime(date, "%Y-%m-%dT%H:%M:%SZ")
    return (min(max(d.year, 1980), 2107), d.month, d.day, d.hour, d.minute, d.second)
