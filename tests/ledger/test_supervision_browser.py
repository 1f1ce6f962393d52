"""The supervision pages in Debian's headless Chromium (skipped where chromium or
playwright is missing), over the hand-counted cases of tests/data/supervision/: the
supervisor's page, the printable monthly table, the public monthly page and the wall
notice. Each loads under the pages' Content-Security-Policy without an error, axe-core
finds no violation, and the printable ones fit A4 (PDFs go to test-artifacts/e2e/)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from catalogkit.engine import Engine
from catalogkit.ledger import Ledger
from catalogkit.server import ServeConfig, create_app
from tests.axe import axe_source
from tests.chromium import CHROMIUM, guarded_page, launched, serving
from tests.conftest import DEMO, ROOT
from tests.ledger.helpers import ID_NUMBER, PHONE
from tests.supervision.replay import load, replay

if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

ARTIFACTS = ROOT / "test-artifacts" / "e2e"
AXE = axe_source()
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
A4_WIDTH = 794  # CSS pixels of an A4 page at 96 dpi
PERSONAL = ("张三", "李四", PHONE, "5678", ID_NUMBER, "339901198502021234")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(the server's address, a supervisor's token, letter → case number)."""
    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    folder = tmp_path_factory.mktemp("supervision")
    ledger = app.state.ledger = Ledger.open(f"sqlite:///{folder / 'ledger.sqlite'}")
    engine: Engine = app.state.live.current.engine
    numbers = replay(ledger, engine, load())
    token = ledger.make_token("supervisor", None, "339901", "督查")
    with serving(app, start_within=30) as base:
        yield base, token, numbers


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with launched(sync_api) as browser:
        yield browser



def no_axe_violation(page: Any) -> None:
    if AXE is None:
        pytest.skip("axe-core is not available (npm missing)")
    page.evaluate(AXE)  # through the DevTools protocol: the page's CSP does not apply
    found = page.evaluate(f"() => axe.run(document, {{runOnly: {{type: 'tag', values: {TAGS}}}}})")
    bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
           for v in found["violations"]]  # fmt: skip
    assert bad == []


def fits_a4(page: Any, name: str) -> None:
    """Printed on A4: nothing wider than the page, and one page of PDF."""
    page.set_viewport_size({"width": A4_WIDTH, "height": 1123})
    page.emulate_media(media="print")
    wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')].filter(e => "
        "e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
        ".map(e => e.tagName)"
    )
    assert wide == []
    pdf = ARTIFACTS / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())) == 1


def signed_in(page: Any, base: str, token: str) -> None:
    page.goto(base + "/supervision")
    page.fill("#token", token)
    page.get_by_role("button", name="进入").click()
    page.fill("#month", "2026-10")
    page.get_by_role("button", name="查看").click()


def test_the_supervisor_page(browser: Any, served: tuple[str, str, dict[str, str]]) -> None:
    base, token, numbers = served
    _, page, problems = guarded_page(browser, base)
    signed_in(page, base, token)
    # the lights depend on today; that there are seven open cases, red first, does not
    sync_api.expect(page.locator("table.lights tbody tr")).to_have_count(7)
    sync_api.expect(page.locator("table.lights tbody tr").first).to_contain_text("红灯")
    sync_api.expect(page.locator("table.lights")).to_contain_text(numbers["R1"])
    row = page.locator("table.lights tbody tr", has_text=numbers["R1"])
    sync_api.expect(row).to_contain_text("差评整改")  # its kind, in words
    feedback = page.locator("table.feedback")
    sync_api.expect(feedback).to_contain_text("满意率")
    total = feedback.locator("tbody tr").last  # 合计: 6 ratings, 1 2 1 1 1, 66.7%, 2 bad
    cells = [c.strip() for c in total.locator("td").all_inner_texts()]
    assert cells == ["合计", "6", "1", "2", "1", "1", "1", "66.7%", "2", "2 / 1", "2 / 1",
                     "1 / 1 / 0"]  # fmt: skip
    sync_api.expect(page.locator("p.summary")).to_contain_text("受理投诉 2 件（已答复 1 件）")
    page.screenshot(path=str(ARTIFACTS / "supervision.png"), full_page=True)
    no_axe_violation(page)
    assert not problems, problems
    page.context.close()


def test_the_printable_monthly_table(browser: Any, served: tuple[str, str, dict[str, str]]) -> None:
    base, token, _ = served
    _, page, problems = guarded_page(browser, base)
    signed_in(page, base, token)
    page.get_by_role("button", name="打印月报表").click()
    sync_api.expect(page.locator("h1")).to_have_text("明湖县便民服务办件情况统计表")
    sync_api.expect(page.locator("body")).to_contain_text("本月收到评价 6 个，满意率 66.7%")
    sync_api.expect(page.locator("button[data-print]")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "supervision-monthly.png"), full_page=True)
    no_axe_violation(page)
    fits_a4(page, "supervision-monthly")
    assert page.locator("button[data-print]").is_hidden()  # not on paper
    assert not problems, problems
    page.context.close()


@pytest.mark.parametrize("notice", [False, True], ids=["page", "wall-notice"])
def test_the_public_month(
    browser: Any, served: tuple[str, str, dict[str, str]], notice: bool
) -> None:
    base, _, numbers = served
    _, page, problems = guarded_page(browser, base)
    page.goto(base + "/publication/qingxi-center?month=2026-10" + ("&notice=1" if notice else ""))
    text = page.locator("body").inner_text()
    assert "60.0%" in text  # 办结率: 3 of 5 accepted there
    assert "75.0%" in text  # 满意率: 3 of 4 ratings 基本满意 or better
    assert not any(p in text for p in PERSONAL), "something personal is shown"
    assert not any(n in page.content() for n in numbers.values()), "a case number is shown"
    name = "publication-wall" if notice else "publication"
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    no_axe_violation(page)
    if notice:
        fits_a4(page, name)
    assert not problems, problems
    page.context.close()
