"""Tokens that may write or read cases: one per venue and role, stored only as a hash.

- staff: window staff of one venue: register cases there, record events on the cases
  that venue registered or now holds, read them;
- supervisor: reads every case of one county, writes nothing.
Residents need no token: the case number and the last four digits of the phone
read that one case. A token is shown once, when it is made (`catalogkit cases tokens`)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from . import days
from . import tables as schema

PREFIX = "ckl"
ROLES = ("staff", "supervisor")


@dataclass(frozen=True)
class Token:
    id: str
    role: str
    venue: str | None
    county: str | None

    @property
    def actor(self) -> str:
        return f"{self.role}@{self.venue or self.county}/{self.id}"

    def may_read(self, record: dict[str, Any]) -> bool:
        if self.role == "supervisor":
            return bool(record["county"] == self.county)
        return self.venue in (record["venue"], record["holder"], record.get("inTransitTo"))

    def may_write(self, record: dict[str, Any]) -> bool:
        return self.role == "staff" and self.may_read(record)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def make(conn: Connection, role: str, venue: str | None, county: str | None, label: str) -> str:
    """A new token's text (shown once; only its hash is kept)."""
    token_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(24)
    conn.execute(
        insert(schema.tokens).values(
            id=token_id,
            digest=_digest(secret),
            role=role,
            venue=venue,
            county=county,
            label=label,
            created_at=days.now(),
        )
    )
    return f"{PREFIX}_{token_id}_{secret}"


def revoke(conn: Connection, token_id: str) -> bool:
    t = schema.tokens.c
    done = conn.execute(
        update(schema.tokens)
        .where(t.id == token_id, t.revoked_at.is_(None))
        .values(revoked_at=days.now())
    )
    return done.rowcount == 1


def verify(conn: Connection, text: str) -> Token | None:
    parts = text.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    t = schema.tokens.c
    row = conn.execute(
        select(schema.tokens).where(t.id == parts[1], t.revoked_at.is_(None))
    ).first()
    if row is None or not hmac.compare_digest(row.digest, _digest(parts[2])):
        return None
    return Token(row.id, row.role, row.venue, row.county)


def listed(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(schema.tokens).order_by(schema.tokens.c.created_at)).all()
    return [
        {
            "id": r.id,
            "role": r.role,
            "venue": r.venue,
            "county": r.county,
            "label": r.label,
            "createdAt": r.created_at.isoformat(),
            "revoked": r.revoked_at is not None,
        }
        for r in rows
    ]
