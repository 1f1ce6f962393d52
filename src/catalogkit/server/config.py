"""How a server is set up: which tree, which plugins, who may reload, who may call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..catalog import PluginChoice

T = TypeVar("T")


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
    reload_signal: Path | None = None  # with several workers: rewritten to reload them all
    reload_timeout: float = 30.0  # seconds a reload may take before it is given up
    settle_ms: int = 500  # a reload waits until no file has changed for this long
    bundle_file: Path | None = None  # serve this built bundle instead of reading `catalog`

    def plugin_choice(self) -> PluginChoice:
        """The plugins to open the catalog with (the door adds the tree's folder)."""
        return PluginChoice(
            self.plugin_folders, self.plugin_names, self.blocked_plugins, self.plugin_autoload
        )


def config_to_json(config: ServeConfig, log_level: str) -> dict[str, Any]:
    """What a worker process needs to build its app, as JSON, field by field."""
    return {
        "catalog": str(config.catalog),
        "plugin_folders": [str(p) for p in config.plugin_folders],
        "plugin_names": list(config.plugin_names),
        "blocked_plugins": list(config.blocked_plugins),
        "plugin_autoload": config.plugin_autoload,
        "watch": config.watch,
        "watch_polling": config.watch_polling,
        "debounce_ms": config.debounce_ms,
        "admin_token": config.admin_token,
        "cors_origins": list(config.cors_origins),
        "max_body_bytes": config.max_body_bytes,
        "cache": config.cache,
        "reload_signal": None if config.reload_signal is None else str(config.reload_signal),
        "reload_timeout": float(config.reload_timeout),
        "settle_ms": config.settle_ms,
        "log_level": log_level,
        "bundle_file": None if config.bundle_file is None else str(config.bundle_file),
    }


def config_from_json(raw: dict[str, Any]) -> tuple[ServeConfig, str]:
    """The configuration and log level that `config_to_json` wrote."""
    signal = _optional(raw, "reload_signal", str)
    bundle_file = _optional(raw, "bundle_file", str)
    config = ServeConfig(
        catalog=Path(_one(raw, "catalog", str)),
        plugin_folders=tuple(Path(p) for p in _strings(raw, "plugin_folders")),
        plugin_names=_strings(raw, "plugin_names"),
        blocked_plugins=_strings(raw, "blocked_plugins"),
        plugin_autoload=_optional(raw, "plugin_autoload", bool),
        watch=_one(raw, "watch", bool),
        watch_polling=_one(raw, "watch_polling", bool),
        debounce_ms=_one(raw, "debounce_ms", int),
        admin_token=_optional(raw, "admin_token", str),
        cors_origins=_strings(raw, "cors_origins"),
        max_body_bytes=_one(raw, "max_body_bytes", int),
        cache=_one(raw, "cache", bool),
        reload_signal=None if signal is None else Path(signal),
        reload_timeout=_one(raw, "reload_timeout", float),
        settle_ms=_one(raw, "settle_ms", int),
        bundle_file=None if bundle_file is None else Path(bundle_file),
    )
    return config, _one(raw, "log_level", str)


def _one(raw: dict[str, Any], key: str, kind: type[T]) -> T:
    value = raw[key]
    if not isinstance(value, kind):
        raise ValueError(f"serve configuration: {key} is not a {kind.__name__}")
    return value


def _optional(raw: dict[str, Any], key: str, kind: type[T]) -> T | None:
    return None if raw[key] is None else _one(raw, key, kind)


def _strings(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(_one({key: v}, key, str) for v in _one(raw, key, list))
