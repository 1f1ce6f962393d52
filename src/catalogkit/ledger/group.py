"""Group commit: appends that arrive while another is being committed wait and are then
written together, in one transaction with one commit, and each caller is answered only
after that commit. N writers pay for one commit (one fsync on PostgreSQL) instead of N,
and no answer comes before its event is durable.

A job that fails before writing anything (a refused transition, a stale version) fails
alone; a job that fails after writing (a database error) rolls the whole batch back,
and then every job of the batch is run again in a transaction of its own. A batch may
be written another way than a job alone (`alone`: PostgreSQL sends a batch's statements
without waiting for each answer, and finds a stale version only at the end); then even a
batch of one is run again alone when it fails."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Generic, TypeVar

T = TypeVar("T")
MOST = 64  # appends in one transaction at most: a bound on any one caller's wait


class Job(Generic[T]):
    def __init__(self, work: Callable[[Any], T]) -> None:
        self.work = work
        self.done = False
        self.queued = True  # not yet taken into a batch
        self.wake = threading.Event()  # set when done, or when it may lead a batch
        self.result: Any = None
        self.error: BaseException | None = None

    def answer(self) -> T:
        if self.error is not None:
            raise self.error
        result: T = self.result
        return result


class Batches:
    """Writers queue here; the first one free runs everything queued as one batch.
    Each waiting writer is woken alone (its job done, or its turn to lead), not every
    writer at every commit: with sixteen writers that was much of the CPU."""

    def __init__(
        self,
        transaction: Callable[[], AbstractContextManager[Any]],
        lanes: int = 1,
        alone: Callable[[], AbstractContextManager[Any]] | None = None,
    ) -> None:
        self.most = MOST  # 1: every append commits alone (the benchmark's comparison)
        self.lanes = lanes  # batches written at once (each in its own transaction)
        self._transaction = transaction  # a context giving a writer with `.writes`
        self._alone = alone or transaction  # the same for a job run again alone
        self._lock = threading.Lock()
        self._queue: list[Job[Any]] = []
        self._leading = 0

    def submit(self, work: Callable[[Any], T]) -> T:
        job: Job[T] = Job(work)
        with self._lock:
            self._queue.append(job)
        while True:  # lead batches until one of them held this job
            with self._lock:
                job.wake.clear()
                if job.done:
                    return job.answer()
                lead = job.queued and self._leading < self.lanes
                if lead:
                    self._leading += 1
                    batch, self._queue = self._queue[: self.most], self._queue[self.most :]
                    for taken in batch:
                        taken.queued = False
                    if self._queue and self._leading < self.lanes:
                        self._queue[0].wake.set()  # more than one batch waits: a lane is free
            if not lead:
                job.wake.wait()
                continue
            try:
                self._run(batch)
            finally:
                with self._lock:
                    self._leading -= 1
                    for taken in batch:
                        taken.wake.set()
                    if self._queue:  # the oldest waiting writer leads next
                        self._queue[0].wake.set()

    def _run(self, batch: list[Job[Any]]) -> None:
        try:
            with self._transaction() as writer:
                for job in batch:
                    _attempt(job, writer)
        except BaseException as exc:
            if len(batch) == 1 and self._alone is self._transaction:
                batch[0].error = exc
            else:  # rolled back: each job again, in a transaction of its own
                for job in batch:
                    _alone(job, self._alone)
        for job in batch:
            job.done = True


def _attempt(job: Job[Any], writer: Any) -> None:
    before = writer.writes
    job.result, job.error = None, None
    try:
        job.result = job.work(writer)
    except Exception as exc:
        if writer.writes != before:  # half written: the batch must roll back
            raise
        job.error = exc


def _alone(job: Job[Any], transaction: Callable[[], AbstractContextManager[Any]]) -> None:
    job.result, job.error = None, None
    try:
        with transaction() as writer:
            job.result = job.work(writer)
    except BaseException as exc:
        job.error = exc
