"""Request headers within bounds, and `X-Content-Type-Options: nosniff` on every answer.

The HTTP parser (see `httpguard.py`) already stops a request head larger than it
will buffer; this limit, on the number of headers and their total size, answers with
a problem for an app embedded in any ASGI server."""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import ApiProblem, problem_response

MAX_HEADERS = 100
MAX_HEADER_BYTES = 32 * 1024  # every name and value together
NOSNIFF = (b"x-content-type-options", b"nosniff")


class HeaderGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def nosniff(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if all(name.lower() != NOSNIFF[0] for name, _ in headers):
                    headers.append(NOSNIFF)
                message = {**message, "headers": headers}
            await send(message)

        headers = scope["headers"]
        size = sum(len(name) + len(value) for name, value in headers)
        if len(headers) > MAX_HEADERS or size > MAX_HEADER_BYTES:
            problem = ApiProblem(
                "headers-too-large",
                f"send at most {MAX_HEADERS} headers of at most {MAX_HEADER_BYTES} bytes "
                f"together (got {len(headers)} headers, {size} bytes)",
                f"请求头最多 {MAX_HEADERS} 个、合计不超过 {MAX_HEADER_BYTES} 字节"
                f"（收到 {len(headers)} 个，{size} 字节）",
            )
            await problem_response(Request(scope, receive), problem)(scope, receive, nosniff)
            return
        await self.app(scope, receive, nosniff)
