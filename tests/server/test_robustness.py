"""Hostile, broken and odd requests: every one gets a 4xx problem with a stable code
and the revision, never a 5xx, never a file from outside the catalog tree; catalog
text is data, never markup; conditional requests, CORS and decisions at the edges.

Most of it is tables: one row a request, what it must answer."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from ruamel.yaml import YAML

from catalogkit.server import ServeConfig, create_app
from tests.conftest import DEMO
from tests.server.cases import CATALOG_TESTS, as_json, complete_case, example_case

PROBLEM = "application/problem+json"
VILLAGE = "339901101202"  # 石门坎村, 清溪镇
GROUP = "339901101202-5"
PASSWD = ("root:x:", "root:*:", "daemon:", "/bin/bash", "/usr/sbin/nologin")


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = create_app(ServeConfig(DEMO, watch=False, cache=False))
    return TestClient(app, raise_server_exceptions=False)


def check_problem(response: Response, status: int, code: str) -> dict[str, Any]:
    """A problem+json answer with this status and code, naming the revision it came from."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM, response.headers
    body: dict[str, Any] = response.json()
    assert body["code"] == code and body["status"] == status, body
    assert body["type"] == f"urn:catalogkit:problem:{code}"
    assert body["detail"] and body["detailZh"] and body["title"] and body["titleZh"]
    assert body["revision"] == response.headers["Catalog-Revision"]
    return body


def no_foreign_file(response: Response) -> None:
    text = response.content.decode("utf-8", "replace")
    for marker in PASSWD:
        assert marker not in text, f"{marker!r} in the answer to {response.request.url}"


# -- bad requests, as a table -----------------------------------------------------

CASE = complete_case()
FACTS = CASE["facts"]
JSON_TYPE = {"Content-Type": "application/json"}
GOOD_BODY = json.dumps(CASE).encode()
ROUTE = f"/v1/matters/MH-MZ-0001/route?locality={VILLAGE}"
GUIDE = f"/v1/matters/MH-MZ-0001/guide?locality={VILLAGE}"
DEEP = b'{"matter": "MH-MZ-0001", "facts": {"a": ' + b"[" * 5000 + b"]" * 5000 + b"}}"

# (id, method, url, headers, body, status, code)
Row = tuple[str, str, str, dict[str, str], bytes | None, int, str]


def get(name: str, url: str, status: int, code: str) -> Row:
    return (name, "GET", url, {}, None, status, code)


def post(
    name: str, body: bytes | dict[str, Any] | None, status: int, code: str, **headers: str
) -> Row:
    """A POST to /v1/decide; a dict body is sent as JSON, headers default to JSON's."""
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    sent = {k.replace("_", "-"): v for k, v in headers.items()} or JSON_TYPE
    return (name, "POST", "/v1/decide", sent, data, status, code)


