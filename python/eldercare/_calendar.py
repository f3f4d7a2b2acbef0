"""Calendar functions: the Civil Code's month arithmetic, periods and ages (C++ eldercare/calendar/).

Dates are :class:`datetime.date` (or ISO 8601 text ``'YYYY-MM-DD'``). A :class:`datetime.datetime`
is refused with :class:`~eldercare.InvalidType`: eldercare works in whole calendar days, and silently
dropping a time of day would hide mistakes. Supported years are 1800-2400.
"""

from __future__ import annotations

import datetime
from typing import Union

from . import _check, _core
from ._errors import ErrorId

__all__ = [
    "DateLike",
    "add_months",
    "age_on",
    "date_reaching_age",
    "full_months_between",
    "period_complete_on",
    "period_last_day",
]

#: A calendar date: a :class:`datetime.date` (not a ``datetime``) or ISO text ``'YYYY-MM-DD'``.
DateLike = Union[datetime.date, str]

_COUNTINGS = ("civil_code", "natural_month")
_CHECKS = ("end_of_day", "start_of_day")
_UNITS = ("days", "months", "years")
_REACHED = ("on_birthday", "day_after_birthday")
_LEAP_DAY = ("february_28", "march_1")


def period_last_day(start: DateLike, months: int) -> datetime.date:
    """The last day of a period of `months` months that starts with an event on `start`.

    The Civil Code's rule (民法典 arts. 201-202): the event day is not counted, and the period ends on
    the corresponding day of the final month, or on that month's last day when it has none.

    Parameters
    ----------
    start : datetime.date or str
        The day of the event (an admission, say). Text must be ``'YYYY-MM-DD'``.
    months : int
        The length of the period, 0 or more.

    Returns
    -------
    datetime.date

    Raises
    ------
    InvalidValue
        For an impossible date, a negative length, or a result outside the years 1800-2400.

    Examples
    --------
    >>> import datetime, eldercare
    >>> eldercare.period_last_day(datetime.date(2023, 2, 28), 3)   # not 05-31
    datetime.date(2023, 5, 28)
    >>> eldercare.period_last_day(datetime.date(2024, 1, 31), 1)   # no 31 February
    datetime.date(2024, 2, 29)
    """
    return _core.period_last_day(start, _check.integer(months, "months", error_id=ErrorId.INVALID_PERIOD))


def add_months(start: DateLike, months: int) -> datetime.date:
    """The day `months` months after (or, if negative, before) `start`, by the Civil Code's rule.

    The corresponding day of the target month, or its last day when it has none
    (``2023-01-31 + 1 month = 2023-02-28``). Unlike :func:`period_last_day`, `months` may be negative.
    """
    return _core.add_months_civil(start, _check.integer(months, "months", error_id=ErrorId.INVALID_PERIOD))


def period_complete_on(
    start: DateLike,
    count: int,
    unit: str = "months",
    *,
    counting: str = "civil_code",
    checked: str = "end_of_day",
) -> datetime.date:
    """The first date on which a period of `count` `unit` from `start` is complete.

    Parameters
    ----------
    start : datetime.date or str
    count : int
    unit : {"months", "days", "years"}
    counting : {"civil_code", "natural_month"}
        ``"civil_code"`` (arts. 201-202, the default) or ``"natural_month"`` (自然月: the month of the
        event is not counted; the period ends on the last day of the N-th month after it).
    checked : {"end_of_day", "start_of_day"}
        ``"end_of_day"`` (default, art. 203: the last day counts at 24:00) or ``"start_of_day"`` (the
        period is complete only from the day after its last day).
    """
    return _core.period_complete_on(
        start,
        _check.integer(count, "count", error_id=ErrorId.INVALID_PERIOD),
        _check.word(unit, "unit", _UNITS),
        _check.word(counting, "counting", _COUNTINGS),
        _check.word(checked, "checked", _CHECKS),
    )


def full_months_between(
    start: DateLike, end: DateLike, *, counting: str = "civil_code", checked: str = "end_of_day"
) -> int:
    """The number of whole months from `start` to `end` (0 when `end` is not after `start`).

    The largest n such that a period of n months from `start` is complete on `end`; see
    :func:`period_complete_on` for `counting` and `checked`.
    """
    return _core.full_months_between(
        start, end, _check.word(counting, "counting", _COUNTINGS), _check.word(checked, "checked", _CHECKS)
    )


def age_on(birth_date: DateLike, on: DateLike, *, reached: str = "on_birthday", leap_day: str = "february_28") -> int:
    """Age in completed years (周岁) on `on`.

    Parameters
    ----------
    birth_date, on : datetime.date or str
    reached : {"on_birthday", "day_after_birthday"}
        The day a year is gained: on the birthday (default, welfare practice) or the day after.
    leap_day : {"february_28", "march_1"}
        Where a 29 February birthday falls in a common year (default: 28 February, art. 202's rule).
    """
    return _core.age_on(
        birth_date, on, _check.word(reached, "reached", _REACHED), _check.word(leap_day, "leap_day", _LEAP_DAY)
    )


def date_reaching_age(
    birth_date: DateLike, years: int, *, reached: str = "on_birthday", leap_day: str = "february_28"
) -> datetime.date:
    """The date on which someone born on `birth_date` reaches `years` 周岁 (see :func:`age_on`)."""
    return _core.date_reaching_age(
        birth_date,
        _check.integer(years, "years", minimum=0, maximum=1000),
        _check.word(reached, "reached", _REACHED),
        _check.word(leap_day, "leap_day", _LEAP_DAY),
    )
