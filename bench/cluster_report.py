"""Turn a cluster run into bench/cluster_results.json and bench/CLUSTER.md."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench.cluster_load import LoadResult, Sample
from bench.cluster_nginx import AccessLog

ORDER = ("sign_in", "home", "plan", "nc_register", "nc_filter", "nc_detail", "nc_record",
         "my_work", "documents")
LABEL = {"sign_in": "Đăng nhập", "home": "Trang chủ", "plan": "Kế hoạch CCHC",
         "nc_register": "Sổ sự không phù hợp", "nc_filter": "Lọc theo tình trạng",
         "nc_detail": "Mở một phiếu", "nc_record": "Ghi nhận sự không phù hợp (ghi)",
         "my_work": "Việc của tôi", "documents": "Quy trình, tài liệu"}


def _percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: a value that really occurred)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def _stats(samples: list[Sample]) -> dict[str, Any]:
    ms = [s.seconds * 1000 for s in samples if s.error is None]
    out: dict[str, Any] = {"count": len(samples), "errors": sum(s.error is not None
                                                               for s in samples)}
    if ms:
        out.update(p50_ms=round(_percentile(ms, 50)), p95_ms=round(_percentile(ms, 95)),
                   max_ms=round(max(ms)))
    return out


def _tool(cmd: list[str]) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
    except OSError:
        return "?"
    return (done.stdout or done.stderr).strip().splitlines()[0]


def _machine(load: LoadResult) -> dict[str, Any]:
    return {"os": platform.platform(), "cpus": os.cpu_count(), "python": sys.version.split()[0],
            "streamlit": version("streamlit"), "sqlalchemy": version("sqlalchemy"),
            "psycopg": version("psycopg"), "playwright": version("playwright"),
            "chromium": load.chromium, "nginx": _tool(["nginx", "-v"]),
            "postgresql": _tool(["psql", "--version"]),
            "load_average_1_5_15": [round(x, 1) for x in os.getloadavg()]}


def results(load: LoadResult, log: AccessLog, *, seconds: int, listen: int,
            ports: list[int]) -> dict[str, Any]:
    """Everything the report says, as plain JSON-able data."""
    servers = [f"127.0.0.1:{p}" for p in ports]
    users_on: dict[str, list[str]] = {s: [] for s in servers}
    for user, route in sorted(load.routes.items()):
        for upstream in sorted(log.streams.get(route, ())):
            users_on.setdefault(upstream, []).append(user)
    errors = [s for s in load.samples if s.error]
    kinds = Counter(s.error for s in errors)
    total = len(errors) + len(load.http_5xx) + sum(log.errors_5xx.values())
    by_action = {a: _stats([s for s in load.samples if s.action == a]) for a in ORDER
                 if any(s.action == a for s in load.samples)}
    clicks = [s for s in load.samples if s.action != "sign_in"]
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["python bench/cluster.py", *sys.argv[1:]]),
        "machine": _machine(load),
        "setup": {"nginx": f"127.0.0.1:{listen}", "app_processes": servers,
                  "sticky": "route cookie qms_route set by nginx (round-robin for a new browser)",
                  "database": "PostgreSQL (throwaway database, demo xã Nam Trung)"},
        "users": sorted({s.user for s in load.samples}),
        "duration_s": seconds,
        "wall_s": round(load.wall_seconds, 1),
        "per_server": {s: {"requests": log.requests.get(s, 0), "users": users_on.get(s, [])}
                       for s in servers},
        "errors": {"total": total, "by_kind": dict(kinds), "browser_http_5xx": load.http_5xx[:20],
                   "nginx_5xx": dict(log.errors_5xx),
                   "samples": [f"{s.user} {s.action}: {s.error}" for s in errors[:20]]},
        "all_clicks": _stats(clicks),
        "actions": by_action,
    }


def _table(res: dict[str, Any]) -> list[str]:
    rows = ["| Thao tác / action | n | lỗi | p50 ms | p95 ms | max ms |",
            "|---|---:|---:|---:|---:|---:|"]
    for action, st in [*res["actions"].items(), ("all_clicks", res["all_clicks"])]:
        name = LABEL.get(action, "**Mọi thao tác sau đăng nhập / every click**")
        times = " | ".join(str(st.get(k, "–")) for k in ("p50_ms", "p95_ms", "max_ms"))
        rows.append(f"| {name} (`{action}`) | {st['count']} | {st['errors']} | {times} |")
    return rows


def markdown(res: dict[str, Any]) -> str:
    m = res["machine"]
    servers = [f"- `{s}`: {v['requests']} requests, {len(v['users'])} users "
               f"({', '.join(v['users']) or '—'})" for s, v in res["per_server"].items()]
    err = res["errors"]
    lines = [
        "# Nhiều máy chủ: kiểm tra tải / More than one server: load test",
        "",
        f"Run {res['when']} with `{res['command']}` (what `make bench-cluster` runs once nginx "
        "and Chromium are installed; the set-up: docs/deploy.md, *Nhiều máy chủ*).",
        "",
        f"- Machine: {m['os']}, {m['cpus']} CPUs; load average at the end (1/5/15 min) "
        f"{m['load_average_1_5_15']} — the two app processes, nginx, PostgreSQL, Chromium with "
        "its ten tabs and whatever else runs all share these cores",
        f"- Python {m['python']}, streamlit {m['streamlit']}, SQLAlchemy {m['sqlalchemy']}, "
        f"psycopg {m['psycopg']}, Playwright {m['playwright']}, Chromium {m['chromium']}, "
        f"{m['nginx']}, {m['postgresql']}",
        f"- Set-up: nginx on {res['setup']['nginx']} → "
        f"{', '.join(res['setup']['app_processes'])}; sticky: {res['setup']['sticky']}; "
        f"{res['setup']['database']}",
        f"- {len(res['users'])} users, one Chromium, one browser context each: "
        f"{', '.join(res['users'])}",
        f"- Duration {res['duration_s']} s of clicking (wall {res['wall_s']} s incl. sign-in); "
        "think time 1–3 s",
        "",
        "## Requests per server",
        "",
        *servers,
        "",
        "## Errors",
        "",
        f"**{err['total']}** (target 0): by kind {err['by_kind'] or '{}'}, browser HTTP 5xx "
        f"{len(err['browser_http_5xx'])}, nginx 5xx {sum(err['nginx_5xx'].values())}.",
        *[f"- {s}" for s in err["samples"]],
        "",
        "## Click → rendered result",
        "",
        "From the click to the target's heading or message on screen with Streamlit's script "
        "run finished. A page is opened from the sidebar (a client-side page switch on the "
        "same WebSocket, as a user does). `nc_filter` is two runs (a random status, then back "
        "to *Tất cả*); `nc_detail` picks a random nonconformity in *Mở phiếu*; `nc_record` "
        "(not for the chairman, the viewer and the administrator, who may not record) runs "
        "from the submit to *Đã ghi nhận sự không phù hợp.* (choosing the unit and typing "
        "are not measured); `sign_in` spans the first page load, "
        "the Argon2 password check and the home page.",
        "",
        *_table(res),
        "",
        "Times are dominated by CPU: two cores run both app processes, PostgreSQL, nginx and "
        "Chromium rendering ten tabs (see the load average above). On a server, the browsers "
        "are elsewhere and each process can have its own core.",
        "",
    ]
    return "\n".join(lines)


def write(res: dict[str, Any], folder: Path) -> None:
    (folder / "cluster_results.json").write_text(
        json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (folder / "CLUSTER.md").write_text(markdown(res), encoding="utf-8")


def summary(res: dict[str, Any]) -> str:
    clicks = res["all_clicks"]
    per = ", ".join(f"{s}: {v['requests']} req / {len(v['users'])} users"
                    for s, v in res["per_server"].items())
    return (f"==> lỗi (errors) {res['errors']['total']}; p95 {clicks.get('p95_ms', '–')} ms "
            f"over {clicks['count']} clicks; {per}. Xem bench/CLUSTER.md")
