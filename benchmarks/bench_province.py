"""A whole province on one machine: cold validate, its floor, warm loads, memory and
a server's start from the built bundle, at 10, 30 and 90 counties.

Each county is what `python -m catalogkit.synthetic` makes of 400 matters, 15 towns
and 19 villages per town (90 counties: 1,533 files, 118 MiB). The trees are
generated once into a cache folder ($BENCH_PROVINCE_DIR, else
~/.cache/catalogkit-bench) and reused. Every figure is measured in a fresh child
process, whose CPU time and peak memory the operating system reports when it ends
(os.wait4), so that imports, worker processes and the interpreter are counted:

    cold      check_catalog(cache=False), read in this process (CATALOGKIT_LOAD_WORKERS=1)
    command   `catalogkit validate --no-cache -q`, the same check as administrators run
              it. The script above keeps its report until the interpreter exits, where
              Python's last cyclic collection walks all of it again (about 2 s of CPU
              at 90 counties); the command drops it when it returns. The targets on a
              cold check are read on the command.
    parallel  the same with worker processes (CPU: the process and its workers)
    floor     yaml-rs parse + pydantic validation of the same files, nothing else
    validate  `catalogkit validate`: a cold check that also writes the compiled cache
              (the bundle, and the search index beside it: its size is "index MiB")
    build     `catalogkit build`: a cold check and the artifact written
    warm      check_catalog(cache=True) with plugins, an Engine and one route
    serve     at --serve-at counties (default 90) only, three server starts, each timed
              from start until /v1/ready answers 200 (wall), then the first
              /v1/search?q= (wall, at the client), with the server's CPU time and peak
              RSS from start to the stop right after:
                first   `serve --catalog TREE` right after `validate` (the compiled
                        cache holds the bundle and the search index)
                cache   the same again: the bundle and the search index from the cache
                bundle  `serve --bundle ARTIFACT`, which carries its search index

Targets (issue: a whole province on one machine), at 90 counties: cold validate
(the command) ≤ 20 s CPU and ≤ 2 × the floor; warm ≤ 2 s; peak RSS ≤ 1 GiB cold,
≤ 600 MiB warm; serve ready from the cache ≤ 3 s and first search ≤ 50 ms; cold
validate CPU per county at 90 within 1.2 × that at 10. CPU time is quoted because
wall time on a shared machine says more about the neighbours than about the code.

    python benchmarks/bench_province.py [--counties 10,30,90] [--serve-at 90] [--no-parallel]
    python benchmarks/bench_province.py --counties '' --serve-at 10   # server starts only
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

TOWNS, VILLAGES, MATTERS = 15, 19, 400

COLD = """
import json, sys, time
from catalogkit import check_catalog
started = time.perf_counter()
report = check_catalog(sys.argv[1], cache=False)
assert report.bundle is not None, [d.en for d in report.errors[:3]]
print(json.dumps({"seconds": time.perf_counter() - started, "files": len(report.files)}))
"""

FLOOR = """
import json, sys, time
from pathlib import Path
import yaml_rs
from catalogkit.load.tree import catalog_files
from catalogkit.model import KINDS
started = time.perf_counter()
for path in catalog_files(Path(sys.argv[1])):
    data = yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)
    KINDS[data["kind"]].model_validate(data)
