"""The ledger's pages in Debian's headless Chromium (skipped where chromium or
playwright is missing): a resident looks up their case, window staff open today's cases
and print a notice (a PDF through the print stylesheet goes to test-artifacts/e2e/)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from catalogkit.engine import Engine
from catalogkit.ledger import Filters, Ledger
from catalogkit.server import ServeConfig, create_app
from tests.chromium import CHROMIUM, guarded_page, launched, serving
from tests.conftest import DEMO, ROOT
from tests.ledger.helpers import PHONE, event, new_case

if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

ARTIFACTS = ROOT / "test-artifacts" / "e2e"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Ledger, str]]:
    """(the server's address, its ledger with one accepted case, a staff token)."""
    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    folder = tmp_path_factory.mktemp("ledger")
    ledger = app.state.ledger = Ledger.open(f"sqlite:///{folder / 'ledger.sqlite'}")
    engine: Engine = app.state.live.current.engine
    today = dt.date(2026, 12, 1)
    number = ledger.create(new_case(), engine, actor="t", today=today)[0]["caseNo"]
    ledger.append(number, event("accept", 1, on="2026-09-24"), engine, actor="t", today=today)
    token = ledger.make_token("staff", "qingxi-center", "339901", "1 号窗口")
    with serving(app, start_within=30) as base:
        yield base, ledger, token


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with launched(sync_api) as browser:
        yield browser



def test_a_resident_looks_up_their_case(browser: Any, served: tuple[str, Ledger, str]) -> None:
    base, ledger, _ = served
    number = ledger.find(Filters())[0][0]["caseNo"]
    context, page, problems = guarded_page(browser, base)
    page.goto(base + "/cases/progress")
    page.fill("#no", number)
    page.fill("#phone4", PHONE[-4:])
    page.get_by_role("button", name="查询").click()
    sync_api.expect(page.locator("#now")).to_contain_text("已受理")
    sync_api.expect(page.locator(".next")).to_contain_text("2026-10-29")
    page.screenshot(path=str(ARTIFACTS / "ledger-progress.png"), full_page=True)
    assert not problems, problems
    context.close()


def test_window_staff_print_a_notice(browser: Any, served: tuple[str, Ledger, str]) -> None:
    base, _, token = served
    context, page, problems = guarded_page(browser, base)
    page.goto(base + "/cases/today")
    page.fill("#token", token)
    page.get_by_role("button", name="查看今日办件").click()
    sync_api.expect(page.locator("h1")).to_contain_text("清溪")
    sync_api.expect(page.locator("table.cases tbody tr")).to_have_count(1)
    page.screenshot(path=str(ARTIFACTS / "ledger-today.png"), full_page=True)
    page.get_by_role("button", name="受理通知书").click()
    sync_api.expect(page.locator("h1")).to_have_text("受理通知书")
    sync_api.expect(page.locator("button[data-print]")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "ledger-notice.png"), full_page=True)
    pdf = Path(ARTIFACTS / "ledger-受理通知书.pdf")
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.stat().st_size > 1000
    assert not problems, problems
    context.close()
