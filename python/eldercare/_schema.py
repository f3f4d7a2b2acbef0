"""The schema of the subjects' facts, as C++ declares it once (``eldercare/schema.hpp``).

Every module that reads or writes persons, stays or facilities takes its names from here: the JSON
interchange format (:mod:`eldercare.io`), the flat columns of populations (pandas, Arrow, numpy,
CSV, Parquet, Dask), the Python value classes. A fact has one name: its path in JSON and in the
value classes (``hukou.since``: ``person.hukou.since``, ``{"hukou": {"since": ...}}``), written with
``_`` as its flat column (``hukou_since``). Other names a fact used to have (``conditions`` in JSON,
the ``mental_illness`` column ...) are its declared aliases, accepted in input, and so are the Chinese
column headers of civil-affairs spreadsheets (``户籍地``, ``身份证号`` ...: aliases ``in`` ``"header"``).

>>> from eldercare._schema import PERSON
>>> PERSON.field("health").column, PERSON.field("health").words
('health', ('mental_illness', 'infectious_disease'))
>>> [a.name for a in PERSON.field("health").aliases]
['conditions', 'mental_illness', 'infectious_disease']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, Mapping, Optional, Tuple

from . import _core
from ._errors import ErrorId, invalid

__all__ = [
    "FACILITY",
    "HOUSEHOLD",
    "PERSON",
    "STAY",
    "SUBJECTS",
    "WORKER",
    "Alias",
    "Field",
    "GivenBy",
    "Subject",
    "subject",
]


@dataclass(frozen=True)
class Alias:
    """Another name a fact is accepted under in input.

    Attributes
    ----------
    name : str
    where : str
        ``"json"`` (a key of the JSON interchange format), ``"column"`` (a table's column) or
        ``"header"`` (a spreadsheet's column header, in Chinese; any table's column too).
    word : str or None
        For a set of words: the alias is a true/false column for this one word.
    note : str
        Why it is accepted.
    """

    name: str
    where: str
    word: Optional[str]
    note: str


@dataclass(frozen=True)
class GivenBy:
    """Another fact that gives a required fact when a record lacks it (``id_number`` gives
    ``birth_date``; with the option ``hukou_from_id``, ``hukou.region`` too).

    Attributes
    ----------
    fact : str
    option : str or None
        The reader's option that allows it, or None: always.
    note : str
    """

    fact: str
    option: Optional[str]
    note: str


@dataclass(frozen=True)
class Field:
    """One fact of a subject, as ``eldercare::schema::field_info`` states it (see ``_core.schema()``)."""

    name: str
    column: str
    kind: str
    doc: str
    cpp: str
    cpp_type: str
    arrow: str
    required: bool
    given_by: Optional[GivenBy]
    missing: str
    default: str
    error_id: ErrorId
    word_type: Optional[str]
    words: Tuple[str, ...]
    labels: Tuple[str, ...]
    min: Optional[int]
    max: Optional[int]
    aliases: Tuple[Alias, ...]
    part_of: Optional[str]
    stored_as: str
    element: Optional[str]
    #: The members of a rule subject the fact fills (``"ability"``, ``"stays"`` ...; ``"none"``):
    #: a policy whose conditions read them needs one of their columns (``eldercare/batch/inputs.hpp``).
    fills: str
    #: The name's parts: ``("hukou", "since")``.
    path: Tuple[str, ...] = field(init=False)
    #: The object the fact is nested in (``"hukou"``), or None for a fact of its own.
    group: Optional[str] = field(init=False)
    #: The fact's key in its object: ``"since"`` for ``hukou.since``.
    key: str = field(init=False)
    _json_aliases: Tuple[Alias, ...] = field(init=False, repr=False, compare=False)
    _column_aliases: Tuple[Alias, ...] = field(init=False, repr=False, compare=False)
    _header_aliases: Tuple[Alias, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        path = tuple(self.name.split("."))
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "group", path[0] if len(path) > 1 else None)
        object.__setattr__(self, "key", path[-1])
        object.__setattr__(self, "_json_aliases", tuple(a for a in self.aliases if a.where == "json"))
        # A table's column may be named by a column alias or by a spreadsheet header.
        object.__setattr__(self, "_column_aliases", tuple(a for a in self.aliases if a.where in ("column", "header")))
        object.__setattr__(self, "_header_aliases", tuple(a for a in self.aliases if a.where == "header"))

    def aliases_in(self, where: str) -> Tuple[Alias, ...]:
        """The aliases accepted in JSON (``"json"``), in tables (``"column"``: column aliases and
        headers) or as spreadsheet headers alone (``"header"``)."""
        if where == "json":
            return self._json_aliases
        if where == "column":
            return self._column_aliases
        return self._header_aliases if where == "header" else ()

    def given_by_option(self, **options: bool) -> Optional[str]:
        """The fact that gives this one when a record lacks it, under `options` (``hukou_from_id``), or None."""
        g = self.given_by
        if g is None or (g.option is not None and not options.get(g.option, False)):
            return None
        return g.fact


@dataclass(frozen=True)
class Subject:
    """A kind of thing with facts (person, stay, facility ...) and its fields in declaration order."""

    name: str
    cpp: str
    doc: str
    link: Optional[str]
    fields: Tuple[Field, ...]
    #: The flat columns, in declaration order.
    columns: Tuple[str, ...] = field(init=False)
    #: The value class's attributes: the first part of each name, in declaration order.
    attributes: Tuple[str, ...] = field(init=False)
    #: Every column name a table may use: the facts' columns, then their aliases.
    column_names: Tuple[str, ...] = field(init=False)
    _by_name: Mapping[str, Field] = field(init=False, repr=False, compare=False, hash=False)
    _by_column: Mapping[str, Field] = field(init=False, repr=False, compare=False, hash=False)
    _groups: Mapping[str, Tuple[Field, ...]] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        # Looked up for every value read or written: made once.
        attributes: Dict[str, None] = {}
        groups: Dict[str, Tuple[Field, ...]] = {}
        for f in self.fields:
            attributes.setdefault(f.path[0], None)
            if f.group is not None:
                groups[f.group] = (*groups.get(f.group, ()), f)
        columns = tuple(f.column for f in self.fields)
        aliases = tuple(a.name for f in self.fields for a in f.aliases_in("column"))
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "attributes", tuple(attributes))
        object.__setattr__(self, "column_names", columns + aliases)
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})
        object.__setattr__(self, "_by_column", {f.column: f for f in self.fields})
        object.__setattr__(self, "_groups", groups)

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    def field(self, name: str) -> Field:
        """The field named `name` (KeyError otherwise)."""
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"{self.name} has no fact {name!r}") from None

    def by_column(self, column: str) -> Field:
        """The field whose column is `column` (KeyError otherwise)."""
        try:
            return self._by_column[column]
        except KeyError:
            raise KeyError(f"{self.name} has no column {column!r}") from None

    def group_fields(self, group: str) -> Tuple[Field, ...]:
        """The facts nested in the object `group` (``"ability"``)."""
        return self._groups.get(group, ())

    def resolve_columns(self, columns: Mapping[str, Any], table: str) -> Tuple[Dict[str, Any], Dict[str, str]]:
        """A table's columns under the facts' column names, and the name each was given under.

        An alias column (``rural``) is read as its fact's column (``residence_rural``); a true/false
        column for one word of a set (``mental_illness``) is kept under its own name for the caller
        to combine (see :meth:`word_columns`). A fact given under two names is an error naming the
        alias; other columns are ignored.
        """
        out: Dict[str, Any] = {}
        given: Dict[str, str] = {}
        for f in self.fields:
            names = [f.column] if f.column in columns else []
            for a in f.aliases_in("column"):
                if a.name in columns and a.word is None:
                    names.append(a.name)
            words = [a.name for a in f.aliases_in("column") if a.word is not None and a.name in columns]
            if len(names) > 1 or (names and words):
                other = (names + words)[1]
                invalid(
                    ErrorId.INVALID_PARAMETER,
                    f"{table}.{other}",
                    "",
                    f"the fact {f.column} is given as {names[0]} too: give one of them",
                )
            if names:
                out[f.column] = columns[names[0]]
                given[f.column] = names[0]
        return out, given

    def word_columns(self, field: Field, columns: Mapping[str, Any]) -> Dict[str, Tuple[str, Any]]:
        """The true/false alias columns of `field`'s words present in `columns`: word -> (name, column)."""
        return {a.word: (a.name, columns[a.name]) for a in field.aliases_in("column") if a.word and a.name in columns}


def _alias(d: Mapping[str, Any]) -> Alias:
    return Alias(d["name"], d["in"], d["word"], d["note"])


def _field(d: Mapping[str, Any]) -> Field:
    return Field(
        name=d["name"],
        column=d["column"],
        kind=d["kind"],
        doc=d["doc"],
        cpp=d["cpp"],
        cpp_type=d["cpp_type"],
        arrow=d["arrow"],
        required=bool(d["required"]),
        given_by=None if d["given_by"] is None else GivenBy(**d["given_by"]),
        missing=d["missing"],
        default=d["default"],
        error_id=ErrorId(d["error_id"]),
        word_type=d["word_type"],
        words=tuple(d["words"]),
        labels=tuple(d["labels"]),
        min=d["min"],
        max=d["max"],
        aliases=tuple(_alias(a) for a in d["aliases"]),
        part_of=d["part_of"],
        stored_as=d["stored_as"],
        element=d["element"],
        fills=d["fills"],
    )


#: Every subject, by name, in the order C++ declares them.
SUBJECTS: Mapping[str, Subject] = {
    name: Subject(s["name"], s["cpp"], s["doc"], s["link"], tuple(_field(f) for f in s["fields"]))
    for name, s in _core.schema().items()
}


def subject(name: str) -> Subject:
    """The subject named `name` (``"person"``, ``"stay"``, ``"facility"`` ...)."""
    return SUBJECTS[name]


PERSON = SUBJECTS["person"]
STAY = SUBJECTS["stay"]
DISABILITY_COMPONENT = SUBJECTS["disability_component"]
FACILITY = SUBJECTS["facility"]
HOUSEHOLD = SUBJECTS["household"]
WORKER = SUBJECTS["worker"]
