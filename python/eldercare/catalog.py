"""The policy catalog: every policy of the source documents, by stable id (POLICIES.md).

Each entry builds its policy on demand under *readings*: where a source leaves a question open
(back-pay, transfers, hospital stays, mountain towns, ages), each answer is a named choice, one of
them the documented default, all selectable per evaluation.

>>> import eldercare as ec
>>> entry = ec.catalog.entry("cn.beijing.xicheng.cross_region_care")
>>> entry.title, [v.label for v in entry.versions]
('西城区户籍老年人赴津冀蒙异地康养扶持办法', ['2020', '2023'])
>>> ec.catalog.reading("xicheng.back_pay").default
'none'
>>> policy = ec.catalog.policy(
...     "cn.beijing.xicheng.cross_region_care", readings={"xicheng.back_pay": "first_three_months"})
>>> policy.versions[0].arrears_months
3

- :func:`entries`, :func:`ids`, :func:`entry` (unknown id: :class:`~eldercare.PolicyLookupError`);
- :func:`readings`, :func:`reading`;
- :func:`policy` (persons and households), :func:`worker_policy`, :func:`event_policy` (skill
  competitions), :func:`norms` and :func:`assess` (service areas);
- :func:`evaluate` an id for a person (bundles add their components), a household, a worker or an
  event;
- :func:`stacking` and :func:`resolve` (which of a person's grants are paid together);
- :func:`rank` (waiting lists) and :func:`sensitivity` (which outcomes depend on which reading).
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _check, _core
from ._benefits import Citation, Parameter, format_fen
from ._calendar import DateLike
from ._decision import StackingTable, _catalog_policy, resolve_stacking
from ._errors import ErrorId, PolicyLookupError, invalid, invalid_type
from ._outcomes import Decision, StackedGrant
from ._population import Population
from ._rules import Policy
from ._subjects import CompetitionEvent, EventPolicy, NormResult, PlanningNorm, ServiceArea, Worker, WorkerPolicy
from ._values import Facility, FacilityRegistry, Household, Person, _facilities_arg

__all__ = [
    "CompetitionEvent",
    "Entry",
    "EventPolicy",
    "NormResult",
    "PlanningNorm",
    "RankedEntry",
    "Ranking",
    "Reading",
    "Resolution",
    "SensitivityReport",
    "ServiceArea",
    "Worker",
    "WorkerPolicy",
    "assess",
    "entries",
    "entry",
    "evaluate",
    "evaluate_components",
    "event_policy",
    "ids",
    "norms",
    "policy",
    "rank",
    "reading",
    "readings",
    "resolve",
    "sensitivity",
    "stacking",
    "worker_policy",
]

Readings = Optional[Mapping[str, str]]


@dataclass(frozen=True)
class Reading:
    """An open question of the sources, its choices and the documented default.

    Attributes
    ----------
    name : str
        E.g. ``"xicheng.back_pay"``.
    question : str
    choices : tuple of tuple[str, str]
        Each choice as ``(value, meaning)``.
        Empty for a free input (``enumerable`` False), such as a list of towns.
    default : str
    provenance : str
        Where the default comes from (stated, sourced, derived, assumed).
    rationale, reference : str
    enumerable : bool
        False for a free input; sensitivity analysis skips it.
    quote : str
        For a default that follows the text (provenance ``stated``): the seed's words it rests on.
    """

    name: str
    question: str
    choices: Tuple[Tuple[str, str], ...]
    default: str
    provenance: str
    rationale: str
    reference: str
    enumerable: bool
    quote: str = ""

    @classmethod
    def _from_core(cls, r: _core.reading) -> Reading:
        return cls(
            r.name,
            r.question,
            tuple((v, m) for v, m in r.choices),
            r.default,
            r.provenance,
            r.rationale,
            r.reference,
            r.enumerable,
            r.quote,
        )

    @property
    def values(self) -> Tuple[str, ...]:
        """The choices' values, default first."""
        rest = tuple(v for v, _ in self.choices if v != self.default)
        return (self.default, *rest) if self.enumerable else ()

    def to_dict(self) -> Dict[str, Any]:
        return {
            "name": self.name,
            "question": self.question,
            "choices": [{"value": v, "meaning": m} for v, m in self.choices],
            "default": self.default,
            "provenance": self.provenance,
            "rationale": self.rationale,
            "reference": self.reference,
            "enumerable": self.enumerable,
            "quote": self.quote,
        }


