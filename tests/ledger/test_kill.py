"""Nothing acknowledged is lost: writers register cases and record events over HTTP
while the server is killed with SIGKILL; after a restart every acknowledged event is
in the ledger (on both backends)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from catalogkit.ledger import Ledger
from tests.conftest import DEMO, ROOT
from tests.ledger.test_http import NEW


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start(url: str, port: int, tmp: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CATALOGKIT_DATABASE_URL": url,
        "CATALOGKIT_CACHE_DIR": str(tmp / "cache"),
    }
    command = [sys.executable, "-m", "catalogkit", "serve", "--catalog", str(DEMO)]
    command += ["--port", str(port), "--no-watch", "--no-access-log", "--log-level", "error"]
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/ready", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    pytest.fail("the server did not start")


def test_acknowledged_events_survive_kill_9(ledger_url: str, tmp_path: Path) -> None:
    ledger = Ledger.open(ledger_url)
    token = ledger.make_token("staff", "qingxi-center", "339901", "kill test")
    port = free_port()
    server = start(ledger_url, port, tmp_path)
    base = f"http://127.0.0.1:{port}"
    acknowledged: list[tuple[str, int]] = []  # (case, version) of every 2xx answer
    lock = threading.Lock()
    stop = threading.Event()

    def writer(i: int) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=base, headers=headers, timeout=5) as client:
            n = 0
            while not stop.is_set():
                n += 1
                try:
                    made = client.post(
                        "/v1/cases", json=NEW, headers={"Idempotency-Key": f"{i}-{n}"}
                    )
                    if made.status_code not in (200, 201):
                        continue
                    number = made.json()["caseNo"]
                    with lock:
                        acknowledged.append((number, 1))
                    event = {"kind": "precheck", "version": 1, "staff": f"w{i}"}
                    done = client.post(f"/v1/cases/{number}/events", json=event)
                    if done.status_code == 201:
                        with lock:
                            acknowledged.append((number, 2))
                except httpx.HTTPError:
                    continue

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 20
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(server.pid, signal.SIGKILL)
    server.wait(10)
    stop.set()
    for t in threads:
        t.join(10)
    assert len(acknowledged) >= 10, "the writers got too few answers to test anything"
    server = start(ledger_url, port, tmp_path)  # restart: the ledger opens and migrates again
    try:
        after = Ledger.open(ledger_url)
        for number, version in acknowledged:
            assert after.get(number)["version"] >= version, number
        headers = {"Authorization": f"Bearer {token}"}
        last, want = acknowledged[-1]
        answer = httpx.get(f"{base}/v1/cases/{last}", headers=headers, timeout=5)
        assert answer.status_code == 200 and answer.json()["version"] >= want
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(20)
