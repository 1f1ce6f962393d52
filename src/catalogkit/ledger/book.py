"""The Ledger: one database, the calls that read and write it, each in its own
transaction. The engine is passed in by the caller and never writes anything."""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from typing import Any, TypeVar

from sqlalchemy import Engine as Database
from sqlalchemy import insert, select

from ..engine import Engine
from . import appending, days, group, hot, reads, rebuild, tokens
from . import database as store
from . import registration as opening
from . import row_access as rows
from . import tables as schema
from .inputs import NewCase, NewEvent
from .ledger_errors import LedgerUnavailable
from .projection import Event

TOKEN_SECONDS = 5.0
T = TypeVar("T")
LANES = 2  # PostgreSQL batches written at once (see __init__)


class Ledger:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._secret: bytes | None = None
        # SQLite has one writer at a time: threads of this process queue here rather than
        # in SQLite's busy handler, which sleeps and retries (other processes still do).
        sqlite = db.dialect.name == "sqlite"
        self._writing = threading.Lock() if sqlite else nullcontext()
        self._held = hot.Held()  # the write connections, one per batch written at once
        self._kept: dict[str, str] = {}  # case -> its record as this process last committed it
        self._tokens: dict[str, tuple[float, tokens.Token | None]] = {}
        # PostgreSQL: two batches at once, each pipelined (one round trip for its
        # statements): one batch's statements run while the other's commit waits for
        # the disk. Measured, three at once was no faster, the CPU binding again.
        self._appends = group.Batches(self._piped, lanes=1 if sqlite else LANES, alone=self._write)

    @classmethod
    def open(cls, url: str) -> Ledger:
        """Open (creating and migrating on first use) the ledger at `url`."""
        ledger = cls(store.open_engine(url))
        store.migrate(ledger.db)
        return ledger

    def close(self) -> None:
        with self._writing:
            self._held.drop()
        self.db.dispose()

    @property
    def dialect(self) -> str:
        return self.db.dialect.name

    def secret(self) -> bytes:
        """The ledger's own key for hashing id and phone numbers, made on first use."""
        if self._secret is None:
            m = schema.meta.c
            with store.transaction(self.db, write=True) as conn:
                value = conn.execute(select(m.value).where(m.key == "pii-key")).scalar_one_or_none()
                if value is None:
                    value = secrets.token_hex(32)
                    conn.execute(insert(schema.meta).values(key="pii-key", value=value))
            self._secret = bytes.fromhex(value)
        return self._secret

    def create(
        self,
        new: NewCase,
        engine: Engine,
        *,
        actor: str,
        key: str | None = None,
        today: dt.date | None = None,
    ) -> tuple[dict[str, Any], bool]:
        """(the case, whether it is new): a key already used returns its case."""
        on = opening.check_new(engine.bundle, new, today or days.today())
        print_ = opening.fingerprint(new)
        secret = self.secret()
        bundle = engine.bundle

        def work(writer: hot.Writer) -> tuple[dict[str, Any], bool]:
            if key is not None:
                known = opening.known_key(writer, key, print_)
                if known is not None:
                    return writer.current(known), False
            return opening.register(writer, bundle, new, on, secret, actor, key, print_), True

        for attempt in (1, 2):
            try:
                return self._appends.submit(work)
            except hot.Stale:  # a unique key broken: the same Idempotency-Key raced in
                if attempt == 2 or key is None:
                    raise LedgerUnavailable(
                        "the case could not be registered; try again", "办件未能登记，请重试"
                    ) from None
        raise AssertionError("unreachable")

    def append(
        self,
        case_no: str,
        new: NewEvent,
        engine: Engine | None,
        *,
        actor: str,
        may_write: Callable[[dict[str, Any]], bool] | None = None,
        today: dt.date | None = None,
    ) -> dict[str, Any]:
        """Record one event; Conflict if the case moved on or the state forbids it."""
        day = today or days.today()
        try:
            return self._appends.submit(
                lambda writer: appending.append(writer, case_no, new, engine, actor, may_write, day)
            )
        except hot.Stale:  # another writer took this version first
            record = self.get(case_no)
            raise rows.stale(case_no, new.version, record["state"], record["version"]) from None

    def submit(self, work: Callable[[hot.Writer], T]) -> T:
        """Run `work` in a write transaction of the append path (grouped like appends);
        for writes of other modules, such as complaints (complaints.py)."""
        return self._appends.submit(work)

    @contextlib.contextmanager
    def _write(self, piped: bool = False) -> Iterator[hot.Writer]:
        """One write transaction of the append path (group.py batches appends in it)."""
        with self._writing, hot.writing(self.db, self._held, self._kept, piped) as writer:
            yield writer

    def _piped(self) -> contextlib.AbstractContextManager[hot.Writer]:
        return self._write(piped=True)

    def get(self, case_no: str) -> dict[str, Any]:
        with store.transaction(self.db, write=False) as conn:
            return rows.current(conn, case_no)

    def timeline(self, case_no: str) -> list[Event]:
        with store.transaction(self.db, write=False) as conn:
            return reads.timeline(conn, case_no)

    def find(
        self, filters: reads.Filters, cursor: str | None = None, limit: int = 50
    ) -> tuple[list[dict[str, Any]], str | None]:
        with store.transaction(self.db, write=False) as conn:
            return reads.find(conn, filters, cursor, limit)

    def rebuild(self) -> tuple[int, int]:
        self._kept.clear()
        with store.transaction(self.db, write=True) as conn:
            return rebuild.rebuild(conn)

    def make_token(self, role: str, venue: str | None, county: str | None, label: str) -> str:
        with store.transaction(self.db, write=True) as conn:
            return tokens.make(conn, role, venue, county, label)

    def revoke_token(self, token_id: str) -> bool:
        self._tokens.clear()
        with store.transaction(self.db, write=True) as conn:
            return tokens.revoke(conn, token_id)

    def kept_token(self, text: str) -> tuple[bool, tokens.Token | None]:
        """(whether the check is kept, its answer): no database, so callable anywhere."""
        kept = self._tokens.get(text)
        if kept is not None and time.monotonic() - kept[0] < TOKEN_SECONDS:
            return True, kept[1]
        return False, None

    def token(self, text: str) -> tokens.Token | None:
        """The token's holder; answers are kept for TOKEN_SECONDS, so a revocation takes
        effect in this process within that time (at once for `revoke_token` here)."""
        now = time.monotonic()
        kept = self._tokens.get(text)
        if kept is not None and now - kept[0] < TOKEN_SECONDS:
            return kept[1]
        with store.transaction(self.db, write=False) as conn:
            found = tokens.verify(conn, text)
        if len(self._tokens) > 10_000:
            self._tokens.clear()
        self._tokens[text] = (now, found)
        return found

    def tokens(self) -> list[dict[str, Any]]:
        with store.transaction(self.db, write=False) as conn:
            return tokens.listed(conn)
