"""Running the app under uvicorn (kept behind this module), one process or several.

With several workers each process loads and watches the tree itself: the bundle is
immutable and the service stateless, so they need not talk to each other."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from .app import create_app
from .config import ServeConfig

CONFIG_ENV = "CATALOGKIT_SERVE_CONFIG"


def configure_logging(level: str) -> None:
    log = logging.getLogger("catalogkit.server")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s catalogkit: %(message)s"))
        log.addHandler(handler)
    log.setLevel(level.upper())
    log.propagate = False


def serve(
    config: ServeConfig,
    *,
    host: str,
    port: int,
    workers: int = 1,
    log_level: str = "info",
    access_log: bool = True,
    app: FastAPI | None = None,
) -> None:
    import uvicorn

    configure_logging(log_level)
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "access_log": access_log,
        "timeout_graceful_shutdown": 5,
        "server_header": False,
    }
    if workers <= 1:
        uvicorn.run(app or create_app(config), **options)
        return
    os.environ[CONFIG_ENV] = json.dumps(asdict(config), default=str)
    uvicorn.run("catalogkit.server.run:app_from_env", factory=True, workers=workers, **options)


def app_from_env() -> FastAPI:
    """The app of one worker process, from the configuration its parent left in the env."""
    raw = json.loads(os.environ[CONFIG_ENV])
    paths = {"catalog": Path(raw.pop("catalog"))}
    paths["plugin_folders"] = tuple(Path(p) for p in raw.pop("plugin_folders"))  # type: ignore[assignment]
    tuples = {k: tuple(v) for k, v in raw.items() if isinstance(v, list)}
    configure_logging("info")
    return create_app(ServeConfig(**{**raw, **tuples, **paths}))
