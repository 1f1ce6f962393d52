"""Reloads that cannot hang and do not take a file while it is still being written:
each has a deadline, after which the last good revision keeps serving and
`/v1/bundle` says why; a reload waits until the files have been quiet for a while."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from catalogkit.server import ServeConfig, create_app
from catalogkit.server import live as live_module
from catalogkit.server.live import LiveBundle

BASE = Path(__file__).resolve().parent.parent / "data" / "invalid" / "_base"
TOKEN = "reload-limits-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(BASE, root)
    return root


def test_a_reload_that_cannot_finish_is_given_up(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = ServeConfig(
        tree, watch=False, cache=False, admin_token=TOKEN, reload_timeout=0.5, settle_ms=0
    )
    app = create_app(config)
    live: LiveBundle = app.state.live
    served = live.current.revision
    release = threading.Event()
    real_open = live_module.Catalog.open

    def stuck(*args: Any, **kwargs: Any) -> Any:
        release.wait(30)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(live_module.Catalog, "open", staticmethod(stuck))
    client = TestClient(app)
    started = time.monotonic()
    answer = client.post("/v1/admin/reload", headers=AUTH)
    assert time.monotonic() - started < 5
    assert answer.status_code == 409 and answer.json()["code"] == "reload-failed"
    last = client.get("/v1/bundle").json()
    assert last["revision"] == served
    assert last["lastReload"]["status"] == "failed"
    (error,) = last["lastReload"]["errors"]
    assert error["rule"] == "reload-timeout" and "0.5 s" in error["message"]
    # while the stuck build still runs, another reload says so at once
    again = live.reload("http")
    assert again.errors[0].rule == "reload-timeout"
    assert "has not finished" in again.errors[0].en
    release.set()
    monkeypatch.undo()
    deadline = time.monotonic() + 10
    while live._stuck is not None and live._stuck.is_alive():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert live.reload("http").status == "ok"
    assert client.get("/v1/matters/MH-MZ-0001").status_code == 200


MATTERS = "county/matters.yaml"


def test_a_file_written_in_two_parts_is_loaded_whole(tree: Path) -> None:
    """The first part is valid on its own (its first matter); the reload asked for in
    between waits for the file to be quiet and loads both matters."""
    live = LiveBundle.open(tree, ServeConfig(tree).plugin_choice(), cache=False, quiet=1.5)
    path = tree / MATTERS
    text = path.read_text(encoding="utf-8")
    cut = text.index("  - code: MH-RS-0001")
    first, rest = text[:cut], text[cut:]
    path.write_text(first, encoding="utf-8")
    result: list[Any] = []
    reload = threading.Thread(target=lambda: result.append(live.reload("watch")))
    reload.start()
    time.sleep(0.3)  # a writer pausing for less than the quiet period
    with path.open("a", encoding="utf-8") as out:
        out.write(rest)
    reload.join(10)
    assert result[0].status == "ok"
    assert {"MH-MZ-0001", "MH-RS-0001"} <= set(live.current.bundle.matters)


def test_files_that_never_settle_are_not_loaded(tree: Path) -> None:
    live = LiveBundle.open(
        tree, ServeConfig(tree).plugin_choice(), cache=False, quiet=1.0, deadline=2.5
    )
    served = live.current.revision
    path = tree / MATTERS
    stop = threading.Event()

    def keep_writing() -> None:
        while not stop.is_set():
            with path.open("a", encoding="utf-8") as out:
                out.write("# …\n")
            time.sleep(0.05)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        status = live.reload("watch")
    finally:
        stop.set()
        writer.join()
    assert status.status == "failed" and status.errors[0].rule == "files-changing"
    assert live.current.revision == served


def test_a_named_pipe_in_the_tree_is_reported_not_waited_for(tree: Path) -> None:
    config = ServeConfig(tree, watch=False, cache=False, admin_token=TOKEN, settle_ms=0)
    client = TestClient(create_app(config))
    served = client.get("/v1/bundle").json()["revision"]
    os.mkfifo(tree / "county" / "pipe.yaml")
    answer = client.post("/v1/admin/reload", headers=AUTH)
    assert answer.status_code == 409
    bundle = client.get("/v1/bundle").json()
    assert bundle["revision"] == served
    (error,) = bundle["lastReload"]["errors"]
    assert (error["file"], error["rule"]) == ("county/pipe.yaml", "file-unreadable")
    assert error["message"] == "cannot read the file: it is a named pipe (FIFO)"
    (tree / "county" / "pipe.yaml").unlink()  # and once it is gone, reloading works again
    assert client.post("/v1/admin/reload", headers=AUTH).status_code == 200