BAD = "invalid-request"
# fmt: off
ROWS: list[Row] = [
    # query parameters of the wrong type, out of range, too long, not in the enum
    get("page not a number", "/v1/matters?page=abc", 422, BAD),
    get("page 0", "/v1/matters?page=0", 422, BAD),
    get("page too far", "/v1/matters?page=100001", 422, BAD),
    get("page negative", "/v1/matters?page=-1", 422, BAD),
    get("page a float", "/v1/matters?page=1.5", 422, BAD),
    get("perPage 0", "/v1/matters?perPage=0", 422, BAD),
    get("perPage 101", "/v1/matters?perPage=101", 422, BAD),
    get("perPage huge", "/v1/matters?perPage=" + "9" * 40, 422, BAD),
    get("online maybe", "/v1/matters?online=maybe", 422, BAD),
    get("q too long", "/v1/matters?q=" + "低" * 101, 422, BAD),
    get("q huge", "/v1/matters?q=" + "x" * 20000, 422, BAD),
    get("tier unknown", "/v1/matters?tier=province", 422, BAD),
    get("type unknown", "/v1/matters?type=魔法", 422, BAD),
    get("kind unknown", "/v1/matters?kind=慢办件", 422, BAD),
    get("department long", "/v1/matters?department=" + "d" * 65, 422, BAD),
    get("locality bad", "/v1/matters?locality=-1", 422, BAD),
    get("locality long", "/v1/matters?locality=" + "1" * 65, 422, BAD),
    get("route no locality", "/v1/matters/MH-MZ-0001/route", 422, BAD),
    get("route empty locality", "/v1/matters/MH-MZ-0001/route?locality=", 422, BAD),
    get("route lang fr", ROUTE + "&lang=fr", 422, BAD),
    get("guide format pdf", GUIDE + "&format=pdf", 422, BAD),
    get("guide format case", GUIDE + "&format=HTML", 422, BAD),
    get("services within", f"/v1/localities/{VILLAGE}/services?within=planet", 422, BAD),
    get("matter code spaces", "/v1/matters/MH%20MZ", 422, BAD),
    get("matter code NUL", "/v1/matters/MH%00", 422, BAD),
    get("matter code not UTF-8", "/v1/matters/%ff%fe", 422, BAD),
    # codes that do not exist
    get("unknown matter", "/v1/matters/MH-NO-9999", 404, "unknown-matter"),
    get("unknown matter route", f"/v1/matters/MH-NO-9999/route?locality={VILLAGE}", 404,
        "unknown-matter"),
    get("unknown matter guide", f"/v1/matters/MH-NO-9999/guide?locality={VILLAGE}", 404,
        "unknown-matter"),
    get("unknown locality route", "/v1/matters/MH-MZ-0001/route?locality=339901999999", 404,
        "unknown-locality"),
    get("unknown locality guide", "/v1/matters/MH-MZ-0001/guide?locality=339901999", 404,
        "unknown-locality"),
    get("unknown locality", "/v1/localities/339901999", 404, "unknown-locality"),
    get("unknown locality services", "/v1/localities/339901999/services", 404,
        "unknown-locality"),
    get("unknown locality filter", "/v1/matters?locality=339999", 404, "unknown-locality"),
    get("unknown venue", "/v1/venues/nowhere-hall", 404, "unknown-venue"),
    post("decide unknown matter", {**CASE, "matter": "MH-NO-9999"}, 404, "unknown-matter"),
    post("decide unknown locality", {**CASE, "locality": "3399019"}, 404, "unknown-locality"),
    # no such resource or method
    get("no such path", "/v1/nothing", 404, "not-found"),
    ("delete", "DELETE", "/v1/matters", {}, None, 405, "method-not-allowed"),
    get("get decide", "/v1/decide", 405, "method-not-allowed"),
    ("put route", "PUT", ROUTE, JSON_TYPE, b"{}", 405, "method-not-allowed"),
    # bodies: not JSON, not readable, not a case, not JSON's media type, too large
    post("malformed JSON", b'{"matter": 1,\n  x}', 400, "invalid-json"),
    post("truncated JSON", GOOD_BODY[:-5], 400, "invalid-json"),
    post("JSON with charset", b"{", 400, "invalid-json",
         Content_Type="application/json; charset=utf-8"),
    post("UTF-16, even length", b"\xff\xfe{\x00}\x00", 422, BAD),
    post("UTF-16, odd length", b"\xff\xfe\xfd{}", 400, "invalid-json"),
    post("not UTF-8 in a string", b'{"matter": "\xff\xfe\xfa"}', 400, "invalid-json"),
    post("deep nesting", b"[" * 50_000, 400, "invalid-json"),
    post("deep nesting in a fact", DEEP, 400, "invalid-json"),
    post("nested a little", {**CASE, "facts": {"a": [[[[1]]]]}}, 422, BAD),
    post("JSON but a list", b"[1, 2]", 422, BAD),
    post("JSON null", b"null", 422, BAD),
    post("empty JSON body", b"", 422, BAD),
    post("unknown key", {**CASE, "x": 1}, 422, BAD),
    post("no such day", {**CASE, "submitted": "2026-02-30"}, 422, BAD),
    ("decide trace maybe", "POST", "/v1/decide?trace=maybe", JSON_TYPE, GOOD_BODY, 422, BAD),
    post("text/plain", GOOD_BODY, 415, "unsupported-media-type", Content_Type="text/plain"),
    post("form encoded", b"matter=MH-MZ-0001", 415, "unsupported-media-type",
         Content_Type="application/x-www-form-urlencoded"),
    post("multipart", b"--x--", 415, "unsupported-media-type",
         Content_Type="multipart/form-data; boundary=x"),
    post("no content type", GOOD_BODY, 415, "unsupported-media-type", Accept="*/*"),
    post("body too large", b'{"matter": "' + b"x" * 70_000 + b'"}', 413, "body-too-large"),
    post("Content-Length lies", b"{}", 413, "body-too-large",
         Content_Type="application/json", Content_Length="999999999"),
    post("Content-Length negative", b"{}", 413, "body-too-large",
         Content_Type="application/json", Content_Length="-1"),
    ("reload, no token configured", "POST", "/v1/admin/reload", {}, None, 403, "admin-disabled"),
]
# fmt: on