print(json.dumps({"seconds": time.perf_counter() - started}))
"""

WARM = """
import json, sys, time
from pathlib import Path
from catalogkit import check_catalog
from catalogkit.engine import Engine
from catalogkit.plugins import Plugins
root = Path(sys.argv[1])
plugins = Plugins.load(tree=root)
started = time.perf_counter()
report = check_catalog(root, cache=True, plugins=plugins)
assert report.from_cache and report.bundle is not None
loaded = time.perf_counter() - started
bundle = report.bundle
county = bundle.roots()[-1]
matter = next(m for m in bundle.matters if m.endswith(county))
village = county + "001201"
Engine(bundle, plugins).route(matter, village)
print(json.dumps({"seconds": loaded, "with_route": time.perf_counter() - started}))
"""


@dataclass
class Run:
    """One child process: what it printed, its CPU seconds, peak RSS and wall time."""

    out: dict[str, float]
    cpu: float
    rss_mib: float
    wall: float


def child(args: list[str], env: dict[str, str] | None = None) -> Run:
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, env={**os.environ, **(env or {})}, text=True
    )
    assert proc.stdout is not None
    text = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{args[:3]} failed with {proc.returncode}")
    last = text.strip().splitlines()[-1] if text.strip() else "{}"
    out = json.loads(last) if last.startswith("{") else {}
    return Run(out, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, wall)


def python(code: str, root: Path, env: dict[str, str] | None = None) -> Run:
    return child([sys.executable, "-c", code, str(root)], env)


def province(counties: int) -> Path:
    base = Path(os.environ.get("BENCH_PROVINCE_DIR") or Path.home() / ".cache" / "catalogkit-bench")
    root = base / f"province-{counties}c-{TOWNS}t-{VILLAGES}v-{MATTERS}m"
    done = root / ".complete"
    if not done.is_file():
        print(f"generating {counties} counties into {root} (once) …", file=sys.stderr)
        from catalogkit.synthetic import generate_province

        generate_province(
            root, counties=counties, towns=TOWNS, villages_per_town=VILLAGES, matters=MATTERS
        )
        done.write_text("ok\n")
    return root


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


QUERY = "低保"  # a resident's word for 最低生活保障, found in every county


def serve_ready(how: list[str], env: dict[str, str]) -> Run:
    """Seconds from starting `serve` with `how` until /v1/ready says 200, then the
    first search's seconds (out["search"])."""
    port = free_port()
    args = [sys.executable, "-m", "catalogkit", "serve", *how, "--no-watch"]
    args += ["--port", str(port), "--no-access-log", "--log-level", "warning"]
    base = f"http://127.0.0.1:{port}/v1"
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **env}
    )
    ready = None
    while ready is None and time.perf_counter() - started < 300 and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/ready", timeout=1) as r:
                if r.status == 200:
                    ready = time.perf_counter() - started
        except OSError:
            time.sleep(0.02)
    search = None
    if ready is not None:
        asked = time.perf_counter()
        with urllib.request.urlopen(f"{base}/search?q={urllib.parse.quote(QUERY)}") as r:
            found = json.load(r)["total"]
        search = time.perf_counter() - asked
        assert found > 0, "the first search found nothing"
    proc.terminate()
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    if ready is None or search is None:
        raise SystemExit(f"the server ({' '.join(how)}) did not become ready")
    cpu = usage.ru_utime + usage.ru_stime
    return Run({"seconds": ready, "search": search}, cpu, usage.ru_maxrss / 1024, ready)


def serve_rows(counties: int, cache: Path) -> dict[str, object]:
    """The three starts (see the module's docstring), after a validate and a build
    (done here unless `measure` did them already)."""
    root = province(counties)
    env = {"CATALOGKIT_CACHE_DIR": str(cache / str(counties))}
    artifact = cache / f"province-{counties}.bundle"
    if not artifact.is_file():
        child([sys.executable, "-m", "catalogkit", "validate", "-q", str(root)], env)
        child(
            [sys.executable, "-m", "catalogkit", "build", "-c", str(root), "-o", str(artifact)],
            env,
        )
    row: dict[str, object] = {"serve_counties": counties}
    for name, how in (
        ("first", ["-c", str(root)]),
        ("cache", ["-c", str(root)]),
        ("bundle", ["--bundle", str(artifact)]),
    ):
        run = serve_ready(how, env)
        row |= {
            f"{name}_ready": run.wall,
            f"{name}_search_ms": run.out["search"] * 1000,
            f"{name}_cpu": run.cpu,
            f"{name}_rss": run.rss_mib,
        }
    return row


def index_mib(cache: Path) -> float:
    """The size of the search index `validate` wrote into the compiled cache."""
    return round(sum(p.stat().st_size for p in cache.glob("search-*.pickle")) / 2**20, 1)


def measure(counties: int, parallel: bool, serve: bool, cache: Path) -> dict[str, object]:
    root = province(counties)
    size = sum(p.stat().st_size for p in root.rglob("*.yaml")) / 2**20
    env = {"CATALOGKIT_CACHE_DIR": str(cache / str(counties)), "CATALOGKIT_LOAD_WORKERS": "1"}
    cold = python(COLD, root, env)
    floor = python(FLOOR, root, env)
    row: dict[str, object] = {
        "counties": counties,
        "files": int(cold.out["files"]),
        "MiB": round(size, 1),
        "cold_cpu": cold.cpu,
        "floor_cpu": floor.cpu,
        "cold_rss": cold.rss_mib,
        "cold_wall": cold.wall,
    }
    command = child(
        [sys.executable, "-m", "catalogkit", "validate", "--no-cache", "-q", str(root)], env
    )
    row |= {"command_cpu": command.cpu, "command_rss": command.rss_mib}
    if parallel:
        par = python(COLD, root, {**env, "CATALOGKIT_LOAD_WORKERS": ""})
        row |= {"par_cpu": par.cpu, "par_wall": par.wall, "par_rss": par.rss_mib}
    validate = child([sys.executable, "-m", "catalogkit", "validate", "-q", str(root)], env)
    row |= {"validate_cpu": validate.cpu, "validate_rss": validate.rss_mib}
    row["index_MiB"] = index_mib(cache / str(counties))
    artifact = cache / f"province-{counties}.bundle"
    build = child(
        [sys.executable, "-m", "catalogkit", "build", "-c", str(root), "-o", str(artifact)], env
    )
    row |= {"build_cpu": build.cpu, "build_rss": build.rss_mib, "bundle_MiB": 0.0}
    row["bundle_MiB"] = round(artifact.stat().st_size / 2**20, 1)
    warm = python(WARM, root, env)
    row |= {
        "warm_s": warm.out["seconds"],
        "warm_route_s": warm.out["with_route"],
        "warm_cpu": warm.cpu,
        "warm_rss": warm.rss_mib,
    }
    if serve:
        row |= serve_rows(counties, cache)
    return row


