"""The web pages for residents and window staff, on the demo county: what each page
shows, that every link resolves, that nothing is loaded from elsewhere, that errors
are friendly HTML, and that catalog text cannot become markup."""

from __future__ import annotations

import re
import shutil
from collections import deque
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from catalogkit.engine import route
from catalogkit.server import ServeConfig, create_app
from tests.conftest import DEMO
from tests.server.pagekit import Page, parse, targets

VILLAGE = "339901101202"  # 石门坎村, 清溪镇
GROUP = "339901101202-5"  # 石门坎村高山组
TOWN = "339901101"  # 清溪镇
DIBAO = "MH-MZ-0001"  # 最低生活保障对象认定
PAGES = [
    "/",
    "/search?q=结婚",
    "/search",
    "/place",
    f"/place?town={TOWN}",
    f"/place/{VILLAGE}",
    f"/place/{GROUP}",
    f"/place/{TOWN}",
    "/place/339901",
    f"/guide/{DIBAO}?locality={GROUP}",
    f"/guide/{DIBAO}?locality=339901",
    "/venue/qingxi-center",
    "/venue/taiyangwan-center",
]


ASSET = re.compile(r'<(?:script|link|img|source|iframe)\b[^>]*?\b(?:src|href)="([^"]*)"')


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeConfig(DEMO, watch=False, cache=False)))


@pytest.fixture(scope="module")
def revision(client: TestClient) -> str:
    rev: str = client.app.state.live.current.revision  # type: ignore[attr-defined]
    return rev


def html(response: Any, status: int = 200) -> Page:
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="zh-CN">' in response.text
    return parse(response.text)


@pytest.mark.parametrize("url", PAGES)
def test_each_page_is_chinese_html_naming_the_revision(
    client: TestClient, revision: str, url: str
) -> None:
    r = client.get(url)
    html(r)
    assert r.headers["catalog-revision"] == revision
    assert f'<code class="revision">{revision}</code>' in r.text  # the footer
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_search_finds_matters_by_name_and_alias(client: TestClient) -> None:
    page = html(client.get("/search", params={"q": "结婚"}))
    text = client.get("/search", params={"q": "结婚"}).text
    assert "结婚登记" in text and "补领婚姻登记证" in text
    guides = [link for link in page.links if link.startswith("/guide/")]
    assert guides[0] == "/guide/MH-MZ-0006?locality=339901"  # by name first
    by_alias = client.get("/search", params={"q": "领结婚证"}).text  # an alias only
    assert "结婚登记" in by_alias
    assert "没有找到" in client.get("/search", params={"q": "火星移民"}).text
    assert "请输入要办的事" in client.get("/search", params={"q": "  "}).text


def test_search_from_a_place_names_the_body_that_decides_there(client: TestClient) -> None:
    """东礁镇's residents: 临时救助 is the town government's (its claim), as in the guide."""
    text = client.get("/search", params={"q": "临时救助", "locality": "339901102201"}).text
    assert "明湖县东礁镇人民政府 · 社会救助" in text
    assert "明湖县民政局 · 社会救助" in client.get("/search", params={"q": "临时救助"}).text


def test_search_from_a_place_links_to_its_guides(client: TestClient) -> None:
    page = html(client.get("/search", params={"q": "低保", "locality": VILLAGE}))
    guides = [link for link in page.links if link.startswith("/guide/")]
    assert f"/guide/{DIBAO}?locality={VILLAGE}" in guides
    assert all(link.endswith(f"locality={VILLAGE}") for link in guides)


def test_home_offers_search_and_a_town_picker(client: TestClient) -> None:
    page = html(client.get("/"))
    forms = {f.action: f for f in page.forms}
    assert forms["/search"].method == "get"
    assert (("town", TOWN)) in forms["/place"].buttons
    assert ">清溪镇</button>" in client.get("/").text
    assert "/search?q=%E7%BB%93%E5%A9%9A" in page.links  # 结婚, one tap