def send(client: TestClient, method: str, url: str, headers: dict[str, str], body: Any) -> Response:
    return client.request(method, url, headers=headers, content=body)


@pytest.mark.parametrize(
    ("name", "method", "url", "headers", "body", "status", "code"),
    [pytest.param(*r, id=r[0]) for r in ROWS],
)
def test_bad_requests_get_a_problem(
    client: TestClient,
    name: str,
    method: str,
    url: str,
    headers: dict[str, str],
    body: bytes | None,
    status: int,
    code: str,
) -> None:
    check_problem(send(client, method, url, headers, body), status, code)


@pytest.mark.parametrize(
    ("method", "url", "headers", "body"),
    [r[1:5] for r in ROWS],
    ids=[r[0] for r in ROWS],
)
def test_bad_requests_never_crash(
    client: TestClient, method: str, url: str, headers: dict[str, str], body: bytes | None
) -> None:
    """Even the rows whose exact code is still wrong: a 4xx problem, never a 5xx."""
    response = send(client, method, url, headers, body)
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["revision"] == response.headers["Catalog-Revision"]


def test_malformed_json_says_where(client: TestClient) -> None:
    body = b'{\n  "matter": "MH-MZ-0001",\n  "locality": 339901101202x\n}'
    problem = check_problem(
        client.post("/v1/decide", content=body, headers=JSON_TYPE), 400, "invalid-json"
    )
    assert "line 3, column 27" in problem["detail"]
    assert "第 3 行第 27 列" in problem["detailZh"]
    assert problem["errors"][0] | {"line": 3, "column": 27} == problem["errors"][0]


def test_validation_problems_point_at_the_field(client: TestClient) -> None:
    problem = check_problem(client.get("/v1/matters?perPage=500&page=x"), 422, "invalid-request")
    where = {e["location"] for e in problem["errors"]}
    assert where == {"query.perPage", "query.page"}
    bad = {**CASE, "facts": {"Bad-Name": 1}, "pauses": [{"name": "x", "start": "2026-1-1"}]}
    problem = check_problem(client.post("/v1/decide", json=bad), 422, "invalid-request")
    pointers = {e.get("pointer") for e in problem["errors"]}
    assert "/pauses/0/end" in pointers and "/pauses/0/start" in pointers
    assert any(p and p.startswith("/facts/Bad-Name") for p in pointers), pointers


