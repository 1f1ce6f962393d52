"""Case numbers (办件编号) in the national style: where, when, and a serial.

`33990120261206000042` is the 42nd case of county 339901 on 2026-12-06: the county's
six-digit division code, the date the case was registered, and a six-digit serial kept
per county and day. Serials come from a counter that only grows, inside the same
transaction as the case's first event, so a number is unique and never reused (a
rolled-back registration leaves a gap, never a duplicate)."""

from __future__ import annotations

import datetime as dt
import re

PATTERN = re.compile(r"^\d{6}\d{8}\d{6,}$")


def county_of(locality: str) -> str:
    """The county (six-digit division code) a venue's or resident's locality belongs to."""
    return locality[:6]


def counter_scope(county: str, day: dt.date) -> str:
    return f"{county}{day:%Y%m%d}"


def case_number(county: str, day: dt.date, serial: int) -> str:
    return f"{counter_scope(county, day)}{serial:06d}"


def looks_like_case_number(text: str) -> bool:
    return bool(PATTERN.match(text))
