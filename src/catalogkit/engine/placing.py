"""A route placed on a day: the accepting hop moved to the venue that routing rules and
plugins choose, and every hop whose venue does not open that day marked as closed, so
that no answer names a closed venue without saying so."""

from __future__ import annotations

import datetime as dt

from ..calendar import WorkingCalendar
from ..calendar.notes import WEEKDAY_ZH
from ..errors import CalendarError
from ..model import Venue
from ..resolve import Bundle
from .route import Hop, Route


def closed_on(venue: Venue, day: dt.date, calendar: WorkingCalendar) -> str | None:
    """Why `venue` does not open on `day` (the weekday, or the holiday or closure the
    calendar names), or None when its opening hours include that day. A working day
    opens venues with 工作日 hours or hours on that weekday; a weekend day that is not a
    holiday opens only venues with hours on that weekday (周末不打烊); a holiday or a
    closure opens none. In a year without calendar data only weekdays are known."""
    weekday = WEEKDAY_ZH[day.weekday()]
    try:
        working = calendar.is_working_day(day)
    except CalendarError:
        working, special = day.weekday() < 5, None
    else:
        special = calendar.day_name(day)
    days = {d for h in venue.hours for d in h.days}
    if working:
        return None if "工作日" in days or weekday in days else weekday
    if special is None and day.weekday() >= 5 and weekday in days:
        return None
    return special or weekday


def placed(
    bundle: Bundle,
    found: Route,
    venue: str | None,
    day: dt.date,
    calendar: WorkingCalendar,
) -> Route:
    """`found` with its accepting hop at `venue` (when a rule or plugin chose one) and
    each hop's closure on `day`."""
    accepting = found.accepted_at
    venues = bundle.venues
    hops = []
    for hop in found.hops:  # Hop(...) rather than dataclasses.replace: route is hot
        where, name = hop.venue, hop.venue_name
        if hop is accepting and venue is not None:
            where = venue
            name = venues[venue].item.name if venue in venues else None
        owned = venues.get(where) if where is not None else None
        why = closed_on(owned.item, day, calendar) if owned is not None else None
        if where != hop.venue or why is not None:
            hop = Hop(
                hop.locality,
                hop.locality_name,
                hop.role,
                where,
                name,
                hop.promised_limit,
                hop.proxy_agent,
                hop.department,
                why,
                hop.leg_limit,
            )
        hops.append(hop)
    return Route(
        found.matter, found.matter_name, found.locality, found.handling_kind, tuple(hops), day
    )
