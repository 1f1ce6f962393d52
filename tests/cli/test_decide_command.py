"""`catalogkit decide` from the command line: JSON that programs can read, and cases
whose limit runs into a year without calendar data (decided, provisionally)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from catalogkit.cli import cli
from tests.conftest import DEMO

COMPLETE = """\
apiVersion: catalogkit/v1
kind: Case
matter: MH-MZ-0001
locality: "339901101202"
submitted: {submitted}
facts: {{household_size: 3, marital_status: 已婚, has_disabled_member: false,
        has_student: false, major_illness: false, monthly_income: 800}}
materials: [最低生活保障申请书, 家庭成员居民身份证, 家庭经济状况核对授权书,
            家庭收入和财产状况申报表]
"""


def decide(tmp_path: Path, submitted: str, *args: str) -> tuple[int, str]:
    case = tmp_path / "case.yaml"
    case.write_text(COMPLETE.format(submitted=submitted), encoding="utf-8")
    result = CliRunner().invoke(cli, ["decide", str(case), "--catalog", str(DEMO), *args])
    return result.exit_code, result.output


def test_json_limits_are_objects_not_python_text(tmp_path: Path) -> None:
    code, out = decide(tmp_path, "2026-09-24", "--json")
    assert code == 0, out
    body = json.loads(out)
    assert body["promised_limit"] == {"value": 20, "unit": "工作日", "note": None}
    assert body["statutory_limit"]["value"] == 30
    hop = body["route"]["hops"][1]
    assert hop["promised_limit"] == {"value": 20, "unit": "工作日", "note": None}
    assert "unit='" not in out
    assert body["accepted_on"] == body["submitted_on"] == "2026-09-24"
    assert body["provisional"] is False


def test_last_weeks_of_the_newest_calendar_year_get_a_decision(tmp_path: Path) -> None:
    """The demo has calendars up to 2026: a 20-working-day limit from 2026-12-07 runs
    into 2027, which is counted with weekends and fixed-date holidays only and said to
    be provisional."""
    code, out = decide(tmp_path, "2026-12-07", "--json")
    assert code == 0, out
    body = json.loads(out)
    assert body["outcome"] == "accept"
    assert body["provisional"] is True
    assert body["promised_due"] == "2027-01-05"
    assert "provisional" in [n["code"] for n in body["due_notes"]]
    code, out = decide(tmp_path, "2026-12-07", "--lang", "zh")
    assert code == 0, out
    assert "承诺办结日期：2027-01-05（暂定）" in out
    assert "2027 年工作日历尚未载入" in out
    code, out = decide(tmp_path, "2026-12-07", "--lang", "en")
    assert "promised due: 2027-01-05 (provisional)" in out


def test_weekend_submission_states_the_acceptance_day(tmp_path: Path) -> None:
    # 2026-12-26 is a Saturday; 清溪镇便民服务中心 (the accepting venue) has no Saturday hours.
    code, out = decide(tmp_path, "2026-12-26", "--lang", "en")
    assert code == 0, out
    assert "submitted: 2026-12-26; accepted: 2026-12-28" in out
    assert "the next day it accepts" in out


def test_a_forward_is_said_in_the_language_asked(tmp_path: Path) -> None:
    """A town resident asking for proxy service, which only villages offer."""
    case = tmp_path / "case.yaml"
    text = COMPLETE.format(submitted="2026-09-24").replace('"339901101202"', '"339901101"')
    case.write_text(text + "channel: proxy\n", encoding="utf-8")
    runs = {
        lang: CliRunner().invoke(cli, ["decide", str(case), "-c", str(DEMO), "--lang", lang])
        for lang in ("zh", "en")
    }
    assert "请到：清溪镇便民服务中心（本村（社区）未提供该事项的代办服务" in runs["zh"].output
    assert "go to: 清溪镇便民服务中心 (this village (community) offers" in runs["en"].output
