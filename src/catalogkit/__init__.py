"""catalogkit: validated YAML service catalogs for tiered local-government service
networks, and one engine that answers where, what and when."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .catalog import Catalog, PluginChoice, Report, check_catalog, load_catalog
    from .errors import CalendarError, CatalogError, CatalogkitError, Diagnostic, UsageError
    from .resolve import Bundle

# imported on first use, so that `catalogkit --help` and light tools load no models
_LAZY = {
    "Bundle": ".resolve",
    "CalendarError": ".errors",
    "Catalog": ".catalog",
    "CatalogError": ".errors",
    "CatalogkitError": ".errors",
    "Diagnostic": ".errors",
    "PluginChoice": ".catalog",
    "Report": ".catalog",
    "UsageError": ".errors",
    "check_catalog": ".catalog",
    "load_catalog": ".catalog",
}

__all__ = [
    "Bundle",
    "CalendarError",
    "Catalog",
    "CatalogError",
    "CatalogkitError",
    "Diagnostic",
    "PluginChoice",
    "Report",
    "UsageError",
    "__version__",
    "check_catalog",
    "load_catalog",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
