"""Lights and rates against cases counted by hand (tests/data/supervision/), written
through the ledger's real API, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from catalogkit.engine import Engine
from catalogkit.ledger import Ledger
from catalogkit.supervision import lights_of, open_cases, rates
from catalogkit.supervision.rates import trace
from catalogkit.supervision.reckoner import Reckoner
from tests.ledger.helpers import ID_NUMBER, PHONE
from tests.supervision.replay import load, replay

COUNTY = "339901"
CASES = load()
EXPECTED = load("expected.yaml")
OCTOBER = [dt.date.fromisoformat(str(d)) for d in EXPECTED["october"]["period"]]


@pytest.fixture
def written(ledger: Ledger, engine: Engine) -> dict[str, str]:
    return replay(ledger, engine, CASES)


def test_lights(ledger: Ledger, engine: Engine, written: dict[str, str]) -> None:
    today = dt.date.fromisoformat(str(CASES["today"]))
    letters = {v: k for k, v in written.items()}
    found = lights_of(open_cases(ledger, county=COUNTY), Reckoner(engine, 2026), today)
    got = {letters[lt.case.case_no]: [lt.light, lt.limit, lt.used, lt.left] for lt in found}
    assert got == EXPECTED["lights"]
    order = [letters[lt.case.case_no] for lt in found]
    assert order[:4] == ["K2", "R1", "C", "J"]  # red (newest first), then yellow
    assert "已超期2个工作日" in found[2].why_zh and "qingxi-center" in found[2].why_zh


@pytest.mark.parametrize("measure", sorted(EXPECTED["october"]["traces"]))
def test_traces(ledger: Ledger, engine: Engine, written: dict[str, str], measure: str) -> None:
    letters = {v: k for k, v in written.items()}
    rows = trace(ledger, engine, COUNTY, *OCTOBER, measure)
    assert sorted(letters[r["case_no"]] for r in rows) == EXPECTED["october"]["traces"][measure]


def test_rates(ledger: Ledger, engine: Engine, written: dict[str, str]) -> None:
    by_venue = rates(ledger, engine, COUNTY, *OCTOBER, by=("venue",))
    rows = {r["venue"]: r for r in by_venue.rows}
    for venue, figures in EXPECTED["october"]["by_venue"].items():
        assert _subset(rows[venue], figures), venue
    assert _subset(by_venue.total, EXPECTED["october"]["total"])
    by_tier = rates(ledger, engine, COUNTY, *OCTOBER, by=("tier", "month"))
    assert {(r["tier"], r["month"]) for r in by_tier.rows} == {
        ("town-center", "2026-10"),
        ("village-station", "2026-10"),
    }
    assert by_tier.total == by_venue.total


def test_feedback(ledger: Ledger, engine: Engine, written: dict[str, str]) -> None:
    """Ratings, rectifications, complaints and follow-ups per venue, counted by hand."""
    from catalogkit.supervision.venue_feedback import feedback

    october = feedback(ledger, COUNTY, "2026-10")
    want = EXPECTED["october"]["feedback"]
    assert set(october.rows) == set(want["by_venue"])
    for venue, figures in want["by_venue"].items():
        assert _subset(october.rows[venue], figures), venue
    assert _subset(october.total, want["total"])
    november = feedback(ledger, COUNTY, "2026-11")
    assert _subset(november.total, EXPECTED["november"]["feedback"]["total"])
    one = feedback(ledger, COUNTY, "2026-10", venue="baisha-station")
    assert list(one.rows) == ["baisha-station"]
    assert _subset(one.total, want["by_venue"]["baisha-station"])


def _subset(row: dict[str, Any], expected: dict[str, Any]) -> bool:
    return {k: row[k] for k in expected} == expected


def test_http(ledger: Ledger, engine: Engine, written: dict[str, str]) -> None:
    from fastapi.testclient import TestClient

    from catalogkit.server import ServeConfig, create_app
    from tests.conftest import DEMO

    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    app.state.ledger = ledger
    boss = {"Authorization": f"Bearer {ledger.make_token('supervisor', None, COUNTY, '督查')}"}
    staff = ledger.make_token("staff", "baisha-station", COUNTY, "白沙")
    with TestClient(app) as client:
        assert client.get("/v1/supervision/lights").status_code == 401
        page = client.get("/v1/supervision/lights?limit=2", headers=boss).json()
        assert sum(page["counts"].values()) == 7 and len(page["lights"]) == 2
        assert page["next"] == 2 and page["lights"][0]["light"] == "red"
        by_venue = page["byVenue"]  # the lights depend on today; where the cases are does not
        assert set(by_venue) == {"qingxi-center", "baisha-station"}
        assert sum(by_venue["qingxi-center"].values()) == 6  # C, F, H, I, J and complaint K2
        mine = client.get("/v1/supervision/lights", headers={"Authorization": f"Bearer {staff}"})
        assert [lt["caseNo"] for lt in mine.json()["lights"]] == [written["R1"]]  # its 整改
        query = "from=2026-10-01&to=2026-10-31"
        body = client.get(f"/v1/supervision/rates?{query}", headers=boss).json()
        assert _subset(body["total"], EXPECTED["october"]["total"])
        listed = client.get(f"/v1/supervision/rates?{query}&cases=proxied", headers=boss).json()
        assert [r["case_no"] for r in listed["cases"]] == [written["B"]]
        refused = client.get(
            f"/v1/supervision/rates?{query}", headers={"Authorization": f"Bearer {staff}"}
        )
        assert refused.status_code == 403
        monthly = client.get("/v1/supervision/monthly?month=2026-10", headers=boss).json()
        assert _subset(monthly["total"], EXPECTED["october"]["total"])
        assert _subset(monthly["feedback"]["total"], EXPECTED["october"]["feedback"]["total"])
        bad = client.get("/v1/supervision/monthly?month=2026-13", headers=boss)
        assert bad.status_code == 422
        staff_auth = {"Authorization": f"Bearer {staff}"}
        assert (
            client.get("/v1/supervision/monthly?month=2026-10", headers=staff_auth).status_code
            == 403
        )


def test_command_line(ledger: Ledger, engine: Engine, written: dict[str, str]) -> None:
    from click.testing import CliRunner

    from catalogkit.cli.main import cli
    from tests.conftest import DEMO

    if ledger.dialect != "sqlite":
        pytest.skip("the command line reads the same code; one backend is enough")
    url = ledger.db.url.render_as_string(hide_password=False)
    base = ["report", "-c", str(DEMO), "--database-url", url]
    period = ["--from", "2026-10-01", "--to", "2026-10-31"]
    csv = CliRunner().invoke(cli, [*base, "rates", *period, "--format", "csv"])
    assert csv.exit_code == 0, csv.output
    assert csv.output.splitlines()[-1] == "合计,6,6,4,0.6667,3,0.75,3,0.475,0.65,10.5,1,1"
    listed = CliRunner().invoke(cli, [*base, "rates", *period, "--cases", "in_village"])
    assert listed.output.split("\t")[0] == written["E"]
    lights = CliRunner().invoke(cli, [*base, "lights", "--on", "2026-11-20", "--light", "red"])
    assert written["C"] in lights.output and written["J"] not in lights.output
    monthly = CliRunner().invoke(cli, [*base, "monthly", "--month", "2026-10"])
    assert "受理 6 件，办结 4 件，办结率 66.7%" in monthly.output
    assert "收到评价 6 个，满意率 66.7%，差评 2 个，整改 2 件（已答复 1 件）" in monthly.output
    assert "受理投诉 2 件（已答复 1 件）；回访 1 件，完成 1 件，未联系上 0 件" in monthly.output
    table = CliRunner().invoke(cli, [*base, "monthly", "--month", "2026-10", "--format", "csv"])
    lines = table.output.splitlines()
    assert lines[0].endswith(",followUps,followUpsDone,followUpsUnreached")
    # the rates' 合计, then ratings 6 (1 2 1 1 1), 66.67%, bad 2, 整改 2/1, 投诉 2/1, 回访 1/1/0
    tail = "合计,6,6,4,0.6667,3,0.75,3,0.475,0.65,10.5,1,1,6,1,2,1,1,1,0.6667,2,2,1,2,1,1,1,0"
    assert lines[-1] == tail
    body = json.loads(
        CliRunner().invoke(cli, [*base, "monthly", "--month", "2026-10", "--format", "json"]).output
    )
    assert _subset(body["feedback"]["total"], EXPECTED["october"]["feedback"]["total"])
    bad = CliRunner().invoke(cli, [*base, "monthly", "--month", "October"])
    assert bad.exit_code != 0 and "YYYY-MM" in bad.output
    svg = CliRunner().invoke(cli, [*base, "rates", *period, "--format", "svg"])
    assert svg.output.startswith("<svg") and "办结率" in svg.output


def test_pages(ledger: Ledger, engine: Engine, written: dict[str, str]) -> None:
    from fastapi.testclient import TestClient

    from catalogkit.server import ServeConfig, create_app
    from tests.conftest import DEMO

    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    app.state.ledger = ledger
    boss = ledger.make_token("supervisor", None, COUNTY, "督查")
    with TestClient(app) as client:
        assert "督查令牌" in client.get("/supervision").text
        assert client.post("/supervision", data={"token": "ckl_x_y"}).status_code == 401
        page = client.post("/supervision", data={"token": boss, "month": "2026-10"})
        assert page.status_code == 200
        assert written["C"] in page.text and "<svg" in page.text and "66.7%" in page.text
        table = client.post("/supervision/monthly", data={"token": boss, "month": "2026-10"})
        assert "明湖县便民服务办件情况统计表" in table.text and "办结率 66.7%" in table.text
        public = client.get("/publication/qingxi-center?month=2026-10")
        assert "清溪" in public.text and "60.0%" in public.text  # 3 of 5 accepted there
        wall = client.get("/publication/qingxi-center?month=2026-10&notice=1")
        assert "办件情况公示" in wall.text and "@page" not in wall.text
        assert "收到评价 6 个，满意率 66.7%" in page.text and "好差评" in page.text
        assert "本月收到评价 6 个，满意率 66.7%" in table.text and "整改 / 已答复" in table.text
        assert "群众评价" in public.text and "75.0%" in public.text  # 3 of 4 satisfied there
        assert "群众评价" in wall.text and "75.0%" in wall.text
        assert "本月共收到评价 4 个" in wall.text
        baisha = client.get("/publication/baisha-station?month=2026-10&notice=1").text
        assert "0.0%" in baisha and "本月共收到评价 1 个" in baisha  # E: 不满意
        for text in (page.text, table.text, public.text, wall.text, baisha):
            assert "张三" not in text and "李四" not in text  # nothing personal
            assert "5678" not in text and PHONE not in text
            assert ID_NUMBER not in text and "339901198502021234" not in text
        for text in (public.text, wall.text, baisha):  # nor a case number
            assert not any(number in text for number in written.values())
        assert client.get("/publication/nowhere").status_code == 404


def test_each_hop_counted_where_it_happened(
    ledger: Ledger, engine: Engine, written: dict[str, str]
) -> None:
    from catalogkit.supervision.hops import stretches
    from catalogkit.supervision.workdays import DayCounts

    days = DayCounts(engine.calendar("339901101202", 2026))
    found = stretches(ledger.timeline(written["B"]), days, dt.date(2026, 11, 20))
    got = [(s.venue, s.transit, str(s.since), str(s.until), s.working_days) for s in found]
    assert got == [
        ("qingxi-community-station", False, "2026-10-12", "2026-10-12", 0),
        ("qingxi-community-station→qingxi-center", True, "2026-10-12", "2026-10-13", 1),
        ("qingxi-center", False, "2026-10-13", "2026-10-28", 11),
    ]


def test_a_period_that_cannot_be_counted(ledger: Ledger, written: dict[str, str]) -> None:
    from fastapi.testclient import TestClient

    from catalogkit.server import ServeConfig, create_app
    from tests.conftest import DEMO

    if ledger.dialect != "sqlite":
        pytest.skip("checked before the database is asked")
    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    app.state.ledger = ledger
    boss = {"Authorization": f"Bearer {ledger.make_token('supervisor', None, COUNTY, '督查')}"}
    with TestClient(app) as client:
        for query in ("from=2026-10-31&to=2026-10-01", "from=0001-01-01&to=2026-10-01"):
            answer = client.get(f"/v1/supervision/rates?{query}", headers=boss)
            assert answer.status_code == 422 and answer.json()["code"] == "invalid-request"
