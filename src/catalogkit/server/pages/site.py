"""The pages' Jinja2 environment and responses. Autoescape is on for every template,
so catalog text (names, addresses, notes) can never become markup."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import Request
from fastapi.responses import Response

from ...errors import CatalogkitError
from ..respond import answer, cached
from ..shared import SECURITY
from ..snapshot import CachedBody, Snapshot

log = logging.getLogger("catalogkit.server")

HTML = "text/html; charset=utf-8"
STATIC_DIR = Path(__file__).with_name("static")


def _fingerprint(name: str) -> str:
    return hashlib.blake2b((STATIC_DIR / name).read_bytes(), digest_size=6).hexdigest()


_VERSIONS = {p.name: _fingerprint(p.name) for p in STATIC_DIR.iterdir() if p.is_file()}


def asset(name: str) -> str:
    """A static file's URL with a content hash, so a new release is never served stale."""
    return f"/static/{name}?v={_VERSIONS[name]}"


ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("catalogkit.server.pages", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["seg"] = lambda text: quote(str(text), safe="")
ENV.globals["asset"] = asset


class PageError(Exception):
    """A request the pages cannot answer: rendered as a Chinese HTML error page."""

    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


def site(snap: Snapshot) -> dict[str, str]:
    """What every page shows: the county's name and the catalog revision."""

    def make() -> dict[str, str]:
        bundle = snap.bundle
        tops = bundle.roots()
        county = bundle.locality(tops[0]).name if tops else ""
        return {"county": county, "title": f"{county}便民服务", "revision": snap.revision}

    found: dict[str, str] = snap.derived("pages-site", make)
    return found


def render(snap: Snapshot, template: str, context: dict[str, Any]) -> str:
    return ENV.get_template(template).render(site=site(snap), **context)


async def page(
    request: Request, snap: Snapshot, template: str, context: Callable[[], dict[str, Any]]
) -> Response:
    """The page rendered from this snapshot (kept per snapshot, with an ETag), or the
    error page for whatever `context` refused."""

    def make() -> CachedBody:
        return cached(render(snap, template, context()).encode(), HTML)

    try:
        response = await answer(request, snap, make)
    except PageError as exc:
        response = error_page(snap, exc)
    except CatalogkitError as exc:  # a plugin or the engine failing on this matter
        log.exception("page %s failed: %s", request.url.path, exc)
        trouble = "生成本页时出错，请稍后再试，或到就近的便民服务中心咨询。"
        response = error_page(snap, PageError(500, "暂时无法显示", trouble))
    response.headers.update(SECURITY)
    return response


def error_page(snap: Snapshot, exc: PageError) -> Response:
    body = render(snap, "error.j2", {"error": exc})
    headers = {"Catalog-Revision": snap.revision, "Cache-Control": "no-store", **SECURITY}
    return Response(body, status_code=exc.status, media_type=HTML, headers=headers)
