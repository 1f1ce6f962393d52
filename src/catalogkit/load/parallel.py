"""Reading the files of a large tree in several processes.

Parsing and model validation are most of a cold load and each file is read on its
own, so a large tree is split into runs of consecutive files, read by forked worker
processes with the very same `read_document`, and put back in file order: the
documents and diagnostics are those the serial path gives, in the same order.

Only where it pays and is safe: a tree of at least `PARALLEL_BYTES` (below that,
starting workers and sending the documents back cost more than they save), a
machine with more than one usable core, a platform that can fork, and a process
with one thread (forking a threaded process, such as a server reloading in the
background, can copy a lock that another thread holds). `CATALOGKIT_LOAD_WORKERS`
sets the number of workers (1: always serial)."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence

from .compact import Compactor
from .one_document import LoadedFile, read_document

Input = tuple[str, bytes, str]
Progress = Callable[[int, int, int], None]

PARALLEL_BYTES = 24 * 1024 * 1024
"""Measured on a generated province (benchmarks/bench_province.py)."""
MAX_WORKERS = 4
_inputs: Sequence[Input] = ()


def workers_for(inputs: Sequence[Input], threshold: int = PARALLEL_BYTES) -> int:
    """How many processes should read these files (1: read them here)."""
    configured = os.environ.get("CATALOGKIT_LOAD_WORKERS", "").strip()
    if configured.isdigit():
        wanted = max(1, int(configured))
    else:
        if sum(len(raw) for _, raw, _ in inputs) < threshold:
            return 1
        wanted = min(MAX_WORKERS, len(os.sched_getaffinity(0)))
    if (
        wanted < 2
        or len(inputs) < 2
        or "fork" not in multiprocessing.get_all_start_methods()
        or threading.active_count() > 1
    ):
        return 1
    return min(wanted, len(inputs))


def read_documents(
    inputs: list[Input], progress: Progress | None = None, *, workers: int = 1
) -> list[LoadedFile]:
    """Every file read, validated and compacted, in the order given; the bytes of
    each are released from `inputs` once it is read."""
    if workers > 1:
        return _in_processes(inputs, progress, workers)
    loaded: list[LoadedFile] = []
    errors = 0
    compactor = Compactor()
    for i, (name, raw, digest) in enumerate(inputs):
        inputs[i] = (name, b"", digest)
        one = _read(name, raw, digest, compactor)
        loaded.append(one)
        errors += len(one.diagnostics)
        if progress is not None:
            progress(i + 1, len(inputs), errors)
    return loaded


def _runs(inputs: Sequence[Input], count: int) -> list[range]:
    """Consecutive runs of files of about equal size (the big files alone)."""
    total = sum(len(raw) for _, raw, _ in inputs) or 1
    share = total / count
    runs: list[range] = []
    start, size = 0, 0
    for i, (_, raw, _) in enumerate(inputs):
        size += len(raw)
        if size >= share or i == len(inputs) - 1:
            runs.append(range(start, i + 1))
            start, size = i + 1, 0
    return runs


def _read(name: str, raw: bytes, digest: str, compactor: Compactor) -> LoadedFile:
    one = read_document(name, raw, digest, keep_data=False)
    if one.document is not None:
        compactor.model(one.document)
    return one


def _read_run(run: range) -> list[LoadedFile]:
    """In a worker: compacted per run, so that what is shared is also sent once."""
    compactor = Compactor()
    return [_read(*_inputs[i], compactor) for i in run]


def _in_processes(inputs: list[Input], progress: Progress | None, workers: int) -> list[LoadedFile]:
    global _inputs
    runs = _runs(inputs, workers * 4)
    loaded: list[LoadedFile] = []
    errors = 0
    _inputs = inputs  # the forked workers see the bytes without their being sent
    try:
        # imported here: a load answered by the cache or read serially never needs it
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            for run, done in zip(runs, pool.map(_read_run, runs), strict=True):
                for i in run:
                    name, _, digest = inputs[i]
                    inputs[i] = (name, b"", digest)
                loaded += done
                errors += sum(len(one.diagnostics) for one in done)
                if progress is not None:
                    progress(len(loaded), len(inputs), errors)
    finally:
        _inputs = ()
    return loaded
