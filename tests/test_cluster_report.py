"""What `make bench-cluster` reports from its samples and nginx's log (bench/cluster_report.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright", reason="bench/cluster_load.py needs playwright (dev deps)")

from bench.cluster_load import LoadResult, Sample  # noqa: E402
from bench.cluster_nginx import read_access_log  # noqa: E402
from bench.cluster_report import _percentile, markdown, results  # noqa: E402


def test_the_p95_is_a_time_that_really_occurred():
    times = [float(x) for x in range(1, 21)]  # 1 … 20
    assert _percentile(times, 95) == 19.0
    assert _percentile(times, 50) == 10.0
    assert _percentile([7.0], 95) == 7.0


def _run() -> dict:
    load = LoadResult(
        samples=[Sample("hangnt", "sign_in", 2.0), Sample("hangnt", "plan", 0.5),
                 Sample("hangnt", "plan", 0.7), Sample("hoant", "plan", 0.6),
                 Sample("hoant", "nc_detail", 30.0, "Locator.wait_for: Timeout 30000ms exceeded.")],
        http_5xx=["hoant 502 http://127.0.0.1:8610/_stcore/health"],
        routes={"hangnt": "app1", "hoant": "app2"}, chromium="156", wall_seconds=12.0)
    log = read_access_log(["101 GET /_stcore/stream app1 10.0 127.0.0.1:8611",
                           "101 GET /_stcore/stream app2 10.0 127.0.0.1:8612",
                           "200 GET / - 0.1 127.0.0.1:8612"])
    return results(load, log, seconds=10, listen=8610, ports=[8611, 8612])


def test_users_and_requests_are_counted_per_process_and_every_error_counts():
    res = _run()
    assert res["per_server"] == {"127.0.0.1:8611": {"requests": 1, "users": ["hangnt"]},
                                 "127.0.0.1:8612": {"requests": 2, "users": ["hoant"]}}
    assert res["errors"]["total"] == 2  # the timeout and the browser's 502
    assert res["actions"]["plan"] == {"count": 3, "errors": 0, "p50_ms": 600, "p95_ms": 700,
                                      "max_ms": 700}
    assert res["actions"]["nc_detail"] == {"count": 1, "errors": 1}  # no time for a failure
    assert res["all_clicks"]["count"] == 4  # the sign-in is reported on its own


def test_the_markdown_names_the_errors_and_the_table_rows():
    text = markdown(_run())
    assert "**2** (target 0)" in text
    assert "- hoant nc_detail: Locator.wait_for: Timeout 30000ms exceeded." in text
    assert "| Kế hoạch CCHC (`plan`) | 3 | 0 | 600 | 700 | 700 |" in text
    assert "- `127.0.0.1:8611`: 1 requests, 1 users (hangnt)" in text
