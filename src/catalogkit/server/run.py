"""Running the app under uvicorn (kept behind this module), one process or several.

With several workers each process loads the tree itself (the bundle is immutable and
the service stateless). They share one private folder: the configuration, read from
a file rather than the environment (which /proc shows) since it holds the admin token,
and the reload signal by which a reload asked of one worker reaches them all.

Workers die with their parent: each asks the kernel for SIGTERM when its parent dies
(Linux), and the last to go removes the private folder, so a `kill -9` of the parent
leaves neither a worker holding the port nor the token on disk."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from .app import create_app
from .config import ServeConfig, config_from_json, config_to_json
from .httpguard import protocol_options
from .orphans import PRIVATE_PREFIX, die_with_parent, sweep_orphans, watch_parent

CONFIG_ENV = "CATALOGKIT_SERVE_CONFIG"  # the path of the workers' configuration file
PARENT_ENV = "CATALOGKIT_SERVE_PARENT"  # the pid of the process that started the workers


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
    """Serve until interrupted. `app` (already loaded) serves a single process only."""
    import uvicorn

    configure_logging(log_level)
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "access_log": access_log,
        "timeout_graceful_shutdown": 5,
        "server_header": False,
        **protocol_options(),
    }
    if workers <= 1:
        uvicorn.run(app or create_app(config), **options)
        return
    sweep_orphans(Path(tempfile.gettempdir()))
    prefix = f"{PRIVATE_PREFIX}{os.getpid()}-"  # its owner's pid: see sweep_orphans
    with tempfile.TemporaryDirectory(prefix=prefix) as private:  # mode 0700
        folder = Path(private)
        signal = folder / "reload"
        signal.write_text("0\n", encoding="utf-8")
        shared = replace(config, reload_signal=signal)
        os.environ[CONFIG_ENV] = str(write_private(folder / "config.json", shared, log_level))
        os.environ[PARENT_ENV] = str(os.getpid())
        try:
            uvicorn.run(
                "catalogkit.server.run:app_from_env", factory=True, workers=workers, **options
            )
        finally:
            del os.environ[CONFIG_ENV], os.environ[PARENT_ENV]


def write_private(path: Path, config: ServeConfig, log_level: str) -> Path:
    """The configuration in a file only this user can read (mode 0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(config_to_json(config, log_level), out)
    return path


def app_from_env() -> FastAPI:
    """The app of one worker process, from the file its parent named in the environment."""
    private = Path(os.environ[CONFIG_ENV])
    parent = int(os.environ.get(PARENT_ENV, "0"))
    if parent and parent != os.getpid():  # a worker process, not the server itself
        die_with_parent(parent)
        watch_parent(private.parent, parent)
    raw = json.loads(private.read_text(encoding="utf-8"))
    config, log_level = config_from_json(raw)
    configure_logging(log_level)
    return create_app(config)
