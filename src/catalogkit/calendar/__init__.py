"""Working days and due dates from per-year calendar data (DESIGN.md, "Working days").

The strict methods of WorkingCalendar refuse a year without national calendar data
(CalendarError); `accepted_on` and `due_date` count on with weekends and fixed-date
holidays only there and mark the answer provisional, so that a case reaching into next
year still gets a decision."""

from .acceptance import VenueHours, accepted_on
from .due import UNITS, DueDate, add_months, due_date, provisional_notes
from .notes import DueNote
from .pauses import Pause, add_calendar_days, merge_pauses
from .table import Closure
from .working import WorkingCalendar, missing_year

__all__ = [
    "UNITS",
    "Closure",
    "DueDate",
    "DueNote",
    "Pause",
    "VenueHours",
    "WorkingCalendar",
    "accepted_on",
    "add_calendar_days",
    "add_months",
    "due_date",
    "merge_pauses",
    "missing_year",
    "provisional_notes",
]
