"""Debian's Chromium for the browser tests: where it is, and the flags that keep it
headless, sandbox-free (as root) and off the network."""

from __future__ import annotations

import contextlib
import shutil
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Without the background-networking flags Chromium keeps calling home, which a closed
# network refuses many times a second.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextlib.contextmanager
def serving(app: Any, *, start_within: float = 15) -> Iterator[str]:
    """`app` under uvicorn in a background thread on a free loopback port: its base URL."""
    import uvicorn

    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=uv.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + start_within
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.02)
    port = uv.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def launched(sync_api: Any) -> Iterator[Any]:
    """Debian's Chromium started through Playwright with FLAGS (never a downloaded one)."""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def guarded_page(browser: Any, base: str) -> tuple[Any, Any, list[str]]:
    """A browser context and page that may reach only `base`, and the problems they meet:
    console errors (a CSP violation is one), page errors and requests elsewhere."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1100, "height": 900})
    problems: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(base + "/"):
            route.continue_()
        else:
            problems.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    return context, page, problems
