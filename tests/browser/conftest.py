"""Real-browser fixtures: ``streamlit run qms/web.py`` on a free port, Debian's Chromium.

Skipped, saying why, where Chromium or Playwright is missing; CI installs both and sets
QMS_REQUIRE_ALL=1, which turns any such skip into a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from qms.core.config import ROOT
from qms.db import migrate
from tests import pg
from tests.skips import skip_or_fail

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server not healthy in 60 s: {log.read_text()[-2000:]}")


class Server:
    """A served app on its own fresh database."""

    def __init__(self, url: str, database_url: str) -> None:
        self.url = url
        self.database_url = database_url

    def cli(self, *args: str, stdin: str = "") -> str:
        env = {**os.environ, "QMS_DATABASE_URL": self.database_url}
        done = subprocess.run([sys.executable, "-m", "qms", *args], cwd=ROOT, env=env,
                              input=stdin, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request, tmp_path) -> Iterator[Server]:
    """A fresh server per test, on SQLite and on PostgreSQL."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            database_url = f"sqlite:///{tmp_path / 'browser.sqlite3'}"
        else:
            base = pg.base_url()
            if base is None:
                skip_or_fail(pg.SKIP_REASON)
            database_url = stack.enter_context(pg.temp_database(base))
        migrate.upgrade(database_url)
        port = _free_port()
        log = tmp_path / "server.log"
        env = {**os.environ, "QMS_DATABASE_URL": database_url, "QMS_DATA_DIR": str(tmp_path)}
        cmd = [sys.executable, "-m", "streamlit", "run", "qms/web.py", "--server.port",
               str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
        with log.open("wb") as out:
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_healthy(url, proc, log)
            yield Server(url, database_url)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        skip_or_fail("Debian chromium is not installed (apt-get install -y chromium): "
                     "browser journeys skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("the playwright package is missing: browser journeys skipped")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    ctx.set_default_timeout(20_000)
    yield ctx
    ctx.close()
