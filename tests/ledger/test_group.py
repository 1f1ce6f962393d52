"""Group commit (ledger/group.py): writers arriving during a commit share the next one;
a job refused before writing fails alone; a job failing after writing sends every job
of its batch back to a transaction of its own."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from catalogkit.ledger.group import Batches


class Writer:
    def __init__(self) -> None:
        self.writes = 0
        self.done: list[str] = []


class Database:
    def __init__(self) -> None:
        self.commits: list[list[str]] = []

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Writer]:
        writer = Writer()
        yield writer  # an exception here is a rollback: nothing is kept
        self.commits.append(writer.done)


def writes(name: str, gate: threading.Event | None = None) -> Callable[[Writer], str]:
    def work(writer: Writer) -> str:
        if gate is not None:
            assert gate.wait(10)
        writer.writes += 1
        writer.done.append(name)
        return name

    return work


def refused(writer: Writer) -> str:
    raise LookupError("refused before writing")


def broken(writer: Writer) -> str:
    writer.writes += 1
    writer.done.append("broken")
    raise OSError("failed after writing")


def batch_behind_first(
    jobs: dict[str, Callable[[Writer], str]], most: int = 64
) -> tuple[Database, dict[str, Any]]:
    """Run `first` (held at a gate) and then `jobs` submitted while it is being written."""
    db = Database()
    batches = Batches(db.transaction)
    batches.most = most
    gate = threading.Event()
    answers: dict[str, Any] = {}

    def submit(name: str, work: Callable[[Writer], str]) -> None:
        try:
            answers[name] = batches.submit(work)
        except Exception as exc:
            answers[name] = exc

    threads = [threading.Thread(target=submit, args=("first", writes("first", gate)))]
    threads[0].start()
    while not batches._leading:
        time.sleep(0.001)
    for name, work in jobs.items():
        threads.append(threading.Thread(target=submit, args=(name, work)))
        threads[-1].start()
        while len(batches._queue) < len(threads) - 1:
            time.sleep(0.001)
    gate.set()
    for t in threads:
        t.join(10)
    return db, answers


def test_writers_arriving_during_a_commit_share_the_next_one() -> None:
    db, answers = batch_behind_first({n: writes(n) for n in ("a", "b", "c")})
    assert db.commits == [["first"], ["a", "b", "c"]]
    assert answers == {"first": "first", "a": "a", "b": "b", "c": "c"}


def test_a_job_refused_before_writing_fails_alone() -> None:
    db, answers = batch_behind_first({"a": writes("a"), "no": refused, "b": writes("b")})
    assert db.commits == [["first"], ["a", "b"]]
    assert isinstance(answers["no"], LookupError)
    assert answers["a"] == "a" and answers["b"] == "b"


def test_a_job_failing_after_writing_sends_its_batch_to_one_transaction_each() -> None:
    db, answers = batch_behind_first({"a": writes("a"), "bad": broken, "b": writes("b")})
    assert db.commits == [["first"], ["a"], ["b"]]  # the batch [a, broken] rolled back
    assert isinstance(answers["bad"], OSError)
    assert answers["a"] == "a" and answers["b"] == "b"


def test_one_writer_alone_commits_each_append() -> None:
    db = Database()
    batches = Batches(db.transaction)
    assert [batches.submit(writes(n)) for n in "xy"] == ["x", "y"]
    assert db.commits == [["x"], ["y"]]
    with pytest.raises(OSError):
        batches.submit(broken)
    assert db.commits == [["x"], ["y"]]


@pytest.mark.parametrize("lanes", [1, 3])
def test_every_writer_gets_its_own_answer_when_batches_are_small(lanes: int) -> None:
    db = Database()
    batches = Batches(db.transaction, lanes=lanes)
    batches.most = 2  # more writers wait than one batch takes
    answers: dict[str, str] = {}

    def writer(i: int) -> None:
        for j in range(30):
            answers[f"{i}.{j}"] = batches.submit(writes(f"{i}.{j}"))

    held, kept = batch_behind_first({n: writes(n) for n in "abcdef"}, most=1)
    assert kept == {"first": "first", **{n: n for n in "abcdef"}}
    assert held.commits == [["first"], *([n] for n in "abcdef")]
    threads = [threading.Thread(target=writer, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert answers == {k: k for k in answers} and len(answers) == 180
    assert sorted(n for c in db.commits for n in c) == sorted(answers)
    assert max(len(c) for c in db.commits) <= 2
