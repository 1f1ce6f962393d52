"""The date the checks compare with, without the checking machinery: a remembered
verdict of `validate` is keyed by it (next year's calendar warning depends on it)."""

from __future__ import annotations

import datetime as dt
import os

TODAY_VARIABLE = "CATALOGKIT_TODAY"


def today() -> dt.date:
    """The date checks compare with: $CATALOGKIT_TODAY (YYYY-MM-DD) when set, so that
    tests and rehearsals can pin it; otherwise the system date."""
    pinned = os.environ.get(TODAY_VARIABLE)
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    return dt.date.today()
