"""The case ledger: every case from application to result, as append-only events on a
database (an SQLite file by default, PostgreSQL by URL), with a projection of current
states, due dates moved as the law says, tokens per venue and role, and notices.

Depends only downward (engine, model, resolve); the engine never writes."""

from .core import Ledger
from .errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    LedgerError,
    LedgerUnavailable,
    UnknownCase,
)
from .inputs import Applicant, NewCase, NewEvent
from .machine import KINDS, OPEN, STATES, allowed_after, next_state
from .reads import Filters
from .store import default_url

__all__ = [
    "KINDS",
    "OPEN",
    "STATES",
    "Applicant",
    "Conflict",
    "Filters",
    "Forbidden",
    "InvalidInput",
    "Ledger",
    "LedgerError",
    "LedgerUnavailable",
    "NewCase",
    "NewEvent",
    "UnknownCase",
    "allowed_after",
    "default_url",
    "next_state",
]
