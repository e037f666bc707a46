"""The baseline page: a bare Streamlit script showing the rows of one prepared query.

``bench/run.py`` runs it with AppTest, the query and database in session state, next to the
real page that shows the same rows; the engine is created once per process, as the app's is.
"""

import pandas as pd
import streamlit as st
from sqlalchemy import text

from bench.harness import bare_engine

st.title("Bare")
with bare_engine(st.session_state["bench.url"]).connect() as conn:
    result = conn.execute(text(st.session_state["bench.sql"]), {"org": 1})
    frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
st.dataframe(frame, hide_index=True)