class Entry:
    """One catalog id: its metadata, and what it builds under readings.

    Attributes
    ----------
    id, title, jurisdiction, source, summary : str
    subject : str
        ``"person"``, ``"household"``, ``"worker"``, ``"area"`` or ``"event"``.
    readings : tuple of str
        Names of the readings it depends on (:func:`reading` describes each).
    components : tuple of str
        For a bundle, the ids of its component entries.
    examples : tuple of str
        Worked examples in words.
    """

    __slots__ = (
        "_impl",
        "components",
        "examples",
        "id",
        "jurisdiction",
        "readings",
        "source",
        "subject",
        "summary",
        "title",
    )

    def __init__(self, impl: _core.catalog_entry) -> None:
        self._impl = impl
        self.id: str = impl.id
        self.title: str = impl.title
        self.jurisdiction: str = impl.jurisdiction
        self.source: str = impl.source
        self.summary: str = impl.summary
        self.subject: str = impl.subject
        self.readings: Tuple[str, ...] = tuple(impl.readings)
        self.components: Tuple[str, ...] = tuple(impl.components)
        self.examples: Tuple[str, ...] = tuple(impl.examples)

    @property
    def is_bundle(self) -> bool:
        return bool(self.components)

    @property
    def kind(self) -> str:
        """What the entry builds: ``"policy"``, ``"worker_policy"``, ``"event_policy"``, ``"norms"`` or
        ``"bundle"``."""
        if self.is_bundle:
            return "bundle"
        if self._impl.has_policy:
            return "policy"
        if self._impl.has_worker_policy:
            return "worker_policy"
        return "event_policy" if self._impl.has_event_policy else "norms"

    def policy(self, readings: Readings = None) -> Policy:
        """The person (or household) policy under `readings` (see :func:`policy`)."""
        return policy(self.id, readings)

    def worker_policy(self, readings: Readings = None) -> WorkerPolicy:
        return worker_policy(self.id, readings)

    def event_policy(self, readings: Readings = None) -> EventPolicy:
        return event_policy(self.id, readings)

    def norms(self, readings: Readings = None) -> List[PlanningNorm]:
        return norms(self.id, readings)

    def _built(self, readings: Readings = None) -> List[Any]:
        """The policies (person, worker or event) this entry builds: its own, or its components'."""
        if self.is_bundle:
            return [x for c in self.components for x in entry(c)._built(readings)]
        if self._impl.has_policy:
            return [self.policy(readings)]
        if self._impl.has_worker_policy:
            return [self.worker_policy(readings)]
        if self._impl.has_event_policy:
            return [self.event_policy(readings)]
        return []

    @property
    def known_from(self) -> Optional[datetime.date]:
        """The first date the scheme is known (as encoded) when a source shows it existed earlier:
        evaluations before it are undetermined. None when a source dates the start."""
        dates = [p.known_from for p in self._built() if p.known_from is not None]
        return min(dates) if dates else None

    @property
    def status(self) -> str:
        """``"computable"``, or ``"announced"`` when the sources do not give what is needed."""
        built = self._built()
        if built and all(p.status == "announced" for p in built):
            return "announced"
        return "computable"

    @property
    def missing(self) -> str:
        """For an announced entry, what the sources leave out."""
        return "; ".join(p.missing for p in self._built() if p.missing)

    @property
    def versions(self) -> Tuple[Any, ...]:
        """The versions under the default readings (of every component, for a bundle)."""
        return tuple(v for p in self._built() for v in p.versions)

    def rules(self, readings: Readings = None) -> Tuple[Any, ...]:
        """Every rule of every version under `readings`."""
        return tuple(r for p in self._built(readings) for v in p.versions for r in v.rules)

    def parameters(self, readings: Readings = None) -> Any:
        """Every parameter with its provenance, as a DataFrame.

        Columns ``policy``, ``version``, ``rule`` (empty for a version parameter; the norm id for a
        planning norm), ``name``, ``value``, ``provenance``, ``note`` and ``quote`` (the seed's own
        words the value rests on; empty where none are quoted).
        """
        import pandas as pd

        rows: List[Dict[str, str]] = []

        def add(pid: str, version: str, rule: str, params: Iterable[Parameter]) -> None:
            for p in params:
                rows.append(
                    {
                        "policy": pid,
                        "version": version,
                        "rule": rule,
                        "name": p.name,
                        "value": p.value,
                        "provenance": p.provenance,
                        "note": p.note,
                        "quote": p.quote,
                    }
                )

        for pol in self._built(readings):
            for v in pol.versions:
                add(pol.id, v.label, "", v.parameters)
                for r in v.rules:
                    add(pol.id, v.label, r.id, r.parameters)
        if self._impl.has_norms:
            for n in self.norms(readings):
                rows.append(
                    {
                        "policy": self.id,
                        "version": "",
                        "rule": n.id,
                        "name": "ratio",
                        "value": f"{n.actual_name} ≥ {n.numerator}/{n.denominator} × {n.base_name}",
                        "provenance": n.provenance,
                        "note": n.title,
                        "quote": n.citation.key_phrase,
                    }
                )
        return pd.DataFrame(rows, columns=["policy", "version", "rule", "name", "value", "provenance", "note", "quote"])

    def citations(self, readings: Readings = None) -> List[Citation]:
        """The texts the entry encodes (versions, rules and norms), without repeats, in order."""
        out: List[Citation] = []
        for pol in self._built(readings):
            for v in pol.versions:
                for c in (v.citation, *(r.citation for r in v.rules)):
                    if c not in out and (c.document or c.key_phrase):
                        out.append(c)
        if self._impl.has_norms:
            for n in self.norms(readings):
                if n.citation not in out:
                    out.append(n.citation)
        return out

    def reading_details(self) -> List[Reading]:
        """The readings the entry depends on (with its components'), described."""
        names: List[str] = list(self.readings)
        for c in self.components:
            names.extend(n for n in entry(c).readings if n not in names)
        return [reading(n) for n in names]

    def to_dict(self, *, details: bool = True) -> Dict[str, Any]:
        """A JSON-ready description: metadata, versions, citations, readings and parameters."""
        out: Dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "jurisdiction": self.jurisdiction,
            "subject": self.subject,
            "kind": self.kind,
            "status": self.status,
            "source": self.source,
            "summary": self.summary,
            "components": list(self.components),
            "versions": [
                {
                    "label": v.label,
                    "effective_from": v.effective_from.isoformat(),
                    "effective_to": None if v.effective_to is None else v.effective_to.isoformat(),
                    "rules": [r.id for r in v.rules],
                }
                for v in self.versions
            ],
            "citations": [str(c) for c in self.citations()],
            "readings": list(self.readings),
        }
        if self.missing:
            out["missing"] = self.missing
        if self.known_from is not None:
            out["known_from"] = self.known_from.isoformat()
        if details:
            out["parameters"] = self.parameters().to_dict("records")
            out["examples"] = list(self.examples)
        return out

    def __repr__(self) -> str:
        return f"<catalog.Entry {self.id}: {self.title}>"

    def _repr_html_(self) -> str:
        e = html.escape
        versions = (
            ", ".join(f"{e(v.label)} ({v.effective_from}–{v.effective_to or ''})" for v in self.versions) or "none"
        )
        cites = "".join(f"<li>{e(str(c))}</li>" for c in self.citations())
        return (
            f'<div class="eldercare-entry"><p><b>{e(self.id)}</b> — {e(self.title)} '
            f"({e(self.jurisdiction)}; {e(self.subject)}, {e(self.status)})</p><p>{e(self.summary)}</p>"
            f"<p>versions: {versions}</p><p>readings: {e(', '.join(self.readings)) or 'none'}</p>"
            f"<ul>{cites}</ul></div>"
        )


