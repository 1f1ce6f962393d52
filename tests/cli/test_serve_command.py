"""`catalogkit serve` from the command line: it refuses an invalid catalog with located
errors, and serves a valid one until it is stopped."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from click.testing import CliRunner

from catalogkit.cli import cli
from catalogkit.server import ServeConfig
from catalogkit.server.config import config_from_json, config_to_json
from catalogkit.server.run import CONFIG_ENV, serve
from tests.conftest import DEMO

TOKEN = "t0ken"


def test_check_loads_the_demo() -> None:
    result = CliRunner().invoke(cli, ["serve", "--catalog", str(DEMO), "--check"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: revision ")


def test_a_bad_matter_is_quarantined_and_the_rest_served(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(DEMO, root)
    path = root / "county" / "matters" / "minzheng.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    name: 结婚登记\n", "    name: 42\n"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["serve", "--catalog", str(root), "--check", "--lang", "zh"])
    assert result.exit_code == 1  # --check: something is left out
    assert "正常：目录版本" in result.output and "隔离" in result.output
    assert "county/matters/minzheng.yaml:matters[" in result.output


def test_an_invalid_catalog_is_not_served(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(DEMO, root)
    path = root / "county" / "matters" / "minzheng.yaml"
    line = path.read_text(encoding="utf-8").split("\n").index("    name: 结婚登记") + 1
    path.write_text(  # a YAML syntax error: no single entry to set aside
        path.read_text(encoding="utf-8").replace("    name: 结婚登记\n", "    name: [结婚登记\n"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["serve", "--catalog", str(root), "--check", "--lang", "zh"])
    assert result.exit_code == 1
    assert f"{path}:{line}:" in result.output and "error [" in result.output
    assert "目录未通过校验，服务未启动" in result.output
    inner = CliRunner().invoke(cli, ["serve", "--catalog", str(root / "county"), "--check"])
    assert inner.exit_code == 1  # a folder inside the tree: files named from the tree's root
    assert f"{path}:{line}:" in inner.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def serving(
    catalog: Path, *options: str, pid: list[int] | None = None
) -> Iterator[tuple[str, list[str]]]:
    """`catalogkit serve` in a child process, once ready: its URL, and its output once
    it has been interrupted (and has exited 0); its process id goes into `pid`. The
    wait for readiness ends when the server answers or exits; its deadline only
    guards against a hang (start-up on a busy machine takes what it takes)."""
    port = _free_port()
    command = [sys.executable, "-m", "catalogkit", "serve", "--catalog", str(catalog)]
    proc = subprocess.Popen(
        [*command, "--port", str(port), "--no-access-log", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "CATALOGKIT_ADMIN_TOKEN": TOKEN},
    )
    url = f"http://127.0.0.1:{port}"
    output: list[str] = []
    if pid is not None:
        pid.append(proc.pid)
    try:
        deadline = time.monotonic() + 180
        while proc.poll() is None:
            try:
                httpx.get(f"{url}/v1/ready", timeout=2).raise_for_status()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
        yield url, output
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
        output.append(out)
    assert proc.returncode == 0, out


def test_serves_until_interrupted() -> None:
    with serving(DEMO) as (url, output):
        revision = httpx.get(f"{url}/v1/ready").json()["revision"]
        reload = httpx.post(
            f"{url}/v1/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30
        )
        assert reload.status_code == 200 and reload.json()["revision"] == revision
    assert f"catalogkit serving revision {revision}" in output[0]


def test_a_reload_reaches_every_worker(tmp_path: Path) -> None:
    """Not watching, two workers: the one asked over HTTP has the other reload too, so
    that no connection, wherever it lands, gets the old revision after a moment."""
    root = tmp_path / "tree"
    shutil.copytree(DEMO, root)
    options = ("--workers", "2", "--no-watch", "--log-level", "warning")
    server: list[int] = []
    with serving(root, *options, pid=server) as (url, output):
        old = _from_both_workers(url, lambda answers: True)  # both workers have started
        (revision,) = {r for r, _ in old}
        workers = _children(server[0])
        assert len(workers) >= 2, workers
        path = root / "county" / "matters" / "minzheng.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("name: 结婚登记\n", "name: 结婚登记（新）\n"), "utf-8")
        reload = httpx.post(
            f"{url}/v1/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30
        )
        assert reload.status_code == 200, reload.text
        new = reload.json()["revision"]
        assert new != revision
        _from_both_workers(url, lambda answers: {r for r, _ in answers} == {new})
        # the same two processes: no worker was replaced, which would load the new tree
        # without any reload reaching it
        assert _children(server[0]) == workers
    assert "INFO" not in output[0], output[0]  # --log-level reaches the workers


Answer = tuple[str, str]  # revision, and when the worker loaded it: which worker it is


def _from_both_workers(url: str, good: Callable[[list[Answer]], bool]) -> list[Answer]:
    """30 answers on fresh connections (each to whichever worker accepts it) that are
    `good` and come from both workers: asked again until they are (a worker may still
    be starting, or reloading, slowly on a busy machine), at most for 120 s."""
    deadline = time.monotonic() + 120
    while True:
        answers = [_fresh(url) for _ in range(30)]
        if good(answers) and len({at for _, at in answers}) == 2:
            return answers
        assert time.monotonic() < deadline, answers
        time.sleep(0.1)


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = set()
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.add(int(stat_file.parent.name))
    return found


def _fresh(url: str) -> Answer:
    with httpx.Client(timeout=10) as client:
        bundle = client.get(f"{url}/v1/bundle", headers={"Connection": "close"}).json()
        return bundle["revision"], bundle["loadedAt"]


def test_the_workers_configuration_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several workers read their configuration, admin token and all, from a file only
    this user can read, named in the environment; it goes when the server stops."""
    seen: dict[str, Any] = {}

    def run(target: str, **options: Any) -> None:
        path = Path(os.environ[CONFIG_ENV])
        seen.update(
            target=target,
            workers=options["workers"],
            path=path,
            mode=stat.S_IMODE(path.stat().st_mode),
            folder=stat.S_IMODE(path.parent.stat().st_mode),
            raw=json.loads(path.read_text(encoding="utf-8")),
        )

    monkeypatch.setattr(uvicorn, "run", run)
    config = ServeConfig(DEMO, admin_token="secret", plugin_names=("a",))
    serve(config, host="127.0.0.1", port=0, workers=3, log_level="warning")
    assert (seen["target"], seen["workers"]) == ("catalogkit.server.run:app_from_env", 3)
    assert (seen["mode"], seen["folder"]) == (0o600, 0o700)
    shared, level = config_from_json(seen["raw"])
    assert level == "warning" and shared.admin_token == "secret"
    assert shared.reload_signal is not None and shared.reload_signal.parent == seen["path"].parent
    assert CONFIG_ENV not in os.environ and not seen["path"].parent.exists()


def test_the_configuration_survives_its_round_trip() -> None:
    every = ServeConfig(
        catalog=Path("/srv/catalogs"),
        plugin_folders=(Path("/srv/plugins"), Path("more")),
        plugin_names=("a", "b"),
        blocked_plugins=("c",),
        plugin_autoload=False,
        watch=False,
        watch_polling=True,
        debounce_ms=120,
        admin_token="t",
        cors_origins=("*",),
        max_body_bytes=2048,
        cache=False,
        reload_signal=Path("/run/x/reload"),
        reload_timeout=2.5,
        settle_ms=0,
    )
    raw = json.loads(json.dumps(config_to_json(every, "debug")))
    assert config_from_json(raw) == (every, "debug")
    assert config_from_json(json.loads(json.dumps(config_to_json(ServeConfig(DEMO), "info")))) == (
        ServeConfig(DEMO),
        "info",
    )


def test_a_busy_port_is_said_before_serving() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["serve", "--catalog", str(DEMO), "--port", str(port), "--lang", "en"]
        )
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "serving" not in result.output
