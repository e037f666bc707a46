"""Which user this browser is: session state within a connection, the cookie across reloads."""

from __future__ import annotations

import json

import streamlit as st

from qms.auth import sessions as auth
from qms.core.actor import Actor
from qms.ui import keys


def current_actor() -> Actor | None:
    """The signed-in actor, checked against the database on every run (revocation is instant)."""
    session_id = st.session_state.get(keys.SESSION_ID)
    if session_id is not None:
        actor = auth.resume(session_id=session_id)
        if actor is None:
            st.session_state.pop(keys.SESSION_ID, None)
        return actor
    token = _cookie()
    if not token:
        return None
    actor = auth.resume(token=token)
    if actor is not None:
        st.session_state[keys.SESSION_ID] = actor.session_id
    return actor


def _cookie() -> str | None:
    value = st.context.cookies.get(keys.COOKIE_NAME)
    return value if isinstance(value, str) else None  # AppTest has no real request


def remember(result: auth.SignIn) -> None:
    """After a successful sign-in: keep the session here, hand the cookie claim to the page."""
    st.session_state[keys.SESSION_ID] = result.actor.session_id
    st.session_state[keys.PENDING_CLAIM] = result.claim_nonce


def emit_cookie_scripts() -> None:
    """Post a pending claim (sets the HttpOnly cookie) or ask the server to clear the cookie."""
    nonce = st.session_state.pop(keys.PENDING_CLAIM, None)
    if nonce:
        _post(keys.SESSION_ROUTE, nonce)
    if st.session_state.pop(keys.CLEAR_COOKIE, False):
        _post(keys.CLEAR_ROUTE, "")


def _post(route: str, body: str) -> None:
    script = (
        f"<script>fetch({json.dumps(route)}, {{method: 'POST', credentials: 'same-origin', "
        f"headers: {{'Content-Type': 'text/plain'}}, body: {json.dumps(body)}}});</script>"
    )
    st.html(script, unsafe_allow_javascript=True, width="content")


def sign_out(actor: Actor) -> None:
    """Revoke the server-side session, forget it here and clear the cookie."""
    auth.sign_out(actor)
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state[keys.CLEAR_COOKIE] = True