def test_the_town_step_lists_its_villages(client: TestClient) -> None:
    text = client.get("/place", params={"town": TOWN}).text
    page = parse(text)
    assert "石门坎村" in text and "白沙村" in text
    assert f"/place/{VILLAGE}" in page.links
    assert f"/place/{TOWN}" in page.links  # the town itself, without a village
    r = client.get("/place", params={"code": VILLAGE}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/place/{VILLAGE}"
    r = client.get("/place", params={"town": VILLAGE}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/place/{VILLAGE}"  # no step 2


def test_a_village_page_groups_matters_by_the_first_stop(client: TestClient) -> None:
    bundle = client.app.state.live.current.bundle  # type: ignore[attr-defined]
    r = client.get(f"/place/{VILLAGE}")
    page = html(r)
    heads = re.findall(r'<h2 id="h-(\w+)">([^<]+)<', r.text)
    assert heads == [
        ("village", "在村（社区）办"),
        ("town", "在镇（街道）办"),
        ("county", "到县里办"),
    ]
    levels = {"village": {"village", "group"}, "town": {"town"}, "county": {"county"}}
    seen: list[str] = []
    for key, allowed in levels.items():
        links = [link for link in page.sections[key] if link.startswith("/guide/")]
        assert links, key
        for link in links:
            parts = urlsplit(link)
            matter = parts.path.removeprefix("/guide/")
            assert parse_qs(parts.query) == {"locality": [VILLAGE]}
            first = route(bundle, matter, VILLAGE).hops[0]
            assert bundle.locality(first.locality).level in allowed, (key, matter)
            seen.append(matter)
    assert sorted(seen) == sorted(bundle.matters)  # every matter once (all county-defined)
    assert "/venue/shimenkan-station" in page.links and "/venue/qingxi-center" in page.links
    assert f"/place/{GROUP}" in page.links


def test_the_guide_draws_the_venue_chain_and_can_be_printed(client: TestClient) -> None:
    r = client.get(f"/guide/{DIBAO}", params={"locality": GROUP})
    page = html(r)
    text = r.text
    assert (
        "最低生活保障对象认定" in text and "办事指南" in text and "家庭经济状况核对授权书" in text
    )
    labels = re.findall(r'<span class="stop-label">([^<]+)</span>', text)
    assert labels == ["组代办", "村代办", "镇受理", "县决定"]
    assert "石门坎村高山组便民服务点" in text and "代办员：高山组组长" in text
    assert "/venue/qingxi-center" in page.links
    assert re.search(r'<button type="button" class="button print-button" data-print hidden>', text)
    assert any(a.startswith("/static/site.js?v=") for a in page.assets)
    assert "window.print()" in client.get("/static/site.js").text
    css = client.get("/static/site.css").text
    printed = css[css.index("@media print") :]
    assert ".masthead" in printed and ".search" in printed and "display: none" in printed
    assert '<script type="application/ld+json">' in text


def test_the_venue_page_lists_its_matters(client: TestClient) -> None:
    r = client.get("/venue/qingxi-center")
    page = html(r)
    for words in ("清溪镇便民服务中心", "溪南街 8 号", "0571-65410000", "工作日 08:30—12:00"):
        assert words in r.text
    assert f"/guide/{DIBAO}?locality={TOWN}" in page.links
    assert "/guide/MH-MZ-0006" not in r.text  # marriage: only at the county's branch hall
    assert "tel:0571-65410000" in page.links
    shared = client.get("/venue/taiyangwan-center").text  # serves three communities
    assert "上北山社区" in shared and "前进社区" in shared


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/place/999999", 404, "没有找到这个地方"),
        ("/place?town=999", 404, "没有找到这个地方"),
        ("/place?code=999", 404, "没有找到这个地方"),
        (f"/guide/MH-XX-9999?locality={VILLAGE}", 404, "没有找到这个事项"),
        (f"/guide/{DIBAO}?locality=999", 404, "没有找到这个地方"),
        ("/venue/no-such-hall", 404, "没有找到这个服务场所"),
        ("/guide/MH-XX-9999", 404, "没有找到这个事项"),
        ("/place/%3Cb%3E", 400, "不是有效的区划代码"),
        (f"/search?q={'字' * 101}", 400, "关键词太长"),
    ],
)
def test_bad_requests_get_a_friendly_html_page(
    client: TestClient, revision: str, url: str, status: int, words: str
) -> None:
    r = client.get(url)
    page = html(r, status)
    assert words in r.text and "回到首页" in r.text
    assert r.headers["catalog-revision"] == revision and revision in r.text
    assert "Traceback" not in r.text and "<b>" not in r.text
    assert all(not a.startswith(("http:", "https:", "//")) for a in page.assets)


