"""The safe opener's corners that the fault corpus cannot reach from outside: a file
without permission when running as root, a file that grows or is replaced between
the look and the read, and refusals that survive pickling (to worker processes)."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from catalogkit.errors import Diagnostic
from catalogkit.load.opening import Refused, read_input
from catalogkit.load.source import decode


def refusal(raw: bytes) -> Diagnostic:
    assert isinstance(raw, Refused)
    found = decode("ignored", raw)
    assert isinstance(found, Diagnostic)
    return found


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: 1\n")
    assert read_input(path, root=tmp_path) == b"a: 1\n"


def test_no_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: 1\n")

    def denied(*_args: object) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", denied)  # as root, chmod 000 would not stop a read
    found = refusal(read_input(path, "county/a.yaml"))
    assert (found.rule, found.file, found.line) == ("file-unreadable", "county/a.yaml", 1)
    assert found.en == "cannot read the file: permission denied"
    assert found.zh == "无法读取该文件：没有读取权限"


def test_a_file_over_the_limit_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 100)
    found = refusal(read_input(path, limit=10))
    assert found.rule == "file-too-large" and "100 bytes" in found.en


def test_a_file_growing_after_the_look_is_read_no_further(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 100)
    real_stat = os.stat

    def small(target: object) -> os.stat_result:
        st = list(real_stat(target))  # type: ignore[arg-type]
        st[6] = 5  # st_size: what it was when looked at
        return os.stat_result(st)

    monkeypatch.setattr(os, "stat", small)
    found = refusal(read_input(path, limit=10))
    assert found.rule == "file-too-large"


def test_a_file_replaced_between_look_and_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, other = tmp_path / "a.yaml", tmp_path / "b.yaml"
    path.write_bytes(b"a: 1\n")
    other.write_bytes(b"b: 2\n")
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda _p, flags: real_open(other, flags))
    found = refusal(read_input(path))
    assert found.en == "cannot read the file: it was replaced while being read"


def test_a_refusal_survives_pickling(tmp_path: Path) -> None:
    raw = read_input(tmp_path / "missing.yaml", "missing.yaml")
    again = pickle.loads(pickle.dumps(raw))
    assert isinstance(again, Refused) and again == raw
    assert again.diagnostic == refusal(raw)
    assert b"\0" in raw  # never the bytes of a readable catalog file
