"""catalogkit: validated YAML service catalogs for tiered local-government service
networks, and one engine that answers where, what and when."""

from .catalog import Report, check_catalog, load_catalog
from .errors import CalendarError, CatalogError, CatalogkitError, Diagnostic, UsageError
from .resolve import Bundle
from .version import __version__

__all__ = [
    "Bundle",
    "CalendarError",
    "CatalogError",
    "CatalogkitError",
    "Diagnostic",
    "Report",
    "UsageError",
    "__version__",
    "check_catalog",
    "load_catalog",
]
