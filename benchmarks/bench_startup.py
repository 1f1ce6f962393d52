"""Start-up of the command line, whole processes against a bare interpreter start
measured in the same run (median of repeated runs each).

    bare      = `python -c pass`
    version   = `catalogkit --version`
    help      = `catalogkit --help`
    route     = `catalogkit route --help`
    validate  = `catalogkit validate catalogs`, warm: answered by the compiled cache

Targets (issue 13): version and help within 100 ms of bare; warm validate of the demo
within 2 × version. Prints each figure, its ratio to bare and the difference in ms.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import median_seconds, ms

ROOT = Path(__file__).resolve().parents[1]
REPEAT = int(os.environ.get("BENCH_REPEAT", "7"))
CATALOGKIT = [sys.executable, "-c", "import sys; from catalogkit.cli import main; main()"]
script = Path(sys.executable).with_name("catalogkit")
if script.exists():  # the console script, as an administrator runs it
    CATALOGKIT = [str(script)]

RUNS = {
    "bare": [sys.executable, "-c", "pass"],
    "version": [*CATALOGKIT, "--version"],
    "help": [*CATALOGKIT, "--help"],
    "route --help": [*CATALOGKIT, "route", "--help"],
    "validate (warm)": [*CATALOGKIT, "validate", "catalogs"],
}


def main() -> None:
    env = {**os.environ, "CATALOGKIT_LANG": "en"}
    env.pop("CATALOGKIT_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules come from bytecode
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as cache:
        env["CATALOGKIT_CACHE_DIR"] = cache  # filled by the warm-up run, then warm

        def run(argv: list[str]) -> None:
            subprocess.run(argv, cwd=ROOT, env=env, check=True, capture_output=True)

        times = {name: median_seconds(lambda a=argv: run(a), REPEAT) for name, argv in RUNS.items()}
    bare = times["bare"]
    print(f"whole process, median of {REPEAT}")
    for name, t in times.items():
        print(f"{name:16} {ms(t)}   {t / bare:5.1f} × bare   +{(t - bare) * 1000:7.1f} ms")
    failed = [
        f"{name} is more than 100 ms over a bare start"
        for name in ("version", "help")
        if times[name] - bare > 0.100
    ]
    if times["validate (warm)"] > 2 * times["version"]:
        failed.append("warm validate of the demo is slower than 2 × version")
    for line in failed:
        print(f"FAIL: {line}")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
