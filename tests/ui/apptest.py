"""Running pages in-process with AppTest, signed in as a given user."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from qms.core.config import ROOT
from qms.ui import keys
from qms.ui.registry import PageSpec


def open_page(spec: PageSpec | str, session_id: int | None = None, *,
              run: bool = True) -> AppTest:
    """The app with ``app.py`` as entry point, switched to the page, optionally signed in."""
    path = spec if isinstance(spec, str) else spec.path
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if session_id is not None:
        at.session_state[keys.SESSION_ID] = session_id
    if path != "app.py":
        at.switch_page(path)
    if run:
        at.run()
    return at


def texts(at: AppTest) -> str:
    """Everything visible as text: titles, markdown, captions, alerts."""
    parts = [*at.title, *at.subheader, *at.markdown, *at.caption, *at.error, *at.warning,
             *at.info, *at.success]
    return "\n".join(str(p.value) for p in parts)
