"""The ledger's tables (SQLAlchemy Core). Alembic migrations create them; this module
is what the code reads and writes through, and a test keeps the two equal."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

EventId = BigInteger().with_variant(Integer(), "sqlite")  # SQLite: the rowid itself

events = Table(
    "events",
    metadata,
    Column("id", EventId, primary_key=True, autoincrement=True),
    Column("case_no", String(32), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("on_day", Date, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("venue", String(64), nullable=False),
    Column("staff", String(64), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    UniqueConstraint("case_no", "seq", name="uq_events_case_seq"),
    Index("ix_events_on_day", "on_day"),
)

cases = Table(
    "case_state",
    metadata,
    Column("case_no", String(32), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("state", String(24), nullable=False),
    Column("county", String(6), nullable=False),
    Column("venue", String(64), nullable=False),
    Column("holder", String(64), nullable=False),
    Column("matter", String(64), nullable=False),
    Column("locality", String(64), nullable=False),
    Column("phone_last4", String(4), nullable=False),
    Column("applied_on", Date, nullable=False),
    Column("promised_due", Date),
    Column("statutory_due", Date),
    Column("finished_on", Date),
    Column("doc", Text, nullable=False),
    # what a warning light needs, beside the record (migration 0002)
    Column("case_kind", String(24)),
    Column("clock_start", Date),
    Column("paused_since", Date),
    Column("paused_by", String(64)),
    Column("pauses", Text),  # JSON [[first, last], …] of finished pauses; NULL: none
    Column("promised_days", Integer),  # the promised limit in working days
    Column("in_transit_to", String(64)),
    Column("last_on", Date),
    Index("ix_case_state_venue", "venue", "applied_on"),
    Index("ix_case_state_county", "county", "applied_on"),
    Index("ix_case_state_holder", "holder"),
    Index("ix_case_state_open", "county", "state"),
)

counters = Table(
    "case_counters",
    metadata,
    Column("scope", String(32), primary_key=True),
    Column("last", Integer, nullable=False),
)

idempotency = Table(
    "idempotency_keys",
    metadata,
    Column("key", String(240), primary_key=True),
    Column("case_no", String(32), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("digest", String(64), nullable=False),
    Column("role", String(16), nullable=False),
    Column("venue", String(64)),
    Column("county", String(6)),
    Column("label", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)

meta = Table(
    "ledger_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
