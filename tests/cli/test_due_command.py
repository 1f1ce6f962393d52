"""`catalogkit due`: a due date with its reasons, as text in both languages and as JSON."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from catalogkit.cli import cli
from tests.conftest import DEMO


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["due", *args, "--catalog", str(DEMO)])
    return result.exit_code, result.output


def answer(*args: str) -> dict[str, object]:
    code, out = run(*args, "--json")
    assert code == 0, out
    body: dict[str, object] = json.loads(out)
    return body


def test_json_has_the_dates_and_the_reasons() -> None:
    body = answer("2026-09-26", "20")
    assert body["submitted"] == "2026-09-26"
    assert body["accepted"] == "2026-09-28"  # Saturday → Monday
    assert body["due"] == "2026-10-30"  # chinese_calendar.find_workday(20, 2026-09-26)
    assert body["unit"] == "工作日"
    assert body["provisional"] is False
    reasons = body["reasons"]
    assert isinstance(reasons, list)
    assert [r["code"] for r in reasons] == ["accepted-later", "days-skipped"]
    assert "国庆节" in reasons[1]["message_zh"] and "国庆节" in reasons[1]["message"]
    assert "中秋节" not in reasons[1]["message"]  # 09-25…27, before the acceptance day


def test_into_a_year_without_calendar_data() -> None:
    body = answer("2026-12-07", "20")
    assert body["due"] == "2027-01-05"  # 2027-01-01 (元旦) rests even without the notice
    assert body["provisional"] is True
    codes = [r["code"] for r in body["reasons"]]  # type: ignore[union-attr]
    assert codes == ["accepted-same-day", "days-skipped", "provisional"]  # as decide orders


def test_a_year_without_data_before_the_count_is_still_said_last() -> None:
    body = answer("2024-03-04", "5")  # the demo's calendars start in 2025
    codes = [r["code"] for r in body["reasons"]]  # type: ignore[union-attr]
    assert codes == ["accepted-same-day", "days-skipped", "provisional"]


@pytest.mark.parametrize(
    ("args", "due"),
    [
        (["2026-09-16", "15", "--unit", "自然日"], "2026-10-08"),  # 10-01 is 国庆节
        (["2026-04-01", "1", "--unit", "月"], "2026-05-06"),  # 05-01 is 劳动节
        (["2025-02-17", "1", "--unit", "年"], "2026-02-24"),  # 02-17 is 春节
        (["2026-03-02", "0", "--unit", "即办"], "2026-03-02"),
    ],
)
def test_units(args: list[str], due: str) -> None:
    body = answer(*args)
    assert body["unit"] == args[3]
    assert body["due"] == due


def test_text_in_both_languages() -> None:
    code, out = run("2026-12-26", "20", "--lang", "zh")
    assert code == 0, out
    assert "受理日期：2026-12-28（周一）" in out
    assert "办结日期：2027-01-26（周二）（暂定）" in out
    code, out = run("2026-12-26", "20", "--lang", "en")
    assert "accepted:  2026-12-28 (Monday)" in out
    assert "due:       2027-01-26 (Tuesday) (provisional)" in out


def test_venue_hours_and_time() -> None:
    # 明湖县行政审批服务中心 is open on Saturday mornings.
    assert answer("2026-03-07", "3", "--venue", "minghu-hall")["accepted"] == "2026-03-07"
    late = answer("2026-03-07", "3", "--venue", "minghu-hall", "--time", "15:00")
    assert late["accepted"] == "2026-03-09"
    assert late["reasons"][0]["code"] == "after-hours"  # type: ignore[index]


def test_local_closures_of_the_locality() -> None:
    # 云岭乡 (339901201) closes for a festival on 04-20 and 04-21 (ethnic-festival plugin).
    assert answer("2026-04-19", "2")["accepted"] == "2026-04-20"
    assert answer("2026-04-19", "2", "--locality", "339901201")["accepted"] == "2026-04-22"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2026-13-01", "5"], "2026-13-01"),
        (["2026-03-02", "5", "--unit", "周"], "周"),
        (["2026-03-02", "5", "--venue", "nowhere"], "nowhere"),
        (["2026-03-02", "5", "--locality", "999999"], "999999"),
        (["2026-03-02", "5", "--time", "25:00"], "25:00"),
    ],
)
def test_bad_input_is_a_clear_error(args: list[str], message: str) -> None:
    code, out = run(*args)
    assert code != 0
    assert message in out
    assert "Traceback" not in out
