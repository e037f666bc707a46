"""Every page of the demo, this checkout against another revision, side by side:
``python -m bench.before_after REV [--rounds 3] [--runs 5] [--scale commune-10y]``
(``--scale``: the synthetic world instead of the plain demo, ``python -m qms demo --scale``).

For a change that should not alter speed (a refactoring, a move of modules): each round runs
one process per side (its own SQLite demo, a warm-up render of every page, then ``--runs``
renders of each), alternating which side goes first; the ratio this ÷ REV of each page is the
median over the rounds, so load that comes and goes slows both sides alike. Prints a Markdown
table. The other side is a ``git worktree`` under bench/tmp/, removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORKER = r"""
import json, os, statistics, subprocess, sys
sys.path.insert(0, os.getcwd())
runs, data, scale = int(sys.argv[1]), sys.argv[2], sys.argv[3]
os.environ["QMS_DATA_DIR"] = data
if not os.path.exists(os.path.join(data, "qms.sqlite3")):
    demo = ["demo", "--scale", scale, "--seed", "1"] if scale else ["demo"]
    for command in (["migrate"], demo):
        subprocess.run([sys.executable, "-m", "qms", *command], check=True, capture_output=True)
from bench.harness import bench_session, render
from qms.ui.registry import PAGES
session_id = bench_session()
for spec in PAGES:
    render(spec, session_id)
medians = {}
for spec in PAGES:
    seconds = []
    for _ in range(runs):
        result = render(spec, session_id)
        assert not result.error, (spec.key, result.error)
        seconds.append(result.seconds)
    medians[spec.key] = statistics.median(seconds)
print(json.dumps(medians))
"""


def _side(tree: Path, data: Path, runs: int, scale: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", WORKER, str(runs), str(data), scale], cwd=tree,
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(done.stderr[-4000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("rev", help="the revision to compare with (e.g. the commit before a move)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--scale", default="",
                   help="a synthetic world (commune-10y) instead of the demo")
    args = p.parse_args()
    (ROOT / "bench" / "tmp").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / "bench" / "tmp") as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(other), args.rev],
                       cwd=ROOT, check=True)
        try:
            sides = {"this": ROOT, "other": other}
            ratios: dict[str, list[float]] = {}
            for round_no in range(args.rounds):
                order = list(sides) if round_no % 2 == 0 else list(reversed(sides))
                got = {name: _side(sides[name], Path(tmp) / f"data-{name}", args.runs, args.scale)
                       for name in order}
                for key, seconds in got["this"].items():
                    if key in got["other"]:
                        ratios.setdefault(key, []).append(seconds / got["other"][key])
                print(f"round {round_no + 1}/{args.rounds}", file=sys.stderr, flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT,
                           check=False)
    medians = {key: statistics.median(values) for key, values in ratios.items()}
    data = args.scale or "demo"
    print(f"| page ({data}) | this ÷ {args.rev} "
          f"(median of {args.rounds} rounds × {args.runs} runs) |")
    print("|---|---:|")
    for key, value in medians.items():
        print(f"| {key} | {value:.2f} |")
    print(f"| **all pages, median** | **{statistics.median(medians.values()):.2f}** |")
    print(f"| slowest page | {max(medians.values()):.2f} |")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
