"""The ASGI application: the /v1 API, the web pages, reload on change."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from pydantic.alias_generators import to_camel
from starlette.exceptions import HTTPException

from ..errors import CatalogkitError
from ..plugins import Plugins
from ..version import __version__
from . import openapi, pages
from .api import router as api_router
from .api.ledger_fast import FastAppend
from .config import ServeConfig
from .handlers import on_crash, on_engine_error, on_http, on_problem, on_validation
from .headers import HeaderGuard
from .jsonbody import StrictJson
from .limits import BodyLimit
from .live import LiveBundle
from .methods import HeadAsGet
from .problems import ApiProblem
from .warmup import warm_up
from .watch import watch_and_reload


def create_app(config: ServeConfig, plugins: Plugins | None = None) -> FastAPI:
    """Loads the catalog now (raises CatalogError if it is invalid: a server never
    starts on a broken catalog) and returns the app that serves it. The plugins are
    those given, else the ones `config` chooses, loaded by the door."""
    chosen = plugins if plugins is not None else config.plugin_choice()
    if config.bundle_file is not None:
        live = LiveBundle.open_artifact(config.bundle_file, chosen)
    else:
        live = LiveBundle.open(
            config.catalog,
            chosen,
            cache=config.cache,
            deadline=config.reload_timeout,
            quiet=config.settle_ms / 1000,
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        """Watches the tree and the workers' reload signal; `watching` is true only while
        a watch on the tree is actually on (not while its folder is missing)."""

        def watching(on: bool) -> None:
            app.state.watching = on

        stop = asyncio.Event()
        task = None
        if config.watch or config.reload_signal is not None:
            task = asyncio.create_task(
                watch_and_reload(
                    live,
                    stop,
                    tree=config.watch and config.bundle_file is None,
                    signal=config.reload_signal,
                    polling=config.watch_polling,
                    debounce_ms=config.debounce_ms,
                    on_watching=watching,
                )
            )
        await warm_up(app)  # before the server listens, so before /v1/ready answers
        try:
            yield
        finally:
            stop.set()
            app.state.watching = False
            if task is not None:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await asyncio.wait_for(task, timeout=5)

    app = FastAPI(
        title="catalogkit",
        version=__version__,
        summary="Where a matter is handled, its service guide, and decisions on cases",
        openapi_url="/v1/openapi.json",
        docs_url=None,  # the stock pages load scripts from a CDN
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=lambda route: to_camel(route.name),  # getRoute, postDecide
    )
    app.state.live = live
    app.state.config = config
    app.state.watching = False
    app.include_router(api_router)
    app.router.routes.insert(0, FastAppend())  # before the FastAPI route it shortcuts
    app.include_router(pages.router)
    pages.mount_static(app)
    app.add_exception_handler(ApiProblem, on_problem)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(CatalogkitError, on_engine_error)
    app.add_exception_handler(Exception, on_crash)
    app.add_middleware(StrictJson)
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    app.add_middleware(HeadAsGet)
    if config.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Authorization", "If-None-Match"],
            expose_headers=["ETag", "Catalog-Revision"],
            max_age=600,
        )
    app.add_middleware(HeaderGuard)
    openapi.install(app)
    return app
