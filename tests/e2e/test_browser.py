"""The pages as residents use them: a real server on a loopback port, driven in Debian's
headless Chromium through Playwright (no browser is ever downloaded; skipped where
chromium or playwright is missing). Screenshots and a PDF go to test-artifacts/e2e/."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from catalogkit.server import ServeConfig, create_app
from tests.chromium import CHROMIUM, launched, serving
from tests.conftest import DEMO, ROOT

if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

ARTIFACTS = ROOT / "test-artifacts" / "e2e"
VILLAGE = "339901101202"  # 石门坎村


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The app under uvicorn in a background thread, on a free loopback port."""
    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    with serving(app) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with launched(sync_api) as browser:
        yield browser


@dataclass
class Watch:
    """What a browser context asked for and complained about."""

    base: str
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def guard(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.startswith(self.base + "/") or url.startswith("data:"):
            route.continue_()
        else:  # nothing may leave the machine: record it and refuse
            self.outside.append(url)
            route.abort()

    def console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def check(self) -> None:
        assert self.requests, "no request was seen"
        assert not self.outside, self.outside
        assert all(u.startswith(self.base + "/") for u in self.requests)
        assert not self.errors, self.errors  # CSP violations and script errors land here


def open_page(browser: Any, base: str, **options: Any) -> tuple[Any, Any, Watch]:
    context = browser.new_context(locale="zh-CN", **options)
    watch = Watch(base)
    context.route("**/*", watch.guard)
    page = context.new_page()
    page.on("console", watch.console)
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    return context, page, watch


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_a_resident_finds_a_matter_and_prints_its_guide(browser: Any, server: str) -> None:
    expect = sync_api.expect
    context, page, watch = open_page(browser, server, viewport={"width": 1200, "height": 900})

    page.goto(server + "/")
    expect(page).to_have_title("首页 · 明湖县便民服务")
    shot(page, "01-home")
    page.fill("#q", "结婚")
    page.locator("form.search-large button[type=submit]").click()
    page.wait_for_url("**/search?q=*")
    shot(page, "02-search")
    page.get_by_role("link", name="结婚登记", exact=True).click()
    page.wait_for_url("**/guide/MH-MZ-0006?locality=339901")
    expect(page.locator("h1")).to_have_text("结婚登记")

    page.goto(server + "/")
    page.get_by_role("button", name="清溪镇").click()
    page.wait_for_url("**/place?town=339901101")
    page.get_by_role("link", name="石门坎村", exact=True).click()
    page.wait_for_url(f"**/place/{VILLAGE}")
    for key, title in (
        ("village", "在村（社区）办"),
        ("town", "在镇（街道）办"),
        ("county", "到县里办"),
    ):
        expect(page.locator(f"#h-{key}")).to_contain_text(title)
        expect(page.locator(f"#{key} .matters a").first).to_be_visible()
    shot(page, "03-place")

    page.locator("#village a[href^='/guide/MH-MZ-0001?']").click()
    page.wait_for_url(f"**/guide/MH-MZ-0001?locality={VILLAGE}")
    chain = page.locator("ol.chain")
    expect(chain).to_be_visible()
    expect(chain.locator(".stop-label")).to_have_text(["村代办", "镇受理", "县决定"])
    button = page.get_by_role("button", name="打印本指南")
    expect(button).to_be_visible()
    page.evaluate("window.print = () => { window.printed = true; }")
    button.click()
    assert page.evaluate("window.printed") is True
    shot(page, "04-guide")

    page.emulate_media(media="print")
    for hidden in (".masthead", ".trail", ".print-button", ".footer-note"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(chain).to_be_visible()
    expect(page.locator(".revision")).to_be_visible()
    shot(page, "05-guide-print")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    (ARTIFACTS / "guide.pdf").write_bytes(pdf)
    watch.check()
    context.close()


def test_pages_fit_a_phone(browser: Any, server: str) -> None:
    context, page, watch = open_page(
        browser, server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    for name, path in (
        ("06-phone-place", f"/place/{VILLAGE}"),
        ("07-phone-guide", f"/guide/MH-MZ-0001?locality={VILLAGE}-5"),
        ("08-phone-venue", "/venue/qingxi-center"),
        ("09-phone-not-found", "/place/999999"),
    ):
        page.goto(server + path)
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"{path} is {wide}px wider than the phone"
        shot(page, name)
    first = page.goto(server + "/")
    assert first is not None and first.headers["catalog-revision"]
    small = page.evaluate(
        """() => [...document.querySelectorAll('button.choice')]
                 .filter(b => b.getBoundingClientRect().height < 44).length"""
    )
    assert small == 0, "tap targets must be at least 44px high"
    watch.requests = [u for u in watch.requests if "/place/999999" not in u]
    watch.errors = [e for e in watch.errors if "404" not in e]  # the page shown above
    watch.check()
    context.close()


def test_the_picker_works_without_javascript(browser: Any, server: str) -> None:
    context, page, watch = open_page(browser, server, java_script_enabled=False)
    page.goto(server + "/")
    page.get_by_role("button", name="云岭乡").click()
    page.get_by_role("link", name="龙潭溪村", exact=True).click()
    page.wait_for_url("**/place/339901201203")
    sync_api.expect(page.locator("#h-village")).to_be_visible()
    page.locator("#county a[href^='/guide/']").first.click()
    page.wait_for_url("**/guide/*")
    sync_api.expect(page.locator("ol.chain")).to_be_visible()
    sync_api.expect(page.locator(".print-button")).to_be_hidden()  # it needs the script
    watch.check()
    context.close()
