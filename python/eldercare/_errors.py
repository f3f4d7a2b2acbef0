"""Errors raised by eldercare.

Every invalid input raises :class:`InvalidValue`, a :class:`ValueError`, whose message names the
field (with the person or row it belongs to), the value as given, and why it was refused::

    [eldercare.invalid_value.101] persons[p1].birth_date = '2023-02-30': no such day in that month

The bracketed id is stable (:class:`ErrorId`): documentation and user code may refer to it. A value
of the wrong Python type raises :class:`InvalidType`, which is both an :class:`InvalidValue` and a
:class:`TypeError`. Look-ups that cannot succeed raise :class:`PolicyLookupError`.
"""

from __future__ import annotations

import enum
from typing import Any, NoReturn, Optional

__all__ = ["ErrorId", "InvalidType", "InvalidValue", "PolicyLookupError"]


class ErrorId(enum.IntEnum):
    """Stable error ids, as in C++ ``eldercare::error_id``. Never renumbered."""

    INVALID_DATE = 101
    INVALID_MONEY = 102
    INVALID_REGION = 103
    INVALID_ABILITY = 104
    INVALID_STAY = 105
    INVALID_PERSON = 106
    INVALID_FACILITY = 107
    INVALID_PERIOD = 108
    INVALID_PARAMETER = 109
    INVALID_CATEGORY = 110
    INVALID_ID_NUMBER = 111
    INVALID_WEIGHT = 112
    MISSING_INPUT = 113
    UNKNOWN_POLICY = 201
    NO_VERSION_IN_FORCE = 202
    NOT_COMPUTABLE = 203


def _as_error_id(error_id: Optional[int]) -> Optional[int]:
    if error_id is None:
        return None
    try:
        return ErrorId(error_id)
    except ValueError:
        return int(error_id)


class InvalidValue(ValueError):
    """A value that eldercare cannot accept.

    Parameters
    ----------
    message : str
        The full message, ``[eldercare.invalid_value.<id>] <field> = '<value>': <why>``.
    field : str, optional
        The field the caller filled in, e.g. ``"persons[p1].stays[1].discharged"``.
    value : str, optional
        The offending value as the caller gave it (as text).
    error_id : int, optional
        The stable id (:class:`ErrorId`).

    Attributes
    ----------
    field, value : str or None
    error_id : ErrorId or int or None
    """

    field: Optional[str] = None
    value: Optional[str] = None
    error_id: Optional[int] = None

    def __init__(
        self,
        message: str,
        *,
        field: Optional[str] = None,
        value: Optional[str] = None,
        error_id: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
        self.error_id = _as_error_id(error_id)


class InvalidType(InvalidValue, TypeError):
    """A value of the wrong Python type (a ``datetime`` where a ``date`` is wanted, a float region code).

    Both an :class:`InvalidValue` (so a :class:`ValueError`) and a :class:`TypeError`.
    """


class PolicyLookupError(LookupError):
    """A look-up that cannot succeed: an unknown policy id, no version in force, not computable.

    Attributes
    ----------
    error_id : ErrorId or int or None
    """

    error_id: Optional[int] = None

    def __init__(self, message: str, *, error_id: Optional[int] = None) -> None:
        super().__init__(message)
        self.error_id = _as_error_id(error_id)


def _message(error_id: ErrorId, field: str, value: str, why: str) -> str:
    # The same text as C++ eldercare::invalid_value, so errors read alike whichever side raised them.
    return f"[eldercare.invalid_value.{int(error_id)}] {field} = '{value}': {why}"


def invalid(error_id: ErrorId, field: str, value: Any, why: str) -> NoReturn:
    """Raise :class:`InvalidValue` in the library's message format."""
    text = value if isinstance(value, str) else repr(value)
    raise InvalidValue(_message(error_id, field, text, why), field=field, value=text, error_id=error_id)


def invalid_type(error_id: ErrorId, field: str, value: Any, expected: str) -> NoReturn:
    """Raise :class:`InvalidType` in the library's message format."""
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    raise InvalidType(_message(error_id, field, text, expected), field=field, value=text, error_id=error_id)
