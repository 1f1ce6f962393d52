"""The /v1 API on the demo county, pinned by tests/data/http/api.yaml, and the answers
that must agree with the engine's own."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from ruamel.yaml import YAML

from catalogkit import load_catalog
from catalogkit.engine import route, within
from catalogkit.server import ServeConfig, create_app
from tests.conftest import DATA, DEMO
from tests.server.cases import complete_case, example_case

CASES = YAML(typ="safe").load((DATA / "http" / "api.yaml").read_text(encoding="utf-8"))
ROUTES = YAML(typ="safe").load((DATA / "route" / "demo.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(ServeConfig(DEMO, watch=False, cache=False)))


def contains(actual: Any, expected: Any, where: str = "$") -> None:
    """`expected` is a subset of `actual`: dict keys given, lists element by element."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}: no key {key!r} in {sorted(actual)}"
            contains(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: expected a list, got {actual!r}"
        assert len(actual) == len(expected), f"{where}: {len(actual)} items, not {len(expected)}"
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            contains(a, e, f"{where}[{i}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def dig(body: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        body = body[int(part)] if part.isdigit() else body[part]
    return body


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_api(client: TestClient, case: dict[str, Any]) -> None:
    response = client.post(case["post"]) if "post" in case else client.get(case["get"])
    assert response.status_code == case["status"], response.text
    body = response.json()
    revision = response.headers["Catalog-Revision"]
    assert body["revision"] == revision
    if "problem" in case:
        assert response.headers["content-type"] == "application/problem+json"
        contains(body, {"code": case["problem"], "status": case["status"]})
        assert body["type"] == f"urn:catalogkit:problem:{case['problem']}"
        assert body["detail"] and body["detailZh"] and body["title"] and body["titleZh"]
    contains(body, case.get("json", {}))
    for dotted, n in case.get("count", {}).items():
        assert len(dig(body, dotted)) == n, dotted


@pytest.mark.parametrize("case", ROUTES, ids=lambda c: f"{c['matter']}@{c['locality']}")
def test_route_answers_what_the_engine_answers(client: TestClient, case: dict[str, Any]) -> None:
    # on a Sunday no plugin of the demo moves a case: the route is the catalog's
    body = client.get(
        f"/v1/matters/{case['matter']}/route",
        params={"locality": case["locality"], "date": "2026-09-13"},
    ).json()
    assert [[h["role"], h["venue"], h["locality"]] for h in body["hops"]] == case["hops"]
    assert body["handlingKind"] == case["kind"]


def test_filters_agree_with_the_bundle(client: TestClient) -> None:
    bundle = load_catalog(DEMO, cache=False)
    for field, value, keep in [
        ("kind", "即办件", lambda m: m.handling_kind == "即办件"),
        ("type", "行政许可", lambda m: m.type == "行政许可"),
        ("online", "true", lambda m: m.online.available),
        ("online", "false", lambda m: not m.online.available),
        ("department", "minzheng", lambda m: m.department == "minzheng"),
    ]:
        want = sorted(c for c, e in bundle.matters.items() if keep(e.matter))
        body = client.get("/v1/matters", params={field: value, "perPage": 100}).json()
        assert body["total"] == len(want) > 0, field
        assert [i["code"] for i in body["items"]] == want, field


def test_the_matter_list_names_the_body_the_guide_names(client: TestClient) -> None:
    """东礁镇's claim on 临时救助 names the town government: for its residents the list
    says so (and filters by it), as the guide's 实施主体 does; with no locality, the
    definition's 民政局."""
    here = {"locality": "339901102201", "perPage": 100}
    items = client.get("/v1/matters", params={**here, "q": "临时救助"}).json()["items"]
    assert [(i["department"], i["departmentName"]) for i in items] == [
        ("dongjiao-zf", "明湖县东礁镇人民政府")
    ]
    guide = client.get("/v1/matters/MH-MZ-0003/guide", params={"locality": here["locality"]})
    assert guide.json()["guide"]["matter"]["department"] == "明湖县东礁镇人民政府"
    town = client.get("/v1/matters", params={**here, "department": "dongjiao-zf"}).json()
    assert "MH-MZ-0003" in [i["code"] for i in town["items"]]
    county = client.get("/v1/matters", params={**here, "department": "minzheng"}).json()
    assert "MH-MZ-0003" not in [i["code"] for i in county["items"]]
    anywhere = client.get("/v1/matters", params={"q": "临时救助"})  # the county's definition
    assert anywhere.json()["items"][0]["department"] == "minzheng"


def test_services_agree_with_within(client: TestClient) -> None:
    bundle = load_catalog(DEMO, cache=False)
    for code in ("339901101202", "339901102201", "339901001001"):
        assert code in bundle.localities
        for scope in ("village", "town"):
            want = [r.matter for r in within(bundle, code, scope)]
            body = client.get(f"/v1/localities/{code}/services", params={"within": scope}).json()
            assert [i["matter"] for i in body["items"]] == want
        every = client.get(f"/v1/localities/{code}/services").json()
        assert every["total"] >= len(want)
        for item in every["items"]:
            first = route(bundle, item["matter"], code).hops[0]
            assert item["firstStop"]["venue"] == first.venue


def keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


def test_guide_formats(client: TestClient) -> None:
    url = "/v1/matters/MH-MZ-0001/guide"
    guide = client.get(url, params={"locality": "339901101202"}).json()["guide"]
    assert guide["matter"]["serviceObjects"] == ["自然人"]
    assert not [k for k in keys(guide) if "_" in k]  # camelCase like every answer
    md = client.get(url, params={"locality": "339901101202", "format": "md"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# 最低生活保障对象认定")
    html = client.get(url, params={"locality": "339901101202", "format": "html"})
    assert html.headers["content-type"].startswith("text/html")
    assert "application/ld+json" in html.text and "石门坎村" in html.text
    en = client.get(url, params={"locality": "339901101202", "format": "md", "lang": "en"})
    assert en.text != md.text


def test_etags_and_conditional_requests(client: TestClient) -> None:
    url = "/v1/matters/MH-MZ-0001/route?locality=339901101202"
    first = client.get(url)
    tag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    again = client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["Catalog-Revision"] == first.headers["Catalog-Revision"]
    assert client.get(url, headers={"If-None-Match": '"other", W/' + tag}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    other = client.get("/v1/matters/MH-MZ-0006/route?locality=339901101202")
    assert other.headers["ETag"] != tag


def test_decide_a_case(client: TestClient) -> None:
    case = example_case()
    response = client.post("/v1/decide", json=case)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["outcome"] == "accept-pending-materials"
    assert body["outcomeZh"] == "材料补齐后受理（一次性告知）"
    assert body["revision"] == response.headers["Catalog-Revision"]
    assert "家庭经济状况核对授权书" in [m["name"] for m in body["missingMaterials"]]
    assert body["route"]["decidedAt"]["venue"] == "minghu-hall"
    assert body["plugins"] == {"hardship-waiver": "1.0.0"}
    again = client.post("/v1/decide", json=case).json()
    assert re.fullmatch(r"[0-9a-f]{32}", body["decisionId"])
    assert again["decisionId"] != body["decisionId"]


def test_a_certain_refusal_wins_over_missing_facts(client: TestClient) -> None:
    """Aged 75, whether family applies not said: refused, not asked for more."""
    case = {"matter": "MH-MZ-0005", "locality": "339901101202", "submitted": "2026-09-24"}
    body = client.post("/v1/decide", json={**case, "facts": {"age": 75}}).json()
    assert body["outcome"] == "refuse"
    assert [r["reason"] for r in body["refusals"]] == ["未满八十周岁，不符合高龄津贴申领条件"]
    assert body["missingFacts"] == [] and body["missingMaterials"] == []
    body = client.post("/v1/decide", json={**case, "facts": {"age": 85}}).json()
    assert body["outcome"] == "undetermined"
    assert body["factsNeeded"] == [
        {"fact": "by_agent", "label": "是否由家属代办", "question": "是否由家属或代办员代为申请？"}
    ]


def test_proxy_legs_count_in_the_timeline(client: TestClient) -> None:
    """A 高山组 resident hands the file to the group leader on Thursday 2026-09-24: the
    leader passes it on within 1 working day (after the Mid-Autumn break: 09-28), the
    village agent reaches the town within 2 (09-30), and the 20 promised working days
    count from that acceptance, not from the day the file left the village."""
    case = {**complete_case(), "locality": "339901101202-5", "channel": "proxy"}
    body = client.post("/v1/decide", json=case).json()
    assert body["outcome"] == "accept", body
    steps = [
        (s["role"], s["venue"], (s["limit"] or {}).get("value"), s["due"]) for s in body["timeline"]
    ]
    assert steps == [
        ("proxy", "shimenkan-gaoshan-point", 1, "2026-09-28"),
        ("proxy", "shimenkan-station", 2, "2026-09-30"),
        ("accept", "qingxi-center", None, "2026-09-30"),
        ("decide", "minghu-hall", 20, "2026-11-03"),
    ]
    assert body["acceptedOn"] == "2026-09-30" and body["promisedDue"] == "2026-11-03"
    carried = body["dueNotes"][0]  # why the clock starts six days after handing in
    assert carried["code"] == "carried"
    assert carried["messageZh"] == (
        "2026-09-24（周四）交代办员代办，经 2 段代办按各自代办时限转交，"
        "2026-09-30（周三）送达清溪镇便民服务中心"
    )
    assert body["route"]["hops"][0]["legLimit"] == {"value": 1, "unit": "工作日", "note": None}
    window = client.post("/v1/decide", json={**case, "channel": "window"}).json()
    assert window["promisedDue"] == "2026-10-29"  # brought to the town window directly
    assert [s["role"] for s in window["timeline"]] == ["accept", "decide"]
    assert "carried" not in [n["code"] for n in window["dueNotes"]]


def test_decide_fees_due_dates_and_trace(client: TestClient) -> None:
    case = {
        "matter": "MH-BDC-0001",
        "locality": "339901101202",
        "submitted": "2026-09-24",
        "facts": {"extra_certificates": 2},
        "materials": [
            "不动产登记申请书",
            "申请人身份证明（营业执照或居民身份证）",
            "国有建设用地使用权不动产权证书",
            "建设工程符合规划的材料（规划核实意见）",
            "房屋已经竣工的材料（竣工验收备案材料）",
            "房地产调查或测绘报告",
        ],
    }
    body = client.post("/v1/decide", json=case).json()
    assert body["outcome"] == "accept"
    assert {f["id"]: f["net"] for f in body["fees"]} == {
        "证书工本费": 10,
        "extra-certificates": 20,
    }
    assert body["totalFee"] == 30
    assert (body["promisedDue"], body["statutoryDue"]) == ("2026-10-09", "2026-11-12")
    located = [t["source"] for t in body["trace"] if ".yaml:" in t["source"]]
    assert located, body["trace"]
    short = client.post("/v1/decide", params={"trace": "false"}, json=case).json()
    assert short["trace"] and all(".yaml:" not in t["source"] for t in short["trace"])


def test_openapi_is_published_without_external_assets(client: TestClient) -> None:
    spec = client.get("/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    paths = set(spec["paths"])
    assert {"/v1/matters", "/v1/matters/{matter}/route", "/v1/decide", "/v1/bundle"} <= paths
    for path in spec["paths"].values():
        for op in path.values():
            for status, answer in op["responses"].items():
                if int(status) >= 400:
                    assert list(answer["content"]) == ["application/problem+json"]
    assert client.get("/docs").status_code == 404  # the stock page loads a CDN


def test_errors_come_in_the_kind_of_the_asker(client: TestClient) -> None:
    """API clients get problems; people in a browser get a Chinese page."""
    for url in ("/v1/nothing", "/v1"):
        assert client.get(url).headers["content-type"] == "application/problem+json"
    for url in ("/nothing", "/guide/a/b"):
        page = client.get(url)
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        assert "没有找到这个页面" in page.text
    assert client.post("/").status_code == 405


def test_form_values_are_refused_field_by_field(client: TestClient) -> None:
    case = {
        "matter": "MH-MZ-0001",
        "locality": "339901101202",
        "submitted": "2026-09-24",
        "facts": {"household_size": "three", "marital_status": "married"},
    }
    problem = client.post("/v1/decide", json=case).json()
    assert problem["code"] == "invalid-case"
    fields = {e["pointer"]: e for e in problem["errors"]}
    assert set(fields) == {"/facts/household_size", "/facts/marital_status"}
    assert fields["/facts/marital_status"]["expected"].endswith(
        'one of "未婚", "已婚", "离异", "丧偶"'
    )
    assert fields["/facts/marital_status"]["found"] == '"married"'
    assert (
        "「申请人婚姻状况」（marital_status）应为文本，取值为未婚、已婚、离异、丧偶之一"
        in (problem["detailZh"])
    )


def test_slips_in_a_case_are_noticed(client: TestClient) -> None:
    case = {
        "matter": "MH-MZ-0001",
        "locality": "339901101202",
        "submitted": "2026-09-24",
        "facts": {"houshold_size": 3, "hardship": True},
        "materials": ["身份证", "最低生活保障申请书"],
    }
    body = client.post("/v1/decide", json=case).json()
    assert [(n["code"], n["pointer"], n["suggestion"]) for n in body["notices"]] == [
        ("unknown-fact", "/facts/houshold_size", "household_size"),
        ("unknown-material", "/materials/0", "家庭成员居民身份证"),
    ]
    assert "household_size" in body["missingFacts"]  # the misspelt fact counts for nothing


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    for url in ("/v1/health", "/v1/matters/MH-MZ-0001/route?locality=339901", "/"):
        get, head = client.get(url), client.head(url)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-length"] == get.headers["content-length"]
        assert head.headers["Catalog-Revision"] == get.headers["Catalog-Revision"]


def test_operations_have_stable_names(client: TestClient) -> None:
    spec = client.get("/v1/openapi.json").json()
    ids = {op["operationId"] for path in spec["paths"].values() for op in path.values()}
    assert {"getRoute", "listMatters", "getGuide", "postDecide", "postReload"} <= ids
    assert spec["paths"]["/v1/admin/reload"]["post"]["security"] == [{"HTTPBearer": []}]


def test_trace_lines_come_from_the_version_decided_on(tmp_path: Path) -> None:
    """A file edited on disk but not (yet) served gives no line numbers: they would
    point into the new version."""
    tree = tmp_path / "catalogs"
    shutil.copytree(DEMO, tree)
    client = TestClient(create_app(ServeConfig(tree, watch=False, cache=False)))
    case = {
        "matter": "MH-BDC-0001",
        "locality": "339901101202",
        "submitted": "2026-09-24",
        "facts": {"extra_certificates": 2},
    }
    before = client.post("/v1/decide", json=case).json()
    located = [t["source"] for t in before["trace"] if "budongchan.yaml:" in t["source"]]
    assert located
    path = tree / "county" / "matters" / "budongchan.yaml"
    path.write_text("# 新增一行注释\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    after = client.post("/v1/decide", json=case).json()
    assert after["revision"] == before["revision"]
    sources = [t["source"] for t in after["trace"]]
    assert "budongchan.yaml matters[0].rules[0]" in " ".join(sources)
    assert not [s for s in sources if "budongchan.yaml:" in s]


def test_the_html_guide_keeps_its_styling_under_its_own_csp(client: TestClient) -> None:
    """Every <style> and executable <script> of the served guide is allowed by hash in the
    response's CSP (no 'unsafe-inline'), and nothing styles or scripts inline otherwise."""
    response = client.get(
        "/v1/matters/MH-BDC-0001/guide", params={"locality": "339901101202", "format": "html"}
    )
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-hashes" not in policy
    sources = {
        part.split()[0]: set(part.split()[1:]) for part in policy.split("; ") if part.strip()
    }
    html = response.text

    def allowed(directive: str, text: str) -> bool:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        return f"'sha256-{digest}'" in sources[directive]

    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert styles and scripts
    assert all(allowed("style-src", t) for t in styles)
    assert all(allowed("script-src", t) for t in scripts)
    assert not re.search(r"\sstyle=|\son[a-z]+=", html)


def test_html_from_the_api_is_locked_down_and_assets_are_kept(client: TestClient) -> None:
    html = client.get(
        "/v1/matters/MH-MZ-0001/guide", params={"locality": "339901101202", "format": "html"}
    )
    assert html.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert html.headers["X-Content-Type-Options"] == "nosniff"
    page = client.get("/").text
    asset = re.search(r'href="(/static/site\.css\?v=[0-9a-f]+)"', page)
    assert asset is not None
    kept = client.get(asset.group(1))
    assert kept.status_code == 200 and "immutable" in kept.headers["Cache-Control"]
    assert "immutable" not in client.get("/static/site.css").headers.get("Cache-Control", "")
