"""The query service: the /v1 HTTP API and web pages over a hot-reloaded bundle.

The library never imports this package; `catalogkit serve` and applications that
embed the service do."""

from .app import create_app
from .config import ServeConfig
from .live import LiveBundle, ReloadStatus
from .snapshot import Snapshot

__all__ = ["LiveBundle", "ReloadStatus", "ServeConfig", "Snapshot", "create_app"]
