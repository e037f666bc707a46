"""One item of "Việc của tôi": what to do, by when, and the page that does it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode


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

    def url(self, base: str) -> str:
        """The address that opens this item: ``base`` + the page's URL name + the query.

        Streamlit names a page ``pages/30_khong_phu_hop.py`` ``/khong_phu_hop`` (the leading
        number and separator dropped); the home page is ``/``.
        """
        name = "" if self.page == "app.py" else re.sub(
            r"^[0-9]*[_ -]*", "", self.page.rsplit("/", 1)[-1].removesuffix(".py"))
        query = f"?{urlencode(self.params)}" if self.params else ""
        return f"{base.rstrip('/')}/{name}{query}"