def entries() -> List[Entry]:
    """Every catalog entry, in catalog order."""
    return [Entry(e) for e in _core.catalog_entries()]


#: What :func:`ids` filters an entry's kind on (:attr:`Entry.kind`).
KINDS: Tuple[str, ...] = ("policy", "bundle", "worker_policy", "event_policy", "norms")


def _words(value: Union[str, Iterable[str]], field: str, known: Sequence[str]) -> Tuple[str, ...]:
    items = (value,) if isinstance(value, str) else tuple(value)
    for i, w in enumerate(items):
        if w not in known:
            where = field if isinstance(value, str) else f"{field}[{i}]"
            invalid(ErrorId.INVALID_PARAMETER, where, str(w), "expected " + ", ".join(known))
    return items


def ids(
    subject: Union[str, Iterable[str], None] = None,
    *,
    computable: Optional[bool] = None,
    kind: Union[str, Iterable[str], None] = None,
) -> List[str]:
    """Catalog ids, in catalog order; every id unless filtered.

    Parameters
    ----------
    subject : str or iterable of str, optional
        Only entries about these subjects: ``"person"``, ``"household"``, ``"worker"``, ``"area"``,
        ``"event"``.
    computable : bool, optional
        True: only entries that can be computed; False: only announced ones (the sources leave out
        what is needed: see :attr:`Entry.missing`).
    kind : str or iterable of str, optional
        Only entries that build this (:attr:`Entry.kind`): ``"policy"`` (a person or household
        policy, what :func:`policy`, :func:`eldercare.evaluate` and :func:`eldercare.compare` take),
        ``"bundle"``, ``"worker_policy"``, ``"event_policy"``, ``"norms"``.

    Examples
    --------
    >>> import eldercare as ec
    >>> for id in ec.catalog.ids(subject="person", computable=True, kind="policy"):
    ...     policy = ec.catalog.policy(id)  # never "is a worker entry"
    """
    subjects = None if subject is None else _words(subject, "subject", _core.words["subject_kind"])
    kinds = None if kind is None else _words(kind, "kind", KINDS)
    if computable is not None and not isinstance(computable, bool):
        invalid_type("computable", computable, "expected True, False or None")
    out = []
    for impl in _core.catalog_entries():
        if subjects is not None and impl.subject not in subjects:
            continue
        e = Entry(impl)
        if kinds is not None and e.kind not in kinds:
            continue
        if computable is not None and (e.status == "computable") != computable:
            continue
        out.append(e.id)
    return out


