"""Answers from a snapshot: revision header, ETag, conditional GET, and the bytes
kept per snapshot (a bundle never changes, so neither does an answer computed
from it; the date is part of the key because guides print it)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel

from .snapshot import CachedBody, Snapshot

JSON = "application/json"


def snapshot(request: Request) -> Snapshot:
    """The snapshot this request answers from, taken once (errors name its revision)."""
    snap: Snapshot | None = getattr(request.state, "snapshot", None)
    if snap is None:
        snap = request.state.snapshot = request.app.state.live.current
    return snap


def body_of(model: BaseModel) -> bytes:
    return model.model_dump_json(by_alias=True).encode()


def cached(body: bytes, media_type: str = JSON) -> CachedBody:
    tag = hashlib.blake2b(body, digest_size=12).hexdigest()
    return CachedBody(body, media_type, f'"{tag}"')


async def answer(
    request: Request,
    snap: Snapshot,
    make: Callable[[], CachedBody],
) -> Response:
    """The kept answer to this exact request on this snapshot, or a fresh one computed
    in a worker thread, so that a slow answer never holds up the others."""
    scope = request.scope
    key = (scope["path"], scope["query_string"], dt.date.today())
    found = snap.kept(key)
    if found is None:
        found = snap.keep(key, await run_in_threadpool(make))
    headers = {
        "ETag": found.etag,
        "Catalog-Revision": snap.revision,
        "Cache-Control": "no-cache",
    }
    if _matches(request.headers.get("if-none-match"), found.etag):
        return Response(status_code=304, headers=headers)
    return Response(found.body, media_type=found.media_type, headers=headers)


def fresh(snap: Snapshot, body: bytes, media_type: str = JSON) -> Response:
    """An answer that is not kept (decisions: each case is different)."""
    return Response(body, media_type=media_type, headers={"Catalog-Revision": snap.revision})


def _matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return etag in tags
