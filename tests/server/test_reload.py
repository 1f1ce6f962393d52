"""Reloading: a broken edit never reaches clients, the last good revision keeps
serving and the errors are reported; a good edit swaps in whole."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from catalogkit.errors import CatalogError
from catalogkit.server import LiveBundle, ServeConfig, create_app
from catalogkit.server.fswatch import is_catalog_path
from tests.conftest import DEMO

MATTERS = Path("county/matters/minzheng.yaml")
NAME = "    name: 结婚登记\n"
ROUTE = "/v1/matters/MH-MZ-0006/route?locality=339901101202"
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "catalogs"
    shutil.copytree(DEMO, root)
    return root


def edit(root: Path, old: str, new: str) -> None:
    path = root / MATTERS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_failed_reload_keeps_the_last_good_snapshot(
    tree: Path, caplog: pytest.LogCaptureFixture
) -> None:
    live = LiveBundle.open(tree, ServeConfig(tree).plugin_choice(), cache=False)
    good = live.current
    line = (tree / MATTERS).read_text(encoding="utf-8").split("\n").index(NAME.rstrip()) + 1
    edit(tree, NAME, "    name: 123\n")
    with caplog.at_level("INFO", logger="catalogkit.server"):
        status = live.reload("test")
    assert f"still serving revision {good.revision}" in caplog.text
    assert f"{MATTERS.as_posix()}:{line}:11: error [" in caplog.text
    assert status.status == "failed" and status.revision is None
    assert live.current is good
    first = status.errors[0]
    assert (first.file, first.line) == (MATTERS.as_posix(), line)
    assert status.message == f"kept revision {good.revision}"
    edit(tree, "    name: 123\n", "    name: 结婚登记\n")
    with caplog.at_level("INFO", logger="catalogkit.server"):
        status = live.reload("test")
    assert status.status == "ok" and live.current is good  # the same revision: kept
    assert f"the catalog is valid again; serving revision {good.revision}" in caplog.text
    edit(tree, NAME, "    name: 结婚登记（新）\n")
    status = live.reload("test")
    assert status.status == "ok" and status.revision == live.current.revision != good.revision
    assert live.current.bundle.matter("MH-MZ-0006").name == "结婚登记（新）"
    assert good.bundle.matter("MH-MZ-0006").name == "结婚登记"  # old snapshots never change


def test_admin_reload_over_http(tree: Path) -> None:
    client = TestClient(create_app(ServeConfig(tree, watch=False, cache=False, admin_token=TOKEN)))
    before = client.get(ROUTE).headers["Catalog-Revision"]
    assert client.post("/v1/admin/reload").json()["code"] == "unauthorized"
    wrong = client.post("/v1/admin/reload", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["WWW-Authenticate"] == "Bearer"
    for scheme in (TOKEN, f"Basic {TOKEN}", f"Bearer{TOKEN}"):
        refused = client.post("/v1/admin/reload", headers={"Authorization": scheme})
        assert refused.status_code == 401, scheme
    lower = client.post("/v1/admin/reload", headers={"Authorization": f"bearer {TOKEN}"})
    assert lower.status_code == 200  # the scheme is case-insensitive (RFC 9110)
    auth = {"Authorization": f"Bearer {TOKEN}"}

    edit(tree, NAME, "    name: [结婚登记\n")
    failed = client.post("/v1/admin/reload", headers=auth)
    assert failed.status_code == 409, failed.text
    problem = failed.json()
    assert problem["code"] == "reload-failed" and problem["revision"] == before
    assert problem["errors"][0]["location"].startswith(f"{MATTERS.as_posix()}:")
    status = client.get("/v1/bundle").json()
    assert status["revision"] == before
    assert status["lastReload"]["status"] == "failed"
    assert status["lastReload"]["errors"][0]["file"] == MATTERS.as_posix()
    assert client.get(ROUTE).json()["matterName"] == "结婚登记"

    edit(tree, "    name: [结婚登记\n", "    name: 结婚登记（新）\n")
    ok = client.post("/v1/admin/reload", headers=auth)
    assert ok.status_code == 200 and ok.json()["status"] == "ok"
    after = client.get(ROUTE)
    assert after.headers["Catalog-Revision"] == ok.json()["revision"] != before
    assert after.json()["matterName"] == "结婚登记（新）"
    assert client.get("/v1/bundle").json()["lastReload"]["trigger"] == "http"


def test_a_missing_tree_is_never_read_from_its_parent(tree: Path) -> None:
    """The root is found once: a reload while the folder is gone or being replaced fails
    (and says why) instead of serving a catalog made of the parent folder."""
    staging = tree.parent / "staging"
    shutil.copytree(tree, staging)
    edit(staging, NAME, "    name: 结婚登记（新）\n")
    app = create_app(ServeConfig(tree, watch=False, cache=False, admin_token=TOKEN))
    live: LiveBundle = app.state.live
    good = live.current
    client = TestClient(app)

    settings = (tree / "catalogkit.yaml").read_bytes()
    (tree / "catalogkit.yaml").unlink()
    assert_missing(live.reload("test"))
    assert live.current is good
    (tree / "catalogkit.yaml").write_bytes(settings)
    assert live.reload("test").status == "ok" and live.current is good

    shutil.rmtree(tree)
    failed = client.post("/v1/admin/reload", headers=AUTH)
    assert failed.status_code == 409, failed.text
    assert [e["location"] for e in failed.json()["errors"]] == ["catalogkit.yaml"]
    status = client.get("/v1/bundle").json()
    assert status["revision"] == good.revision and status["matters"] == len(good.bundle.matters)
    assert status["lastReload"]["errors"][0]["rule"] == "tree-missing"
    assert client.get(ROUTE).json()["matterName"] == "结婚登记"

    staging.rename(tree)
    ok = client.post("/v1/admin/reload", headers=AUTH)
    assert ok.status_code == 200 and ok.json()["revision"] != good.revision
    assert client.get(ROUTE).json()["matterName"] == "结婚登记（新）"


def assert_missing(status: Any) -> None:
    assert status.status == "failed", status
    (missing,) = status.errors
    assert (missing.rule, missing.file, missing.line) == ("tree-missing", "catalogkit.yaml", None)
    assert "catalogkit.yaml" in missing.en and "目录" in missing.zh


def test_an_unchanged_tree_keeps_its_answers(tree: Path) -> None:
    """A touched file or a save without a change is the same revision: the snapshot and
    the answers it keeps stay; only the status says a reload happened."""
    app = create_app(ServeConfig(tree, watch=False, cache=False, admin_token=TOKEN))
    client, live = TestClient(app), app.state.live
    first = client.get(ROUTE)
    snapshot = live.current
    path = tree / MATTERS
    path.write_bytes(path.read_bytes())
    os.utime(path, (time.time() + 5, time.time() + 5))
    ok = client.post("/v1/admin/reload", headers=AUTH)
    assert ok.status_code == 200 and ok.json()["revision"] == snapshot.revision
    assert live.current is snapshot and live.last_reload.trigger == "http"
    again = client.get(ROUTE, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/v1/bundle").json()["lastReload"]["status"] == "ok"


def test_an_unreadable_file_is_told_relative_to_the_tree(
    tree: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`GET /v1/bundle` is public: it names the file in the tree, never the server's
    folders; the log has the whole error."""
    client = TestClient(create_app(ServeConfig(tree, watch=False, cache=False, admin_token=TOKEN)))
    broken = tree / "county" / "broken.yaml"
    broken.symlink_to(tree / "county" / "nowhere.yaml")
    with caplog.at_level("INFO", logger="catalogkit.server"):
        failed = client.post("/v1/admin/reload", headers=AUTH)
    assert failed.status_code == 409
    assert str(tree) in caplog.text and "county/broken.yaml" in caplog.text
    assert [e["location"] for e in failed.json()["errors"]] == ["county/broken.yaml:1:1"]
    body = client.get("/v1/bundle")
    assert str(tree.parent) not in body.text and str(tree.parent) not in failed.text
    (error,) = body.json()["lastReload"]["errors"]
    assert (error["file"], error["rule"], error["line"]) == (
        "county/broken.yaml",
        "file-unreadable",
        1,
    )
    assert error["message"] == (
        "cannot read the file: it is a broken symbolic link: its target does not exist"
    )
    assert error["messageZh"] == "无法读取该文件：符号链接失效：目标文件不存在"
    with pytest.raises(CatalogError) as refused:  # nor does a server start on it
        LiveBundle.open(tree, ServeConfig(tree).plugin_choice(), cache=False)
    assert [d.file for d in refused.value.diagnostics] == ["county/broken.yaml"]


