"""The case ledger: every case from application to result, as append-only events on a
database (an SQLite file by default, PostgreSQL by URL), with a projection of current
states, due dates moved as the law says, tokens per venue and role, and notices.

Depends only downward (engine, model, resolve); the engine never writes."""

from .book import Ledger
from .database import default_url
from .inputs import Applicant, NewCase, NewEvent
from .ledger_errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    LedgerError,
    LedgerUnavailable,
    UnknownCase,
)
from .machine import KINDS, OPEN, STATES, allowed_after, next_state
from .reads import Filters

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
