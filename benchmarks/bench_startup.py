"""Start-up of the command line, whole processes against a bare interpreter start
measured in the same run (median of repeated runs each).

    bare      = `python -c pass`
    version   = `catalogkit --version`
    help      = `catalogkit --help`
    route     = `catalogkit route --help`
    validate  = `catalogkit validate catalogs`, warm: answered by the remembered verdict

Targets (issue 13): version and help within 100 ms of bare; warm validate of the demo
within 2 × version. Prints each figure (wall clock, and the CPU time of the process,
the steadier figure on a busy machine), its ratio to bare and the difference in ms.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import ms

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


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def median_run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of the whole process (after one warm-up run,
    which also fills the cache and writes bytecode)."""
    subprocess.run(argv, cwd=ROOT, env=env, check=True, capture_output=True)
    walls, cpus = [], []
    for _ in range(REPEAT):
        cpu, start = children_cpu(), time.perf_counter()
        subprocess.run(argv, cwd=ROOT, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        cpus.append(children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    env = {**os.environ, "CATALOGKIT_LANG": "en"}
    env.pop("CATALOGKIT_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules come from bytecode
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as cache:
        env["CATALOGKIT_CACHE_DIR"] = cache
        times = {name: median_run(argv, env) for name, argv in RUNS.items()}
    bare, bare_cpu = times["bare"]
    print(f"whole process, median of {REPEAT}: wall clock | CPU")
    for name, (t, cpu) in times.items():
        print(
            f"{name:16} {ms(t)} {t / bare:5.1f} × bare +{(t - bare) * 1000:7.1f} ms"
            f" | {ms(cpu)} {cpu / max(bare_cpu, 1e-3):5.1f} × +{(cpu - bare_cpu) * 1000:6.1f} ms"
        )
    failed = [
        f"{name} is more than 100 ms over a bare start"
        for name in ("version", "help")
        if times[name][0] - bare > 0.100
    ]
    if times["validate (warm)"][0] > 2 * times["version"][0]:
        failed.append("warm validate of the demo is slower than 2 × version")
    for line in failed:
        print(f"FAIL: {line}")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
