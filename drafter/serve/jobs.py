"""Long work as a job the page can watch: `POST /api/<endpoint>?async=1` answers 202 at once with a job id;
`GET /api/jobs/<id>` says how far it is (`?wait=S`: once it ends, or after S seconds, at most 2); `GET /api/jobs/<id>/result` is the reply the endpoint would have given.

A job's uploads are deleted when its work ends (the job is the request's continuation); its reply is kept in
memory until fetched, or for KEEP seconds.
"""
from __future__ import annotations

import asyncio
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Optional

from .tasks import Reply

KEEP = 600.0
MAX_JOBS = 200

# stage → (share of the whole reached when the stage starts, share it spans): a rough bar, never backwards
STAGES = {"queued": (0.0, 0.0), "read": (0.02, 0.08), "convert": (0.05, 0.45), "parse": (0.5, 0.1),
          "check": (0.6, 0.3), "compare": (0.6, 0.3), "render": (0.9, 0.08)}


@dataclass
class Job:
    id: str
    kind: str
    state: str = "queued"            # queued | running | done | error
    stage: str = "queued"
    progress: float = 0.0
    created: float = field(default_factory=time.monotonic)
    finished: Optional[float] = None
    reply: Optional[Reply] = None
    task: Optional[asyncio.Task] = None

    def advance(self, stage: str, done: Optional[int], total: Optional[int]) -> None:
        if self.state in ("done", "error"):
            return
        self.state = "running"
        self.stage = stage
        start, span = STAGES.get(stage, (self.progress, 0.0))
        p = start + (span * done / total if done is not None and total else 0.0)
        self.progress = max(self.progress, min(p, 0.99))

    def to_dict(self) -> dict:
        d = {"job": self.id, "kind": self.kind, "state": self.state, "stage": self.stage,
             "progress": round(self.progress, 3),
             "elapsed": round((self.finished or time.monotonic()) - self.created, 3)}
        if self.reply is not None:
            d["status"] = self.reply.status
            d["result"] = f"/api/jobs/{self.id}/result"
            if self.reply.status >= 400:
                try:
                    d["error"] = json.loads(self.reply.body)["error"]
                except (ValueError, KeyError, TypeError):  # pragma: no cover - every error reply is JSON
                    pass
        return d


class Jobs:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}

    def start(self, kind: str, work: Callable[[Job], Awaitable[Reply]]) -> Job:
        self._expire()
        job = Job(id=secrets.token_urlsafe(12), kind=kind)
        self._jobs[job.id] = job

        async def runner() -> None:
            try:
                job.reply = await work(job)
            finally:
                job.finished = time.monotonic()
                job.progress = 1.0
                job.state = "done" if job.reply is not None and job.reply.status < 400 else "error"
                job.stage = "done"

        job.task = asyncio.get_running_loop().create_task(runner())
        return job

    def get(self, job_id: str) -> Optional[Job]:
        self._expire()
        return self._jobs.get(job_id)

    def pop(self, job_id: str) -> None:
        self._jobs.pop(job_id, None)

    def progress(self, job_id: str, stage: str, done, total) -> None:
        job = self._jobs.get(job_id)
        if job is not None:
            job.advance(stage, done, total)

    def _expire(self) -> None:
        now = time.monotonic()
        for k, j in list(self._jobs.items()):
            if j.finished is not None and now - j.finished > KEEP:
                del self._jobs[k]
        while len(self._jobs) > MAX_JOBS:
            done = [k for k, j in self._jobs.items() if j.finished is not None]
            if not done:
                break
            del self._jobs[done[0]]

    async def cancel_all(self) -> None:
        tasks = [j.task for j in self._jobs.values() if j.task is not None and not j.task.done()]
        for t in tasks:
            t.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
