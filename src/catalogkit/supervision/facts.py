"""One row per counted event of a period, with what it counts (the SQL both the
figures and their traces are made from, so a figure and the cases listed for it never
disagree). Each event is counted where it happened: received at the venue of 申请,
accepted at the venue of 受理, completed at the venue of 办结, proxied at the venue of
each 转报 / 送件 (of a village station: sv_villages)."""

from __future__ import annotations

from ..ledger.linked import KINDS_ZH

MEASURES = (
    "received",
    "accepted",
    "completed",
    "with_due",
    "on_time",
    "early",
    "p_n",
    "p_limit",
    "p_saved",
    "s_limit",
    "s_saved",
    "proxied",
    "in_village",
)

_DONE = "e.kind = 'conclude'"
# Complaints and rectifications are ledger cases with a 申请 and 受理 of their own; the
# rates count applications only (their own figures: supervision/venue_feedback.py).
_LINKED = ", ".join(f"'{kind}'" for kind in KINDS_ZH if kind != "application")


def _limits(dialect: str) -> tuple[str, str, str]:
    """(the WITH clause, its join, the template of one limit's unit or value): on
    PostgreSQL each concluded case's record is read once into a materialised table (a
    JSON parse per column cost seconds); SQLite reads the record where it is used (its
    json_extract is cheap, and a materialised table there has no index to join on)."""
    if dialect != "postgresql":
        return "", "", "json_extract(cs.doc, '$.limits.{0}.{1}')"
    columns = ", ".join(
        f"(j -> '{word}' ->> '{key}') AS {word[0]}{key[0]}"
        for word in ("promised", "statutory")
        for key in ("unit", "value")
    )
    with_ = (
        f"WITH lim AS MATERIALIZED (SELECT case_no, {columns} FROM (SELECT case_no, "
        "doc::json -> 'limits' AS j FROM case_state WHERE county = :county "
        "AND finished_on BETWEEN :first AND :last AND state IN ('concluded', 'delivered') "
        "OFFSET 0) x)"  # OFFSET 0: each record parsed once, not once per column
    )
    return with_, "LEFT JOIN lim ON lim.case_no = e.case_no", "lim.{2}"


def facts_sql(dialect: str, venue: bool) -> str:
    month = "to_char(e.on_day, 'YYYY-MM')" if dialect == "postgresql" else "substr(e.on_day, 1, 7)"
    with_, join, limit = _limits(dialect)
    parts = []
    for key, due, pos in (("p", "cs.promised_due", "dp"), ("s", "cs.statutory_due", "ds")):
        word = "promised" if key == "p" else "statutory"
        unit = limit.format(word, "unit", f"{key}u")
        value = limit.format(word, "value", f"{key}v")
        ok = f"{_DONE} AND {due} IS NOT NULL AND {unit} = '工作日' AND {pos}.pos IS NOT NULL"
        ok += " AND de.pos IS NOT NULL"
        cast = f"CAST({value} AS INTEGER)"
        if key == "p":
            parts.append(f"CASE WHEN {ok} THEN 1 ELSE 0 END AS p_n")
        parts.append(f"CASE WHEN {ok} THEN {cast} END AS {key}_limit")
        parts.append(f"CASE WHEN {ok} THEN {pos}.pos - de.pos END AS {key}_saved")
    village = "e.venue IN (SELECT venue FROM sv_villages)"
    hops = f"e.kind IN ('forward', 'send') AND {village}"
    never_left = (
        f"{village} AND NOT EXISTS (SELECT 1 FROM events f WHERE f.case_no = e.case_no "
        "AND f.kind IN ('forward', 'send'))"
    )
    where = "e.on_day BETWEEN :first AND :last AND cs.county = :county"
    where += f" AND cs.matter NOT IN ({_LINKED})"  # complaints, rectifications: not applications
    if venue:
        where += " AND e.venue = :venue"
    return f"""
{with_}
SELECT e.case_no AS case_no, e.venue AS venue, cs.matter AS matter, {month} AS month,
  CASE WHEN e.kind = 'apply' THEN 1 ELSE 0 END AS received,
  CASE WHEN e.kind = 'accept' THEN 1 ELSE 0 END AS accepted,
  CASE WHEN {_DONE} THEN 1 ELSE 0 END AS completed,
  CASE WHEN {_DONE} AND cs.promised_due IS NOT NULL THEN 1 ELSE 0 END AS with_due,
  CASE WHEN {_DONE} AND e.on_day <= cs.promised_due THEN 1 ELSE 0 END AS on_time,
  CASE WHEN {_DONE} AND e.on_day < cs.promised_due THEN 1 ELSE 0 END AS early,
  {", ".join(parts)},
  CASE WHEN {hops} THEN 1 ELSE 0 END AS proxied,
  CASE WHEN {_DONE} AND {never_left} THEN 1 ELSE 0 END AS in_village
FROM events e
JOIN case_state cs ON cs.case_no = e.case_no
{join}
LEFT JOIN sv_places pl ON pl.locality = cs.locality
LEFT JOIN sv_days de ON de.cal = pl.cal AND de.day = e.on_day
LEFT JOIN sv_days dp ON dp.cal = pl.cal AND dp.day = cs.promised_due
LEFT JOIN sv_days ds ON ds.cal = pl.cal AND ds.day = cs.statutory_due
WHERE e.kind IN ('apply', 'accept', 'conclude', 'forward', 'send') AND {where}"""


def totals_sql(dialect: str, venue: bool) -> str:
    """The figures per (venue, matter, month), summed by the database."""
    sums = ", ".join(
        f"COUNT(DISTINCT CASE WHEN proxied = 1 THEN case_no END) AS {m}"
        if m == "proxied"
        else f"SUM({m}) AS {m}"
        for m in MEASURES
    )
    return (
        f"SELECT venue, matter, month, {sums} FROM ({facts_sql(dialect, venue)}) facts "
        "GROUP BY venue, matter, month"
    )


def trace_sql(dialect: str, measure: str, venue: bool) -> str:
    """The case numbers a measure counts (one row per counted event)."""
    if measure not in MEASURES:
        raise ValueError(measure)
    test = f"{measure} IS NOT NULL" if measure.endswith(("_limit", "_saved")) else f"{measure} = 1"
    return (
        f"SELECT DISTINCT case_no, venue, matter, month FROM ({facts_sql(dialect, venue)}) facts "
        f"WHERE {test} ORDER BY case_no"
    )
