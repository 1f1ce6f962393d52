"""One source for each fact of a guide: the CLI's Markdown and HTML, the JSON API and the
residents' page show the same rows, row by row, for every matter of the demo."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from catalogkit.guide import build_guide, render
from catalogkit.guide.lists import booklet, venue_list
from catalogkit.server import ServeConfig, create_app
from tests.conftest import DEMO

VILLAGE = "339901101202"  # 石门坎村 of 清溪镇

Rows = list[tuple[str, ...]]


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeConfig(DEMO, watch=False, cache=False)))


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def _html_rows(page: str, table_class: str) -> Rows:
    found = re.search(rf'<table class="{table_class}">(.*?)</table>', page, re.S)
    assert found is not None, table_class
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append(tuple(_text(c) for c in cells))
    return rows


def _html_list(page: str, list_class: str) -> list[str]:
    found = re.search(rf'<ul class="{list_class}">(.*?)</ul>', page, re.S)
    return (
        []
        if found is None
        else [_text(li) for li in re.findall(r"<li>(.*?)</li>", found.group(1), re.S)]
    )


def _md_cells(line: str) -> tuple[str, ...]:
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return tuple(re.sub(r"\\(.)", r"\1", c).strip() for c in cells)


def _md_table(text: str, header: str) -> Rows:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(_md_cells(line))
    return rows


def _md_list(text: str, heading: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(heading)
    out = []
    for line in lines[start + 1 :]:
        if line.startswith("## "):
            break
        if line.startswith("- "):
            out.append(re.sub(r"\\(.)", r"\1", line[2:]))
    return out


def _expected(g: Any) -> tuple[Rows, Rows, list[str]]:
    facts = [(r["label"], r["value"]) for r in g.facts]
    materials = [
        (
            str(i),
            m["name"],
            m["necessity"],
            str(m["originals"]),
            str(m["copies"]),
            m["when"] or "—",
            m["notes"] or "—",
        )
        for i, m in enumerate(g.materials, 1)
    ]
    fees = (
        [
            f["line"] + (f"（{'；'.join(f['basis'])}）" if f["basis"] else "")
            for f in g.fees["items"]
        ]
        if g.fees["charged"]
        else []
    )
    return facts, materials, fees


def test_every_rendering_shows_the_same_rows_for_every_demo_matter(client: TestClient) -> None:
    engine = client.app.state.live.current.engine  # type: ignore[attr-defined]
    bundle = engine.bundle
    assert len(bundle.matters) >= 60
    for code in sorted(bundle.matters):
        here = VILLAGE if bundle.offers(code, VILLAGE) else bundle.matters[code].locality
        g = build_guide(engine, code, here, "zh")
        facts, materials, fees = _expected(g)
        keys = [r["key"] for r in g.facts]
        assert keys[:3] == ["code", "implementation_code", "type"] and "online" in keys, code

        md = render(g, "md", "zh")
        assert _md_table(md, "| | |") == facts, code
        assert _md_table(md, "| # |") == materials, code
        assert _md_list(md, "## 收费标准") == fees, code

        printed = render(g, "html", "zh")
        assert _html_rows(printed, "facts") == facts, code
        assert _html_rows(printed, "materials")[1:] == materials, code
        assert _html_list(printed, "fees") == fees, code

        body = client.get(f"/v1/matters/{code}/guide", params={"locality": here}).json()
        assert [(r["label"], r["value"]) for r in body["guide"]["facts"]] == facts, code

        page = client.get(f"/guide/{code}", params={"locality": here}).text
        assert _html_rows(page, "info") == facts, code
        assert _html_rows(page, "materials")[1:] == materials, code
        assert _html_list(page, "fees") == fees, code


def test_printed_lists_never_double_punctuation(client: TestClient) -> None:
    engine = client.app.state.live.current.engine  # type: ignore[attr-defined]
    bundle = engine.bundle
    texts = [m.fee for v in bundle.venues for m in venue_list(bundle, v)]
    texts += [m.fee for ms in booklet(bundle, "339901101").values() for m in ms]
    assert any("550 元" in t for t in texts)
    assert not [t for t in texts if re.search(r"[。；，][。；，]", t)]


def test_the_html_guide_has_every_row_the_markdown_has(client: TestClient) -> None:
    """通办范围 and the online depth in words, in both CLI formats."""
    engine = client.app.state.live.current.engine  # type: ignore[attr-defined]
    g = build_guide(engine, "MH-MZ-0005", VILLAGE, "zh")
    for fmt in ("md", "html"):
        text = render(g, fmt, "zh")
        assert "通办范围" in text and "县域通办" in text, fmt
        assert "可以网上办理：全程网办（四级）" in text, fmt
        assert "是（4）" not in text, fmt
