"""Supervision from the case ledger: a warning light on every open case, and the
rates and tables a county reports upward (docs/supervision.md).

Reads the ledger's projection and events; never writes. Lights are computed in Python
from projection rows in bulk (working days counted once per day and calendar); rates
are aggregated by the database (SQL), then rolled up by department and tier."""

from .lights import Light, lights_of
from .opencases import OpenCase, open_cases
from .rates import Rates, rates
from .thresholds import DEFAULT, thresholds_for

__all__ = [
    "DEFAULT",
    "Light",
    "OpenCase",
    "Rates",
    "lights_of",
    "open_cases",
    "rates",
    "thresholds_for",
]
