"""`catalogkit import`: a county's list into a tree with no invented value.

tests/data/import/small/ holds a hand-made CSV export (source.csv, with real gaps:
empty fee and limit cells, a limit written 三十日, phone lists, codes with leading
zeros and letters, a column only a mapping file names) and the tree it must give
(expected/). normalise.tsv pins every normalisation, one cell per line."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogkit import load_catalog
from catalogkit.cli import cli
from catalogkit.format.reformat import format_text
from catalogkit.importing import normalise, run_import
from catalogkit.importing.csvfile import decode
from catalogkit.importing.jsonrecords import read_json
from catalogkit.importing.reading import MAX_LIST_BYTES, MAX_UNPACKED_BYTES
from catalogkit.importing.xlsxout import write_xlsx
from tests.conftest import DATA

SMALL = DATA / "import" / "small"
COUNTY = {"county": "511602", "county_name": "广安区"}


def _cases() -> list[tuple[str, str, str]]:
    lines = (DATA / "import" / "normalise.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]  # type: ignore[misc]


@pytest.mark.parametrize(("field", "cell", "expected"), _cases())
def test_normalisation(field: str, cell: str, expected: str) -> None:
    read = getattr(normalise, field)
    if expected == "unreadable":
        with pytest.raises(normalise.Unreadable):
            read(cell)
    else:
        assert read(cell) == json.loads(expected)


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.yaml"))
    }


def test_small_export_gives_the_expected_tree(tmp_path: Path) -> None:
    out = tmp_path / "tree"
    result = run_import([SMALL / "source.csv"], out, mapping=SMALL / "map.yaml", **COUNTY)
    assert _files(out) == _files(SMALL / "expected")
    for text in _files(out).values():  # written directly, in the layout fmt keeps
        assert format_text(text) == text
    [problem] = result.data.problems  # 三十日 is not read, and left empty
    assert (problem.place.row, problem.place.column, problem.found) == (4, "承诺办结时限", "三十日")
    assert result.data.unmapped == []
    bundle = load_catalog(out, cache=False)
    assert len(bundle.matters) == 4
    assert all(e.matter.publication == "draft" for e in bundle.matters.values())
    fish = bundle.matter("00013001000")
    assert fish.consultation == [] and fish.venue is None and fish.result is None


def test_unmapped_columns_are_reported(tmp_path: Path) -> None:
    result = run_import([SMALL / "source.csv"], tmp_path / "tree", **COUNTY)
    assert result.data.unmapped == [("source.csv", "", "备注")]


def test_export_import_is_lossless_and_an_unchanged_export_writes_nothing(tmp_path: Path) -> None:
    xlsx = tmp_path / "list.xlsx"
    write_xlsx(load_catalog(SMALL / "expected", cache=False), xlsx)
    again = run_import([xlsx], tmp_path / "again", **COUNTY)
    assert _files(tmp_path / "again") == _files(SMALL / "expected")
    assert again.data.problems == []
    copy = tmp_path / "copy"
    shutil.copytree(SMALL / "expected", copy)
    result = run_import([xlsx], copy)
    assert result.written.files == [] and result.written.added == 0


def test_reimport_updates_source_fields_and_keeps_hand_work(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(SMALL / "expected", tree)
    path = tree / "county" / "matters" / "d-11511602mb1234567x.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "    name: 农机购置补贴申领\n",
        "    name: 农机购置补贴申领\n    # 经办人核实：2026年起补贴范围扩大\n    levels: [县级]\n",
    )
    path.write_text(text, encoding="utf-8")
    newer = tmp_path / "newer.csv"
    source = (SMALL / "source.csv").read_text(encoding="utf-8")
    newer.write_text(source.replace(",20个工作日,10个工作日,", ",20个工作日,8个工作日,"), "utf-8")
    result = run_import([newer], tree, mapping=SMALL / "map.yaml")
    assert result.written.updated == 1 and result.written.added == 0
    after = path.read_text(encoding="utf-8")
    assert "# 经办人核实：2026年起补贴范围扩大" in after and "levels: [县级]" in after
    assert load_catalog(tree, cache=False).matter("511E15002003").promised_limit.value == 8  # type: ignore[union-attr]


def test_cli_import_prints_the_summary_and_the_diff(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(SMALL / "expected", tree)
    newer = tmp_path / "newer.csv"
    source = (SMALL / "source.csv").read_text(encoding="utf-8")
    newer.write_text(source.replace("农机购置补贴申领", "农机购置补贴申请"), "utf-8")
    result = CliRunner().invoke(cli, ["import", str(newer), "--out", str(tree), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert "事项名称" in result.output and "更新 1" in result.output
    assert "农机购置补贴申请" in result.output  # the semantic diff names the change


def test_encodings_are_detected() -> None:
    text = "事项名称,实施编码\n低保,1\n"
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_json_records(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    records = [{"事项名称": "低保", "实施编码": "511E1", "是否收费": False, "服务对象": ["自然人"]}]
    path.write_text(json.dumps({"data": {"records": records}}, ensure_ascii=False), "utf-8")
    [sheet] = read_json(path.name, path.read_bytes(), set())
    assert sheet.headings == ["事项名称", "实施编码", "是否收费", "服务对象"]
    assert sheet.rows == [(1, ["低保", "511E1", "否", "自然人"])]


def test_national_codes_are_keys() -> None:
    from fastapi.testclient import TestClient

    from catalogkit.engine import Engine, route
    from catalogkit.server import ServeConfig, create_app

    bundle = load_catalog(SMALL / "expected", cache=False)
    full = "511E15002003-511602000000-000-11511602MB1234567X-1-00"
    assert bundle.matter_code(full) == "511E15002003" == bundle.matter_code("511E15002003")
    assert route(bundle, full, "511602").matter == "511E15002003"
    assert Engine(bundle).route(full, "511602").matter_name == "农机购置补贴申领"
    client = TestClient(create_app(ServeConfig(SMALL / "expected", watch=False, cache=False)))
    for key in (full, "511E15002003"):
        body = client.get(f"/v1/matters/{key}").json()
        assert body["code"] == "511E15002003" and body["implementationCode"] == full
        assert body["matter"]["result"] is None and "result" in body["unknown"]
    case = {"matter": full, "locality": "511602", "submitted": "2026-09-24"}
    decided = client.post("/v1/decide", json=case).json()
    assert decided["outcome"] == "undetermined" and decided["unknownFields"] == ["materials"]
    missing = client.get("/v1/matters/511E15002004")
    assert missing.status_code == 404 and "511E15002003" in missing.json()["detail"]


def test_the_example_profile_is_a_json_schema_that_published_matters_meet() -> None:
    from jsonschema import Draft202012Validator

    from tests.conftest import ROOT

    path = ROOT / "schemas" / "profiles" / "example-province.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    good = {
        "implementationCode": "511E15002003-511602000000-000-11511602MB1234567X-1-00",
        "theme": "农业农村",
        "materials": [{"name": "申请书"}],
        "online": {"available": True, "depth": 3},
    }
    assert not list(Draft202012Validator(schema).iter_errors(good))
    bad = good | {"theme": "其它", "online": {"available": True}}
    assert len(list(Draft202012Validator(schema).iter_errors(bad))) == 2


def test_unreadable_sources_are_refused_without_a_traceback(tmp_path: Path) -> None:
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("a,b\n1,2\n", encoding="utf-8")
    bad_xlsx = tmp_path / "bad.xlsx"
    bad_xlsx.write_text("not a workbook", encoding="utf-8")
    runner = CliRunner()
    for source in (bad_csv, bad_xlsx):
        args = ["import", str(source), "--out", str(tmp_path / "t"), "--county", "511602"]
        result = runner.invoke(cli, [*args, "--county-name", "广安区"])
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert not (tmp_path / "t").exists()
    no_county = runner.invoke(
        cli, ["import", str(SMALL / "source.csv"), "--out", str(tmp_path / "t")]
    )
    assert no_county.exit_code == 1 and "--county" in no_county.output


def _import(source: Path, out: Path) -> tuple[int, str]:
    args = ["import", str(source), "--out", str(out), "--county", "511602"]
    result = CliRunner().invoke(cli, [*args, "--county-name", "广安区", "--lang", "en"])
    return result.exit_code, result.output


def test_a_named_pipe_is_refused_instead_of_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "list.csv"
    os.mkfifo(fifo)
    code, out = _import(fifo, tmp_path / "t")  # would block forever if it were opened
    assert code == 1 and "named pipe" in out and "Traceback" not in out
    assert not (tmp_path / "t").exists()


def test_a_sparse_giant_is_refused_before_it_is_read(tmp_path: Path) -> None:
    giant = tmp_path / "list.csv"
    with giant.open("wb") as fh:
        fh.truncate(MAX_LIST_BYTES + 1)  # holes: claims the size, holds no blocks
    code, out = _import(giant, tmp_path / "t")
    assert code == 1 and "split" in out and "Traceback" not in out


def test_a_workbook_that_unpacks_to_gigabytes_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = 8 * 2**20  # the real limit, scaled down to keep the test quick
    assert limit < MAX_UNPACKED_BYTES
    monkeypatch.setattr("catalogkit.importing.reading.MAX_UNPACKED_BYTES", limit)
    bomb = tmp_path / "list.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as parts:
        parts.writestr("xl/worksheets/sheet1.xml", b"\0" * (limit + 1))
    assert bomb.stat().st_size < 2**20  # small on disk, huge unpacked
    code, out = _import(bomb, tmp_path / "t")
    assert code == 1 and "unpack" in out and "Traceback" not in out
