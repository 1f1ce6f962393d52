"""The columns a warning light needs, beside the record (so 100,000 open cases are read
in one narrow query, not 100,000 JSON records with their stored decisions), an index for
the open cases of a county, and one on the events' day (the monthly report's period).

Existing rows are filled from their records by the database itself."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = (
    ("case_kind", sa.String(24)),
    ("clock_start", sa.Date),
    ("paused_since", sa.Date),
    ("paused_by", sa.String(64)),
    ("pauses", sa.Text),
    ("promised_days", sa.Integer),
    ("in_transit_to", sa.String(64)),
    ("last_on", sa.Date),
)
SQLITE_FILL = """UPDATE case_state SET
  case_kind = coalesce(json_extract(doc, '$.caseKind'), 'application'),
  clock_start = json_extract(doc, '$.clock.start'),
  paused_since = json_extract(doc, '$.clock.pausedSince'),
  paused_by = json_extract(doc, '$.clock.pausedBy'),
  pauses = CASE WHEN json_array_length(doc, '$.clock.pauses') > 0
    THEN json_extract(doc, '$.clock.pauses') END,
  promised_days = CASE WHEN json_extract(doc, '$.limits.promised.unit') = '工作日'
    AND json_type(doc, '$.limits.promised.value') = 'integer'
    THEN json_extract(doc, '$.limits.promised.value') END,
  in_transit_to = json_extract(doc, '$.inTransitTo'),
  last_on = json_extract(doc, '$.lastOn')"""
POSTGRES_FILL = """UPDATE case_state SET
  case_kind = coalesce(x.j ->> 'caseKind', 'application'),
  clock_start = CAST(x.j #>> '{clock,start}' AS date),
  paused_since = CAST(x.j #>> '{clock,pausedSince}' AS date),
  paused_by = x.j #>> '{clock,pausedBy}',
  pauses = CASE WHEN jsonb_typeof(x.j #> '{clock,pauses}') = 'array'
    AND jsonb_array_length(x.j #> '{clock,pauses}') > 0 THEN x.j #>> '{clock,pauses}' END,
  promised_days = CASE WHEN x.j #>> '{limits,promised,unit}' = '工作日'
    AND x.j #>> '{limits,promised,value}' ~ '^[0-9]+$'
    THEN CAST(x.j #>> '{limits,promised,value}' AS integer) END,
  in_transit_to = x.j ->> 'inTransitTo',
  last_on = CAST(x.j ->> 'lastOn' AS date)
FROM (SELECT case_no, CAST(doc AS jsonb) AS j FROM case_state) x
WHERE x.case_no = case_state.case_no"""


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("case_state", sa.Column(name, kind))
    dialect = op.get_bind().dialect.name
    op.execute(SQLITE_FILL if dialect == "sqlite" else POSTGRES_FILL)
    op.create_index("ix_case_state_open", "case_state", ["county", "state"])
    op.create_index("ix_events_on_day", "events", ["on_day"])