def test_which_paths_trigger_a_reload(tmp_path: Path) -> None:
    """Catalog files, and folders: one deleted or moved away took its files with it."""
    root = tmp_path
    (root / "towns").mkdir()
    (root / "notes").write_text("", encoding="utf-8")
    assert is_catalog_path(root, str(root / "towns" / "a.yaml"))
    assert is_catalog_path(root, str(root / "b.yml"))
    assert is_catalog_path(root, str(root / "towns"))
    assert is_catalog_path(root, str(root / "calendars"))  # gone: a folder moved away
    for ignored in (
        "a.yaml~",
        ".a.yaml",
        ".git/x.yaml",
        ".git",
        "plugins/p/x.yaml",
        "plugins",
        "tests/t.yaml",
        "notes.md",
        "notes",
        "../outside.yaml",
        "",
    ):
        assert not is_catalog_path(root, str(root / ignored)), ignored


@contextlib.contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """`app` under uvicorn in a thread, on a loopback port the system picks."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    port: int = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


Status = dict[str, Any]


def wait_for(client: httpx.Client, ready: Callable[[Status], bool], timeout: float = 30) -> Status:
    """The first `GET /v1/bundle` answer that is `ready`."""
    deadline = time.monotonic() + timeout
    while True:
        status: Status = client.get("/v1/bundle").json()
        if ready(status):
            return status
        if time.monotonic() > deadline:
            raise AssertionError(f"not ready after {timeout} s: {status}")
        time.sleep(0.05)


@pytest.fixture()
def server(tree: Path) -> Iterator[str]:
    """A real server on loopback, watching `tree` (once the watch is on)."""
    with running(create_app(ServeConfig(tree, watch=True, debounce_ms=100, cache=False))) as url:
        with httpx.Client(base_url=url, timeout=10) as client:
            wait_for(client, lambda s: s["watching"] is True, timeout=10)
        yield url


def test_edits_while_requests_flow(server: str, tree: Path) -> None:
    """Every answer is whole and of one revision: the old one until a good edit."""
    seen: list[tuple[int, str | None, str | None, str | None]] = []
    broken: list[str] = []
    stop = threading.Event()

    def traffic() -> None:
        with httpx.Client(base_url=server, timeout=10) as c:
            while not stop.is_set():
                try:
                    r = c.get(ROUTE)
                    body = r.json()
                    seen.append(
                        (
                            r.status_code,
                            r.headers.get("Catalog-Revision"),
                            body.get("revision"),
                            body.get("matterName"),
                        )
                    )
                except Exception as exc:  # told below, not lost with the thread
                    broken.append(repr(exc))

    with httpx.Client(base_url=server, timeout=10) as client:
        old = client.get(ROUTE).headers["Catalog-Revision"]
        worker = threading.Thread(target=traffic)
        worker.start()
        try:
            wait_until(lambda: len(seen) > 5)
            edit(tree, NAME, "    name: 结婚登记\n    nmae: 拼错的键\n")
            failed = wait_for(client, lambda s: s["lastReload"]["status"] == "failed")
            assert failed["revision"] == old
            errors = failed["lastReload"]["errors"]
            assert errors[0]["rule"] and errors[0]["file"] == MATTERS.as_posix()
            broken_until = len(seen)
            wait_until(lambda: len(seen) > broken_until + 5)
            broken_until = len(seen)
            edit(tree, "    name: 结婚登记\n    nmae: 拼错的键\n", "    name: 结婚登记（新）\n")
            fixed = wait_for(client, lambda s: s["revision"] != old)
            assert fixed["lastReload"]["status"] == "ok"
            wait_until(lambda: bool(seen) and seen[-1][1] == fixed["revision"])
        finally:
            stop.set()
            worker.join(10)
    assert not worker.is_alive() and not broken, broken
    new = fixed["revision"]
    assert len(seen) > 20 and [s for s in seen if s[0] != 200] == []
    names = {old: "结婚登记", new: "结婚登记（新）"}
    for _, header, revision, name in seen:
        assert header == revision and revision is not None and names[revision] == name
    assert all(rev == old for _, rev, _, _ in seen[:broken_until])
    assert seen[-1][1] == new


def wait_until(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not so after {timeout} s"
        time.sleep(0.02)
