"""One case of the fault corpus (tests/data/faults/cases.txt), run in a process of its
own by tests/cli/test_fault_corpus.py so that its peak memory can be measured and a
hang or a crash cannot take the test run with it. Each step is timed in CPU seconds
(what it costs, whatever else the machine is doing) and stopped by an alarm after
WALL seconds of waiting (a step blocked on a pipe uses no CPU at all).

Usage: python -m tests.cli.fault_driver WORK CASE HOW AT

It copies tests/data/invalid/_base to WORK/tree, opens it as the server does, puts the
fault at AT, reloads, then runs every command over the tree in this process. It
prints one JSON line per step: the reload's status, and for each command its exit
code, output and any traceback."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import socket
import sys
import traceback
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from catalogkit.cli import cli
from catalogkit.server import ServeConfig
from catalogkit.server.live import LiveBundle

DATA = Path(__file__).resolve().parent.parent / "data"
BASE = DATA / "invalid" / "_base"
FILES = DATA / "faults" / "files"
WALL = 30  # a step waiting this long is stopped; a reload's deadline is a little shorter
DEPTH = 1000
HEAD = 'apiVersion: catalogkit/v1\nkind: Matters\nlocality: "339901"\nmatters:\n'


class Hung(BaseException):
    """Raised by the alarm: a step waited WALL seconds (no `except Exception` hides it)."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise Hung


def make(how: str, path: Path, work: Path, keep: list[Any]) -> None:
    """Put the fault at `path`; `keep` holds what must stay open (a socket)."""
    if path.exists() or path.is_symlink():
        path.unlink()
    kind, _, name = how.partition(":")
    if kind == "file":
        path.write_bytes((FILES / name).read_bytes())
        return
    deep = {
        "deep-block-seq": "".join("  " * i + "-\n" for i in range(DEPTH)) + "  " * DEPTH + "x\n",
        "deep-block-map": "".join(" " * i + "k:\n" for i in range(1, DEPTH)) + " " * DEPTH + "k: 1",
        "deep-compact-seq": "  " + "- " * 100_000 + "x\n",
        "deep-flow-seq": "  - " + "[" * DEPTH + "]" * DEPTH + "\n",
        "deep-flow-map": "  - " + "{k: " * DEPTH + "1" + "}" * DEPTH + "\n",
        "deep-mixed": "  - " + "[{k: " * 200 + "1" + "}]" * 200 + "\n",
    }
    if name in deep:
        path.write_text(HEAD + deep[name], encoding="utf-8")
    elif name == "deep-aliases":  # each anchor nests the one before: 60 × 50 levels
        chain = [f"x0: &a0 {'[' * 50}1{']' * 50}"]
        chain += [f"x{k}: &a{k} {'[' * 50}*a{k - 1}{']' * 50}" for k in range(1, 60)]
        path.write_text(HEAD.replace("matters:\n", "\n".join(chain) + "\n"), encoding="utf-8")
    elif name == "fifo":
        os.mkfifo(path)
    elif name == "socket":
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        server.listen(1)
        keep.append(server)
    elif name in ("dev-zero", "dev-null"):
        path.symlink_to("/dev/zero" if name == "dev-zero" else "/dev/null")
    elif name == "loop":
        path.symlink_to(path.with_name("loop-b.yaml"))
        path.with_name("loop-b.yaml").symlink_to(path)
    elif name == "dangling":
        path.symlink_to(path.with_name("nowhere.yaml"))
    elif name == "outside":
        outside = work / "outside.yaml"
        outside.write_bytes((BASE / "county" / "matters.yaml").read_bytes())
        path.symlink_to(outside)
    elif name == "mode-000":
        path.write_bytes((BASE / "county" / "matters.yaml").read_bytes())
        path.chmod(0)
    elif name == "sparse":
        with path.open("wb") as out:
            out.truncate(1 << 30)
    elif name == "folder":
        path.mkdir()
    else:
        raise ValueError(f"unknown fault {how}")


def commands(tree: Path, fault: Path) -> list[list[str]]:
    t, f = str(tree), str(fault)
    return [
        ["validate", t, "--no-cache"],
        ["validate", f, "--no-cache"],
        ["validate", t, "--format", "json", "--no-cache"],
        ["validate", t, "--format", "github", "--no-cache"],
        ["fmt", "--check", t],
        ["fmt", "--diff", f],
        ["fmt", f],
        ["route", "MH-MZ-0001", "-l", "339901101", "--catalog", t],
        ["guide", "MH-MZ-0001", "-l", "339901101", "--catalog", t],
        ["decide", f, "--catalog", t],
        ["test", f, "--catalog", t],
        ["stats", "--catalog", t],
        ["diff", str(BASE), t],
        ["booklet", "339901101", "--catalog", t],
        ["venue-list", "xinghu-center", "--catalog", t],
        ["export", "--to", "json", "--catalog", t],
        ["serve", "--check", "--catalog", t],
    ]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def step(name: str, run: Any) -> dict[str, Any]:
    signal.alarm(WALL)
    started = _cpu()
    try:
        return {"step": name, **run(), "cpu": _cpu() - started}
    except Hung:
        return {"step": name, "hung": True}
    finally:
        signal.alarm(0)


def reload_with_fault(tree: Path, how: str, at: str, work: Path, keep: list[Any]) -> dict[str, Any]:
    plugins = ServeConfig(tree).plugin_choice()
    live = LiveBundle.open(tree, plugins, cache=False, deadline=WALL - 5)
    before = live.current.revision
    make(how, tree / at, work, keep)
    status = live.reload("watch")
    return {
        "status": status.status,
        "rules": sorted({d.rule for d in status.errors}),
        "kept": live.current.revision == before,
    }


def invoke(args: list[str]) -> dict[str, Any]:
    result = CliRunner().invoke(cli, args)
    crash = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        if isinstance(result.exception, Hung):
            raise result.exception
        assert result.exc_info is not None
        crash = "".join(traceback.format_exception(*result.exc_info))
    return {"exit": result.exit_code, "output": result.output[-4000:], "traceback": crash}


def main() -> None:
    work, _case, how, at = Path(sys.argv[1]), *sys.argv[2:5]
    signal.signal(signal.SIGALRM, _alarm)
    tree = work / "tree"
    shutil.copytree(BASE, tree)
    keep: list[Any] = []
    print(json.dumps(step("reload", lambda: reload_with_fault(tree, how, at, work, keep))))
    sys.stdout.flush()
    for args in commands(tree, tree / at):
        print(json.dumps(step(" ".join(args[:2]), lambda args=args: invoke(args))))
        sys.stdout.flush()
    print(f"peak-kb {peak_kb()}")


def peak_kb() -> int:
    """This process's peak resident memory since it started (VmHWM), in KB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    os.environ["CATALOGKIT_NO_CACHE"] = "1"
    main()
