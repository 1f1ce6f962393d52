"""Reloading: a broken edit never reaches clients, the last good revision keeps
serving and the errors are reported; a good edit swaps in whole."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from catalogkit.server import LiveBundle, ServeConfig, create_app
from catalogkit.server.app import load_plugins
from catalogkit.server.watch import is_catalog_file
from tests.conftest import DEMO

MATTERS = Path("county/matters/minzheng.yaml")
NAME = "    name: 结婚登记\n"
ROUTE = "/v1/matters/MH-MZ-0006/route?locality=339901101202"
TOKEN = "s3cret-token"


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
    live = LiveBundle.open(tree, load_plugins(ServeConfig(tree)), cache=False)
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
    assert status.status == "ok" and live.current.revision == good.revision
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


def test_only_catalog_files_trigger_a_reload(tmp_path: Path) -> None:
    root = tmp_path
    assert is_catalog_file(root, str(root / "towns" / "a.yaml"))
    assert is_catalog_file(root, str(root / "b.yml"))
    for ignored in (
        "a.yaml~",
        ".a.yaml",
        ".git/x.yaml",
        "plugins/p/x.yaml",
        "tests/t.yaml",
        "notes.md",
        "../outside.yaml",
    ):
        assert not is_catalog_file(root, str(root / ignored)), ignored


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture()
def server(tree: Path) -> Iterator[str]:
    """A real server on loopback, watching `tree` for changes."""
    app = create_app(ServeConfig(tree, watch=True, debounce_ms=100, cache=False))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert running.started
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


def _wait_for(client: httpx.Client, ready: object, timeout: float = 30) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status: dict[str, object] = client.get("/v1/bundle").json()
        if ready(status):  # type: ignore[operator]
            return status
        time.sleep(0.05)
    raise AssertionError(f"the watcher did not react in {timeout} s: {status}")


def test_edits_while_requests_flow(server: str, tree: Path) -> None:
    """Every answer is whole and of one revision: the old one until a good edit."""
    seen: list[tuple[int, str, str, str]] = []
    stop = threading.Event()

    def traffic() -> None:
        with httpx.Client(base_url=server, timeout=10) as c:
            while not stop.is_set():
                r = c.get(ROUTE)
                body = r.json()
                seen.append(
                    (
                        r.status_code,
                        r.headers["Catalog-Revision"],
                        body["revision"],
                        body["matterName"],
                    )
                )

    with httpx.Client(base_url=server, timeout=10) as client:
        assert client.get("/v1/bundle").json()["watching"] is True
        old = client.get(ROUTE).headers["Catalog-Revision"]
        worker = threading.Thread(target=traffic)
        worker.start()
        try:
            time.sleep(0.2)
            edit(tree, NAME, "    name: 结婚登记\n    nmae: 拼错的键\n")
            failed = _wait_for(client, lambda s: s["lastReload"]["status"] == "failed")
            assert failed["revision"] == old
            errors = failed["lastReload"]["errors"]  # type: ignore[index]
            assert errors[0]["rule"] and errors[0]["file"] == MATTERS.as_posix()
            time.sleep(0.2)
            broken_until = len(seen)
            edit(tree, "    name: 结婚登记\n    nmae: 拼错的键\n", "    name: 结婚登记（新）\n")
            fixed = _wait_for(client, lambda s: s["revision"] != old)
            assert fixed["lastReload"]["status"] == "ok"  # type: ignore[index]
            time.sleep(0.2)
        finally:
            stop.set()
            worker.join(10)
    new = fixed["revision"]
    assert len(seen) > 20 and all(status == 200 for status, *_ in seen)
    names = {old: "结婚登记", new: "结婚登记（新）"}
    for _, header, revision, name in seen:
        assert header == revision and names[revision] == name
    assert all(rev == old for _, rev, _, _ in seen[:broken_until])
    assert seen[-1][1] == new
