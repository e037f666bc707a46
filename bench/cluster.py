"""``make bench-cluster``: two app processes behind nginx on PostgreSQL, ten browsers for two
minutes. Everything it starts (database, processes) is torn down however it ends.

    .venv/bin/python bench/cluster.py [--seconds 120] [--users 10]

Writes bench/cluster_results.json and bench/CLUSTER.md; scratch files go to bench/tmp/.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import cluster_load, cluster_report  # noqa: E402
from bench.cluster_nginx import nginx_config, read_access_log  # noqa: E402

TMP = ROOT / "bench" / "tmp" / "cluster"
BASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DEMO_USERS = ("bennv", "hungtv", "hangnt", "hoant", "minhlv", "thuvt", "namdv", "maiht", "tungbv")
# The demo has no administrator with a password; without one the app asks for a first set-up.
ADMIN = ("quantri", "Quản Trị Hệ Thống")


def _say(message: str) -> None:
    print(f"==> {message}", flush=True)


def _ensure_postgres() -> None:
    if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]).returncode == 0:
        return
    _say("khởi động PostgreSQL (start PostgreSQL)")
    version = sorted(os.listdir("/etc/postgresql"))[0]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"],
                   check=True)
    for _ in range(30):
        if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0:
            return
        time.sleep(1)
    raise SystemExit("PostgreSQL không khởi động được (PostgreSQL did not start)")


@contextmanager
def _database(base: str):  # type: ignore[no-untyped-def]
    """A throwaway database next to ``base``, dropped on the way out."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"qms_cluster_{int(time.time())}_{os.getpid()}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    _say(f"cơ sở dữ liệu tạm {name} (throwaway database)")
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        _say(f"đã xóa cơ sở dữ liệu {name} (dropped)")


def _cli(env: dict[str, str], *args: str, stdin: str = "") -> None:
    done = subprocess.run([sys.executable, "-m", "qms", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"python -m qms {' '.join(args)}: {done.stderr[-2000:]}")


def _prepare(env: dict[str, str], password: str) -> list[str]:
    """Schema, the demo, and one password for the nine demo users plus an administrator."""
    _say("migrate, demo, mật khẩu người dùng (passwords)")
    _cli(env, "migrate")
    _cli(env, "demo")
    username, full_name = ADMIN
    _cli(env, "user", "add", username, "--full-name", full_name, "--role", "admin",
         "--password-stdin", stdin=password + "\n")
    for user in DEMO_USERS:
        _cli(env, "user", "set-password", user, "--password-stdin", stdin=password + "\n")
    return [*DEMO_USERS, username]


def _start(stack: ExitStack, name: str, cmd: list[str],
           env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start ``cmd`` in its own process group; the stack stops it (TERM, then KILL)."""
    log = TMP / f"{name}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)

    def stop() -> None:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        _say(f"đã dừng {name} (stopped)")

    stack.callback(stop)
    return proc


def _serve(stack: ExitStack, env: dict[str, str], ports: list[int]) -> None:
    for port in ports:
        cmd = [sys.executable, "-m", "streamlit", "run", "qms/web.py", "--server.address",
               "127.0.0.1", "--server.port", str(port), "--server.headless", "true"]
        _start(stack, f"app-{port}", cmd, env)
    _say(f"hai tiến trình ứng dụng (two app processes) :{ports[0]} :{ports[1]}")


def _proxy(stack: ExitStack, listen: int, ports: list[int]) -> Path:
    prefix = TMP / "nginx"
    prefix.mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_config(listen=listen, upstreams=ports, prefix=prefix))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    _start(stack, "nginx", [nginx, "-p", str(prefix), "-c", str(conf)], dict(os.environ))
    _say(f"nginx 127.0.0.1:{listen} → {', '.join(map(str, ports))} ({conf.relative_to(ROOT)})")
    return prefix / "access.log"


def _wait_healthy_http(url: str, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url}: không sẵn sàng sau 90 s (not healthy); xem {log}")


def run(seconds: int, users: int, listen: int, ports: list[int], base: str) -> dict[str, Any]:
    """Set up, load, tear down; return the results (also when the load test failed midway)."""
    shutil.rmtree(TMP, ignore_errors=True)
    TMP.mkdir(parents=True)
    _ensure_postgres()
    password = secrets.token_urlsafe(18)
    with ExitStack() as stack:
        database_url = stack.enter_context(_database(base))
        # Never the developer's data/ folder: the processes share only the database.
        env = {**os.environ, "QMS_DATABASE_URL": database_url, "QMS_DATA_DIR": str(TMP / "data")}
        (TMP / "data").mkdir()
        usernames = _prepare(env, password)[:users]
        _serve(stack, env, ports)
        access_log = _proxy(stack, listen, ports)
        for port in [*ports, listen]:
            _wait_healthy_http(f"http://127.0.0.1:{port}", TMP / "nginx" / "error.log")
        _say(f"{len(usernames)} người dùng, {seconds} s (users, seconds)")
        load = asyncio.run(cluster_load.run(f"http://127.0.0.1:{listen}", usernames, password,
                                            seconds))
    # Everything stopped: nginx has written the line of every WebSocket by now.
    nginx_log = read_access_log(access_log.read_text().splitlines())
    return cluster_report.results(load, nginx_log, seconds=seconds, listen=listen, ports=ports)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--listen", type=int, default=8610)
    parser.add_argument("--ports", type=int, nargs=2, default=[8611, 8612])
    parser.add_argument("--postgres", default=os.environ.get("QMS_BENCH_POSTGRES_URL", BASE_URL))
    args = parser.parse_args()
    # A Ctrl+C or a kill unwinds the stack like an error does: nothing is left running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    results = run(args.seconds, args.users, args.listen, list(args.ports), args.postgres)
    cluster_report.write(results, ROOT / "bench")
    print(cluster_report.summary(results))
    return 0 if results["errors"]["total"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
