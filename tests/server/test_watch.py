"""Watching a tree that is deleted, replaced or rearranged, and the reload signal that
takes a reload asked of one worker to the others: real servers, real file events."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from catalogkit.catalog import check_catalog
from catalogkit.server import ServeConfig, create_app
from catalogkit.server.fswatch import send_reload_signal
from tests.conftest import DEMO
from tests.server.test_reload import AUTH, NAME, ROUTE, TOKEN, edit, running, wait_for

NEW = "    name: 结婚登记（新）\n"


def revision(root: Path) -> str:
    bundle = check_catalog(root).bundle
    assert bundle is not None
    return bundle.revision


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "catalogs"
    shutil.copytree(DEMO, root)
    return root


@contextlib.contextmanager
def watching(catalog: Path, polling: bool) -> Iterator[httpx.Client]:
    """A client of a real server watching `catalog`, once the watch is on."""
    config = ServeConfig(catalog, watch=True, watch_polling=polling, debounce_ms=100, cache=False)
    with running(create_app(config)) as url, httpx.Client(base_url=url, timeout=10) as client:
        wait_for(client, lambda s: s["watching"] is True, timeout=10)
        yield client


@pytest.fixture(params=[False, True], ids=["events", "polling"])
def polling(request: pytest.FixtureRequest) -> bool:
    on: bool = request.param
    return on


@pytest.fixture()
def client(tree: Path, polling: bool) -> Iterator[httpx.Client]:
    with watching(tree, polling) as client:
        yield client


def test_a_deleted_tree_keeps_serving_until_it_is_back(client: httpx.Client, tree: Path) -> None:
    old = client.get(ROUTE).headers["Catalog-Revision"]
    shutil.rmtree(tree)
    gone = wait_for(
        client, lambda s: s["lastReload"]["status"] == "failed" and s["watching"] is False
    )
    assert gone["revision"] == old
    assert [e["rule"] for e in gone["lastReload"]["errors"]] == ["tree-missing"]
    assert client.get(ROUTE).json()["matterName"] == "结婚登记"
    fresh = tree.parent / "fresh"
    shutil.copytree(DEMO, fresh)
    edit(fresh, NAME, NEW)
    expected = revision(fresh)
    shutil.copytree(fresh, tree)  # file by file: some reloads may see it half copied
    back = wait_for(client, lambda s: s["revision"] == expected and s["watching"])
    assert back["lastReload"]["status"] == "ok"
    assert client.get(ROUTE).json()["matterName"] == "结婚登记（新）"
    edit(tree, NEW, "    name: 结婚登记（再改）\n")  # and it is watched again
    wait_for(client, lambda s: s["revision"] not in (old, back["revision"]))


def test_a_replaced_folder_is_watched_again(client: httpx.Client, tree: Path) -> None:
    """`rm -rf catalogs && mv staging catalogs`: the watch moves to the new folder."""
    old = client.get(ROUTE).headers["Catalog-Revision"]
    staging = tree.parent / "staging"
    shutil.copytree(tree, staging)
    edit(staging, NAME, NEW)
    expected = revision(staging)
    shutil.rmtree(tree)
    staging.rename(tree)
    swapped = wait_for(client, lambda s: s["revision"] == expected)
    assert client.get(ROUTE).json()["matterName"] == "结婚登记（新）"
    edit(tree, NEW, "    name: 结婚登记（再改）\n")
    again = wait_for(client, lambda s: s["revision"] not in (old, swapped["revision"]))
    assert again["lastReload"]["status"] == "ok" and again["watching"] is True
    assert client.get(ROUTE).json()["matterName"] == "结婚登记（再改）"


def test_moving_a_folder_out_reloads(client: httpx.Client, tree: Path) -> None:
    """A folder moved away tells only of itself, not of the files it takes along."""
    old = client.get("/v1/bundle").json()
    shutil.move(tree / "calendars", tree.parent / "calendars")
    moved = wait_for(client, lambda s: s["revision"] != old["revision"])
    assert moved["files"] < old["files"] and moved["lastReload"]["status"] == "ok"


def test_a_link_switched_to_another_folder(tmp_path: Path, polling: bool) -> None:
    """Deploying by pointing a symbolic link at a new release: the new folder is served
    and watched (polling does not follow the link by itself)."""
    first, second, link = tmp_path / "r1", tmp_path / "r2", tmp_path / "current"
    shutil.copytree(DEMO, first)
    shutil.copytree(DEMO, second)
    edit(second, NAME, NEW)
    link.symlink_to(first)
    with watching(link, polling) as client:
        old = client.get(ROUTE).headers["Catalog-Revision"]
        (tmp_path / "next").symlink_to(second)
        expected = revision(second)
        (tmp_path / "next").replace(link)
        switched = wait_for(client, lambda s: s["revision"] == expected)["revision"]
        edit(second, NEW, "    name: 结婚登记（再改）\n")
        wait_for(client, lambda s: s["revision"] not in (old, switched))


def test_a_reload_asked_of_one_worker_reaches_the_others(tree: Path, tmp_path: Path) -> None:
    """Two apps sharing a signal, as two workers do: one is asked over HTTP, the other
    (not watching the tree) reloads too."""
    signal = tmp_path / "private" / "reload"
    signal.parent.mkdir(mode=0o700)
    config = ServeConfig(tree, watch=False, cache=False, admin_token=TOKEN, reload_signal=signal)
    asked, other = TestClient(create_app(config)), create_app(config)
    with running(other) as url, httpx.Client(base_url=url, timeout=10) as client:
        old = client.get(ROUTE).headers["Catalog-Revision"]
        edit(tree, NAME, NEW)
        ok = asked.post("/v1/admin/reload", headers=AUTH)
        assert ok.status_code == 200 and ok.json()["revision"] != old
        done = wait_for(client, lambda s: s["revision"] == ok.json()["revision"], timeout=10)
        assert done["lastReload"]["trigger"] == "http" and done["watching"] is False
        edit(tree, NEW, "    name: 结婚登记（再改）\n")
        send_reload_signal(signal)  # the signal, again: the next value is seen too
        wait_for(client, lambda s: s["revision"] not in (old, done["revision"]), timeout=10)
    assert sorted(p.name for p in signal.parent.iterdir()) == ["reload"]