def entry(id: str) -> Entry:
    """The entry with this id.

    Raises
    ------
    PolicyLookupError
        Naming the id (and the known ids) when there is none.
    """
    return Entry(_core.catalog_at(_id(id)))


def _id(id: Any) -> str:
    """A catalog id as an argument: text (with a UTF-8 form), else InvalidType naming ``id``."""
    if not isinstance(id, str):
        invalid_type("id", id, "expected a catalog id (text)")
    return _check.text(id, "id")


def readings() -> Dict[str, Reading]:
    """Every reading the catalog defines, by name."""
    return {r.name: Reading._from_core(r) for r in _core.catalog_readings()}


def reading(name: str) -> Reading:
    """The reading with this name (:class:`~eldercare.InvalidValue` naming it otherwise)."""
    all_readings = readings()
    if name not in all_readings:
        invalid(ErrorId.INVALID_PARAMETER, "reading", name, "no such reading; known: " + ", ".join(all_readings))
    return all_readings[name]


def policy(id: str, readings: Readings = None) -> Policy:
    """The policy of a person (or household) entry under `readings`.

    Parameters
    ----------
    id : str
        A catalog id.
    readings : dict of str to str, optional
        Reading name -> chosen value; anything not given takes its default. An unknown reading or
        value raises :class:`~eldercare.InvalidValue` naming ``readings.<name>``.

    Returns
    -------
    Policy
        Usable with :func:`eldercare.evaluate`, :func:`eldercare.schedule`, :func:`eldercare.reform`
        and :func:`eldercare.evaluate_population`.

    Raises
    ------
    PolicyLookupError
        For an unknown id, or an entry that builds no person policy (a bundle, a worker or an area
        entry: the message says which).
    """
    return _catalog_policy(_id(id), readings)


