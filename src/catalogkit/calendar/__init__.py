"""Working days and due dates from per-year calendar data (DESIGN.md, "Working days").

A year without national calendar data is refused with CalendarError, never guessed."""

from .pauses import Pause, add_calendar_days, merge_pauses
from .table import Closure
from .working import WorkingCalendar, missing_year

__all__ = [
    "Closure",
    "Pause",
    "WorkingCalendar",
    "add_calendar_days",
    "merge_pauses",
    "missing_year",
]
