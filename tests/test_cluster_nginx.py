"""The nginx config of `make bench-cluster` (bench/cluster_nginx.py), checked as text: nginx
itself only runs in the benchmark."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.cluster_nginx import nginx_config, read_access_log

PORTS = [8611, 8612]


@pytest.fixture
def conf() -> str:
    return nginx_config(listen=8610, upstreams=PORTS, prefix=Path("/srv/bench"))


def _block(conf: str, header: str) -> str:
    """The body of the block opened by ``header {`` (braces balanced)."""
    start = conf.index(header + " {") + len(header) + 2
    depth, i = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(conf[i], 0)
        i += 1
    return conf[start:i - 1]


def _directives(body: str) -> list[str]:
    return [" ".join(line.split()) for line in body.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def test_a_new_browser_goes_round_robin_over_both_processes(conf):
    new = _directives(_block(conf, "upstream qms_new"))
    assert new == ["server 127.0.0.1:8611;", "server 127.0.0.1:8612;"]
    assert "ip_hash" not in conf  # every loopback browser would land on one process


def test_the_route_cookie_pins_a_browser_to_the_process_that_first_answered(conf):
    routes = _directives(_block(conf, "map $cookie_qms_route $qms_upstream"))
    assert routes == ["default qms_new;", "app1 qms_app1;", "app2 qms_app2;"]
    cookies = _block(conf, 'map "$qms_upstream|$upstream_addr" $qms_route_cookie')
    assert ('"qms_new|127.0.0.1:8611" "qms_route=app1; Path=/; HttpOnly; SameSite=Lax";'
            in cookies)
    assert '"qms_new|127.0.0.1:8612" "qms_route=app2;' in cookies
    assert _directives(_block(conf, "upstream qms_app1")) == [
        "server 127.0.0.1:8611;", "server 127.0.0.1:8612 backup;"]
    assert _directives(_block(conf, "upstream qms_app2")) == [
        "server 127.0.0.1:8612;", "server 127.0.0.1:8611 backup;"]
    location = _directives(_block(conf, "location /"))
    assert "proxy_pass http://$qms_upstream;" in location
    assert "add_header Set-Cookie $qms_route_cookie always;" in location


def test_the_websocket_is_upgraded_and_kept_open(conf):
    location = _directives(_block(conf, "location /"))
    assert "proxy_http_version 1.1;" in location
    assert "proxy_set_header Upgrade $http_upgrade;" in location
    assert "proxy_set_header Connection $connection_upgrade;" in location
    upgrade = _directives(_block(conf, "map $http_upgrade $connection_upgrade"))
    assert upgrade == ["default upgrade;", "'' '';"]
    timeout = re.search(r"proxy_read_timeout (\d+)s;", " ".join(location))
    assert timeout is not None and int(timeout.group(1)) >= 3600


def test_it_listens_on_loopback_and_keeps_its_files_under_the_prefix(conf):
    assert _directives(_block(conf, "server"))[0] == "listen 127.0.0.1:8610;"
    paths = re.findall(r"(?:pid|error_log|access_log|_temp_path) (\S+?)[ ;]", conf)
    assert len(paths) == 8 and all(p.startswith("/srv/bench/") for p in paths)


@pytest.mark.parametrize("ports", [[8611], [8611, 8611]])
def test_one_process_is_not_a_cluster(ports):
    with pytest.raises(ValueError):
        nginx_config(listen=8610, upstreams=ports, prefix=Path("/srv/bench"))


def test_the_access_log_gives_requests_per_process_and_each_browsers_process():
    log = read_access_log([
        "200 GET / - 0.010 127.0.0.1:8611",
        "200 GET /static/js/index.js app1 0.020 127.0.0.1:8611",
        "101 GET /_stcore/stream app1 95.5 127.0.0.1:8611",
        "200 GET / - 0.011 127.0.0.1:8612",
        "101 GET /_stcore/stream app2 90.1 127.0.0.1:8612",
        "502 GET /_stcore/health app2 0.001 127.0.0.1:8612, 127.0.0.1:8611",
        "garbage",
    ])
    assert log.requests == {"127.0.0.1:8611": 4, "127.0.0.1:8612": 2}
    assert log.errors_5xx == {"127.0.0.1:8611": 1}
    assert log.streams == {"app1": {"127.0.0.1:8611"}, "app2": {"127.0.0.1:8612"}}
