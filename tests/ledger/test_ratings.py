"""Ratings (好差评) on both backends: five grades, at most one per case and channel, never
replaced (a correction is a new event), and a bad rating opens a rectification (整改)
with its own limit and due date that closes only with a written reply."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from catalogkit.engine import Engine
from catalogkit.ledger import Conflict, Filters, InvalidInput, Ledger
from catalogkit.ledger.feedback_append import RatingExists
from tests.conftest import DATA
from tests.ledger.helpers import event, new_case

TODAY = dt.date(2026, 12, 1)
ROWS = [
    line.split("\t")
    for line in (DATA / "ledger" / "ratings.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
][1:]


def concluded(ledger: Ledger, engine: Engine, **changes: Any) -> dict[str, Any]:
    number = ledger.create(new_case(**changes), engine, actor="t", today=TODAY)[0]["caseNo"]
    ledger.append(number, event("accept", 1, on="2026-09-24"), engine, actor="t", today=TODAY)
    return ledger.append(
        number, event("conclude", 2, on="2026-10-09", result="准予"), engine, actor="t", today=TODAY
    )


def rate(ledger: Ledger, engine: Engine, record: dict[str, Any], **fields: Any) -> dict[str, Any]:
    new = event("rate", record["version"], on="2026-10-12", **fields)
    return ledger.append(record["caseNo"], new, engine, actor="t", today=TODAY)


def test_ratings_one_per_channel_and_bad_ones_open_rectifications(
    ledger: Ledger, engine: Engine
) -> None:
    record = concluded(ledger, engine)
    opened = 0
    for channel, grade, score, answer, rectification in ROWS:
        fields: dict[str, Any] = {"channel": channel}
        if grade:
            fields["grade"] = grade
        if score:
            fields["score"] = int(score)
        if answer == "422":
            with pytest.raises(InvalidInput) as disagree:
                rate(ledger, engine, record, **fields)
            assert disagree.value.field == "grade"
            continue
        if answer == "409":
            with pytest.raises(RatingExists) as refused:
                rate(ledger, engine, record, **fields)
            assert refused.value.existing["channel" if False else "grade"]
            continue
        record = rate(ledger, engine, record, **fields)
        one = record["ratings"][channel]
        assert one["score"] == (int(score) if score else None) or one["grade"] == grade
        assert bool(one["rectification"]) == (rectification == "yes"), channel
        opened += rectification == "yes"
    kinds = [c for c in ledger.find(Filters(matter="rectification"))[0]]
    assert len(kinds) == opened == 3
    assert {len(record["ratings"])} == {6}


def test_a_rectification_has_its_own_limit_due_date_and_closes_only_with_a_reply(
    ledger: Ledger, engine: Engine
) -> None:
    record = rate(ledger, engine, concluded(ledger, engine), grade="非常不满意", note="等了很久")
    number = record["ratings"]["window"]["rectification"]
    fix = ledger.get(number)
    assert fix["caseKind"] == "rectification" and fix["state"] == "accepted"
    assert fix["about"]["caseNo"] == record["caseNo"] and fix["about"]["grade"] == "非常不满意"
    assert (fix["matter"], fix["venue"], fix["acceptedOn"]) == (
        "rectification",
        record["holder"],
        "2026-10-12",
    )
    assert fix["limits"]["promised"] == {"value": 15, "unit": "工作日"}
    assert fix["due"]["promised"] == "2026-11-02"  # 15 working days after 2026-10-12
    with pytest.raises(Conflict):
        ledger.append(number, event("conclude", 2, result="准予"), engine, actor="t", today=TODAY)
    with pytest.raises(Exception, match="reply"):
        ledger.append(number, event("reply", 2), engine, actor="t", today=TODAY)
    closed = ledger.append(number, event("reply", 2, reply="已约谈窗口人员，整改到位"), engine,
                           actor="t", today=TODAY)  # fmt: skip
    assert (closed["state"], closed["reply"], closed["finishedOn"]) == (
        "concluded",
        "已约谈窗口人员，整改到位",
        TODAY.isoformat(),
    )
    with pytest.raises(Conflict):  # an application takes no reply
        ledger.append(record["caseNo"], event("reply", record["version"], reply="x"), engine,
                      actor="t", today=TODAY)  # fmt: skip


def test_a_correction_is_a_new_event_and_the_first_grade_is_kept(
    ledger: Ledger, engine: Engine
) -> None:
    record = rate(ledger, engine, concluded(ledger, engine), grade="不满意")
    fix = record["ratings"]["window"]["rectification"]
    fixed = ledger.append(
        record["caseNo"],
        event("correct-rating", record["version"], grade="满意", note="居民来电更正"),
        engine,
        actor="t",
        today=TODAY,
    )
    one = fixed["ratings"]["window"]
    assert (one["grade"], one["rectification"]) == ("满意", fix)
    assert [c["grade"] for c in one["corrected"]] == ["不满意"]
    kinds = [e.kind for e in ledger.timeline(record["caseNo"])]
    assert kinds[-2:] == ["rate", "correct-rating"]
    assert ledger.get(fix)["state"] == "accepted"  # still to be answered
    assert ledger.rebuild()[0] == 2
    assert ledger.get(record["caseNo"])["ratings"] == fixed["ratings"]


def test_ratings_need_a_finished_case(ledger: Ledger, engine: Engine) -> None:
    number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    with pytest.raises(Conflict):
        ledger.append(number, event("rate", 1, grade="满意"), engine, actor="t", today=TODAY)


def test_channels_that_only_rate_and_rectifications_on_pages_and_in_transfers(
    ledger: Ledger, engine: Engine, tmp_path: Any
) -> None:
    from fastapi.testclient import TestClient

    from catalogkit.ledger.transfer import export_lines, import_events, parse
    from catalogkit.server import ServeConfig, create_app
    from tests.conftest import DEMO

    number = ledger.create(new_case(), engine, actor="t", today=TODAY)[0]["caseNo"]
    with pytest.raises(InvalidInput) as wrong:
        ledger.append(number, event("accept", 1, channel="evaluator"), engine, actor="t",
                      today=TODAY)  # fmt: skip
    assert wrong.value.field == "channel"
    record = rate(ledger, engine, concluded(ledger, engine), grade="不满意", channel="sms")
    fix = record["ratings"]["sms"]["rectification"]
    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    app.state.ledger = ledger
    token = ledger.make_token("staff", "qingxi-center", None, "窗口")
    with TestClient(app) as client:
        today = client.post("/cases/today", data={"token": token})
        assert today.status_code == 200 and fix in today.text
        notice = client.post("/cases/notice", data={"no": fix, "token": token, "kind": "accept"})
        assert notice.status_code == 200
        shown = client.get(f"/v1/cases/{fix}", headers={"Authorization": f"Bearer {token}"})
        assert shown.status_code == 200 and shown.json()["allowedNext"][-1] == "reply"
    app.state.ledger = None
    lines = list(export_lines(ledger))
    other = Ledger.open(f"sqlite:///{tmp_path / 'copy.sqlite'}")
    assert import_events(other, parse(lines, "x.jsonl")) == (3, len(lines))
    assert other.get(fix) == ledger.get(fix)
    other.close()
