"""route and guide requests over HTTP on loopback, under wrk, each against a floor
measured in the same run: a bare endpoint of the same server stack (FastAPI, the
body limit, uvicorn with httptools and uvloop, one worker, no access log) that
answers fixed JSON bytes as large as a route answer.

    route, one URL          vs the floor   (target: ≥ 50% of the floor's requests/s)
    route, rotating mix     vs the floor   (target: ≥ 50%)
    route, uncached         vs the floor   (a second server that keeps no answer; no target)
    guide JSON, guide HTML  vs the floor   (no target)

Answers are kept per bundle snapshot (a bundle never changes), so the mix rotates
over every (matter, locality) pair the demo county offers to show the cache at its
real size, and the uncached line (a second server of the same stack that keeps no
answer) shows what computing an answer costs. Floor and
measured runs alternate, and each ratio is to the mean of the floor runs just before
and after it: on a small shared machine the load drifts. p50 and p99 are wrk's.

    python benchmarks/bench_http.py [--duration 5] [--rounds 1] [--connections 48] [--threads 2]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "catalogs"
FLOOR = "/bench/floor"
ROUTE = "/v1/matters/MH-MZ-0001/route?locality=339901101202-5"
GUIDE = "/v1/matters/MH-MZ-0001/guide?locality=339901101202-5"
TARGET = 0.5
T = TypeVar("T")

ROTATE = """\
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
"""


def serve(port: int, keep: bool) -> None:
    """The child process: the app `catalogkit serve` builds, plus the floor route, run
    by the same `serve()` with the options the CLI passes; with `keep` False, an app
    that keeps no answer, so that every request computes its answer."""
    from fastapi import Response
    from fastapi.testclient import TestClient

    from catalogkit.server import ServeConfig, create_app
    from catalogkit.server import snapshot as kept_answers
    from catalogkit.server.run import serve as run

    if not keep:
        kept_answers.MAX_ANSWERS = 0

    config = ServeConfig(catalog=DEMO)
    app = create_app(config)
    sample = TestClient(app).get(ROUTE)
    assert sample.status_code == 200, sample.text
    body = sample.content  # the floor answers bytes exactly as large as this route answer

    async def floor() -> Response:
        return Response(body, media_type="application/json")

    app.add_api_route(FLOOR, floor, methods=["GET"], include_in_schema=False)
    run(
        config,
        host="127.0.0.1",
        port=port,
        workers=1,
        log_level="warning",
        access_log=False,
        app=app,
    )


@dataclass(frozen=True)
class Run:
    rps: float
    p50_ms: float
    p99_ms: float


def wrk(url: str, seconds: int, threads: int, connections: int, script: Path | None) -> Run:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if bad:
        raise SystemExit(f"{bad.group(1)} error answers from {url}:\n{out}")
    errors = re.search(r"Socket errors: (.*)", out)  # wrk prints the line only if any
    if errors:
        print(f"  (wrk: socket errors on {url}: {errors.group(1)})")
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if rps is None:
        raise SystemExit(f"no Requests/sec in wrk's output:\n{out}")
    return Run(float(rps.group(1)), percentile(out, 50), percentile(out, 99))


def percentile(out: str, p: int) -> float:
    found = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, flags=re.M)
    if found is None:
        raise SystemExit(f"no {p}th percentile in wrk's output:\n{out}")
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[found.group(2)]
    return float(found.group(1)) * scale


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited before it was ready")
        try:
            with urllib.request.urlopen(base + "/v1/ready", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server was not ready within 60 s")


def offered_pairs() -> list[str]:
    """Every route URL the demo county answers: each matter for each locality it serves."""
    from catalogkit import load_catalog

    bundle = load_catalog(DEMO, cache=False)
    return [
        f"/v1/matters/{m}/route?locality={loc}"
        for m, entry in sorted(bundle.matters.items())
        for loc in sorted(bundle.localities)
        if entry.locality in bundle.chain(loc)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=1, help="interleaved rounds; medians")
    parser.add_argument("--connections", type=int, default=48)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--keep-nothing", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, keep=not args.keep_nothing)
        return 0
    if shutil.which("wrk") is None:
        print(
            "bench_http needs wrk, an HTTP load generator: apt-get install wrk "
            "(Debian/Ubuntu), brew install wrk (macOS), or build it from "
            "https://github.com/wg/wrk",
            file=sys.stderr,
        )
        return 2

    pairs = offered_pairs()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    servers: list[subprocess.Popen[bytes]] = []
    try:
        bases = []
        for extra in ([], ["--keep-nothing"]):
            port = free_port()
            command = [sys.executable, __file__, "--serve", str(port), *extra]
            servers.append(subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL))
            bases.append(f"http://127.0.0.1:{port}")
            wait_ready(bases[-1], servers[-1])
        base, uncached = bases
        with tempfile.TemporaryDirectory() as tmp:
            mix = Path(tmp) / "mix.lua"
            mix.write_text(ROTATE % ", ".join(f'"{p}"' for p in pairs), encoding="utf-8")
            targets: list[tuple[str, str, Path | None, bool]] = [
                ("route, one URL", ROUTE, None, True),
                (f"route, {len(pairs)} URLs rotating", ROUTE, mix, True),
                ("guide JSON, one URL", GUIDE, None, False),
                ("guide HTML, one URL", GUIDE + "&format=html", None, False),
                ("route, uncached", uncached + ROUTE, mix, False),
            ]
            measure(base, targets, args.duration, args.rounds, args.threads, args.connections)
    finally:
        for server in servers:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    return 0


def measure(
    base: str,
    targets: list[tuple[str, str, Path | None, bool]],
    seconds: int,
    rounds: int,
    threads: int,
    connections: int,
) -> None:
    def run(path: str, script: Path | None, duration: int = seconds) -> Run:
        url = path if path.startswith("http") else base + path  # another server's URL
        return wrk(url, duration, threads, connections, script)

    size = len(urllib.request.urlopen(base + FLOOR).read())
    print(
        f"wrk -t{threads} -c{connections}, {seconds} s a run, {rounds} round(s), on loopback; "
        f"server: uvicorn, 1 worker, httptools + uvloop, no access log; "
        f"floor: fixed JSON of {size} bytes"
    )
    floors: list[Run] = []
    measured: list[list[tuple[float, Run]]] = [[] for _ in targets]  # (ratio, run) per round
    for _ in range(rounds):
        for _, path, script, _ in targets[:-1]:  # warm up: fill the answer cache again
            run(path, script, 1)
        run(FLOOR, None, 1)
        before = run(FLOOR, None)
        floors.append(before)
        for i, (_, path, script, _) in enumerate(targets):
            r = run(path, script)
            after = run(FLOOR, None)
            floors.append(after)
            measured[i].append((r.rps / ((before.rps + after.rps) / 2), r))
            before = after

    def line(name: str, r: Run) -> str:
        return f"{name:<30} {r.rps:9.0f} req/s   p50 {r.p50_ms:6.2f} ms   p99 {r.p99_ms:6.2f} ms"

    middle = median(floors, key=lambda f: f.rps)
    spread = f"{min(f.rps for f in floors):.0f}–{max(f.rps for f in floors):.0f}"
    print(f"{line('floor (fixed JSON)', middle)}   median of {len(floors)} runs ({spread} req/s)")
    met = True
    for (name, _, _, has_target), runs in zip(targets, measured, strict=True):
        ratio, r = median(runs, key=lambda x: x[0])
        note = "no target"
        if has_target:
            ok = ratio >= TARGET
            met &= ok
            note = f"target ≥ {TARGET:.2f}: {'met' if ok else 'MISSED'}"
        print(f"{line(name, r)}   ratio {ratio:5.2f}   ({note})")
    if rounds > 1:
        print("(each line: the round with the median ratio; ratios are to the mean of the")
        print(" floor runs just before and after)")
    print(f"route requests at ≥ {TARGET:.0%} of the floor's throughput: {'yes' if met else 'NO'}")


def median(items: list[T], key: Callable[[T], float]) -> T:
    return sorted(items, key=key)[(len(items) - 1) // 2]


if __name__ == "__main__":
    sys.exit(main())
