#!/usr/bin/env python3
"""Set up and run catalogkit from a fresh clone with nothing but python3.

    python3 dev.py serve   validate the demo county and serve it: pages and the /v1 API on
                           http://127.0.0.1:8000/ (set PORT or HOST to change; Ctrl-C stops)
    python3 dev.py demo    validate the demo county, show where matters go, run its decision tests
    python3 dev.py test    lint, type-check and run the test suite
    python3 dev.py bench   run the benchmarks

Each command creates `.venv/` (once) and installs the project with its `serve` and `dev`
extras (the web server, the development tools) and the example town plugins of
`plugins/` into it; a change of a pyproject.toml reinstalls.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".catalogkit-installed"

DEMO_VILLAGE = "339901101202-5"  # 石门坎村高山组, a village-group service point
DEMO_MATTERS = ["MH-MZ-0001", "MH-MZ-0006", "MH-RS-0001"]  # 低保, 结婚登记, 城乡居民养老保险


EXAMPLE_PLUGINS = sorted(p.parent for p in (ROOT / "plugins").glob("*/pyproject.toml"))


def ensure_env() -> None:
    h = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    for plugin in EXAMPLE_PLUGINS:
        h.update((plugin / "pyproject.toml").read_bytes())
    want = h.hexdigest()
    if STAMP.exists() and STAMP.read_text() == want:
        return
    # on a terminal, pip shows its own progress; piped (CI logs), one line per step
    quiet = [] if sys.stdout.isatty() else ["--quiet"]
    if not (BIN / "python").exists():
        print("[1/3] creating .venv (a few seconds) …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("[2/3] upgrading pip in .venv …", flush=True)
    run([str(BIN / "python"), "-m", "pip", "install", *quiet, "--upgrade", "pip"])
    print(
        "[3/3] installing catalogkit, its dependencies and the example plugins "
        "(the first time takes a few minutes) …",
        flush=True,
    )
    editable = [arg for p in EXAMPLE_PLUGINS for arg in ("-e", str(p))]
    run([str(BIN / "python"), "-m", "pip", "install", *quiet, "-e", ".[dev,serve]", *editable])
    print("ready: .venv/bin/catalogkit", flush=True)
    STAMP.write_text(want)


def run(cmd: list[str]) -> int:
    code = subprocess.call(cmd, cwd=ROOT)
    if code:
        sys.exit(code)
    return code


def demo() -> None:
    ck = str(BIN / "catalogkit")
    run([ck, "validate", "catalogs"])
    run(
        [
            ck,
            "route",
            *DEMO_MATTERS,
            "--locality",
            DEMO_VILLAGE,
            "--catalog",
            "catalogs",
            "--lang",
            "zh",
        ]
    )
    run([ck, "decide", "catalogs/tests/example-case.yaml", "--catalog", "catalogs", "--lang", "zh"])
    run([ck, "test", "catalogs/tests"])


def serve() -> None:
    ck = str(BIN / "catalogkit")
    run([ck, "validate", "catalogs"])
    host, port = os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8000")
    os.execv(ck, [ck, "serve", "--catalog", "catalogs", "--host", host, "--port", port])


def test() -> None:
    py = str(BIN / "python")
    lint = [d for d in ("src", "tests", "benchmarks", "plugins", "dev.py") if (ROOT / d).exists()]
    run([py, "-m", "ruff", "check", *lint])
    run([py, "-m", "mypy"])
    code = subprocess.call([py, "-m", "pytest", *sys.argv[2:]], cwd=ROOT)
    if code == 5:
        print("pytest collected no tests: that is a failure here", file=sys.stderr)
    sys.exit(code)


def bench() -> None:
    py = str(BIN / "python")
    if shutil.which("wrk") is None and shutil.which("apt-get") and os.geteuid() == 0:
        print("installing wrk (the HTTP load generator) …", flush=True)
        for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
            subprocess.call(step, stdout=subprocess.DEVNULL)
    failed = []
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        if subprocess.call([py, str(script)], cwd=ROOT):
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
        sys.exit(1)


COMMANDS = {"serve": serve, "demo": demo, "test": test, "bench": bench}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    ensure_env()
    COMMANDS[sys.argv[1]]()
