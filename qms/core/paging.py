"""Paging of the registers: how many pages a total makes, and a page that exists.

The registers page in SQL and the page number is a widget that outlives the filters, so a
narrowed filter or a deep link can ask for a page past the last one; every register then
shows the last page rather than an empty table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Found = TypeVar("Found")


def page_count(total: int, page_size: int) -> int:
    """The pages ``total`` rows fill (one page when there is none, so "page 1 of 1")."""
    return max(1, -(-total // page_size))


def existing_page(fetch: Callable[[int], Found], page: int, page_size: int,
                  rows_and_total: Callable[[Found], tuple[int, int]]) -> tuple[Found, int]:
    """``fetch(page)``, or ``fetch`` of the last page when ``page`` lies past it.

    ``rows_and_total`` reads the rows on the page and the rows matching in all from what
    ``fetch`` returns; returns what was fetched and the page it is.
    """
    found = fetch(page)
    rows, total = rows_and_total(found)
    if rows == 0 and total:
        page = page_count(total, page_size)
        found = fetch(page)
    return found, page
