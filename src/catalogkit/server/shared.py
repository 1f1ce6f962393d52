"""What the JSON API and the pages both use, kept here so that neither imports the
other: the form of a code in a URL, the pages' security headers (a guide's HTML from
the API is a page too), and the app's case ledger, opened by the first request."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import Request

from ..catalog import Catalog
from ..ledger import Ledger, default_url

CODE_PATTERN = r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$"

# Pages load nothing from elsewhere and run no inline script; the browser enforces it.
# The one script may ask this server's API (search suggestions).
SECURITY = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; script-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

_opening = threading.Lock()


def ledger_of(request: Request) -> Ledger:
    """The app's ledger, opened (and migrated) by the first request that needs it."""
    state = request.app.state
    found: Ledger | None = getattr(state, "ledger", None)
    if found is None:
        with _opening:
            found = getattr(state, "ledger", None)
            if found is None:
                live = state.live  # the root the door found: the file `catalogkit cases` uses
                catalog = Path(state.config.catalog)
                tree = live.root if live.artifact is None else Catalog.root_of(catalog)
                found = state.ledger = Ledger.open(default_url(tree))
    return found
