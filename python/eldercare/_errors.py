"""Errors raised by eldercare.

Every invalid input raises :class:`InvalidValue`, a :class:`ValueError`, whose message names the
field (with the person or row it belongs to), the value as given, and why it was refused::

    [eldercare.invalid_value.101] persons[p1].birth_date = '2023-02-30': no such day in that month

Text is quoted once; a number, or a value shown by its repr, is not (``months = 0``,
``start = datetime.datetime(2023, 2, 28, 12, 0)``). The bracketed id is stable (:class:`ErrorId`,
listed on the documentation's page of error ids): documentation and user code may refer to it. A
value of the wrong Python type raises :class:`InvalidType` (id 114, ``invalid_type``), which is both
an :class:`InvalidValue` and a :class:`TypeError`. Look-ups that cannot succeed raise
:class:`PolicyLookupError`.
"""

from __future__ import annotations

import enum
import numbers
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
    INVALID_TYPE = 114
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


#: The most characters of a value an error quotes (C++ ``eldercare::max_shown_characters``).
MAX_SHOWN = 200


#: Control characters as errors show them: a NUL or a line break must not cut or split a message.
_ESCAPES = {**{c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F)}, 0x0A: "\\n", 0x09: "\\t", 0x0D: "\\r"}


def shown(text: str) -> str:
    """A value as errors quote it (C++ ``eldercare::shown_value``): as given, its control characters
    escaped (``\\x00``, ``\\n``), and when it has more than :data:`MAX_SHOWN` characters, its first
    ones, "…" and its full length, so that a 10 MB cell does not make a 10 MB message:
    ``'xxxx… (10000000 characters)'``. Text that has no UTF-8 form (a lone surrogate) is escaped
    (``\\ud800``)."""
    if not text.isprintable():
        text = text.translate(_ESCAPES)
    if len(text) > MAX_SHOWN:
        text = f"{text[:MAX_SHOWN]}… ({len(text)} characters)"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


class AsWritten(str):
    """Text an error shows as it is, unquoted (C++ ``eldercare::literal``): a number's text
    (``"1e+20"``) or a repr, which brings its own quotes. Plain text is quoted once."""


def _repr(value: Any) -> str:
    """repr(value) that never raises (a broken __repr__, a structure nested too deeply)."""
    try:
        return repr(value)
    except Exception:  # any failure of a user's __repr__: name the type instead
        return f"<{type(value).__name__} object>"


def _message(error_id: ErrorId, field: str, value: str, why: str, quoted: bool) -> str:
    # The same text as C++ eldercare::invalid_value, so errors read alike whichever side raised them:
    # text quoted once, a number or a repr as written (a repr brings its own quotes).
    shown_value = f"'{value}'" if quoted else value
    return f"[eldercare.invalid_value.{int(error_id)}] {field} = {shown_value}: {why}"


def invalid(error_id: ErrorId, field: str, value: Any, why: str) -> NoReturn:
    """Raise :class:`InvalidValue` in the library's message format: text quoted once, anything else
    (a number, None, a list, :class:`AsWritten` text) as written, unquoted; the value shortened by
    :func:`shown`."""
    quoted = isinstance(value, str) and not isinstance(value, AsWritten)
    if isinstance(value, str):
        text = shown(value)
    elif isinstance(value, numbers.Number) and not isinstance(value, bool):
        text = shown(str(value))  # 60, 1e+20, nan (numpy's too, without its type's name)
    else:
        text = shown(_repr(value))
    field = shown(field)
    raise InvalidValue(_message(error_id, field, text, why, quoted), field=field, value=text, error_id=error_id)


def invalid_type(field: str, value: Any, expected: str) -> NoReturn:
    """Raise :class:`InvalidType` (id :attr:`ErrorId.INVALID_TYPE`) in the library's message format,
    showing the value's repr (shortened), which brings its own quotes: ``years = '60': expected a
    whole number (int)``."""
    text = shown(_repr(value))
    field = shown(field)
    error_id = ErrorId.INVALID_TYPE
    raise InvalidType(_message(error_id, field, text, expected, False), field=field, value=text, error_id=error_id)
