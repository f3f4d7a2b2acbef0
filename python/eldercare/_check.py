"""Argument checks shared by the Python layer: each names the field in its error."""

from __future__ import annotations

import operator
from typing import Any, Iterable, Optional, Sequence, Tuple

import numpy as np

from ._errors import ErrorId, invalid, invalid_type

INT_MIN = -(2**31)
INT_MAX = 2**31 - 1
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def integer(
    value: Any,
    field: str,
    *,
    error_id: ErrorId = ErrorId.INVALID_PARAMETER,
    minimum: int = INT_MIN,
    maximum: int = INT_MAX,
) -> int:
    """An int (or numpy integer; never a bool or a float) in [minimum, maximum]."""
    if isinstance(value, bool) or not hasattr(type(value), "__index__"):
        invalid_type(field, value, "expected a whole number (int)")
    v = operator.index(value)
    if v < minimum or v > maximum:
        invalid(error_id, field, v, f"must be between {minimum} and {maximum}")
    return v


def boolean(value: Any, field: str) -> bool:
    """True or False (or a numpy bool); not 0/1, not text."""
    if isinstance(value, bool):
        return value
    t = type(value)
    if t.__module__ == "numpy" and t.__name__ in ("bool_", "bool"):
        return bool(value)
    invalid_type(field, value, "expected True or False")


def text(value: Any, field: str, *, allow_empty: bool = True, error_id: ErrorId = ErrorId.INVALID_PARAMETER) -> str:
    """A str that has a UTF-8 form (no lone surrogate such as ``"\\ud800"``); empty only when allowed."""
    if not isinstance(value, str):
        invalid_type(field, value, "expected text (str)")
    if not allow_empty and not value:
        invalid(error_id, field, value, "must not be empty")
    if not value.isascii():
        utf8(value, field, error_id=error_id)
    return value


def utf8(value: str, field: str, *, error_id: ErrorId = ErrorId.INVALID_PARAMETER) -> str:
    """`value`, refused when it has no UTF-8 form: a lone surrogate (``"\\ud800"``, which Python and
    JSON text allow) cannot cross to C++ or into a file."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        invalid(
            error_id,
            field,
            repr(value),
            "is not valid text: it holds a lone surrogate (such as \\ud800), which has no UTF-8 form",
        )
    return value


def texts(
    values: Any, field: str, *, error_id: ErrorId = ErrorId.INVALID_PARAMETER, allow_empty: bool = False
) -> Tuple[str, ...]:
    """An iterable of non-empty str (a single str is refused: it is not a list of words)."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        invalid_type(field, values, "expected a list of words")
    return tuple(text(v, f"{field}[{i}]", allow_empty=allow_empty, error_id=error_id) for i, v in enumerate(values))


def sequence(values: Any, field: str, *, error_id: ErrorId = ErrorId.INVALID_PARAMETER) -> Sequence[Any]:
    """A list-like of items (not a str, not a mapping)."""
    if isinstance(values, (str, bytes, dict)) or not isinstance(values, Iterable):
        invalid_type(field, values, "expected a list")
    return list(values)


def word(value: Any, field: str, choices: Sequence[str]) -> str:
    """One of `choices`."""
    if not isinstance(value, str):
        invalid_type(field, value, "expected one of " + ", ".join(choices))
    if value not in choices:
        value = value if value.isascii() else utf8(value, field)
        invalid(ErrorId.INVALID_PARAMETER, field, value, "expected one of " + ", ".join(choices))
    return value


def optional_integer(value: Any, field: str, **kwargs: Any) -> Optional[int]:
    return None if value is None else integer(value, field, **kwargs)


def exact_sum(values: Any, field: str) -> int:
    """The exact sum of whole numbers held as int64 (amounts in fen, quantities), refused past int64
    (InvalidValue, ``invalid_money``, naming `field`) instead of wrapped round as numpy's sum would.
    Each value is split into its high and low 32 bits, whose sums cannot overflow."""
    a = np.asarray(values, dtype=np.int64)
    total = int((a >> 32).sum()) * 2**32 + int((a & 0xFFFFFFFF).sum())
    if not INT64_MIN <= total <= INT64_MAX:
        invalid(
            ErrorId.INVALID_MONEY, field, str(total), "the sum overflows a 64-bit count (at most 9223372036854775807)"
        )
    return total


def no_wrapped_sums(sums: Any, field: str) -> None:
    """Refuses int64 sums (of a groupby) that may have wrapped round: `sums` are the same sums made
    in float64, which cannot wrap; one at or past 2**63 in size means the int64 one did."""
    big = np.abs(np.asarray(sums, dtype=np.float64)) >= 2.0**63
    if big.any():
        shown = repr(float(np.asarray(sums, dtype=np.float64).reshape(-1)[int(np.flatnonzero(big.reshape(-1))[0])]))
        invalid(ErrorId.INVALID_MONEY, field, shown, "the sum overflows a 64-bit count (at most 9223372036854775807)")