def test_a_guide_link_without_a_place_opens_the_county_guide(client: TestClient) -> None:
    r = client.get(f"/guide/{DIBAO}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/guide/{DIBAO}?locality=339901"
    guide = client.get(r.headers["location"]).text
    assert 'href="tel:0571-65310000"' in guide


def test_what_a_visitor_types_is_shown_as_text(client: TestClient) -> None:
    typed = '"><script>alert(1)</script>'
    text = client.get("/search", params={"q": typed}).text
    assert "<script>alert(1)" not in text
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in text
    bad = client.get("/venue/" + "x" * 70).text  # too long: refused, quoted as text
    assert "不是有效的场所标识" in bad


def test_answers_carry_etags(client: TestClient) -> None:
    url = f"/place/{VILLAGE}"
    tag = client.get(url).headers["etag"]
    assert client.get(url, headers={"If-None-Match": tag}).status_code == 304


def test_pages_are_not_in_the_api_description(client: TestClient) -> None:
    assert all(p.startswith("/v1/") for p in client.get("/v1/openapi.json").json()["paths"])


@pytest.fixture(scope="module")
def crawled(client: TestClient) -> dict[str, Any]:
    """Every page and asset reachable from the home page within three steps."""
    seen: dict[str, Any] = {}
    queue: deque[tuple[str, int]] = deque([("/", 0)])
    while queue:
        url, depth = queue.popleft()
        if url in seen:
            continue
        r = seen[url] = client.get(url)
        if depth < 3 and r.headers.get("content-type", "").startswith("text/html"):
            queue.extend((t, depth + 1) for t in targets(f"http://testserver{url}", parse(r.text)))
    return seen


def test_every_link_from_the_home_page_resolves(crawled: dict[str, Any]) -> None:
    broken = {u: r.status_code for u, r in crawled.items() if r.status_code >= 400}
    assert not broken
    kinds = {urlsplit(u).path.split("/")[1] for u in crawled}
    assert {"", "search", "place", "guide", "venue", "static"} <= kinds
    assert len(crawled) > 1000  # every guide linked from every place page of the county


def test_no_page_loads_anything_from_elsewhere(crawled: dict[str, Any]) -> None:
    pages = {u: r for u, r in crawled.items() if r.headers["content-type"].startswith("text/html")}
    for url, r in pages.items():
        refs = ASSET.findall(r.text)
        assert refs, url
        for ref in refs:
            assert not ref.startswith(("http:", "https:", "//")), (url, ref)
        assert "@import" not in r.text and "fonts.googleapis" not in r.text, url
    for url in [u for u in crawled if u.startswith("/static/")]:
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", crawled[url].text), url


def test_catalog_text_is_escaped_on_every_page(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(DEMO, tree)
    evil = "<script>alert(1)</script>"
    for rel, old in [
        ("county/matters/minzheng.yaml", "    name: 最低生活保障对象认定\n"),
        ("towns/qingxi.yaml", "    name: 清溪镇便民服务中心\n"),
        ("towns/qingxi.yaml", "    address: 明湖县清溪镇溪南街 8 号镇政府东侧\n"),
    ]:
        path = tree / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        key = old.strip().split(":")[0]
        path.write_text(text.replace(old, f'    {key}: "{evil}"\n', 1), encoding="utf-8")
    client = TestClient(create_app(ServeConfig(tree, watch=False, cache=False)))
    for url in [
        "/search?q=alert",
        f"/place/{VILLAGE}",
        f"/guide/{DIBAO}?locality={VILLAGE}",
        "/venue/qingxi-center",
        "/venue/shimenkan-station",
    ]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert "<script>alert(1)" not in r.text, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text, url
    guide = client.get(f"/guide/{DIBAO}", params={"locality": VILLAGE}).text
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', guide, re.S)
    assert ld is not None and "<" not in ld.group(1)
