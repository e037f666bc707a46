"""Register paging: the page count, and a page past the last one falls back to the last."""

from __future__ import annotations

from qms.core.paging import existing_page, page_count


def test_a_total_fills_whole_pages_and_none_still_makes_one():
    assert [page_count(n, 50) for n in (0, 1, 50, 51, 100)] == [1, 1, 1, 2, 2]


def test_a_page_past_the_last_one_fetches_the_last_one():
    rows = list(range(120))
    asked: list[int] = []

    def fetch(page: int) -> list[int]:
        asked.append(page)
        return rows[(page - 1) * 50:page * 50]

    found, page = existing_page(fetch, 7, 50, lambda got: (len(got), len(rows)))
    assert (page, found, asked) == (3, rows[100:], [7, 3])
    assert existing_page(fetch, 2, 50, lambda got: (len(got), len(rows)))[1] == 2


def test_an_empty_register_stays_on_the_page_asked_for():
    assert existing_page(lambda page: [], 4, 50, lambda got: (0, 0)) == ([], 4)
