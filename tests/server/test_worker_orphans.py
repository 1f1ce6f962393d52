"""`serve --workers 2` whose parent is killed with SIGKILL: the workers stop, the port
is free again within 5 s for a new server, the private configuration (admin token
included) is gone, and the token was never in the workers' environment."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from catalogkit.server.run import CONFIG_ENV
from tests.conftest import DEMO

TOKEN = "orphan-test-token-5b1f"
STARTED = "Application startup complete"  # uvicorn logs it once per worker
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bindable(port: int) -> bool:
    """What `serve` checks before it starts (SO_REUSEADDR, as uvicorn binds)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start(port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CATALOGKIT_ADMIN_TOKEN": TOKEN, "CATALOGKIT_NO_CACHE": "1"}
    args = [sys.executable, "-m", "catalogkit", "serve", "--catalog", str(DEMO)]
    args += ["--port", str(port), "--workers", "2", "--no-watch", "--no-access-log"]
    with log.open("ab") as out:
        return subprocess.Popen(args, env=env, stdout=out, stderr=out, start_new_session=True)


def wait_healthy(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text(encoding="utf-8", errors="replace")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail("the server did not start\n" + log.read_text(encoding="utf-8", errors="replace"))


def wait_started(log: Path, workers: int) -> None:
    deadline = time.monotonic() + 120
    while log.read_text(encoding="utf-8", errors="replace").count(STARTED) < workers:
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8", errors="replace")
        time.sleep(0.2)


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            out.append(int(entry.name))
    return out


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.decode().partition("=")[::2] for item in raw.split(b"\0") if item)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    port, log = free_port(), tmp_path / "serve.log"
    parent = start(port, log)
    replacement = None
    try:
        wait_healthy(port, parent, log)
        wait_started(log, 2)  # both workers serve (one may answer before the other is up)
        workers = [w for w in children(parent.pid) if b"spawn_main" in cmdline(w)]
        assert len(workers) == 2, children(parent.pid)
        for worker in workers:
            assert TOKEN not in "\0".join(f"{k}={v}" for k, v in environ(worker).items())
        private = Path(environ(workers[0])[CONFIG_ENV]).parent
        assert private.is_dir()

        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        killed = time.monotonic()
        while not bindable(port) or any(alive(w) for w in workers):
            assert time.monotonic() - killed < 5, "the workers still hold the port"
            time.sleep(0.05)
        replacement = start(port, log)  # within 5 s of the kill, on the same port
        wait_healthy(port, replacement, log)
        deadline = time.monotonic() + 5
        while private.exists():
            assert time.monotonic() < deadline, f"{private} was left behind"
            time.sleep(0.05)
    finally:
        for server in (parent, replacement):
            if server is not None and server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(30)


def test_a_new_server_sweeps_the_private_folder_of_a_dead_one(tmp_path: Path) -> None:
    """A folder named for a pid that is gone is removed; a live owner's, another
    name's and a plain file are left alone."""
    from catalogkit.server.orphans import PRIVATE_PREFIX, sweep_orphans

    dead = subprocess.Popen(["true"])
    dead.wait()
    gone = tmp_path / f"{PRIVATE_PREFIX}{dead.pid}-abc"
    live = tmp_path / f"{PRIVATE_PREFIX}{os.getpid()}-def"
    other = tmp_path / "catalogkit-other-1-x"
    for folder in (gone, live, other):
        folder.mkdir()
        (folder / "config.json").write_text("{}", encoding="utf-8")
    assert sweep_orphans(tmp_path) == [gone]
    assert not gone.exists() and live.is_dir() and other.is_dir()
