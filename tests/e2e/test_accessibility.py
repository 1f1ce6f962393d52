"""Every page type is usable by elderly and disabled residents (GB/T 37668, the 适老化
rules for websites, WCAG 2.1 AA): axe-core finds no serious or critical violation,
desktop and 390 px phone, ordinary and senior mode; and what axe does not measure is
measured here: type size, target size, contrast of every text, keyboard focus, print,
page weight, the search suggestions, and the pages without JavaScript."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from typing import Any

import pytest

from catalogkit.server import ServeConfig, create_app
from tests.axe import axe_source
from tests.chromium import CHROMIUM, launched, serving
from tests.conftest import DATA, DEMO

if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
AXE = axe_source()

VILLAGE = "339901101202"
PAGES = {
    "home": "/",
    "search": "/search?q=%E4%BD%8E%E4%BF%9D",  # 低保
    "search-event": "/search?q=%E5%8A%9E%E4%B8%A7%E4%BA%8B",  # 办丧事
    "search-none": "/search?q=%E5%B7%A5%E4%BC%A4",  # 工伤
    "pick": "/place",
    "place": f"/place/{VILLAGE}",
    "guide": f"/guide/MH-MZ-0001?locality={VILLAGE}",
    "venue": "/venue/qingxi-center",
    "error": "/guide/MH-XX-9999",
}
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}
MODES = {"ordinary": (16.0, 44.0, 4.5), "senior": (24.0, 60.0, 7.0)}  # type px, target px, contrast
CONTROLS = (
    "button:not([hidden]), input:not([type=hidden]), .chip, .choice, .nav a, .jump a, "
    ".trail a, .result-name, .matters a, .button, .brand"
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    with serving(app) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched(sync_api) as browser:
        yield browser


def open_page(browser: Any, base: str, path: str, viewport: str, mode: str, **options: Any) -> Any:
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(base) else route.abort(),
    )
    if mode == "senior":
        context.add_init_script("try { localStorage.setItem('ck-senior', '1'); } catch (e) {}")
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    return page


CONTRAST = (DATA / "a11y" / "contrast.js").read_text(encoding="utf-8")

TARGETS = (DATA / "a11y" / "targets.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible(browser: Any, server: str, name: str, viewport: str, mode: str) -> None:
    page = open_page(browser, server, PAGES[name], viewport, mode, bypass_csp=True)
    try:
        type_px, target_px, contrast = MODES[mode]
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        assert page.evaluate("document.documentElement.classList.contains('senior')") == (
            mode == "senior"
        )
        body = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('main')).fontSize)"
        )
        assert body >= type_px, f"body text {body}px"
        assert page.evaluate(TARGETS, [CONTROLS, target_px]) == []
        assert page.evaluate(CONTRAST, contrast) == []
        if AXE is not None:
            page.evaluate(AXE)
            found = page.evaluate(
                "() => axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
            )
            bad = [
                f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
                for v in found["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            assert bad == []
    finally:
        page.context.close()


def test_axe_core_was_available() -> None:
    """Not silently skipped: where npm works, axe-core runs."""
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed: axe-core cannot be had")
    assert AXE is not None, "axe-core could not be installed with npm"


def test_keyboard_reaches_search_and_shows_focus(browser: Any, server: str) -> None:
    page = open_page(browser, server, "/search?q=%E4%BD%8E%E4%BF%9D", "desktop", "ordinary")
    try:
        seen = []
        for _ in range(12):
            page.keyboard.press("Tab")
            seen.append(
                page.evaluate(
                    "() => { const e = document.activeElement; const s = getComputedStyle(e);"
                    " return [e.tagName, e.id || e.className, s.outlineStyle, s.outlineWidth]; }"
                )
            )
        assert seen[0][:2] == ["A", "skip"]
        assert any(tag == "INPUT" and ident == "q" for tag, ident, _, _ in seen)
        assert any(tag == "BUTTON" and ident == "senior-toggle" for tag, ident, _, _ in seen)
        for tag, ident, style, width in seen[1:]:
            if tag != "BODY":  # past the last control, focus leaves the page and comes round
                assert style != "none" and width != "0px", (tag, ident)
    finally:
        page.context.close()


def test_the_senior_switch_is_kept(browser: Any, server: str) -> None:
    page = open_page(browser, server, "/", "phone", "ordinary")
    try:
        toggle = page.locator(".senior-toggle")
        assert toggle.get_attribute("aria-pressed") == "false"
        toggle.click()
        assert toggle.get_attribute("aria-pressed") == "true"
        page.goto(server + "/place", wait_until="networkidle")
        assert page.evaluate("document.documentElement.classList.contains('senior')")
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 24
    finally:
        page.context.close()


def test_suggestions_as_one_types(browser: Any, server: str) -> None:
    page = open_page(browser, server, "/", "desktop", "ordinary")
    try:
        page.locator("#q").type("低保", delay=30)
        deadline = time.monotonic() + 10  # polled: the pages' CSP forbids wait_for_function
        while not page.evaluate("document.querySelectorAll('#q-suggest option').length"):
            assert time.monotonic() < deadline, "no suggestion arrived"
            page.wait_for_timeout(100)
        options = page.eval_on_selector_all("#q-suggest option", "os => os.map(o => o.value)")
        assert options[0] == "最低生活保障对象认定"
    finally:
        page.context.close()


def test_search_works_without_javascript(browser: Any, server: str) -> None:
    page = open_page(browser, server, "/", "phone", "ordinary", java_script_enabled=False)
    try:
        page.fill("#q", "过户")
        page.press("#q", "Enter")
        page.wait_for_load_state("networkidle")
        assert (
            page.locator(".result-name").first.inner_text()
            == "国有建设用地使用权及房屋所有权转移登记"
        )
        assert page.locator(".senior-toggle").is_hidden()
    finally:
        page.context.close()


def test_print_hides_the_controls(browser: Any, server: str) -> None:
    page = open_page(browser, server, f"/guide/MH-MZ-0001?locality={VILLAGE}", "desktop", "senior")
    try:
        page.emulate_media(media="print")
        for selector in (".masthead", ".senior-toggle", ".print-button"):
            assert page.locator(selector).first.is_hidden(), selector
    finally:
        page.context.close()


@pytest.mark.parametrize("name", PAGES)
def test_pages_stay_light(browser: Any, server: str, name: str) -> None:
    """Under 60 KB before images: the HTML, the style sheet and the script."""
    sizes: dict[str, int] = {}
    width, height = VIEWPORTS["phone"]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()

    def count(response: Any) -> None:
        if response.request.resource_type in ("document", "stylesheet", "script"):
            sizes[response.url] = len(response.body())

    page.on("response", count)
    try:
        page.goto(server + PAGES[name], wait_until="networkidle")
        total = sum(sizes.values())
        assert total < 60 * 1024, sizes
    finally:
        context.close()
