"""How a server is set up: which tree, which plugins, who may reload, who may call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ServeConfig:
    """Everything `create_app` needs; the CLI builds one from its options."""

    catalog: Path
    plugin_folders: tuple[Path, ...] = ()
    plugin_names: tuple[str, ...] = ()
    blocked_plugins: tuple[str, ...] = ()
    plugin_autoload: bool | None = None
    watch: bool = True
    watch_polling: bool = False
    debounce_ms: int = 300
    admin_token: str | None = None  # POST /v1/admin/reload is refused without one
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 64 * 1024
    cache: bool = True  # the compiled bundle cache (outside the tree)
