"""Peak memory: ``python -m bench.rss URL`` renders every page twice signed in (AppTest,
in this process) and prints the process's peak resident set (VmHWM) as JSON."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])  # kB
    return 0


def main(url: str) -> None:
    os.environ["QMS_DATABASE_URL"] = url
    from bench.harness import bench_session, render_all

    before = _status("VmHWM")
    session_id = bench_session()
    errors = []
    for _ in range(2):
        errors += [r.key for r in render_all(session_id).values() if r.error]
    print(json.dumps({"vmhwm_kb": _status("VmHWM"), "vmhwm_after_imports_kb": before,
                      "errors": errors}))


if __name__ == "__main__":
    main(sys.argv[1])
