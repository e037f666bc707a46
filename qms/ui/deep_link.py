"""Deep links: a query parameter (``?period=12``, ``?status=open``) presets a choice, so a link
from the dashboard, "my work" or an e-mail opens the page on the record it names."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st


def preset(options: Sequence[object], param: str, default: object = None) -> int:
    """The index of the option ``?param=`` names (compared as text: ids and codes alike); an
    absent or unknown value gives ``default``'s index, else 0 (the first option, often "all")."""
    wanted = st.query_params.get(param)
    if wanted is not None:
        for index, option in enumerate(options):
            if option is not None and str(option) == wanted:
                return index
    return options.index(default) if default is not None and default in options else 0