def worker_policy(id: str, readings: Readings = None) -> WorkerPolicy:
    """The policy of a worker entry (Xicheng's high-skill talent, Weihai's care workers)."""
    return WorkerPolicy(_core.catalog_worker_policy(_id(id), readings))


def event_policy(id: str, readings: Readings = None) -> EventPolicy:
    """The policy of an event entry (Xicheng's subsidy for skill competitions and exhibitions)."""
    return EventPolicy(_core.catalog_event_policy(id, readings))


def norms(id: str, readings: Readings = None) -> List[PlanningNorm]:
    """The planning norms of an area entry (``cn.beijing.xicheng.planning_norms``, ...)."""
    return [PlanningNorm(n) for n in _core.catalog_norms(_id(id), readings)]


def assess(id: str, area: ServiceArea, readings: Readings = None) -> List[NormResult]:
    """Every norm of an area entry assessed for `area`: requirement, supply and gap."""
    return [n.assess(area) for n in norms(id, readings)]


def evaluate(
    id: str,
    subject: Union[Person, Household, Worker, CompetitionEvent],
    on: DateLike,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Readings = None,
) -> Decision:
    """Evaluate a catalog entry for a person, a household, a worker or an event.

    A person bundle (``cn.beijing.elderly_allowances``) evaluates its components and adds their
    grants (rule ids prefixed ``<component>/``), as the C++ catalog does. For the components of a
    worker bundle one by one, see :func:`evaluate_components`.
    """
    id = _id(id)
    if isinstance(subject, Person):
        return Decision._from_core(_core.catalog_evaluate(id, subject._impl, on, _facilities_arg(facilities), readings))
    if isinstance(subject, Household):
        return policy(id, readings).evaluate(subject, on, facilities)
    if isinstance(subject, Worker):
        e = entry(id)
        if e.is_bundle:
            raise PolicyLookupError(
                f"{id} is a bundle of worker policies whose grants are not added: use evaluate_components()",
                error_id=ErrorId.UNKNOWN_POLICY,
            )
        return worker_policy(id, readings).evaluate(subject, on)
    if isinstance(subject, CompetitionEvent):
        return event_policy(id, readings).evaluate(subject, on)
    invalid_type("subject", subject, "expected a Person, a Household, a Worker or a CompetitionEvent")


def evaluate_components(
    id: str,
    subject: Union[Person, Household, Worker],
    on: DateLike,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Readings = None,
) -> List[Decision]:
    """One decision per component of a bundle (or the entry's own decision, in a list)."""
    e = entry(id)
    return [evaluate(c, subject, on, facilities, readings) for c in (e.components or (id,))]


def stacking(readings: Readings = None) -> StackingTable:
    """The catalog's declared stacking (叠加 / 择高 / 不得同时享受) under `readings`."""
    table = StackingTable.__new__(StackingTable)
    table._impl = _core.catalog_stacking(readings)
    return table


@dataclass(frozen=True)
class Resolution:
    """A person's catalog decisions on one date, and what is paid of each after stacking.

    Attributes
    ----------
    decisions : tuple of Decision
    grants : tuple of StackedGrant
        One per decision, in the same order.
    """

    decisions: Tuple[Decision, ...]
    grants: Tuple[StackedGrant, ...]

    @property
    def paid(self) -> Tuple[StackedGrant, ...]:
        return tuple(g for g in self.grants if g.paid)

    @property
    def total_fen(self) -> Dict[str, int]:
        """Money paid after stacking, in fen, by period (``{"per_month": 70000}``)."""
        out: Dict[str, int] = {}
        for g in self.paid:
            if g.granted is not None and g.granted.is_money:
                out[g.granted.period] = out.get(g.granted.period, 0) + g.granted.amount_fen
        return out

    def to_frame(self) -> Any:
        import pandas as pd

        return pd.DataFrame(
            {
                "policy": [d.policy_id for d in self.decisions],
                "eligible": [d.eligible for d in self.decisions],
                "granted": [None if d.granted is None else str(d.granted) for d in self.decisions],
                "amount_fen": [d.amount_fen for d in self.decisions],
                "paid": [g.paid for g in self.grants],
                "reason": [g.reason for g in self.grants],
            }
        )

    def __str__(self) -> str:
        lines = []
        for d, g in zip(self.decisions, self.grants):
            if d.eligible:
                lines.append(f"{'✓' if g.paid else '✗'} {d.policy_id}: {d.granted} — {g.reason}")
        return "\n".join(lines) or "no grants"


