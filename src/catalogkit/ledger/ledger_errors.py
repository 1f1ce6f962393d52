"""What can go wrong when recording a case, each said in English and in Chinese."""

from __future__ import annotations

from ..errors import CatalogkitError


class LedgerError(CatalogkitError):
    """Base of the ledger's errors; `zh` says the same in Chinese."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(f"{message} / {zh}")
        self.en = message
        self.zh = zh


class LedgerUnavailable(LedgerError):
    """The database cannot be reached or stays locked: try again later."""


class UnknownCase(LedgerError):
    pass


class Conflict(LedgerError):
    """The case changed since the caller read it, or the event cannot follow its state."""

    def __init__(self, message: str, zh: str, state: str, version: int) -> None:
        super().__init__(message, zh)
        self.state = state
        self.version = version


class InvalidInput(LedgerError):
    """Input that names something the catalog or the ledger does not know."""

    def __init__(self, field: str, message: str, zh: str) -> None:
        super().__init__(f"{field}: {message}", zh)
        self.field = field


class Forbidden(LedgerError):
    """A token that may not do this (another venue's case, a revoked token)."""
