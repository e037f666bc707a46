"""The self-inspection section of the periodic report: duty status for the reporting
periods whose cut-off window lies inside ``start..end``."""

from __future__ import annotations

from datetime import date

from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.db.uow import read_session
from qms.duties.queries import P, pairs
from qms.duties.rules import DutyStatus
from qms.reports.sections import Section


def duties_section(org_id: int, start: date, end: date) -> Section | None:
    """Duty, owner, status, evidence count and decision date of every (duty, period) whose
    period lies in the window; ``None`` when there is none."""
    query = pairs(org_id).where(P.start_date >= start, P.end_date <= end)
    with read_session() as s:
        rows = s.execute(query).all()
    if not rows:
        return None
    several = len({r[1] for r in rows}) > 1
    counts = {status.value: 0 for status in DutyStatus}
    table = []
    for r in rows:
        counts[r[12]] = counts.get(r[12], 0) + 1
        duty = (f"{r[3]} — " if r[3] else "") + r[4] + (f" ({r[2]})" if several else "")
        owner = " / ".join(x for x in (r[8], r[10]) if x) or "—"
        table.append((duty, owner, t(f"field.duty.status.{r[12]}"), str(r[15]),
                      vn_short_date(r[17]) if r[17] else ""))
    summary = t("duty.section.summary", total=len(rows), **counts)
    return Section("duties", t("duty.section.title"), summary,
                   tuple(t(f"duty.section.col.{c}") for c in
                         ("duty", "owner", "status", "evidence", "decided_on")),
                   tuple(table), {**{k: float(v) for k, v in counts.items()},
                                  "total": float(len(rows))})
