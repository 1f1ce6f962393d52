"""One search answered inside the process before the server listens: the web
framework prepares each router on its first request (about 0.1 s for the search
API), and that cost belongs to the start, not to the first resident who asks."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

log = logging.getLogger("catalogkit.server")
QUERY = b"q=%E5%8A%9E%E7%90%86&limit=1"  # 办理: a word in any catalog


async def warm_up(app: Any) -> None:
    """Sends GET /v1/search through the whole app (its answer is thrown away)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/v1/search",
        "raw_path": b"/v1/search",
        "query_string": QUERY,
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 0),
        "root_path": "",
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        return None

    with contextlib.suppress(Exception):  # a failure here must not stop the server
        await app(scope, receive, send)
        return
    log.warning("the search warm-up failed; the first search will be slower")
