"""One item of "Việc của tôi" and the signature of the functions that provide them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from qms.services.context import Actor


@dataclass(frozen=True)
class WorkItem:
    """One thing to do: ``kind`` names the step (catalog key ``work.kind.<kind>``)."""

    kind: str
    label: str
    due: date | None
    overdue: bool
    page: str  # the page that does it, e.g. "pages/30_khong_phu_hop.py"
    params: tuple[tuple[str, str], ...] = field(default=())  # its query parameters

    @property
    def query(self) -> dict[str, str]:
        return dict(self.params)


Provider = Callable[[Actor, date], list[WorkItem]]
