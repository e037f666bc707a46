"""``qms.ui.deep_link.preset``: a query parameter picks the option it names, by its text."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _page() -> None:
    import streamlit as st

    from qms.ui.deep_link import preset

    st.text(str(preset([None, 7, 12, "open"], "pick", default=12)))


def _shown(**params: str) -> str:
    at = AppTest.from_function(_page)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    return at.text[0].value


def test_the_parameter_names_an_id_or_a_code():
    assert _shown(pick="7") == "1"
    assert _shown(pick="open") == "3"


def test_an_absent_unknown_or_none_value_falls_back_to_the_default():
    assert _shown() == "2"
    assert _shown(pick="99") == "2"
    assert _shown(pick="None") == "2"
