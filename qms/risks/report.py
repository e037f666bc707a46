"""The risks and opportunities register as an Excel sheet: Vietnamese headers, formula-safe
cells (``qms.reports.excel``)."""

from __future__ import annotations

import pandas as pd

from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.reports.excel import frame_to_xlsx
from qms.risks.queries import RiskRow


def register_frame(rows: list[RiskRow]) -> pd.DataFrame:
    """One line per entry, headers and values translated, as the page and the file show it."""
    columns = [t(k) for k in (
        "risk.col.code", "field.risk.kind", "field.risk.description", "field.risk.cause",
        "field.risk.consequence", "field.risk.document", "field.risk.unit",
        "field.risk.likelihood", "field.risk.impact", "risk.col.level", "risk.band",
        "risk.col.previous", "risk.col.trend", "field.risk.owner", "field.risk.next_review",
        "risk.col.actions", "risk.col.overdue", "field.risk.status")]
    return pd.DataFrame([(
        r.code, t(f"risk.kind.{r.kind}"), r.description, r.cause, r.consequence, r.document,
        r.unit, r.likelihood, r.impact, r.level, t(f"risk.band.{r.band}"),
        "" if r.previous_level is None else str(r.previous_level), t(f"risk.trend.{r.trend}"),
        r.owner, vn_short_date(r.next_review_date) if r.next_review_date else "",
        r.open_actions, r.overdue_actions, t(f"risk.status.{r.status}"),
    ) for r in rows], columns=columns)


def register_xlsx(rows: list[RiskRow]) -> bytes:
    """The register as a one-sheet workbook."""
    return frame_to_xlsx(register_frame(rows), t("risk.export.sheet"))
