"""The JSON the API answers with: its public contract, published in the OpenAPI.

Kept apart from the engine's own types so that the engine can change without
breaking clients; keys are camelCase like the catalog files."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class ApiModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        frozen=True,
        field_title_generator=lambda name, _info: to_camel(name),
    )


class ProblemField(ApiModel):
    """One thing wrong with a request: where, what was expected, what was found."""

    location: str
    pointer: str | None = None
    message: str
    expected: str | None = None
    found: str | None = None
    line: int | None = None
    column: int | None = None


class Problem(ApiModel):
    """RFC 9457 problem details, with a stable `code` and both languages."""

    type: str
    title: str
    title_zh: str
    status: int
    code: str
    detail: str
    detail_zh: str
    instance: str
    revision: str | None = None
    errors: list[ProblemField] = []


class Limit(ApiModel):
    value: int
    unit: str
    note: str | None = None


class Hop(ApiModel):
    locality: str
    locality_name: str
    level: str
    role: Literal["proxy", "accept", "decide"]
    venue: str | None
    venue_name: str | None
    promised_limit: Limit | None = Field(
        description="the matter's promised limit as this locality publishes it; it runs "
        "from acceptance at the accepting venue, so at a proxy hop it is not the hop's "
        "own time (that is legLimit)"
    )
    proxy_agent: str | None = None
    closed: str | None = Field(
        default=None,
        description="why the venue does not open on the route's date (周一, 国庆节); "
        "absent when it opens",
    )
    leg_limit: Limit | None = Field(
        default=None,
        description="proxy hops: the time the agent takes to carry the file to the next "
        "venue (the catalog's proxyLimit); null when not given",
    )


class RouteBody(ApiModel):
    matter: str
    matter_name: str
    locality: str
    locality_name: str
    handling_kind: str | None
    hops: list[Hop]
    accepted_at: Hop
    decided_at: Hop
    proxy: list[Hop]
    explanation: str
    date: dt.date | None = Field(
        default=None, description="the day the route is placed on (routing plugins, closures)"
    )


class RouteAnswer(RouteBody):
    revision: str


class MatterSummary(ApiModel):
    code: str
    name: str
    aliases: list[str]
    theme: str | None
    type: str
    handling_kind: str | None
    department: str
    department_name: str
    defined_by: str
    tier: str
    online: bool | None
    unknown: list[str] = []


class MatterPage(ApiModel):
    revision: str
    total: int
    page: int
    per_page: int
    items: list[MatterSummary]


class MatterAnswer(ApiModel):
    revision: str
    code: str
    implementation_code: str
    defined_by: str
    matter: dict[str, Any]
    unknown: list[str] = []


class GuideAnswer(ApiModel):
    revision: str
    matter: str
    locality: str
    guide: dict[str, Any]


class Place(ApiModel):
    code: str
    name: str
    level: str


class LocalityNode(Place):
    children: list[LocalityNode] = []


class LocalityTree(ApiModel):
    revision: str
    roots: list[LocalityNode]


class PhoneLine(ApiModel):
    label: str | None = None
    number: str


class VenueBody(ApiModel):
    id: str
    name: str
    tier: str
    locality: str
    address: str
    hours: list[str]
    phones: list[PhoneLine]
    note: str | None = None


class LocalityAnswer(Place):
    revision: str
    parent: str | None
    chain: list[Place]
    children: list[Place]
    venues: list[VenueBody]
    served_by: VenueBody | None


class Service(ApiModel):
    """A matter as a resident of a locality meets it: where the first step is taken."""

    matter: str
    matter_name: str
    theme: str | None
    handling_kind: str | None
    first_level: str
    first_stop: Hop
    decided_at: Hop


class ServicesAnswer(ApiModel):
    revision: str
    locality: str
    locality_name: str
    within: Literal["village", "town", "anywhere"]
    total: int
    items: list[Service]


class ListedMatterBody(ApiModel):
    """A line of a venue's matter list, as printed on the wall: texts, not codes."""

    code: str
    name: str
    theme: str
    department_name: str
    window: str
    handling_kind: str | None
    promised_text: str
    fee_text: str
    role: str


class VenueAnswer(VenueBody):
    revision: str
    matters: list[ListedMatterBody]


