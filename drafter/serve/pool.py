"""CPU-bound work off the event loop, in worker processes.

Processes, not threads: parsing and checking are pure Python and hold the GIL (two threads on two cores run
no faster than one — bench/bench_serve.py measures it), and a task changes process-wide state (the message
language, the working folder its uploads sit in) that must not leak into a neighbour. Workers are spawned
(not forked from a process running an event loop), ignore Ctrl-C (the server stops them), and report progress
through one queue that a thread of the server reads.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import queue
import resource
import signal
import sys
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Optional

log = logging.getLogger("drafter.serve")

_progress_queue = None  # in a worker: where progress goes
_job_id: Optional[str] = None


def _init_worker(progress_queue, tmp_root: str, memory_mb: int) -> None:
    global _progress_queue
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM from the server's shutdown: unwind, so a running LibreOffice conversion kills its process group
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    tempfile.tempdir = tmp_root
    os.environ["TMPDIR"] = tmp_root
    if memory_mb > 0:
        try:
            limit = memory_mb * 2**20
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            if hard == resource.RLIM_INFINITY or hard > limit:
                resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        except (ValueError, OSError):  # pragma: no cover - a platform without RLIMIT_AS
            pass
    _progress_queue = progress_queue
    from .. import progress
    progress.listen(_send_progress)
    from . import tasks  # noqa: F401  - import the drafter modules once, before the first request


def _send_progress(stage: str, done, total) -> None:
    if _job_id is not None and _progress_queue is not None:
        try:
            _progress_queue.put_nowait((_job_id, stage, done, total))
        except Exception:  # pragma: no cover - a full or closed queue must not fail the work
            pass


def _call(job_id: Optional[str], fn: Callable, args: tuple, kwargs: dict):
    """Run in the worker: `fn(*args, **kwargs)` with progress labelled `job_id`."""
    global _job_id
    _job_id = job_id
    try:
        return fn(*args, **kwargs)
    finally:
        _job_id = None


def _warm() -> int:
    return os.getpid()


class WorkerPool:
    """A process pool that survives a crashed worker (it is rebuilt) and stops promptly."""

    def __init__(self, workers: int, tmp_root: str, on_progress: Callable, memory_mb: int = 0):
        self.workers = max(1, workers)
        self.tmp_root = tmp_root
        self.memory_mb = memory_mb
        self.on_progress = on_progress
        self._ctx = multiprocessing.get_context("spawn")
        self._queue = self._ctx.Queue()
        self._executor: Optional[ProcessPoolExecutor] = None
        self._lock = threading.Lock()
        self._closed = False
        self._reader = threading.Thread(target=self._read_progress, name="drafter-progress", daemon=True)
        self._reader.start()

    def _make(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self._ctx, initializer=_init_worker,
                                   initargs=(self._queue, self.tmp_root, self.memory_mb))

    def _get(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise RuntimeError("pool closed")
            if self._executor is None:
                self._executor = self._make()
            return self._executor

    def warm(self) -> None:
        """Start every worker now, so the first request does not wait for imports."""
        ex = self._get()
        for f in [ex.submit(_warm) for _ in range(self.workers)]:
            f.result()

    async def run(self, fn: Callable, *args, job_id: Optional[str] = None, **kwargs):
        ex = self._get()
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wrap_future(ex.submit(_call, job_id, fn, args, kwargs), loop=loop)
        except BrokenProcessPool:
            # a worker died (killed, out of memory): the pool is unusable, so the next request gets a new one
            with self._lock:
                if self._executor is ex:
                    self._executor = None
            ex.shutdown(wait=False, cancel_futures=True)
            raise

    def _read_progress(self) -> None:
        while True:
            try:
                item = self._queue.get(timeout=0.5)
            except queue.Empty:
                if self._closed:
                    return
                continue
            except (EOFError, OSError, ValueError):
                return
            if item is None:
                return
            try:
                self.on_progress(*item)
            except Exception:  # pragma: no cover
                log.exception("progress listener failed")

    def close(self) -> None:
        """Stop now: cancel what waits, terminate what runs (a worker mid-task gets SIGTERM)."""
        with self._lock:
            self._closed = True
            ex, self._executor = self._executor, None
        if ex is not None:
            procs = list((getattr(ex, "_processes", None) or {}).values())
            ex.shutdown(wait=False, cancel_futures=True)
            for p in procs:
                if p.is_alive():
                    p.terminate()
            for p in procs:
                p.join(timeout=3)
                if p.is_alive():
                    p.kill()
                    p.join(timeout=1)
        try:
            self._queue.put_nowait(None)
        except Exception:  # pragma: no cover
            pass
        self._reader.join(timeout=2)
        self._queue.close()
        self._queue.join_thread()
