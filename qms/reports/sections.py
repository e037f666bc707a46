"""Report sections: what each feature contributes to the periodic CCHC report and to the
inputs of a management review (ISO 9.3).

A *section provider* is ``provider(org_id, start, end) -> Section | None``: it reads only
records dated inside the window ``start..end`` (both days included) and returns ``None``
when the feature has nothing to say for that window. Features place their providers in
their ``feature.py`` (``period_sections``, ``review_inputs``, each with its place in the
report); ``qms.features`` lists them in that order, and the report builders (PDF, Excel, the
review page) only ever iterate those lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from qms.core.vn_dates import vn_short_date


def number(value: float | None, digits: int = 1) -> str:
    """A figure as Vietnamese documents print it: decimal comma, no trailing zeros."""
    if value is None:
        return ""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return text.replace(".", ",")


def window_text(start: date, end: date) -> str:
    """``từ ngày 10/12/2022 đến ngày 09/3/2023`` as the summaries print it."""
    return f"từ ngày {vn_short_date(start)} đến ngày {vn_short_date(end)}"


@dataclass(frozen=True)
class Section:
    """One block of a report: a heading, a one-paragraph summary and an optional table.

    Every text is already translated (Vietnamese by default) and every cell a string, so a
    PDF, an Excel sheet and a Streamlit table can all show it as it is.
    """

    key: str
    title: str
    summary: str
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    figures: dict[str, float] = field(default_factory=dict)  # machine-readable totals


SectionProvider = Callable[[int, date, date], "Section | None"]


def day(value: date | None) -> str:
    """A date as a report cell: ``05/01/2023``, or nothing."""
    return vn_short_date(value) if value else ""


def in_window(day: date | None, start: date, end: date) -> bool:
    """True when ``day`` lies in the cut-off window, first and last day included."""
    return day is not None and start <= day <= end


def collect(providers: list[SectionProvider], org_id: int, start: date,
            end: date) -> list[Section]:
    """Every provider's section for the window, in list order, leaving out the empty ones."""
    if end < start:
        raise ValueError("window ends before it starts")
    found = (provider(org_id, start, end) for provider in providers)
    return [section for section in found if section is not None]
