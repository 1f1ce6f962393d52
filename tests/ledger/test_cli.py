"""`catalogkit cases …`: register, record, show, list, rebuild, tokens, JSON Lines out
and in, and a copy from an SQLite file into the other backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogkit.cli.main import cli
from catalogkit.ledger import Filters, Ledger
from tests.conftest import DEMO
from tests.ledger.test_http import NEW


def run(url: str, *args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(cli, ["cases", "-c", str(DEMO), "--database-url", url, *args])
    assert (result.exit_code == 0) == ok, result.output
    return result.output


def test_a_case_from_the_command_line_and_copied(tmp_path: Path, ledger_url: str) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    (tmp_path / "case.json").write_text(json.dumps(NEW, ensure_ascii=False), encoding="utf-8")
    created = json.loads(run(url, "create", str(tmp_path / "case.json"), "--key", "a"))
    number = created["caseNo"]
    accept = tmp_path / "accept.json"
    accept.write_text('{"kind": "accept", "version": 1, "staff": "w1", "on": "2026-09-24"}')
    assert json.loads(run(url, "append", number, str(accept)))["due"]["promised"] == "2026-10-29"
    refused = run(url, "append", number, str(accept), ok=False)
    assert "已被他人更新" in refused and "Traceback" not in refused
    shown = json.loads(run(url, "show", number))
    assert [e["kind"] for e in shown["timeline"]] == ["apply", "accept"]
    assert number in run(url, "list", "--state", "accepted")
    assert "rebuilt 1 cases from 2 events" in run(url, "rebuild")
    token = run(
        url, "tokens", "add", "--role", "staff", "--venue", "qingxi-center", "--label", "窗口"
    ).strip()
    assert token.startswith("ckl_")
    assert json.loads(run(url, "tokens", "list"))[0]["venue"] == "qingxi-center"
    assert "revoked" in run(url, "tokens", "revoke", token.split("_")[1])
    exported = tmp_path / "events.jsonl"
    run(url, "export", "-o", str(exported))
    assert len(exported.read_text(encoding="utf-8").splitlines()) == 2
    other = f"sqlite:///{tmp_path / 'other.sqlite'}"
    assert "1 cases, 2 events" in run(other, "import", str(exported))
    assert "already in the ledger" in run(other, "import", str(exported), ok=False)
    next_one = json.loads(run(other, "create", str(tmp_path / "case.json")))["caseNo"]
    assert next_one != number  # imported numbers are never given out again
    assert "copied 2 events of 1 cases" in run(url, "copy", "--to", ledger_url)
    copied = Ledger.open(ledger_url)
    assert copied.get(number) == Ledger.open(url).get(number)
    assert copied.token(token) is None  # revoked stays revoked
    assert "not empty" in run(url, "copy", "--to", ledger_url, ok=False)


def test_a_broken_import_line_is_located_and_nothing_is_written(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"caseNo": "33990120260924000001", "seq": 2}\n', encoding="utf-8")
    out = run(url, "import", str(bad), ok=False)
    assert f"{bad}:1:" in out and "Traceback" not in out
    assert Ledger.open(url).find(Filters())[0] == []


def test_the_server_and_the_command_share_the_trees_own_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from catalogkit.server import ServeConfig, create_app

    monkeypatch.delenv("CATALOGKIT_DATABASE_URL", raising=False)
    monkeypatch.setenv("CATALOGKIT_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "case.json").write_text(json.dumps(NEW, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["cases", "-c", str(DEMO / "county"), "create", str(tmp_path / "case.json")]
    )
    assert result.exit_code == 0, result.output
    number = json.loads(result.output)["caseNo"]
    assert len(list((tmp_path / "data").glob("ledger-*.sqlite"))) == 1
    with TestClient(create_app(ServeConfig(DEMO, watch=False, cache=False))) as client:
        answer = client.get(
            f"/v1/cases/{number}", headers={"Phone-Last4": NEW["applicant"]["phone"][-4:]}
        )
        assert answer.status_code == 200, answer.text
