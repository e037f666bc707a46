import unicodedata
from datetime import date

import pytest

from qms.core.vn_dates import parse_vn_date, place_date_line, vn_long_date, vn_month, vn_short_date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 1, 5), "ngày 05 tháng 01 năm 2023"),
        (date(2023, 2, 28), "ngày 28 tháng 02 năm 2023"),
        (date(2023, 3, 9), "ngày 09 tháng 3 năm 2023"),
        (date(2022, 12, 15), "ngày 15 tháng 12 năm 2022"),
        (date(2023, 10, 1), "ngày 01 tháng 10 năm 2023"),
    ],
)
def test_long_dates_pad_days_below_10_and_only_january_and_february(day, expected):
    assert vn_long_date(day) == expected


def test_only_months_one_and_two_get_a_leading_zero():
    months = [vn_month(date(2023, m, 1)) for m in range(1, 13)]
    assert months == ["01", "02", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]


def test_the_place_date_line_puts_the_place_before_the_long_date():
    assert place_date_line("Nam Trung", date(2023, 1, 5)) == "Nam Trung, ngày 05 tháng 01 năm 2023"


def test_the_place_date_line_comes_out_nfc_from_nfd_place_names():
    line = place_date_line(unicodedata.normalize("NFD", " Nam Sách "), date(2023, 3, 9))
    assert line == "Nam Sách, ngày 09 tháng 3 năm 2023"
    assert unicodedata.is_normalized("NFC", line)


def test_a_blank_place_leaves_just_the_date():
    assert place_date_line("  ", date(2023, 3, 9)) == "ngày 09 tháng 3 năm 2023"


def test_short_dates_are_day_month_year_zero_padded():
    assert vn_short_date(date(2023, 1, 5)) == "05/01/2023"
    assert vn_short_date(date(2023, 3, 9)) == "09/03/2023"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/12/2022", date(2022, 12, 15)),
        ("9/3/2023", date(2023, 3, 9)),
        ("09/03/2023", date(2023, 3, 9)),
        (" 9-3-2023 ", date(2023, 3, 9)),
        ("10.12.2022", date(2022, 12, 10)),
        ("ngày 31 tháng 12 năm 2022", date(2022, 12, 31)),
        ("Ngày 05 tháng 01 năm 2023.", date(2023, 1, 5)),
        ("ngày  9 tháng 3  năm 2023", date(2023, 3, 9)),
        ("ngày 9/3/2023", date(2023, 3, 9)),
        (unicodedata.normalize("NFD", "ngày 31 tháng 12 năm 2022"), date(2022, 12, 31)),
    ],
)
def test_vietnamese_dates_are_parsed_in_numeric_and_long_forms(text, expected):
    assert parse_vn_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", None, "31/02/2023", "15/13/2022", "9/3/23", "9/3-2023", "quý I năm 2023",
     "Nam Trung, ngày 05 tháng 01 năm 2023 và 06/01/2023", "ngày 32 tháng 1 năm 2023"],
)
def test_text_that_is_not_exactly_one_valid_date_parses_to_none(text):
    assert parse_vn_date(text) is None


@pytest.mark.parametrize("day", [date(2023, 1, 5), date(2023, 3, 9), date(2022, 12, 31)])
def test_formatted_dates_parse_back_to_the_same_day(day):
    assert parse_vn_date(vn_long_date(day)) == day
    assert parse_vn_date(vn_short_date(day)) == day
