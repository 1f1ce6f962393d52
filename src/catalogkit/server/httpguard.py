"""A bound on the request head at the HTTP parser, before anything is buffered whole.

uvicorn's httptools protocol keeps reading header bytes as long as they come: a
50 MB header was accepted after 8 s. This protocol counts the bytes of each request
head and, past `MAX_HEAD_BYTES`, answers `431` with a problem and closes the
connection. Without httptools, uvicorn's h11 protocol is given the same bound."""

from __future__ import annotations

import importlib.util
import json
from typing import Any

from .headers import NOSNIFF

MAX_HEAD_BYTES = 64 * 1024  # request line and headers; the app limits headers to 32 KiB

_BODY = json.dumps(
    {
        "type": "urn:catalogkit:problem:headers-too-large",
        "title": "The request headers are too large",
        "titleZh": "请求头过多或过大",
        "status": 431,
        "code": "headers-too-large",
        "detail": f"the request line and headers may be at most {MAX_HEAD_BYTES} bytes",
        "detailZh": f"请求行和请求头合计不能超过 {MAX_HEAD_BYTES} 字节",
    },
    ensure_ascii=False,
).encode()
_REFUSAL = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
    b"content-type: application/problem+json\r\n"
    + NOSNIFF[0]
    + b": "
    + NOSNIFF[1]
    + b"\r\ncontent-length: "
    + str(len(_BODY)).encode()
    + b"\r\nconnection: close\r\n\r\n"
    + _BODY
)


def protocol_options() -> dict[str, Any]:
    """uvicorn options that bound the request head. The protocol is named by its import
    path, not passed as a class: uvicorn pickles its options to start each worker, and
    a class would have the worker import this package (the whole app) while unpickling,
    before it can answer its supervisor's health check; under load that took more than
    the check's 5 s, and the supervisor killed and restarted workers as they started."""
    if importlib.util.find_spec("httptools") is None:
        return {"http": "h11", "h11_max_incomplete_event_size": MAX_HEAD_BYTES}
    return {"http": f"{__name__}:GuardedHttpTools"}


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # pragma: no cover - without httptools, h11 is bounded instead
    HttpToolsProtocol = None  # type: ignore[assignment,misc]

if HttpToolsProtocol is not None:

    class GuardedHttpTools(HttpToolsProtocol):
        """httptools, refusing a request head larger than MAX_HEAD_BYTES."""

        _in_head = True
        _head_bytes = 0
        _refused = False

        def data_received(self, data: bytes) -> None:
            if self._refused:
                return
            if self._in_head:
                self._head_bytes += len(data)
            super().data_received(data)
            if self._in_head and self._head_bytes > MAX_HEAD_BYTES and not self._refused:
                self._refused = True
                self.transport.write(_REFUSAL)
                self.transport.close()

        def on_headers_complete(self) -> None:
            self._in_head = False
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            super().on_message_complete()
            self._in_head, self._head_bytes = True, 0
