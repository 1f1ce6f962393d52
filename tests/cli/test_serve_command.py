"""`catalogkit serve` from the command line: it refuses an invalid catalog with located
errors, and serves a valid one until it is stopped."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from catalogkit.cli import cli
from tests.conftest import DEMO


def test_check_loads_the_demo() -> None:
    result = CliRunner().invoke(cli, ["serve", "--catalog", str(DEMO), "--check"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: revision ")


def test_an_invalid_catalog_is_not_served(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(DEMO, root)
    path = root / "county" / "matters" / "minzheng.yaml"
    line = path.read_text(encoding="utf-8").split("\n").index("    name: 结婚登记") + 1
    path.write_text(
        path.read_text(encoding="utf-8").replace("    name: 结婚登记\n", "    name: 42\n"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["serve", "--catalog", str(root), "--check", "--lang", "zh"])
    assert result.exit_code == 1
    assert f"{path}:{line}:11: error [" in result.output
    assert "目录未通过校验，服务未启动" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.mark.parametrize("workers", [1, 2])
def test_serves_until_interrupted(tmp_path: Path, workers: int) -> None:
    port = _free_port()
    env = {**os.environ, "CATALOGKIT_ADMIN_TOKEN": "t0ken"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "catalogkit",
            "serve",
            "--catalog",
            str(DEMO),
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        ready = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/v1/ready", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert ready is not None and ready.status_code == 200, (
            proc.stdout.read() if proc.stdout else ""
        )
        revision = ready.json()["revision"]
        reload = httpx.post(
            f"http://127.0.0.1:{port}/v1/admin/reload",
            headers={"Authorization": "Bearer t0ken"},
            timeout=30,
        )
        assert reload.status_code == 200 and reload.json()["revision"] == revision
    finally:
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, output
    assert f"catalogkit serving revision {revision}" in output


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
