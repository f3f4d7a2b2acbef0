"""Survey weights and exact weighted totals (C++ ``eldercare/person/survey_weight.hpp``).

The rule, stated once: a weight (the persons a row of survey microdata represents) is rounded to 6
decimals, half to even, when it is read (a float's exact binary value, decimal text's exact decimal
value), and kept as a whole number of millionths. A weighted count or amount (persons or fen × weight)
is then exact, a whole number of millionths of a person or of a fen, summed in 128-bit integers in
C++; it crosses to Python as an exact :class:`decimal.Decimal` with 6 decimals (``Decimal('1234.500000')``
fen), which pandas and these functions add exactly. Totals are therefore equal, to the millionth,
whatever the threads, chunk sizes, Parquet batches or Dask partitions. Only when a total is shown is it
rounded, half to even, to the fen (:func:`round_fen`).
"""

from __future__ import annotations

import decimal
from typing import Any, Iterable

__all__ = ["exact_sum", "from_micros", "round_fen"]

#: Millionths per unit: weights have 6 decimals.
SCALE = 1_000_000


def from_micros(micros: int) -> decimal.Decimal:
    """A whole number of millionths (a Python int, exact) as a Decimal with 6 decimals."""
    sign = "-" if micros < 0 else ""
    m = abs(int(micros))
    return decimal.Decimal(f"{sign}{m // SCALE}.{m % SCALE:06d}")  # the str constructor is exact


def to_micros(value: Any) -> int:
    """An exact weighted value (a Decimal with at most 6 decimals, or an int) as millionths."""
    d = decimal.Decimal(value)
    scaled = d.scaleb(6, decimal.Context(prec=100))
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value!r} has more than 6 decimals")
    return int(scaled)


def exact_sum(values: Iterable[Any]) -> decimal.Decimal:
    """The sum of exact weighted values (Decimals, ints), exact whatever their size."""
    return from_micros(sum(to_micros(v) for v in values))


def round_fen(value: Any) -> int:
    """An exact weighted amount (fen) rounded half to even to a whole fen: what a total shows."""
    return int(decimal.Decimal(value).to_integral_value(rounding=decimal.ROUND_HALF_EVEN))
