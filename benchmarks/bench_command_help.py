"""What `catalogkit <command> --help` costs, against a bare interpreter start measured
in the same run: a command's help must not import the catalog machinery (models,
engine, ledger); only running the command opens the catalog (through the door).

    bare      = python -c pass
    <command> = python -m catalogkit <command> --help, for every command

Each figure is the median of BENCH_REPEAT runs (default 5)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import median_seconds, ms
from catalogkit.cli.main import LAZY_COMMANDS


def main() -> None:
    repeat = int(os.environ.get("BENCH_REPEAT", "5"))

    def run(*args: str) -> None:
        subprocess.run([sys.executable, *args], check=True, capture_output=True)

    bare = median_seconds(lambda: run("-c", "pass"), repeat)
    print(f"bare interpreter  {ms(bare)}")
    for name in ["", *sorted(LAZY_COMMANDS)]:
        args = [*filter(None, [name]), "--help"]
        took = median_seconds(lambda a=args: run("-m", "catalogkit", *a), repeat)  # type: ignore[misc]
        print(f"{name or '(group)':<17} {ms(took)}  {took / bare:5.1f}x bare")


if __name__ == "__main__":
    main()
