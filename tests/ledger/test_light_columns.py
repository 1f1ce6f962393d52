"""The narrow columns the lights read (migration 0002) say what the record says: as the
ledger writes them, and as the migration fills them in for rows written before it, on
SQLite and PostgreSQL; a light counted from them says why when its limit is unknown."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from sqlalchemy import text

from catalogkit.engine import Engine
from catalogkit.ledger import Ledger
from catalogkit.ledger.database import transaction
from catalogkit.ledger.jsonable import loads
from catalogkit.ledger.projection import light_columns
from catalogkit.supervision import OpenCase, lights_of
from catalogkit.supervision.reckoner import Reckoner
from tests.supervision.replay import load, replay

MIGRATION = (
    Path(__file__).parents[2] / "src/catalogkit/ledger/migrations/versions/0002_light_columns.py"
)
NAMES = list(light_columns({"clock": {}, "lastOn": "2026-01-01"}))


def _fill_sql(dialect: str) -> str:
    spec = importlib.util.spec_from_file_location("light_columns_migration", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.SQLITE_FILL if dialect == "sqlite" else module.POSTGRES_FILL)


def _columns(ledger: Ledger) -> dict[str, tuple[object, ...]]:
    with transaction(ledger.db, write=False) as conn:
        rows = conn.execute(text(f"SELECT case_no, {', '.join(NAMES)}, doc FROM case_state"))
        return {r[0]: (*map(_plain, r[1:-1]), loads(r[-1])) for r in rows}


def _plain(value: object) -> object:
    if isinstance(value, str) and value.startswith("["):
        return loads(value)  # pauses: the same JSON, however spaced
    return value.isoformat() if isinstance(value, dt.date) else value


def test_written_and_filled_columns_say_what_the_record_says(
    ledger: Ledger, engine: Engine
) -> None:
    replay(ledger, engine, load())
    written = _columns(ledger)
    assert any(v[NAMES.index("pauses")] for v in written.values())  # a special procedure
    for case_no, (*columns, record) in written.items():
        expected = [_plain(v) for v in light_columns(record).values()]
        expected[NAMES.index("pauses")] = _plain(expected[NAMES.index("pauses")])
        assert columns == expected, case_no
    with transaction(ledger.db, write=True) as conn:
        conn.execute(text(f"UPDATE case_state SET {', '.join(f'{n} = NULL' for n in NAMES)}"))
        conn.execute(text(_fill_sql(conn.dialect.name)))
    filled = _columns(ledger)
    assert {k: v[:-1] for k, v in filled.items()} == {k: v[:-1] for k, v in written.items()}


def test_a_light_without_a_limit_says_the_limit_is_unknown(engine: Engine) -> None:
    day = dt.date(2026, 11, 17)
    case = OpenCase(
        "33990120261116000001", "application", "accepted", "339901", "qingxi-center",
        "qingxi-center", None, "MH-BDC-0001", "339901101001", day, None, day, None, None,
        (), None, day,
    )  # fmt: skip
    (light,) = lights_of([case], Reckoner(engine, 2026), dt.date(2026, 11, 20))
    assert light.light == "unknown"
    assert light.why_zh.startswith("时限未知")
    assert light.why_en.startswith("limit unknown")
