"""The web server: Streamlit (``app.py`` + ``pages/``) plus two small session routes.

Run with ``streamlit run qms/web.py`` (``make run`` does). Streamlit cannot set cookies, so
after a password check the page posts a one-time nonce to ``/_qms/session``; the answer sets
the HttpOnly, SameSite=Lax session cookie. ``/_qms/session/clear`` deletes it at sign-out.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
# `streamlit run qms/web.py` puts qms/ itself on sys.path; the package root is what we want.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "qms"]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402
from starlette.concurrency import run_in_threadpool  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import Response  # noqa: E402
from starlette.routing import Route  # noqa: E402

from qms.auth import sessions as auth  # noqa: E402
from qms.core.config import settings  # noqa: E402
from qms.ui.keys import CLEAR_ROUTE, COOKIE_NAME, SESSION_ROUTE  # noqa: E402


def _secure(request: Request) -> bool:
    mode = settings().cookie_secure
    if mode in ("0", "1"):
        return mode == "1"
    return request.headers.get("x-forwarded-proto", request.url.scheme) == "https"


async def claim(request: Request) -> Response:
    """Swap the sign-in nonce for the session cookie (204), or refuse (403)."""
    body = (await request.body())[:256].decode("ascii", errors="ignore").strip()
    token = await run_in_threadpool(auth.claim_session, body)
    if token is None:
        return Response(status_code=403)
    response = Response(status_code=204)
    response.set_cookie(COOKIE_NAME, token, max_age=settings().session_max_days * 86400,
                        path="/", httponly=True, samesite="lax", secure=_secure(request))
    return response


async def clear(request: Request) -> Response:
    """Delete the session cookie (the session itself is already revoked server-side)."""
    response = Response(status_code=204)
    response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="lax",
                           secure=_secure(request))
    return response


app = st.App(
    str(_ROOT / "app.py"),
    routes=[Route(SESSION_ROUTE, claim, methods=["POST"]),
            Route(CLEAR_ROUTE, clear, methods=["POST"])],
)