def test_405_names_the_allowed_methods(client: TestClient) -> None:
    """RFC 9110: a 405 lists what is allowed (schemathesis' unsupported_method check)."""
    response = client.request("TRACE", "/v1/matters")
    check_problem(response, 405, "method-not-allowed")
    assert "GET" in response.headers["Allow"]


# -- traversal: every path parameter, every encoding ------------------------------
# (httpx resolves bare "." and ".." segments before sending; the raw-socket tests at
# the end send those exactly as written)

TRAVERSALS = [
    "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%252e%252e%252fetc%252fpasswd",
    "..%5c..%5c..%5cetc%5cpasswd",
    "%c0%ae%c0%ae%c0%afetc%c0%afpasswd",
    "....%2f%2f....%2f%2fetc%2fpasswd",
    "%2fetc%2fpasswd",
    "%2e%2e",
    "..%00",
    "etc%2fpasswd%00.yaml",
    "..%2f..%2fcatalogkit.yaml",
]
PLACES = [
    "/v1/matters/{}",
    "/v1/matters/{}/route?locality=" + VILLAGE,
    "/v1/matters/MH-MZ-0001/route?locality={}",
    "/v1/matters/{}/guide?locality=" + VILLAGE + "&format=html",
    "/v1/matters/MH-MZ-0001/guide?locality={}&format=md",
    "/v1/localities/{}",
    "/v1/localities/{}/services",
    "/v1/venues/{}",
    "/v1/matters?locality={}",
    "/v1/{}",
    "/static/{}",
    "/{}",
]


@pytest.mark.parametrize("place", PLACES)
def test_traversal_in_every_parameter(client: TestClient, place: str) -> None:
    for attack in TRAVERSALS:
        response = client.get(place.format(attack))
        assert 400 <= response.status_code < 500, (place, attack, response.text)
        no_foreign_file(response)
        assert "apiVersion: catalogkit/v1" not in response.text  # no raw catalog file either
        if place.startswith("/v1/"):
            assert response.headers["content-type"] == PROBLEM
            assert response.json()["revision"] == response.headers["Catalog-Revision"]


# -- revision, ETag, conditional requests -----------------------------------------

GOOD = [
    "/v1/matters",
    "/v1/matters?q=低保&locality=" + GROUP,
    "/v1/matters/MH-MZ-0001",
    ROUTE,
    GUIDE,
    "/v1/localities",
    f"/v1/localities/{VILLAGE}",
    f"/v1/localities/{VILLAGE}/services?within=village",
    "/v1/venues/qingxi-center",
    "/v1/bundle",
    "/v1/ready",
]


def test_every_json_answer_names_its_revision(client: TestClient) -> None:
    """The header and the body agree, on answers and on problems alike."""
    answers = [client.get(u) for u in GOOD]
    answers += [send(client, *r[1:5]) for r in ROWS]
    answers.append(client.post("/v1/decide", json=CASE))
    revision = answers[0].headers["Catalog-Revision"]
    assert re.fullmatch(r"[0-9a-f]{16}", revision)
    for response in answers:
        assert response.headers["Catalog-Revision"] == revision, response.request.url
        if response.headers["content-type"] in ("application/json", PROBLEM):
            assert response.json()["revision"] == revision, response.request.url


@pytest.mark.parametrize("url", [u for u in GOOD if u not in ("/v1/bundle", "/v1/ready")])
def test_if_none_match_gives_304_without_a_body(client: TestClient, url: str) -> None:
    first = client.get(url)
    tag = first.headers["ETag"]
    assert re.fullmatch(r'"[0-9a-f]+"', tag)
    assert client.get(url).headers["ETag"] == tag  # stable
    for header in (tag, f"W/{tag}", f'"nope", {tag}', "*"):
        again = client.get(url, headers={"If-None-Match": header})
        assert again.status_code == 304, header
        assert again.content == b""
        assert again.headers["ETag"] == tag
        assert again.headers["Catalog-Revision"] == first.headers["Catalog-Revision"]
    assert client.get(url, headers={"If-None-Match": '"nope"'}).status_code == 200


