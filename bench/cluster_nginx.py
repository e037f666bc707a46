"""The nginx side of ``make bench-cluster``: the config in front of the app processes, and
reading its access log back (requests per process, which process each browser stayed on).

Sticky sessions: Streamlit keeps a user's session state inside the process that holds the
browser's WebSocket, so every request of one browser must reach the same process. All bench
browsers come from 127.0.0.1, so ``ip_hash`` would pin them all to one process (and an office
behind one NAT address would be the same); instead a new browser goes round-robin, and nginx
answers with a route cookie naming the process that served it, which later requests follow.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROUTE_COOKIE = "qms_route"
STREAM = "/_stcore/stream"
# One access-log line; the route is "-" when the browser had none yet. The upstream comes last:
# after a retry it is a list ("127.0.0.1:8611, 127.0.0.1:8612") and the last one answered.
LOG_FORMAT = "$status $request_method $uri $cookie_qms_route $request_time $upstream_addr"

_TEMPLATE = """\
# Written by bench/cluster.py for `make bench-cluster`: loopback only, not a production config.
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;

events {{
    worker_connections 1024;
}}

http {{
    log_format qms '{log_format}';
    access_log {prefix}/access.log qms;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;

    # A WebSocket upgrade passes through; other requests keep the upstream connection.
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ''      '';
    }}
    # Sticky routes: a browser without a (known) route cookie goes round-robin to qms_new and
    # is told which process answered; later requests follow the cookie to that process.
    map $cookie_{cookie} $qms_upstream {{
        default qms_new;
{routes}
    }}
    map "$qms_upstream|$upstream_addr" $qms_route_cookie {{
        default '';
{set_cookies}
    }}

    upstream qms_new {{
{servers}
    }}
{pinned}
    server {{
        listen 127.0.0.1:{listen};
        client_max_body_size 60m;

        location / {{
            proxy_pass http://$qms_upstream;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 86400s;
            proxy_send_timeout 86400s;
            proxy_max_temp_file_size 0;
            add_header Set-Cookie $qms_route_cookie always;
        }}
    }}
}}
"""


def route_names(upstreams: Sequence[int]) -> dict[int, str]:
    """The route cookie's value for each app port: app1, app2, …"""
    return {port: f"app{i}" for i, port in enumerate(upstreams, start=1)}


def nginx_config(*, listen: int, upstreams: Sequence[int], prefix: Path) -> str:
    """nginx.conf for one loopback listener in front of the app processes on ``upstreams``."""
    if len(set(upstreams)) != len(upstreams) or len(upstreams) < 2:
        raise ValueError("a cluster needs at least two distinct app ports")
    names = route_names(upstreams)
    routes = "\n".join(f"        {name} qms_{name};" for name in names.values())
    set_cookies = "\n".join(
        f'        "qms_new|127.0.0.1:{port}" "{ROUTE_COOKIE}={name}; Path=/; HttpOnly; '
        f'SameSite=Lax";' for port, name in names.items())
    servers = "\n".join(f"        server 127.0.0.1:{port};" for port in upstreams)
    # A pinned browser whose process is down falls back to the others (its sign-in is in the
    # database; only the page state of that tab is lost).
    pinned = "\n".join(
        f"    upstream qms_{name} {{\n        server 127.0.0.1:{port};\n"
        + "".join(f"        server 127.0.0.1:{other} backup;\n"
                  for other in upstreams if other != port)
        + "    }"
        for port, name in names.items())
    return _TEMPLATE.format(prefix=prefix, listen=listen, servers=servers, routes=routes,
                            set_cookies=set_cookies, pinned=pinned, cookie=ROUTE_COOKIE,
                            log_format=LOG_FORMAT)


@dataclass
class AccessLog:
    """What nginx saw: requests and 5xx answers per upstream, the upstream of each route's
    WebSocket (a route is one browser)."""

    requests: Counter[str] = field(default_factory=Counter)
    errors_5xx: Counter[str] = field(default_factory=Counter)
    streams: dict[str, set[str]] = field(default_factory=dict)


def read_access_log(lines: Iterable[str]) -> AccessLog:
    """Parse lines written with ``LOG_FORMAT`` (a WebSocket's line is written when it closes)."""
    log = AccessLog()
    for line in lines:
        parts = line.split(maxsplit=5)
        if len(parts) != 6:
            continue
        status, _method, uri, route, _time, upstreams = parts
        upstream = upstreams.split(",")[-1].strip()
        log.requests[upstream] += 1
        if status.startswith("5"):
            log.errors_5xx[upstream] += 1
        if uri == STREAM and route != "-":
            log.streams.setdefault(route, set()).add(upstream)
    return log