def _person_policy_ids() -> List[str]:
    return [e.id for e in _core.catalog_entries() if e.has_policy and e.subject == "person"]


def resolve(
    person: Person,
    on: DateLike,
    ids: Optional[Sequence[str]] = None,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    readings: Readings = None,
) -> Resolution:
    """Evaluate several entries for a person and apply the catalog's stacking between them.

    Parameters
    ----------
    person : Person
    on : datetime.date or str
    ids : sequence of str, optional
        The entries (default: every person policy of the catalog, bundles excluded since their
        components are listed).
    facilities, readings
        As for :func:`evaluate`; `readings` also choose stacking modes tied to readings.
    """
    chosen = list(ids) if ids is not None else _person_policy_ids()
    decisions = [evaluate(i, person, on, facilities, readings) for i in chosen]
    return Resolution(tuple(decisions), tuple(resolve_stacking(decisions, stacking(readings))))


@dataclass(frozen=True)
class RankedEntry:
    """One applicant's place: position (0 when not ranked), points, tie-break facts and the decision."""

    position: int
    subject_id: str
    points: int
    applied_on: Optional[datetime.date]
    birth_date: Optional[datetime.date]
    decision: Decision


class Ranking(tuple):
    """A waiting list in order (a tuple of :class:`RankedEntry`); ``str()`` explains it."""

    _text: str

    def __str__(self) -> str:
        return self._text

    def to_frame(self) -> Any:
        import pandas as pd

        return pd.DataFrame(
            {
                "position": [e.position for e in self],
                "id": [e.subject_id for e in self],
                "points": [e.points for e in self],
                "applied_on": [e.applied_on for e in self],
                "birth_date": [e.birth_date for e in self],
                "granting_rules": [",".join(e.decision.granting_rules) for e in self],
            }
        )


def rank(
    policy_or_id: Union[str, Policy],
    applicants: Sequence[Person],
    on: DateLike,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    applied_on: Optional[Mapping[str, DateLike]] = None,
    readings: Readings = None,
) -> Ranking:
    """Rank applicants by a points policy (``cn.shaanxi.xian.public_home_waitlist``).

    Eligible applicants first, more points first, then the earlier application date, the older
    applicant, the id. Every place keeps its decision, so it can be explained.
    """
    pol = policy_or_id if isinstance(policy_or_id, Policy) else policy(policy_or_id, readings)
    people = list(applicants)
    for i, p in enumerate(people):
        if not isinstance(p, Person):
            invalid_type(f"applicants[{i}]", p, "expected a Person")
    ranked = _core.rank(pol._impl, [p._impl for p in people], on, _facilities_arg(facilities), dict(applied_on or {}))
    out = Ranking(
        RankedEntry(r.position, r.subject_id, r.points, r.applied_on, r.birth_date, Decision._from_core(r.why))
        for r in ranked
    )
    out._text = _core.explain_ranking(ranked)
    return out


