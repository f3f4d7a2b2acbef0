"""Periods and ages in Python (docs/concepts/periods.md)."""
import datetime

import eldercare as ec

# [start:periods]
last = ec.period_last_day("2023-02-28", 3)                         # 2023-05-28, not Boost's 05-31
feb = ec.add_months("2024-01-31", 1)                               # 2024-02-29
natural = ec.period_complete_on("2023-02-28", 3, counting="natural_month")   # 2023-05-31
age = ec.age_on("1944-02-29", "2025-02-28")                        # 81: 29 Feb falls on 28 Feb
later = ec.date_reaching_age("1944-02-29", 81, leap_day="march_1") # 2025-03-01
# [end:periods]
assert last == datetime.date(2023, 5, 28)
assert feb == datetime.date(2024, 2, 29)
assert natural == datetime.date(2023, 5, 31)
assert age == 81 and ec.age_on("1944-02-29", "2025-02-27") == 80
assert later == datetime.date(2025, 3, 1)
assert ec.full_months_between("2023-02-28", "2023-12-01") == 9

try:
    ec.period_last_day("2023-02-30", 3)
    rejected = None
except ec.InvalidValue as e:
    rejected = e
assert rejected is not None and rejected.error_id == ec.ErrorId.INVALID_DATE and rejected.value == "2023-02-30"