def test_a_different_query_gives_a_different_etag(client: TestClient) -> None:
    urls = [
        ROUTE,
        f"/v1/matters/MH-MZ-0001/route?locality={GROUP}",
        f"/v1/matters/MH-MZ-0006/route?locality={VILLAGE}",
        ROUTE + "&lang=en",
        GUIDE,
        GUIDE + "&format=md",
        GUIDE + "&format=html",
        GUIDE + "&format=html&lang=en",
        "/v1/matters?page=1",
        "/v1/matters?page=2",
        "/v1/matters?q=结婚",
    ]
    tags = [client.get(u).headers["ETag"] for u in urls]
    assert len(set(tags)) == len(tags)


def test_decisions_and_problems_carry_no_etag(client: TestClient) -> None:
    """Each case is different; an ETag on them would only invite stale caches."""
    assert "ETag" not in client.post("/v1/decide", json=CASE).headers
    assert "ETag" not in client.get("/v1/matters/MH-NO-9999").headers


# -- catalog text is data, never markup --------------------------------------------

HOSTILE_NAME = "<script>alert(1)</script>\"'&"
HOSTILE_ALIAS = "<img src=x onerror=alert(2)>"
TOWN_MATTER = """\
apiVersion: catalogkit/v1
kind: Matters
locality: "339901101"
matters:
  - code: MH-QX-0001
    name: 清溪镇老年人优待证办理
    type: 公共服务
    levels: [镇（乡、街道）级]
    basis:
      - title: 《中华人民共和国老年人权益保障法》
    department: renshe
    serviceObjects: [自然人]
    conditions: 户籍在本镇、年满 60 周岁的老年人。
    handlingKind: 即办件
    promisedLimit: {value: 0, unit: 即时}
    process:
      - name: 受理并办结
        actor: 镇便民服务中心工作人员
    fees: {charged: false}
    visits: {count: 0}
    venue: qingxi-center
    online: {available: false}
    delivery: {inHall: true, express: false, onlinePayment: false}
    result: {type: 证照, name: 老年人优待证}
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The demo county with a hostile matter name and alias, and one matter that only
    清溪镇 defines (so residents of other towns are not served)."""
    root = tmp_path_factory.mktemp("hostile") / "catalogs"
    shutil.copytree(DEMO, root)
    path = root / "county" / "matters" / "minzheng.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    name: 最低生活保障对象认定\n    aliases: [低保申请, 申请低保]\n"
    assert old in text
    quoted = HOSTILE_NAME.replace("'", "''")
    new = f"    name: '{quoted}'\n    aliases: [低保申请, '{HOSTILE_ALIAS}']\n"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    (root / "towns" / "qingxi-matters.yaml").write_text(TOWN_MATTER, encoding="utf-8")
    app = create_app(ServeConfig(root, watch=False, cache=False))
    return TestClient(app, raise_server_exceptions=False)


def test_hostile_text_is_preserved_in_json(hostile: TestClient) -> None:
    matter = hostile.get("/v1/matters/MH-MZ-0001").json()["matter"]
    assert matter["name"] == HOSTILE_NAME
    assert HOSTILE_ALIAS in matter["aliases"]
    found = hostile.get("/v1/matters", params={"q": "低保"}).json()["items"]
    assert [(i["name"], i["aliases"]) for i in found[:1]] == [
        (HOSTILE_NAME, ["低保申请", HOSTILE_ALIAS])
    ]
    assert hostile.get(ROUTE).json()["matterName"] == HOSTILE_NAME
    guide = hostile.get(GUIDE).json()["guide"]
    assert guide["matter"]["name"] == HOSTILE_NAME
    listed = hostile.get("/v1/venues/qingxi-center").json()["matters"]
    assert HOSTILE_NAME in [m["name"] for m in listed]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_text_is_escaped_in_html(hostile: TestClient, lang: str) -> None:
    response = hostile.get(f"{GUIDE}&format=html&lang={lang}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # the JSON-LD block is inside a <script> element: "</script>" must not appear in it
    for block in re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S):
        assert "<" not in block, block[:200]
    markdown = hostile.get(f"{GUIDE}&format=md&lang={lang}").text
    assert "<script>" not in markdown and "<img " not in markdown