class SensitivityReport:
    """An entry evaluated under every combination of its open readings over a population.

    Attributes
    ----------
    policy_id : str
    on : datetime.date
    readings : tuple of str
        The readings varied.
    persons, persons_undecided : int
        Persons evaluated, and those whose outcome differs between combinations.
    undecided_person_ids : tuple of str
    min_total_fen, max_total_fen : int
        The range of the total over combinations.
    default_total_fen : int
        The total under the default readings.
    default_undetermined : int
        Persons undetermined under the default readings (before a scheme's first known date): their
        unknown amounts are not in the totals.
    """

    def __init__(self, impl: _core.sensitivity_report) -> None:
        self._impl = impl
        self.policy_id: str = impl.policy_id
        self.on: datetime.date = impl.on
        self.readings: Tuple[str, ...] = tuple(impl.readings)
        self.persons: int = impl.persons
        self.persons_undecided: int = impl.persons_undecided
        self.undecided_person_ids: Tuple[str, ...] = tuple(impl.undecided_person_ids)
        self.min_total_fen: int = impl.min_total_fen
        self.max_total_fen: int = impl.max_total_fen
        self.default_total_fen: int = impl.combinations[impl.default_combination].total_fen
        self.default_undetermined: int = impl.combinations[impl.default_combination].undetermined

    def to_frame(self, what: str = "combinations") -> Any:
        """A DataFrame of the ``"combinations"`` (one row each: a column per reading, ``eligible``,
        ``undetermined`` (persons whose outcome is unknown), ``total_fen``, ``other_quantity``,
        ``is_default``) or of the ``"effects"`` (one row per
        reading: ``values``, ``total_with_defaults_fen``, ``max_total_change_fen``,
        ``persons_affected``)."""
        import pandas as pd

        if what == "combinations":
            rows = []
            for i, c in enumerate(self._impl.combinations):
                row: Dict[str, Any] = {name: c.readings.get(name, "") for name in self.readings}
                row.update(
                    eligible=c.eligible,
                    undetermined=c.undetermined,
                    total_fen=c.total_fen,
                    other_quantity=c.other_quantity,
                    is_default=i == self._impl.default_combination,
                )
                rows.append(row)
            return pd.DataFrame(
                rows,
                columns=[*self.readings, "eligible", "undetermined", "total_fen", "other_quantity", "is_default"],
            )
        if what == "effects":
            return pd.DataFrame(
                {
                    "reading": [e.reading for e in self._impl.effects],
                    "values": [tuple(e.values) for e in self._impl.effects],
                    "total_with_defaults_fen": [tuple(e.total_with_defaults_fen) for e in self._impl.effects],
                    "max_total_change_fen": [e.max_total_change_fen for e in self._impl.effects],
                    "persons_affected": [e.persons_affected for e in self._impl.effects],
                }
            )
        invalid(ErrorId.INVALID_PARAMETER, "what", what, "expected 'combinations' or 'effects'")

    def effects_frame(self) -> Any:
        """Same as ``to_frame("effects")``."""
        return self.to_frame("effects")

    def __str__(self) -> str:
        return self._impl.to_string()

    def __repr__(self) -> str:
        return (
            f"<SensitivityReport {self.policy_id}: {len(self._impl.combinations)} combinations, total "
            f"{format_fen(self.min_total_fen)}–{format_fen(self.max_total_fen)} yuan>"
        )


def sensitivity(
    id: str,
    persons: Any,
    on: DateLike,
    facilities: Union[FacilityRegistry, Iterable[Facility], None] = None,
    period: Optional[Tuple[DateLike, DateLike]] = None,
    fixed: Readings = None,
    *,
    max_combinations: int = 1 << 14,
) -> SensitivityReport:
    """Evaluate an entry under every combination of its open readings and report what depends on which.

    Parameters
    ----------
    id : str
    persons : sequence of Person, Population, or a DataFrame in the flat schema
    on : datetime.date or str
    facilities : FacilityRegistry or iterable of Facility, optional
    period : (first, last), optional
        Measure money over the schedule of these months (so readings that act on schedules, such
        as back-pay, show up); by default, the money per period on `on`.
    fixed : dict of str to str, optional
        Readings held at these values (not varied).
    max_combinations : int
        Refuse to enumerate more combinations than this.
    """
    if isinstance(persons, (list, tuple)) and all(isinstance(p, Person) for p in persons):
        core_persons = [p._impl for p in persons]
    else:
        core_persons = Population.of(persons, facilities=facilities)._impl.persons()
    first, last = (None, None) if period is None else period
    return SensitivityReport(
        _core.catalog_sensitivity(
            id, core_persons, on, _facilities_arg(facilities), first, last, fixed, max_combinations
        )
    )
