"""The version of a record a form was first shown with: a save sends it, so a change made
meanwhile on another device is refused (``error.stale``) instead of overwritten."""

from __future__ import annotations

import streamlit as st


def seen_version(key: str, current: int) -> int:
    """The version a form was first shown with, kept across reruns until it is submitted."""
    return int(st.session_state.setdefault(key, current))


def forget_version(key: str) -> None:
    """After a submit the next run shows the version now stored."""
    st.session_state.pop(key, None)