def test_a_matter_not_offered_to_a_locality(hostile: TestClient) -> None:
    """清溪镇's own matter, asked for by a resident of 云岭乡."""
    elsewhere = "339901201201"  # 羊角垭村, 云岭乡
    url = "/v1/matters/MH-QX-0001/{}?locality={}"
    for what in ("route", "guide"):
        problem = check_problem(hostile.get(url.format(what, elsewhere)), 404, "not-served")
        assert "339901101" in problem["detail"] and elsewhere in problem["detail"]
        assert "羊角垭村" in problem["detailZh"]
        assert hostile.get(url.format(what, VILLAGE)).status_code == 200
    listed = hostile.get("/v1/matters", params={"locality": elsewhere, "perPage": 100}).json()
    assert "MH-QX-0001" not in [i["code"] for i in listed["items"]]
    case = {"matter": "MH-QX-0001", "locality": elsewhere, "submitted": "2026-09-24"}
    decided = hostile.post("/v1/decide", json=case).json()
    assert (decided["outcome"], decided["forwardTo"]) == ("forward", "qingxi-center")


# -- CORS ---------------------------------------------------------------------------

PORTAL = "https://portal.example"
PREFLIGHT = {"Origin": PORTAL, "Access-Control-Request-Method": "GET"}


def test_cors_when_configured() -> None:
    app = create_app(ServeConfig(DEMO, watch=False, cache=False, cors_origins=(PORTAL,)))
    client = TestClient(app)
    preflight = client.options("/v1/matters", headers=PREFLIGHT)
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == PORTAL
    simple = client.get(ROUTE, headers={"Origin": PORTAL})
    assert simple.headers["Access-Control-Allow-Origin"] == PORTAL
    exposed = simple.headers["Access-Control-Expose-Headers"]
    assert "ETag" in exposed and "Catalog-Revision" in exposed
    stranger = client.options(
        "/v1/matters", headers={**PREFLIGHT, "Origin": "https://evil.example"}
    )
    assert "Access-Control-Allow-Origin" not in stranger.headers
    assert (
        "Access-Control-Allow-Origin"
        not in client.get(ROUTE, headers={"Origin": "https://evil.example"}).headers
    )


def test_no_cors_headers_unless_configured(client: TestClient) -> None:
    preflight = client.options("/v1/matters", headers=PREFLIGHT)
    assert 400 <= preflight.status_code < 500
    assert not any(h.lower().startswith("access-control-") for h in preflight.headers)
    simple = client.get(ROUTE, headers={"Origin": PORTAL})
    assert not any(h.lower().startswith("access-control-") for h in simple.headers)


# -- decide -------------------------------------------------------------------------

SOURCE = re.compile(r"^[\w./-]+\.yaml:\d+:\d+ ")


def test_decide_the_example_case(client: TestClient) -> None:
    response = client.post("/v1/decide", json=example_case())
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["revision"] == response.headers["Catalog-Revision"]
    assert body["outcome"] == "accept-pending-materials"
    missing = {m["name"]: (m["originals"], m["copies"]) for m in body["missingMaterials"]}
    assert missing == {
        "家庭经济状况核对授权书": (1, 0),
        "家庭收入和财产状况申报表": (1, 0),
        "残疾人证": (1, 1),
    }
    assert body["promisedDue"] is None  # nothing is due before the file is complete
    # only rules and plugins are traced; this case meets none, the next test does
    assert all(SOURCE.match(t["source"]) for t in body["trace"] if ".yaml" in t["source"])


