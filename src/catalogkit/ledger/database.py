"""Where the ledger lives and how it is opened: an SQLite file by default, PostgreSQL by
URL; migrations run on first use; every failure to reach the database is one error.

SQLite runs in WAL mode, with writes in `BEGIN IMMEDIATE` transactions (a writer waits
for the lock up to `busy_timeout` instead of failing half-way) and `synchronous=NORMAL`:
a committed event survives the process being killed; only a power cut may lose the last
commits (set CATALOGKIT_LEDGER_SYNC=full to fsync every commit)."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError

from .ledger_errors import LedgerUnavailable

_MIGRATION_LOCK = 727_419_001  # PostgreSQL advisory lock held while migrating


def data_dir() -> Path:
    configured = os.environ.get("CATALOGKIT_DATA_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "catalogkit"


def default_url(catalog: Path) -> str:
    """The ledger of a catalog tree: CATALOGKIT_DATABASE_URL, else an SQLite file in the
    user's data folder, one per tree (like the compiled cache, but data, not a cache)."""
    configured = os.environ.get("CATALOGKIT_DATABASE_URL")
    if configured:
        return configured
    key = hashlib.sha256(str(catalog.resolve()).encode()).hexdigest()[:24]
    return f"sqlite:///{data_dir() / f'ledger-{key}.sqlite'}"


def normalise_url(url: str) -> str:
    """`postgresql://` and `postgres://` mean psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(normalise_url(url)).render_as_string(hide_password=True)


def open_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        return _sqlite(url)
    return create_engine(url, pool_size=8, max_overflow=8)  # a lost connection: 503, then a new one


def _sqlite(url: str) -> Engine:
    path = url.split("///", 1)[1] if "///" in url else ""
    if path and path != ":memory:":
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise unavailable(exc) from exc
    busy = int(os.environ.get("CATALOGKIT_LEDGER_BUSY_MS", "5000"))
    engine = create_engine(url, connect_args={"timeout": busy / 1000, "check_same_thread": False})
    sync = "FULL" if os.environ.get("CATALOGKIT_LEDGER_SYNC", "").lower() == "full" else "NORMAL"

    @event.listens_for(engine, "connect")
    def _connect(dbapi: Any, _record: Any) -> None:
        dbapi.isolation_level = None  # transactions are begun below, by us
        cursor = dbapi.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={sync}")
        cursor.execute(f"PRAGMA busy_timeout={busy}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("ledger_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


@contextlib.contextmanager
def transaction(engine: Engine, *, write: bool) -> Iterator[Connection]:
    """One transaction; a database that cannot be reached or stays locked is
    LedgerUnavailable, whatever the driver calls it."""
    try:
        with engine.connect() as conn:
            conn.execution_options(ledger_write=write)
            with conn.begin():
                yield conn
    except OperationalError as exc:
        raise unavailable(exc) from exc
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise unavailable(exc) from exc
        raise


def unavailable(exc: Exception) -> LedgerUnavailable:
    first = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
    return LedgerUnavailable(
        f"the case ledger is unavailable ({first}); try again shortly",
        f"办件台账数据库暂时不可用（{first}），请稍后重试",
    )


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; safe when several processes start
    at once (PostgreSQL: an advisory lock; SQLite: the write lock)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with transaction(engine, write=True) as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
