"""Guides say how their limits are counted and, when dates counted today reach a year
without a working-day calendar, that those dates are provisional and why."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from catalogkit import load_catalog
from catalogkit.engine import Engine
from catalogkit.guide import build_guide, render
from catalogkit.plugins import Plugins
from catalogkit.server import ServeConfig, create_app
from tests.conftest import DEMO, ROOT

VILLAGE = "339901101202"
DECEMBER = dt.date(2026, 12, 7)  # 20 working days from here reach 2027, which has no calendar
JUNE = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def engine() -> Engine:
    plugins = Plugins.load(tree=DEMO, folders=[ROOT / "plugins"], autoload=False)
    return Engine(load_catalog(DEMO, cache=False, plugins=plugins), plugins)


def _row(guide: object, key: str) -> str | None:
    rows = {r["key"]: r["value"] for r in guide.facts}  # type: ignore[attr-defined]
    return rows.get(key)


def test_a_working_day_limit_says_when_it_starts_and_what_it_skips(engine: Engine) -> None:
    g = build_guide(engine, "MH-MZ-0001", VILLAGE, "zh", today=JUNE)
    counting = _row(g, "counting")
    assert counting is not None
    assert "自清溪镇便民服务中心下一个受理日受理，期限自该日起算" in counting
    assert "工作日期限不计休息日和法定节假日" in counting
    assert "顺延" not in counting  # no calendar-day limit here
    assert _row(g, "provisional") is None and g.limits["provisional"] is None


def test_a_calendar_day_limit_says_a_holiday_end_moves(engine: Engine) -> None:
    g = build_guide(engine, "MH-SF-0003", VILLAGE, "zh", today=JUNE)
    counting = _row(g, "counting") or ""
    assert "顺延至节假日后第一个工作日（民法典第二百零三条）" in counting
    assert "休息日也开放（延时服务）" in counting  # the county hall opens on weekends
    english = build_guide(engine, "MH-SF-0003", VILLAGE, "en", today=JUNE)
    assert "Civil Code art. 203" in (_row(english, "counting") or "")


def test_dates_counted_in_december_are_provisional_with_the_reason(engine: Engine) -> None:
    g = build_guide(engine, "MH-MZ-0001", VILLAGE, "zh", today=DECEMBER)
    note = _row(g, "provisional")
    assert note is not None
    assert "承诺办结日期为 2027-01-05（暂定）" in note
    assert "法定办结日期为 2027-01-19（暂定）" in note
    assert "2027 年节假日安排尚未载入" in note
    for fmt in ("md", "html"):
        text = render(g, fmt, "zh")
        assert "暂定日期" in text and "2027-01-05（暂定）" in text, fmt
        assert "时限计算" in text, fmt
    english = build_guide(engine, "MH-MZ-0001", VILLAGE, "en", today=DECEMBER)
    assert "2027-01-05 (provisional)" in (_row(english, "provisional") or "")


def test_the_api_and_the_page_show_the_same_provisional_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CATALOGKIT_TODAY", DECEMBER.isoformat())
    client = TestClient(create_app(ServeConfig(DEMO, watch=False, cache=False)))
    params = {"locality": VILLAGE}
    body = client.get("/v1/matters/MH-MZ-0001/guide", params=params).json()["guide"]
    note = body["limits"]["provisional"]
    assert "2027-01-05（暂定）" in note
    assert {"key": "provisional", "label": "暂定日期", "value": note} in body["facts"]
    page = client.get("/guide/MH-MZ-0001", params=params).text
    assert '<p class="note provisional">暂定日期：' in page
    assert "时限计算" in page
    printed = client.get("/v1/matters/MH-MZ-0001/guide", params={**params, "format": "html"})
    assert "2027-01-05（暂定）" in printed.text
