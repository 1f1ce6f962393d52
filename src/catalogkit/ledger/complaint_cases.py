"""Complaints (投诉): cases of their own kind, about a case or a venue, registered and
accepted at once with their own limit (the locality's `feedback.complaintLimit`, by
default 15 working days) and answered in writing (`reply`) to close."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

from pydantic import ConfigDict

from ..engine import Engine
from ..model.base import IsoDate, Model, Name, Slug, Text, doc
from . import days, privacy
from .hot import Writer
from .inputs import Applicant, EventChannel
from .ledger_errors import InvalidInput
from .linked import Linked, number, register
from .numbers import county_of
from .policy import policy
from .registration import ADD_KEY, known_key

if TYPE_CHECKING:
    from .book import Ledger


class NewComplaint(Model):
    model_config = ConfigDict(defer_build=False)  # a request body (see ledger.inputs.NewCase)

    venue: Slug = doc("登记场所", "venue that registers the complaint")
    about_case: Name | None = doc("被投诉办件", "the case complained about", default=None)
    about_venue: Slug | None = doc("被投诉场所", "the venue complained about", default=None)
    complainant: Applicant = doc("投诉人", "who complains")
    channel: EventChannel = doc("投诉渠道", "channel (phone: 投诉电话)", default="window")
    summary: Text = doc("投诉内容", "what the complaint says")
    staff: Name = doc("登记人", "staff id of who registers it")
    on: IsoDate | None = doc("投诉日期", "day of the complaint (default today)", default=None)


def file(
    ledger: Ledger,
    new: NewComplaint,
    engine: Engine,
    *,
    actor: str,
    key: str | None = None,
    today: dt.date | None = None,
) -> tuple[dict[str, Any], bool]:
    """(the complaint's case, whether it is new); a key already used returns its case."""
    bundle = engine.bundle
    if new.about_case is None and new.about_venue is None:
        raise InvalidInput(
            "aboutCase",
            "a complaint is about a case (aboutCase) or a venue (aboutVenue)",
            "投诉须指明被投诉的办件（aboutCase）或场所（aboutVenue）",
        )
    for field, venue in (("venue", new.venue), ("aboutVenue", new.about_venue)):
        if venue is not None and venue not in bundle.venues:
            raise InvalidInput(
                field, f"no venue {venue!r} in the catalog", f"目录中没有场所 {venue}"
            )
    on = new.on or today or days.today()
    if on > (today or days.today()):
        raise InvalidInput("on", f"{on} is in the future", f"日期 {on} 晚于今天")
    print_ = hashlib.sha256(new.model_dump_json(by_alias=True).encode()).hexdigest()
    key = None if key is None else f"complaint:{key}"  # never the key of a case
    secret = ledger.secret()

    def work(conn: Writer) -> tuple[dict[str, Any], bool]:
        if key is not None:
            known = known_key(conn, key, print_)
            if known is not None:
                return conn.current(known), False
        linked = _linked(conn, new, engine, secret)
        record = register(conn, number(conn, linked.county, on), linked, on, engine, actor)
        if key is not None:
            values = {"key": key, "case_no": record["caseNo"], "fingerprint": print_,
                      "created_at": days.now()}  # fmt: skip
            conn.run(ADD_KEY, values, write=True)
        return record, True

    return ledger.submit(work)


def _linked(conn: Writer, new: NewComplaint, engine: Engine, secret: bytes) -> Linked:
    bundle = engine.bundle
    about: dict[str, Any] = {"summary": new.summary}
    if new.about_case is not None:
        case = conn.current(new.about_case)  # UnknownCase when there is none
        about.update(caseNo=case["caseNo"], matter=case["matter"], venue=case["holder"])
        about["matterName"] = case.get("matterName")
        locality, holder = case["locality"], new.about_venue or case["holder"]
    else:
        assert new.about_venue is not None
        locality, holder = bundle.venues[new.about_venue].locality, new.about_venue
        about["venue"] = holder
    applicant = privacy.stored_person(new.complainant, secret)
    return Linked(
        kind="complaint",
        county=county_of(bundle.venues[new.venue].locality),
        venue=new.venue,
        holder=holder,
        locality=locality,
        applicant=applicant,
        about=about,
        limit=policy(bundle, locality)["complaintLimit"],
        channel=new.channel,
        staff=new.staff,
        note=new.summary,
    )
