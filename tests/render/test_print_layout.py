"""The printable pages as a reader sees them: rendered in headless Chromium (Debian's
chromium; skipped where it is not installed), checked for overflow and page breaks."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from catalogkit import load_catalog
from catalogkit.engine import Engine
from catalogkit.guide import booklet, build_guide, render, render_page
from catalogkit.plugins import Plugins
from tests.chromium import CHROMIUM, FLAGS
from tests.conftest import DEMO, ROOT

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
ARTIFACTS = ROOT / "test-artifacts"

# Marks every element wider than the page or than its parent, after layout.
PROBE = """<script>
window.addEventListener('load', () => {
  const wide = [];
  const limit = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    const spills = el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
      && getComputedStyle(el).overflowX === 'visible' && el.tagName !== 'TABLE';
    if (r.right > limit + 1 || spills) wide.push(el.tagName);
  }
  document.body.setAttribute('data-overflow', wide.join(','));
});
</script>"""


def _chromium(tmp: Path, *args: str) -> str:
    profile = tmp / "profile"
    run = subprocess.run(
        [CHROMIUM or "chromium", "--headless", *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return run.stdout


def _page(tmp: Path, name: str, html: str) -> Path:
    page = tmp / name
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    return page


def _overflow(tmp: Path, page: Path) -> str:
    dom = _chromium(
        tmp, "--virtual-time-budget=3000", "--window-size=794,1123", "--dump-dom", page.as_uri()
    )
    found = re.search(r'data-overflow="([^"]*)"', dom)
    assert found is not None, "the probe did not run"
    return found.group(1)


def _pages(tmp: Path, page: Path) -> int:
    pdf = tmp / (page.stem + ".pdf")
    _chromium(tmp, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(pdf, ARTIFACTS / pdf.name)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.fixture(scope="module")
def engine() -> Engine:
    plugins = Plugins.load(tree=DEMO, folders=[ROOT / "plugins"], autoload=False)
    return Engine(load_catalog(DEMO, cache=False, plugins=plugins), plugins)


def _screenshot(tmp: Path, page: Path) -> Path:
    """A PNG of the page as a reader sees it, kept in test-artifacts/."""
    png = ARTIFACTS / (page.stem + ".png")
    ARTIFACTS.mkdir(exist_ok=True)
    _chromium(tmp, "--window-size=900,1400", f"--screenshot={png}", page.as_uri())
    return png


def test_guide_lays_out_on_a4_without_overflow(engine: Engine, tmp_path: Path) -> None:
    html = render(build_guide(engine, "MH-MZ-0001", "339901101202-5", "zh"), "html", "zh")
    page = _page(tmp_path, "guide.html", html)
    assert _overflow(tmp_path, page) == ""
    assert 1 <= _pages(tmp_path, page) <= 4
    png = _screenshot(tmp_path, page)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_booklet_breaks_pages_between_themes(engine: Engine, tmp_path: Path) -> None:
    themes = booklet(engine.bundle, "339901101")
    html = render_page(
        "booklet.html.j2",
        town="清溪镇",
        themes=themes,
        total=sum(len(v) for v in themes.values()),
        revision="r",
        generated="2026-11-23",
    )
    page = _page(tmp_path, "booklet.html", html)
    assert _overflow(tmp_path, page) == ""
    assert _pages(tmp_path, page) >= len(themes) + 2  # cover, contents, a page per theme


def test_the_probe_sees_overflow(tmp_path: Path) -> None:
    wide = "<!DOCTYPE html><html><body><div style='width:3000px'>宽</div></body></html>"
    assert "DIV" in _overflow(tmp_path, _page(tmp_path, "wide.html", wide))


@pytest.mark.parametrize("name", ["guide.html.j2", "venue.html.j2", "booklet.html.j2"])
def test_templates_load_nothing_from_outside(name: str) -> None:
    text = (ROOT / "src" / "catalogkit" / "guide" / "templates" / name).read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "@import" not in text and "url(" not in text