DECISION_TESTS = [
    t
    for name in ("decisions.yaml", "plugins.yaml")
    for t in YAML(typ="safe").load((CATALOG_TESTS / name).read_text("utf-8"))["tests"]
]


@pytest.mark.parametrize("test", DECISION_TESTS, ids=[t["name"][:30] for t in DECISION_TESTS])
def test_decide_answers_what_the_decision_tests_expect(client: TestClient, test: Any) -> None:
    body = client.post("/v1/decide", json=as_json(test["case"])).json()
    expect = as_json(test["expect"])
    assert body["outcome"] == expect.get("outcome", body["outcome"])
    if "missingMaterials" in expect:
        assert [m["name"] for m in body["missingMaterials"]] == expect["missingMaterials"]
    for key in ("promisedDue", "statutoryDue", "totalFee", "forwardTo"):
        if key in expect:
            assert body[key] == expect[key], key
    for line in body["trace"]:
        assert SOURCE.match(line["source"]) or line["source"].startswith("plugin "), line


def test_decide_traces_rules_to_file_and_line(client: TestClient) -> None:
    traced = [
        line
        for test in DECISION_TESTS
        for line in client.post("/v1/decide", json=as_json(test["case"])).json()["trace"]
    ]
    located = [t["source"] for t in traced if SOURCE.match(t["source"])]
    assert len(located) >= 3, traced
    for source in located:
        file, line, _ = source.split(" ")[0].rsplit(":", 2)
        lines = (DEMO / file).read_text("utf-8").splitlines()
        assert 1 <= int(line) <= len(lines), source


@pytest.mark.parametrize(
    ("submitted", "year"), [("2027-03-01", 2027), ("2026-12-21", 2027), ("2024-06-03", 2024)]
)
def test_decide_without_calendar_data(client: TestClient, submitted: str, year: int) -> None:
    """The demo has 2025 and 2026: a due date in another year is provisional (weekends
    only), said so with the reason, never an error."""
    response = client.post("/v1/decide", json={**CASE, "submitted": submitted})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["outcome"] == "accept"
    assert body["provisional"] is True
    assert body["promisedDue"].startswith(str(year))
    notes = [n for n in body["dueNotes"] if n["code"] == "provisional"]
    assert notes and f"calendars/{year}.yaml" in notes[0]["message"]
    assert f"{year} 年工作日历尚未载入" in notes[0]["messageZh"]


def test_decide_within_calendar_data_is_final(client: TestClient) -> None:
    body = client.post("/v1/decide", json={**CASE, "submitted": "2026-09-24"}).json()
    assert body["provisional"] is False
    assert body["acceptedOn"] == body["submittedOn"] == "2026-09-24"
    assert [n["code"] for n in body["dueNotes"]][:1] == ["accepted-same-day"]


@pytest.mark.parametrize(
    ("facts", "field"),
    [
        ({"marital_status": "火星"}, "marital_status"),
        ({"household_size": "three"}, "household_size"),
        ({"monthly_income": [1, 2]}, "monthly_income"),
    ],
)
def test_decide_a_value_the_form_refuses(
    client: TestClient, facts: dict[str, Any], field: str
) -> None:
    case = {**CASE, "facts": {**FACTS, **facts}}
    problem = check_problem(client.post("/v1/decide", json=case), 422, "invalid-case")
    assert field in problem["detail"]


def test_decide_facts_the_form_does_not_list_are_allowed(client: TestClient) -> None:
    """By design (engine.conditions.form_problems): local rules and plugins read facts
    of their own, so an unknown fact name is not an error."""
    case = {**CASE, "facts": {**FACTS, "nonsense_fact": 1}}
    assert client.post("/v1/decide", json=case).json()["outcome"] == "accept"


