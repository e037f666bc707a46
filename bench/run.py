"""``make bench``: ratio benchmarks measured in one run, written to bench/results.json and
bench/RESULTS.md.

Every comparison runs its two sides interleaved (A, B, A, B …) ``--runs`` times and compares
the medians, so a noisy machine slows both sides alike. Databases: SQLite files under
bench/tmp/ and PostgreSQL databases ``qms_bench_*`` on 127.0.0.1:5432 (user postgres),
dropped afterwards unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import pdf  # noqa: E402
from bench.bare_queries import BARE_SQL  # noqa: E402
from bench.harness import bare_render, bench_session, render  # noqa: E402
from bench.results_md import write_markdown  # noqa: E402
from qms.db import migrate  # noqa: E402
from qms.db.engine import dispose_engines  # noqa: E402
from qms.demo.nam_trung import load_demo  # noqa: E402
from qms.demo.scale.world import generate_world  # noqa: E402
from qms.ui.registry import PAGES  # noqa: E402

TMP = ROOT / "bench" / "tmp"
PG_SERVER = os.environ.get("QMS_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def use(url: str) -> None:
    os.environ["QMS_DATABASE_URL"] = url


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _pg_admin(sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def _pg_exists(name: str) -> bool:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{PG_SERVER}/postgres")
    with engine.connect() as conn:
        found = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
    engine.dispose()
    return bool(found)


def prepare(name: str, world: str | None, *, pg: bool, reuse: bool,
            organizations: int | None = None) -> tuple[str, float | None]:
    """A migrated database holding the plain demo (``world`` None) or a synthetic world;
    returns its URL and the generation time (None when an earlier one was reused)."""
    if pg:
        url = f"{PG_SERVER}/qms_bench_{name}"
        if reuse and _pg_exists(f"qms_bench_{name}"):
            return url, None
        dispose_engines()
        _pg_admin(f"DROP DATABASE IF EXISTS qms_bench_{name}")
        _pg_admin(f"CREATE DATABASE qms_bench_{name}")
    else:
        path = TMP / f"{name}.sqlite3"
        url = f"sqlite:///{path}"
        if reuse and path.exists():
            return url, None
        for old in TMP.glob(f"{name}.sqlite3*"):
            old.unlink()
    use(url)
    migrate.upgrade(url)
    log(f"Tạo dữ liệu {name} ({world or 'demo'})")
    start = time.perf_counter()
    if world is None:
        load_demo(if_empty=True)
    else:
        generate_world(world, seed=1, organizations=organizations, progress=lambda _m: None)
    return url, time.perf_counter() - start


def measure_pages(urls: dict[str, str], runs: int, bare: str | None = None
                  ) -> dict[str, dict[str, Any]]:
    """Per page: the median script time and the statements of each database, interleaved;
    with ``bare`` also the bare baseline page on that database."""
    sessions = {}
    for name, url in urls.items():
        use(url)
        sessions[name] = bench_session()
        for spec in PAGES:  # warm-up: imports, first-visit seeding, connection pools
            render(spec, sessions[name])
    out: dict[str, dict[str, Any]] = {}
    for spec in PAGES:
        times: dict[str, list[float]] = {name: [] for name in urls}
        statements: dict[str, int] = {}
        errors: dict[str, str] = {}
        bare_times: list[float] = []
        for _ in range(runs):
            for name, url in urls.items():
                use(url)
                result = render(spec, sessions[name])
                times[name].append(result.seconds)
                # the least of the runs: a signed-in session is touched (one more
                # UPDATE) once a minute, in whichever render that minute ends
                statements[name] = min(statements.get(name, result.statements),
                                       result.statements)
                if result.error:
                    errors[name] = result.error
            if bare:
                bare_times.append(bare_render(urls[bare], BARE_SQL[spec.key]))
        out[spec.key] = {"median_s": {n: median(v) for n, v in times.items()},
                         "runs_s": times, "statements": statements, "errors": errors}
        if bare:
            out[spec.key]["bare_median_s"] = median(bare_times)
            out[spec.key]["bare_runs_s"] = bare_times
        log(f"  {spec.key}: " + ", ".join(f"{n} {median(v) * 1000:.0f} ms"
                                          for n, v in times.items()))
    return out


def measure_pdf(url: str, runs: int) -> dict[str, Any]:
    use(url)
    audit_id, questions = pdf.biggest_audit(1)
    app, bare = [], []
    for _ in range(runs):
        app.append(pdf.app_pdf(1, audit_id)[0])
        bare.append(pdf.bare_pdf(url, audit_id)[0])
    return {"audit_id": audit_id, "questions": questions, "app_median_s": median(app),
            "bare_median_s": median(bare), "ratio": paired_ratio(app, bare)}


def paired_ratio(a: list[float], b: list[float]) -> float:
    """The median of the ratios of runs made side by side: load that comes and goes on a
    shared machine slows both runs of a pair alike."""
    return median([x / y for x, y in zip(a, b, strict=True)])


def measure_rss(url: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.rss", url], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    p.add_argument("--runs", type=int, default=5, help="runs of each side (median)")
    p.add_argument("--province-orgs", type=int, default=100)
    p.add_argument("--reuse", action="store_true", help="reuse databases of an earlier run")
    p.add_argument("--keep", action="store_true", help="keep the PostgreSQL databases")
    p.add_argument("--no-postgres", action="store_true")
    p.add_argument("--note", action="append", default=[],
                   help="a line added to RESULTS.md (how this run was made)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = _args(argv)
    TMP.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"runs": args.runs, "started": time.strftime("%Y-%m-%d %H:%M"),
                               "generation_s": {}, "notes": args.note}
    urls = {}
    for name, world in (("demo", None), ("commune", "commune-10y")):
        urls[name], results["generation_s"][name] = prepare(name, world, pg=False,
                                                            reuse=args.reuse)
    log("1, 2, 4: các trang, SQLite: demo ↔ commune-10y ↔ trang trần")
    results["sqlite_pages"] = measure_pages(urls, args.runs, bare="commune")
    log("3: báo cáo đánh giá PDF")
    results["pdf"] = measure_pdf(urls["commune"], args.runs)
    log("5: bộ nhớ đỉnh")
    results["rss"] = measure_rss(urls["commune"])
    if not args.no_postgres:
        pg = {}
        for name, world, orgs in (("commune", "commune-10y", None),
                                  ("province", "province", args.province_orgs)):
            pg[f"{name}_pg"], results["generation_s"][f"{name}_pg"] = prepare(
                name, world, pg=True, reuse=args.reuse, organizations=orgs)
        results["province_orgs"] = _org_count(pg["province_pg"])
        log("6: các trang, PostgreSQL: commune-10y ↔ province")
        results["pg_pages"] = measure_pages(pg, args.runs)
        dispose_engines()
        if not args.keep:
            for name in ("commune", "province"):
                _pg_admin(f"DROP DATABASE IF EXISTS qms_bench_{name}")
    dispose_engines()
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=1,
                                                            ensure_ascii=False))
    write_markdown(results, ROOT / "bench" / "RESULTS.md")
    log("Đã ghi bench/results.json và bench/RESULTS.md")


def _org_count(url: str) -> int:
    from sqlalchemy import func, select

    from qms.auth.models import Organization
    from qms.db.uow import read_session

    use(url)
    with read_session() as s:
        return s.scalar(select(func.count()).select_from(Organization)) or 0


if __name__ == "__main__":
    main()