class MissingMaterial(ApiModel):
    name: str
    originals: int
    copies: int
    reason: str


class FactNeeded(ApiModel):
    """A fact still needed, as the applicant is asked for it."""

    fact: str
    label: str
    question: str


class TimelineStep(ApiModel):
    """One step of a decided case: a proxy leg, the acceptance, the decision."""

    role: Literal["proxy", "accept", "decide"]
    locality: str
    venue: str | None
    venue_name: str | None
    limit: Limit | None = Field(description="a proxy leg's own limit; the promised limit")
    due: dt.date | None = Field(description="the day the step is due; null when not known")


class Refusal(ApiModel):
    reason: str
    basis: str
    source: str


class Fee(ApiModel):
    id: str
    name: str
    amount: float
    waived: float
    net: float
    basis: str
    waived_by: list[str]


class TraceLine(ApiModel):
    part: str
    detail: str
    source: str


class Notice(ApiModel):
    """Something in the case that looks like a slip; the decision stands regardless."""

    code: Literal["unknown-fact", "unknown-material"]
    pointer: str
    message: str
    message_zh: str
    suggestion: str | None


class DueNoteLine(ApiModel):
    """Why the acceptance day or a due date is what it is. Codes: accepted-same-day,
    weekend-service, accepted-later, after-hours, carried (proxy legs: when the file
    reaches the accepting venue), days-skipped, rest-day-end, paused,
    provisional (a year without calendar data: weekends and fixed-date holidays only, to
    be confirmed)."""

    code: str
    message: str
    message_zh: str


class DecisionAnswer(ApiModel):
    """A decision, reproducible from its revision and plugin versions; `decisionId`
    names it in the server log (as OPA's decision ids do)."""

    decision_id: str
    revision: str
    outcome: Literal["accept", "accept-pending-materials", "forward", "refuse", "undetermined"]
    outcome_zh: str
    matter: str
    matter_name: str
    locality: str
    handling_kind: str | None
    route: RouteBody | None
    handled_at: str | None
    forward_to: str | None
    forward_reason: str | None
    missing_materials: list[MissingMaterial]
    missing_facts: list[str] = Field(description="the keys of the facts still needed")
    facts_needed: list[FactNeeded] = Field(
        default_factory=list,
        description="the same facts with the form's label and the question to ask",
    )
    unknown_fields: list[str] = Field(
        default_factory=list, description="fields the catalog does not give yet (a draft)"
    )
    refusals: list[Refusal]
    fees: list[Fee]
    total_fee: float
    submitted_on: dt.date | None
    accepted_on: dt.date | None
    statutory_limit: Limit | None
    promised_limit: Limit | None
    statutory_due: dt.date | None
    promised_due: dt.date | None
    timeline: list[TimelineStep] = Field(
        default_factory=list,
        description="proxy legs (each with its own limit), acceptance and decision, with "
        "the day each is due; the promised limit counts from the acceptance",
    )
    provisional: bool
    due_notes: list[DueNoteLine]
    trace: list[TraceLine]
    plugins: dict[str, str]
    notices: list[Notice]


class PluginInfo(ApiModel):
    name: str
    version: str
    enabled_at: list[str]


class ReloadProblem(ApiModel):
    file: str
    line: int | None
    column: int | None
    rule: str
    path: str
    message: str
    message_zh: str


class ReloadReport(ApiModel):
    status: Literal["none", "ok", "failed"]
    at: dt.datetime | None
    trigger: str | None
    revision: str | None
    seconds: float
    message: str | None
    errors: list[ReloadProblem]


class QuarantinedItem(ApiModel):
    """An item left out of the bundle because of its errors."""

    kind: str
    key: str
    name: str
    file: str
    rule: str
    message: str
    message_zh: str


class BundleAnswer(ApiModel):
    revision: str
    loaded_at: dt.datetime
    load_seconds: float
    from_cache: bool
    files: int
    matters: int
    localities: int
    venues: int
    plugins: list[PluginInfo]
    watching: bool
    last_reload: ReloadReport
    quarantined: list[QuarantinedItem] = []


class Health(ApiModel):
    status: Literal["ok", "ready"]
    revision: str | None = None
