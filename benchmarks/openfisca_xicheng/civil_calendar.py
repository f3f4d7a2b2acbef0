"""Civil Code (民法典 arts. 201-202) month arithmetic on numpy ``datetime64[D]`` arrays.

The whole population is computed at once, as OpenFisca formulas are: no Python loop per person.
These functions restate, for numpy, what eldercare's ``add_months_civil`` (one C++ function,
include/eldercare/calendar/month_arithmetic.hpp) says: N months after a date is the corresponding day
of the target month, or that month's last day when it has none (2023-02-28 + 3 months = 2023-05-28,
2023-11-30 + 3 months = 2024-02-29, 2024-01-31 + 1 month = 2024-02-29).
"""

from __future__ import annotations

import numpy as np

#: Stands for "no date": an ongoing stay's discharge, a filing never revoked. Far after any test day,
#: so ``min``/``max`` and comparisons need no special case (the OpenFisca idiom: a default value,
#: not a mask).
FAR_FUTURE = np.datetime64("2400-12-31", "D")
#: Stands for "never": a stay in a facility that was never filed starts its counted days here.
NEVER = FAR_FUTURE


def add_months_civil(days: np.ndarray, months: int | np.ndarray) -> np.ndarray:
    """`days` (datetime64[D]) plus `months` calendar months (a number, or one per date), art. 202:
    the corresponding day, or the target month's last day when it has no corresponding day."""
    days = np.asarray(days, dtype="datetime64[D]")
    month_start = days.astype("datetime64[M]")
    day_of_month = (days - month_start.astype("datetime64[D]")).astype(np.int64)  # 0-based
    target = month_start + np.asarray(months, dtype=np.int64).astype("timedelta64[M]")
    target_first = target.astype("datetime64[D]")
    days_in_target = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - target_first).astype(np.int64)
    return target_first + np.minimum(day_of_month, days_in_target - 1).astype("timedelta64[D]")


def birth_parts(birth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(year, month * 100 + day) of each date: what an age needs, computed once per person."""
    birth = np.asarray(birth, dtype="datetime64[D]")
    year = birth.astype("datetime64[Y]")
    month = birth.astype("datetime64[M]")
    month_number = (month - year.astype("datetime64[M]")).astype(np.int64) + 1
    day = (birth - month.astype("datetime64[D]")).astype(np.int64) + 1
    return year.astype(np.int64) + 1970, month_number * 100 + day


def age_from_parts(birth_year: np.ndarray, birth_month_day: np.ndarray, on: np.datetime64) -> np.ndarray:
    """Age in 周岁 on `on`: the number of birthdays reached, a birthday counting on its day (reading
    ``age.reached = on_birthday``) and a 29 February birthday falling on 28 February in common years
    (reading ``age.leap_day = february_28``: art. 202's last-day rule, as add_months_civil applies it)."""
    on = np.datetime64(on, "D")
    year = int(on.astype("datetime64[Y]").astype(np.int64)) + 1970
    on_month_day = int(on.astype(object).month) * 100 + int(on.astype(object).day)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    birthday = birth_month_day if leap else np.where(birth_month_day == 229, 228, birth_month_day)
    return year - birth_year - (birthday > on_month_day).astype(np.int64)


def age_in_full_years(birth: np.ndarray, on: np.datetime64) -> np.ndarray:
    """age_from_parts from the birth dates."""
    return age_from_parts(*birth_parts(birth), on)
