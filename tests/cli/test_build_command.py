"""`catalogkit build` writes the compiled bundle; `serve --bundle` serves it without
the tree, and a reload reads the replaced file; files it cannot trust are refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from catalogkit.catalog import check_artifact, check_catalog
from catalogkit.cli import cli
from catalogkit.errors import UsageError
from catalogkit.load import artifact
from catalogkit.server import ServeConfig, create_app
from catalogkit.synthetic import generate_tree
from tests.conftest import DEMO


def _build(tree: Path, out: Path) -> str:
    result = CliRunner().invoke(cli, ["build", "--catalog", str(tree), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("built revision ")
    return result.output.split()[2].rstrip(":")


def test_the_demo_built_and_served_from_the_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "demo.bundle"
    revision = _build(DEMO, out)
    cold = check_catalog(DEMO, cache=False).bundle
    assert cold is not None and revision == cold.revision
    monkeypatch.chdir(tmp_path)  # no tree here
    result = CliRunner().invoke(cli, ["serve", "--bundle", str(out), "--check"])
    assert result.exit_code == 0, result.output
    assert result.output == f"ok: revision {revision}\n"
    report = check_artifact(out)
    assert report.bundle is not None and report.bundle.roots() == cold.roots()


def test_a_served_bundle_answers_and_a_reload_reads_the_replaced_file(tmp_path: Path) -> None:
    tree, out = tmp_path / "tree", tmp_path / "served.bundle"
    generate_tree(tree, towns=2, villages_per_town=2, matters=10, seed=2)
    first = _build(tree, out)
    config = ServeConfig(tree, bundle_file=out, watch=False, admin_token="t")
    with TestClient(create_app(config)) as client:
        assert client.get("/v1/bundle").json()["revision"] == first
        assert client.get("/v1/localities/339901001").status_code == 200
        generate_tree(tree, towns=3, villages_per_town=2, matters=10, seed=2)
        second = _build(tree, tmp_path / "next.bundle")
        os.replace(tmp_path / "next.bundle", out)
        done = client.post("/v1/admin/reload", headers={"Authorization": "Bearer t"}).json()
        assert done["revision"] == second != first
        assert client.get("/v1/localities/339901003").status_code == 200
        out.write_bytes(b"not a bundle")
        failed = client.post("/v1/admin/reload", headers={"Authorization": "Bearer t"})
        assert failed.status_code == 409
        assert "not a bundle built by" in failed.text
        assert client.get("/v1/bundle").json()["revision"] == second


def test_an_invalid_tree_is_not_built(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    generate_tree(tree, towns=1, villages_per_town=1, matters=5)
    matters = tree / "county" / "matters.yaml"
    matters.write_text(matters.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    out = tmp_path / "x.bundle"
    result = CliRunner().invoke(cli, ["build", "-c", str(tree), "--out", str(out), "--lang", "en"])
    assert result.exit_code == 1
    assert "not built: the catalog is invalid" in result.output
    assert not out.exists()


def test_files_that_cannot_be_trusted_or_read_are_refused(
    tmp_path: Path, synthetic_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "b.bundle"
    _build(synthetic_tree, out)
    other = tmp_path / "other.bundle"
    other.write_bytes(b"\x80\x05K\x01.")
    with pytest.raises(UsageError, match="not a bundle built by"):
        check_artifact(other)
    out.chmod(0o666)
    with pytest.raises(UsageError, match="others may write"):
        check_artifact(out)
    out.chmod(0o644)
    cut = tmp_path / "cut.bundle"
    cut.write_bytes(out.read_bytes()[: out.stat().st_size // 2])
    with pytest.raises(UsageError, match="damaged"):
        check_artifact(cut)
    monkeypatch.setattr(artifact, "code_fingerprint", lambda: "another build")
    with pytest.raises(UsageError, match="another version of catalogkit"):
        check_artifact(out)
    result = CliRunner().invoke(cli, ["serve", "--bundle", str(out), "--check"])
    assert result.exit_code == 1 and "another version of catalogkit" in result.output
    with pytest.raises(UsageError, match="cannot read the bundle"):
        check_artifact(tmp_path / "missing.bundle")


def test_the_bundle_carries_its_search_index_and_a_replica_builds_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalogkit.search import store

    out = tmp_path / "demo.bundle"
    _build(DEMO, out)
    with TestClient(create_app(ServeConfig(DEMO, watch=False))) as client:
        from_tree = client.get("/v1/search", params={"q": "办丧事"}).json()

    def no_build(bundle: object) -> None:
        raise AssertionError("the replica built the search index")

    monkeypatch.setattr(store, "build_index", no_build)
    monkeypatch.chdir(tmp_path)  # no tree here
    with TestClient(create_app(ServeConfig(DEMO, bundle_file=out, watch=False))) as client:
        served = client.get("/v1/search", params={"q": "办丧事"}).json()
    assert served == from_tree and served["items"]
