"""Personal data kept so that no output can show it.

The ledger never stores a full identity-card number or phone number: it keeps a masked
form for people to recognise (`3399**********123X`, `138****5678`), the phone's last
four digits for a resident's own look-up, and a keyed hash of each to find the same
person again. Names are kept for window staff and masked (`张*`) to anyone else."""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import Protocol

_DIGITS = re.compile(r"\D")


def mask_id_number(value: str) -> str:
    v = value.strip().upper()
    if len(v) <= 8:
        return "*" * len(v)
    return v[:4] + "*" * (len(v) - 8) + v[-4:]


def phone_digits(value: str) -> str:
    return _DIGITS.sub("", value)


def mask_phone(value: str) -> str:
    d = phone_digits(value)
    if len(d) <= 4:
        return "*" * len(d)
    keep = 3 if len(d) >= 11 else 0
    return d[:keep] + "*" * (len(d) - keep - 4) + d[-4:]


def last_four(value: str) -> str:
    return phone_digits(value)[-4:]


def mask_name(value: str) -> str:
    v = value.strip()
    if len(v) <= 1:
        return v
    return v[0] + "*" * (len(v) - 1)


def keyed_hash(secret: bytes, value: str) -> str:
    """The same person's number gives the same hash in one ledger, nothing outside it."""
    return hmac.new(secret, value.strip().upper().encode(), hashlib.sha256).hexdigest()[:32]


class Person(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def id_number(self) -> str | None: ...
    @property
    def phone(self) -> str: ...


def stored_person(person: Person, secret: bytes) -> dict[str, str | None]:
    """How an applicant or a complainant is kept: the name, masked numbers, the phone's
    last four digits and keyed hashes; never a whole number."""
    number = person.id_number
    return {
        "name": person.name,
        "kind": person.kind,
        "idMasked": None if number is None else mask_id_number(number),
        "idHash": None if number is None else keyed_hash(secret, number),
        "phoneMasked": mask_phone(person.phone),
        "phoneLast4": last_four(person.phone),
        "phoneHash": keyed_hash(secret, phone_digits(person.phone)),
    }