def show(rows: list[dict[str, object]]) -> None:
    def f(row: dict[str, object], key: str, fmt: str = "{:.2f}") -> str:
        value = row.get(key)
        return "-" if value is None else fmt.format(value)

    if not rows:
        return
    print()
    print(
        "| counties | files | MiB | cold CPU s | per county | floor CPU s | cold/floor "
        "| validate --no-cache CPU s (/floor) | cold RSS MiB | parallel CPU s (wall) "
        "| validate + cache CPU s (RSS) "
        "| build CPU s (RSS) | bundle MiB "
        "| warm s (+route) | warm CPU s | warm RSS MiB | index MiB |"
    )
    print("|" + "---|" * 17)
    for r in rows:
        n = int(str(r["counties"]))
        cold, floor = float(str(r["cold_cpu"])), float(str(r["floor_cpu"]))
        print(
            f"| {n} | {r['files']} | {r['MiB']} | {cold:.2f} | {cold / n:.3f} | {floor:.2f} "
            f"| {cold / floor:.2f} "
            f"| {f(r, 'command_cpu')} ({float(str(r['command_cpu'])) / floor:.2f}) "
            f"| {f(r, 'cold_rss', '{:.0f}')} "
            f"| {f(r, 'par_cpu')} ({f(r, 'par_wall', '{:.1f}')}) "
            f"| {f(r, 'validate_cpu')} ({f(r, 'validate_rss', '{:.0f}')}) "
            f"| {f(r, 'build_cpu')} ({f(r, 'build_rss', '{:.0f}')}) | {r['bundle_MiB']} "
            f"| {f(r, 'warm_s')} (+{f(r, 'warm_route_s')}) | {f(r, 'warm_cpu')} "
            f"| {f(r, 'warm_rss', '{:.0f}')} | {f(r, 'index_MiB', '{:.1f}')} |"
        )
    if len(rows) >= 2:
        small, big = rows[0], rows[-1]
        per = [float(str(r["command_cpu"])) / int(str(r["counties"])) for r in (small, big)]
        print(
            f"\nper-county cold validate CPU, {big['counties']} vs {small['counties']} counties: "
            f"{per[1] / per[0]:.2f} × (target ≤ 1.2)"
        )
    big = rows[-1]
    if big:
        print(
            f"at {big['counties']} counties: cold validate {big['command_cpu']:.1f} s CPU "
            f"(target ≤ 20; the script holding its report: {big['cold_cpu']:.1f}), "
            f"validate/floor {float(str(big['command_cpu'])) / float(str(big['floor_cpu'])):.2f} "
            f"(target ≤ 2), warm {big['warm_s']:.2f} s (target ≤ 2), "
            f"peak RSS cold {big['cold_rss']:.0f} MiB (≤ 1024), warm {big['warm_rss']:.0f} "
            "MiB (≤ 600)"
        )


def show_serve(row: dict[str, object]) -> None:
    """The server starts, with each figure's ratio to its target (≤ 1 meets it)."""
    print(
        f"\n| serve, {row['serve_counties']} counties | ready s | ready / 3 s "
        "| first search ms | search / 50 ms | CPU s | peak RSS MiB |"
    )
    print("|" + "---|" * 7)
    for name, what in (
        ("first", "from the cache, first start after validate"),
        ("cache", "from the cache (bundle and search index)"),
        ("bundle", "--bundle ARTIFACT"),
    ):
        ready, ms = float(str(row[f"{name}_ready"])), float(str(row[f"{name}_search_ms"]))
        print(
            f"| {what} | {ready:.2f} | {ready / 3:.2f} | {ms:.1f} | {ms / 50:.2f} "
            f"| {float(str(row[f'{name}_cpu'])):.2f} | {float(str(row[f'{name}_rss'])):.0f} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counties", default="10,30,90", help="comma-separated sizes")
    parser.add_argument("--no-parallel", action="store_true", help="skip the parallel cold run")
    parser.add_argument(
        "--serve-at", type=int, default=90, help="counties for the server starts (0: none)"
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the server starts")
    args = parser.parse_args()
    sizes = [int(x) for x in args.counties.split(",") if x.strip()]
    serve_at = 0 if args.no_serve else args.serve_at
    rows, served = [], None
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            rows.append(measure(n, not args.no_parallel, n == serve_at, Path(tmp)))
            print(json.dumps(rows[-1]), file=sys.stderr)
            if n == serve_at:
                served = rows[-1]
        if serve_at and served is None:
            served = serve_rows(serve_at, Path(tmp))
            print(json.dumps(served), file=sys.stderr)
    show(rows)
    if served is not None:
        show_serve(served)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
