"""period_last_day and friends: the Civil Code's month arithmetic (tests/cpp/calendar_period_test.cpp)."""

from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import eldercare as ec
from conftest import d


@pytest.mark.parametrize(
    "start, months, last",
    [
        ("2023-02-28", 3, "2023-05-28"),  # the Civil Code day, not Boost's 05-31
        ("2024-01-15", 3, "2024-04-15"),
        ("2024-01-31", 3, "2024-04-30"),  # April has no 31st: its last day
        ("2024-08-31", 3, "2024-11-30"),
        ("2024-11-30", 3, "2025-02-28"),  # common-year February
        ("2023-11-30", 3, "2024-02-29"),  # leap-year February
        ("2025-02-28", 3, "2025-05-28"),
        ("2024-07-01", 3, "2024-10-01"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-02-29", 12, "2025-02-28"),  # a leap day one year on
        ("2024-02-29", 48, "2028-02-29"),
        ("2024-12-31", 2, "2025-02-28"),
        ("2024-06-01", 0, "2024-06-01"),  # a period of 0 ends on its start
    ],
)
def test_period_last_day(start: str, months: int, last: str) -> None:
    assert ec.period_last_day(d(start), months) == d(last)


def test_period_last_day_takes_iso_text_and_returns_a_date() -> None:
    result = ec.period_last_day("2023-02-28", 3)
    assert type(result) is datetime.date
    assert result == datetime.date(2023, 5, 28)


def test_add_months_goes_both_ways() -> None:
    assert ec.add_months(d("2024-03-31"), -1) == d("2024-02-29")
    assert ec.add_months(d("2024-11-30"), 14) == d("2026-01-30")
    assert ec.add_months(d("2024-04-30"), 1) == d("2024-05-30")


def test_period_complete_on_and_full_months() -> None:
    assert ec.period_complete_on(d("2024-01-31"), 3) == d("2024-04-30")
    assert ec.period_complete_on(d("2024-01-31"), 3, checked="start_of_day") == d("2024-05-01")
    assert ec.period_complete_on(d("2024-01-15"), 3, counting="natural_month") == d("2024-04-30")
    assert ec.period_complete_on(d("2024-03-01"), 10, "days") == d("2024-03-11")
    assert ec.full_months_between(d("2023-02-28"), d("2023-05-27")) == 2
    assert ec.full_months_between(d("2023-02-28"), d("2023-05-28")) == 3
    assert ec.full_months_between(d("2024-05-01"), d("2024-04-01")) == 0


def test_ages() -> None:
    assert ec.age_on(d("1944-05-01"), d("2024-04-30")) == 79
    assert ec.age_on(d("1944-05-01"), d("2024-05-01")) == 80
    assert ec.age_on(d("1944-05-01"), d("2024-05-01"), reached="day_after_birthday") == 79
    assert ec.date_reaching_age(d("1944-02-29"), 80) == d("2024-02-29")
    assert ec.date_reaching_age(d("1940-02-29"), 81) == d("2021-02-28")
    assert ec.date_reaching_age(d("1940-02-29"), 81, leap_day="march_1") == d("2021-03-01")


@pytest.mark.parametrize(
    "args, field, value, shown",
    [
        (("2023-02-30", 3), "start", "2023-02-30", "'2023-02-30'"),
        ((datetime.date(2023, 1, 1), -1), "months", "-1", "-1"),
        (("2023/01/01", 3), "start", "2023/01/01", "'2023/01/01'"),
        ((datetime.date(1700, 1, 1), 1), "start", "1700-01-01", "'1700-01-01'"),
        ((datetime.date(2400, 12, 1), 1), "months", "1", "1"),
    ],
)
def test_period_last_day_errors_name_field_and_value(args: tuple, field: str, value: str, shown: str) -> None:
    # Dates (text) quoted once, numbers unquoted.
    with pytest.raises(ec.InvalidValue) as e:
        ec.period_last_day(*args)
    assert isinstance(e.value, ValueError)
    assert e.value.field == field
    assert e.value.value == value
    assert f"{field} = {shown}: " in str(e.value)


def test_a_datetime_is_not_a_date() -> None:
    with pytest.raises(ec.InvalidType) as e:
        ec.period_last_day(datetime.datetime(2023, 2, 28, 12, 0), 3)
    assert isinstance(e.value, TypeError) and isinstance(e.value, ValueError)
    assert e.value.field == "start"
    assert "pass value.date()" in str(e.value)


@pytest.mark.parametrize("months", [3.0, "3", True, None, 2**40])
def test_months_must_be_a_whole_number_in_range(months: object) -> None:
    with pytest.raises(ec.InvalidValue) as e:
        ec.period_last_day(d("2023-01-01"), months)  # type: ignore[arg-type]
    assert e.value.field == "months"


# --- properties against a pure-Python reading of 民法典 art. 202 ---------------------------------


def civil_code_period_last_day(start: datetime.date, months: int) -> datetime.date:
    """Art. 202: the period ends on the day of the final month that corresponds to the start day;
    when that month has no such day, on its last day."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = index // 12, index % 12 + 1
    try:
        return datetime.date(year, month, start.day)  # the corresponding day
    except ValueError:
        return datetime.date(year, month, calendar.monthrange(year, month)[1])  # no such day: the last


starts = st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2300, 12, 31))


@given(start=starts, months=st.integers(min_value=0, max_value=1200))
@example(start=datetime.date(2023, 2, 28), months=3)
@example(start=datetime.date(2024, 2, 29), months=12)
@example(start=datetime.date(2000, 1, 31), months=1)  # 2000 is a leap year (divisible by 400)
@example(start=datetime.date(1900, 1, 31), months=1)  # 1900 is not
def test_period_last_day_is_the_civil_code_day(start: datetime.date, months: int) -> None:
    assert ec.period_last_day(start, months) == civil_code_period_last_day(start, months)


@given(start=starts, months=st.integers(min_value=0, max_value=600))
def test_period_last_day_properties(start: datetime.date, months: int) -> None:
    last = ec.period_last_day(start, months)
    # The end is in the right month, never past the start day, and the same day whenever it exists.
    assert (last.year * 12 + last.month) - (start.year * 12 + start.month) == months
    assert last.day <= start.day
    if start.day <= 28:
        assert last.day == start.day
    # One more month never ends earlier.
    assert ec.period_last_day(start, months + 1) > last
    # The period is complete on its last day, and a month count reads it back.
    assert ec.period_complete_on(start, months) == last
    if months > 0:
        assert ec.full_months_between(start, last) == months
        assert ec.full_months_between(start, last - datetime.timedelta(days=1)) == months - 1


@given(start=starts, months=st.integers(min_value=-2400, max_value=2400))
def test_add_months_is_the_civil_code_day_within_the_supported_years(start: datetime.date, months: int) -> None:
    expected = civil_code_period_last_day(start, months)
    if 1800 <= expected.year <= 2400:
        assert ec.add_months(start, months) == expected
    else:
        with pytest.raises(ec.InvalidValue) as e:
            ec.add_months(start, months)
        assert e.value.field == "months" and "outside the supported years 1800-2400" in str(e.value)


@given(
    birth=st.dates(min_value=datetime.date(1850, 1, 1), max_value=datetime.date(2020, 12, 31)),
    years=st.integers(min_value=0, max_value=120),
)
def test_age_is_reached_on_the_date_reaching_age(birth: datetime.date, years: int) -> None:
    reached = ec.date_reaching_age(birth, years)
    assert ec.age_on(birth, reached) == years
    if years > 0:
        assert ec.age_on(birth, reached - datetime.timedelta(days=1)) == years - 1
