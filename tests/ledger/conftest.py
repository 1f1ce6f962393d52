"""The ledger tests run on both backends: every test that takes `ledger_url` runs once on
an SQLite file and once on a throwaway PostgreSQL database (a copy of a migrated template,
so each test starts empty in milliseconds)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from catalogkit import load_catalog
from catalogkit.engine import Engine
from catalogkit.ledger import Ledger
from catalogkit.plugins import Plugins
from tests.conftest import DEMO
from tests.ledger.postgres import Server, binaries

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    """The session's PostgreSQL server; missing binaries fail in CI and skip elsewhere."""
    bin_dir = binaries()
    if bin_dir is None:
        if os.environ.get("CATALOGKIT_REQUIRE_POSTGRES"):  # set by .ci/run
            pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) are missing")
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    server = Server(bin_dir)
    server.start()
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE ledger_template"))
    admin.dispose()
    Ledger.open(server.url("ledger_template")).close()  # migrated once, copied per test
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    server: Server = request.getfixturevalue("postgres")
    name = f"t{os.getpid()}_{next(_numbers)}"
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE ledger_template"))
    admin.dispose()
    return server.url(name)


@pytest.fixture
def ledger(ledger_url: str) -> Iterator[Ledger]:
    opened = Ledger.open(ledger_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(load_catalog(DEMO), Plugins.load(tree=DEMO))


@pytest.fixture(scope="module")
def app() -> Any:
    """The demo's server; a module's tests share it, each with its own ledger."""
    from catalogkit.server.app import create_app
    from catalogkit.server.config import ServeConfig

    return create_app(ServeConfig(DEMO, watch=False, cache=False))


@pytest.fixture
def client(app: Any, ledger: Ledger) -> Iterator[Any]:
    """A client of `app` whose requests reach this test's ledger."""
    from fastapi.testclient import TestClient

    app.state.ledger = ledger
    with TestClient(app) as client:
        yield client
    app.state.ledger = None
