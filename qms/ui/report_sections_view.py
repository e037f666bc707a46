"""Report sections on screen: heading, summary and table of each, as the PDF prints them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qms.reports.sections import Section


def section_view(section: Section, number: int, key: str) -> None:
    """One section; ``key`` namespaces its table (``"report.section.targets"``)."""
    st.markdown(f"**{number}. {section.title}**")
    st.write(section.summary)
    if section.headers:
        frame = pd.DataFrame([list(r) for r in section.rows], columns=list(section.headers))
        st.dataframe(frame, hide_index=True, key=f"{key}.{section.key}")
