"""catalogkit: validated YAML service catalogs for tiered local-government service
networks, and one engine that answers where, what and when.

`__all__` is the API an embedding application uses: check or load a tree, ask the
engine, read its answers, catch its errors. Everything else is internal."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .calendar import DueDate, WorkingCalendar
    from .catalog import Catalog, PluginChoice, Report, check_catalog, load_catalog
    from .engine import (
        Decision,
        DueAnswer,
        Engine,
        FactNeeded,
        FeeLine,
        Hop,
        MissingMaterial,
        RefusalLine,
        Route,
        TraceEntry,
    )
    from .errors import (
        CalendarError,
        CaseError,
        CatalogError,
        CatalogkitError,
        ConflictError,
        Diagnostic,
        PluginError,
        UsageError,
    )
    from .model import Department, Locality, Matter, Venue, Window
    from .model.case import Case, Pause
    from .plugins import Plugins
    from .resolve import Bundle

# imported on first use, so that `catalogkit --help` and light tools load no models
_LAZY = {
    "Bundle": ".resolve",
    "CalendarError": ".errors",
    "Catalog": ".catalog",
    "Case": ".model.case",
    "CaseError": ".errors",
    "CatalogError": ".errors",
    "CatalogkitError": ".errors",
    "ConflictError": ".errors",
    "Decision": ".engine",
    "Department": ".model",
    "Diagnostic": ".errors",
    "PluginChoice": ".catalog",
    "DueAnswer": ".engine",
    "DueDate": ".calendar",
    "Engine": ".engine",
    "FactNeeded": ".engine",
    "FeeLine": ".engine",
    "Hop": ".engine",
    "Locality": ".model",
    "Matter": ".model",
    "MissingMaterial": ".engine",
    "Pause": ".model.case",
    "PluginError": ".errors",
    "Plugins": ".plugins",
    "RefusalLine": ".engine",
    "Report": ".catalog",
    "Route": ".engine",
    "TraceEntry": ".engine",
    "UsageError": ".errors",
    "Venue": ".model",
    "Window": ".model",
    "WorkingCalendar": ".calendar",
    "check_catalog": ".catalog",
    "load_catalog": ".catalog",
}

__all__ = [
    "Bundle",
    "CalendarError",
    "Case",
    "CaseError",
    "Catalog",
    "CatalogError",
    "CatalogkitError",
    "ConflictError",
    "Decision",
    "Department",
    "Diagnostic",
    "DueAnswer",
    "DueDate",
    "Engine",
    "FactNeeded",
    "FeeLine",
    "Hop",
    "Locality",
    "Matter",
    "MissingMaterial",
    "Pause",
    "PluginChoice",
    "PluginError",
    "Plugins",
    "RefusalLine",
    "Report",
    "Route",
    "TraceEntry",
    "UsageError",
    "Venue",
    "Window",
    "WorkingCalendar",
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


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