# -- a real server on loopback: chunked bodies, raw paths, huge request lines ----------


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    """uvicorn with the options `catalogkit serve` uses, on an ephemeral port."""
    app: FastAPI = create_app(ServeConfig(DEMO, watch=False, cache=False))
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=0,
        log_level="critical",
        access_log=False,
        server_header=False,
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.01)
    yield instance.servers[0].sockets[0].getsockname()[1]
    instance.should_exit = True
    thread.join(10)


def raw(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Bytes exactly as given (no client normalising the path), the answer parsed."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        # the server may answer and close before reading all of it: that is fine
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines)}
    return int(status_line.split()[1]), headers, body


def request_line(target: bytes, method: bytes = b"GET", extra: bytes = b"") -> bytes:
    return (
        method + b" " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + extra + b"\r\n"
    )


def test_a_chunked_body_too_large(server: int) -> None:
    head = request_line(
        b"/v1/decide",
        b"POST",
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
    )
    chunks = b"".join(b"%x\r\n%s\r\n" % (8192, b" " * 8192) for _ in range(12)) + b"0\r\n\r\n"
    status, headers, body = raw(server, head + chunks)
    assert (status, headers["content-type"]) == (413, PROBLEM)
    assert json.loads(body)["code"] == "body-too-large"


def test_a_declared_length_too_large_is_refused_before_the_body(server: int) -> None:
    head = request_line(
        b"/v1/decide", b"POST", b"Content-Type: application/json\r\nContent-Length: 10000000\r\n"
    )
    started = time.monotonic()
    status, _, body = raw(server, head + b"{}")
    assert status == 413 and json.loads(body)["code"] == "body-too-large"
    assert time.monotonic() - started < 5  # it did not wait for ten megabytes


@pytest.mark.parametrize(
    "target",
    [
        b"/../../../../etc/passwd",
        b"/static/../../../../../etc/passwd",
        b"/static/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        b"/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        b"/v1/venues/../../../etc/passwd",
        b"/v1/venues/..%2f..%2f..%2fetc%2fpasswd",
        b"/v1/matters/..%2f..%2fcatalogkit.yaml",
        b"/v1/localities/%2e%2e%2f%2e%2e%2fetc%2fpasswd/services",
        b"//etc/passwd",
    ],
)
def test_raw_traversal_over_http(server: int, target: bytes) -> None:
    status, _, body = raw(server, request_line(target))
    assert 400 <= status < 500
    text = body.decode("utf-8", "replace")
    assert not any(marker in text for marker in PASSWD)
    assert "apiVersion: catalogkit/v1" not in text


@pytest.mark.parametrize(
    ("target", "status", "media_type"),
    [
        (b"/v1/matters?q=" + b"a" * 60_000, 422, PROBLEM),
        # past the HTTP parser's own limit: it answers 400 itself, the app never sees it
        (b"/v1/matters?q=" + b"a" * 200_000, 400, "text/plain; charset=utf-8"),
        (b"/v1/matters?q=\xff\xfe", 400, "text/plain; charset=utf-8"),  # raw, not UTF-8
        # parameters the API does not define are refused, however many
        (
            b"/v1/matters?" + b"&".join(b"x%d=1" % i for i in range(3000)),
            422,
            "application/problem+json",
        ),
    ],
    ids=["60 kB query", "200 kB query", "raw non-UTF-8", "3000 unknown parameters"],
)
def test_huge_or_broken_request_lines(
    server: int, target: bytes, status: int, media_type: str
) -> None:
    """Nothing crashes, and the server keeps serving."""
    got, headers, _ = raw(server, request_line(target))
    assert (got, headers["content-type"]) == (status, media_type)
    assert raw(server, request_line(b"/v1/health"))[0] == 200


def test_the_server_is_still_well(server: int) -> None:
    status, headers, body = raw(server, request_line(ROUTE.encode()))
    assert status == 200 and json.loads(body)["revision"] == headers["catalog-revision"]
