"""The ``eldercare`` command line (also ``python -m eldercare``).

Verbs::

    eldercare catalog [--json]                               the policies of the catalog
    eldercare evaluate --policy ID --on DATE FILE            decisions as JSON
    eldercare explain --policy ID --on DATE FILE --person ID  one decision in words
    eldercare simulate [--data FILE] [--from YYYY-MM] [--months N] [--out DIR]
                                                             the catalog over a population, month by month

FILE is the JSON interchange format (POLICIES.md), or CSV / Parquet in the flat schema of
FILE is the JSON interchange format (POLICIES.md), or CSV / Parquet in the flat schema of
:func:`eldercare.evaluate_population`, or an Excel workbook (``.xlsx``, ``--sheet`` to choose the
sheet) whose Chinese headers (身份证号, 户籍地, 入住日期 ...) the schema declares (with
``--facilities`` and ``--stays`` files where needed). A policy that reads what the input lacks (a
column, the facility registry, a stay's facility) is an error unless ``--missing absent``. Bad input
exits with status 2 and one line on stderr naming the field, the row or person (the sheet's cell for
a spreadsheet), and the value; an internal error (a bug in eldercare) exits with status 3 and one line
asking for a report. No traceback is ever printed, and library warnings never reach stderr. ``--help``
describes each verb.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import sys
import warnings
from typing import Any, Dict, List, NoReturn, Optional, Sequence, Tuple

from . import _core, catalog
from ._errors import ErrorId, InvalidValue, PolicyLookupError, invalid
from ._outcomes import Decision
from ._population import Population, _Target
from ._population import _check_inputs as _check_population_inputs
from ._values import FacilityRegistry, Household, Person, _facilities_arg
from .io import load_cases, read_facilities, read_population, read_table
from .simulate import sample_population_path, simulate

__all__ = ["main"]

EXIT_BAD_INPUT = 2
#: A failure that is eldercare's own, not the input's: one line asking for a report.
EXIT_INTERNAL = 3


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


class _BadInput(Exception):
    """A bad input found by the command line itself (an unreadable file, an unknown person)."""


# --- inputs ---------------------------------------------------------------------------------------


def _date(text: str, option: str) -> datetime.date:
    return _core.to_date(text, option)


def _month(text: str, option: str) -> datetime.date:
    parts = text.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        invalid(ErrorId.INVALID_DATE, option, text, "expected a month as YYYY-MM")
    return _core.make_date(int(parts[0]), int(parts[1]), 1, option)


def _readings(items: Optional[Sequence[str]]) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        if not sep or not name:
            invalid(ErrorId.INVALID_PARAMETER, "--reading", item, "expected NAME=VALUE")
        out[name.strip()] = value.strip()
    _core.check_readings(out)  # unknown names and values fail here, naming them
    return out


def _facilities(path: Optional[str]) -> Optional[FacilityRegistry]:
    """Facilities from a JSON interchange file, or a table (CSV, Parquet, .xlsx) with a column per fact
    of a facility (eldercare.io.read_facilities)."""
    if path is None:
        return None
    if not os.path.exists(path):
        raise _BadInput(f"cannot read {path}: no such file")
    return read_facilities(path)


def _load(args: argparse.Namespace, path: str) -> Tuple[Any, Optional[FacilityRegistry]]:
    """The population and facilities of FILE (JSON interchange, CSV, Parquet or .xlsx)."""
    if not os.path.exists(path):
        raise _BadInput(f"cannot read {path}: no such file")
    if pathlib.Path(path).suffix.lower() == ".json":
        if args.stays is not None:
            raise _BadInput("--stays is for table input: JSON persons carry their stays")
        cases = load_cases(path, hukou_from_id=args.hukou_from_id)
        in_file = cases.facilities
        extra = _facilities(args.facilities)
        if extra is not None:
            in_file = in_file.with_facilities(*extra)
            for p in cases.persons:
                p.validate(in_file)
        return Population(cases.persons), in_file
    registry = _facilities(args.facilities)
    if args.stays is not None and not os.path.exists(args.stays):
        raise _BadInput(f"cannot read {args.stays}: no such file")
    stays = read_table(args.stays) if args.stays is not None else None
    population = read_population(
        path, sheet=args.sheet, stays=stays, facilities=registry, hukou_from_id=args.hukou_from_id
    )
    return population, registry


def _check_inputs(
    args: argparse.Namespace,
    population: Any,
    registry: Optional[FacilityRegistry],
    first: datetime.date,
    last: datetime.date,
    readings: Dict[str, str],
) -> None:
    """No silent zeros: what the policy reads and the input lacks is an error unless --missing absent."""
    _check_population_inputs(
        _Target(args.policy, readings), population, _facilities_arg(registry), first, last, args.missing
    )


# --- output ---------------------------------------------------------------------------------------


def _result(d: Decision, members: Optional[List[str]] = None) -> Dict[str, Any]:
    reasons = []
    for rule in d.rules:
        for r in rule.reasons:
            item = {"rule": rule.rule_id, **r.to_dict()}
            reasons.append(item)
    out: Dict[str, Any] = {
        "person": d.subject_id,
        "eligible": d.eligible,
        "amount_fen": d.amount_fen,
        "granted": None
        if d.granted is None
        else {
            "unit": d.granted.unit,
            "period": d.granted.period,
            "quantity": d.granted.quantity,
            "text": str(d.granted),
        },
        "status": d.status,
        "status_note": d.status_note,
        "version": d.version_label,
        "granting_rules": list(d.granting_rules),
        "first_failing_condition": d.first_failing_condition,
        "would_be_eligible_on": None if d.would_be_eligible_on is None else d.would_be_eligible_on.isoformat(),
        "reasons": reasons,
    }
    if members is not None:
        out["members"] = members
    return out


def _decisions(
    policy: str,
    persons: List[Person],
    on: datetime.date,
    registry: Optional[FacilityRegistry],
    readings: Dict[str, str],
) -> List[Tuple[Decision, Optional[List[str]]]]:
    entry = catalog.entry(policy)
    if entry.subject == "household":
        groups: Dict[str, List[Person]] = {}
        for p in persons:
            groups.setdefault(p.household_id or p.id, []).append(p)
        return [
            (catalog.evaluate(policy, Household(hid, members), on, registry, readings), [m.id for m in members])
            for hid, members in groups.items()
        ]
    if entry.subject != "person":
        raise PolicyLookupError(
            f"{policy} is a {entry.subject} entry: the command line evaluates person and household policies",
            error_id=ErrorId.UNKNOWN_POLICY,
        )
    return [(catalog.evaluate(policy, p, on, registry, readings), None) for p in persons]


# --- verbs -----------------------------------------------------------------------------------------


def _cmd_catalog(args: argparse.Namespace) -> int:
    entries = catalog.entries()
    if args.json:
        json.dump([e.to_dict(details=args.details) for e in entries], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    width = max(len(e.id) for e in entries)
    for e in entries:
        versions = ", ".join(f"{v.label} from {v.effective_from}" for v in e.versions) or "-"
        if e.known_from is not None:
            versions += f" (known from {e.known_from}; earlier dates undetermined)"
        status = "" if e.status == "computable" else f" [{e.status}]"
        print(f"{e.id:<{width}}  {e.subject:<9} {e.title}{status}")
        print(f"{'':<{width}}  {'':<9} versions: {versions}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    on = _date(args.on, "--on")
    readings = _readings(args.reading)
    catalog.entry(args.policy)
    population, registry = _load(args, args.file)
    _check_inputs(args, population, registry, on, on, readings)
    persons = population.persons()
    results = [_result(d, m) for d, m in _decisions(args.policy, persons, on, registry, readings)]
    out = {"policy": args.policy, "on": on.isoformat(), "readings": readings, "results": results}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2 if args.indent else None)
    sys.stdout.write("\n")
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    on = _date(args.on, "--on")
    readings = _readings(args.reading)
    catalog.entry(args.policy)
    population, registry = _load(args, args.file)
    _check_inputs(args, population, registry, on, on, readings)
    persons = population.persons()
    chosen = [p for p in persons if p.id == args.person]
    if not chosen:
        raise _BadInput(f"no person '{args.person}' in {args.file}")
    person = chosen[0]
    entry = catalog.entry(args.policy)
    if entry.subject == "household" and person.household_id:
        members = [p for p in persons if p.household_id == person.household_id]
        decision = catalog.evaluate(args.policy, Household(person.household_id, members), on, registry, readings)
    else:
        decision = _decisions(args.policy, [person], on, registry, readings)[0][0]
    print(decision.explain())
    return 0


def _cmd_simulate(args: argparse.Namespace) -> int:
    first = _month(args.from_month, "--from")
    if args.months < 1 or args.months > 600:
        invalid(ErrorId.INVALID_PERIOD, "--months", args.months, "must be 1 to 600")
    readings = _readings(args.reading)
    registry: Optional[FacilityRegistry]
    if args.data is None:
        persons, registry = _sample()
        population: Any = persons
        source = "the bundled sample population"
    else:
        population, registry = _load(args, args.data)
        source = args.data
    result = simulate(
        population,
        registry,
        first,
        args.months,
        readings=readings,
        progress=None if args.no_progress else sys.stderr,
        missing=args.missing,
    )
    print(
        f"eldercare {_core.__version__}: the catalog over {source} ({len(population)} persons), "
        f"{result.first:%Y-%m} to {result.last:%Y-%m}"
    )
    print(result.table())
    if args.out is not None:
        written = result.write(pathlib.Path(args.out))
        for path in written:
            print(f"wrote {path}")
    return 0


def _sample() -> Tuple[List[Person], FacilityRegistry]:
    cases = load_cases(sample_population_path())
    return cases.persons, cases.facilities


# --- the parser ------------------------------------------------------------------------------------


def _add_input(p: argparse.ArgumentParser, file_required: bool = True) -> None:
    if file_required:
        p.add_argument(
            "file",
            metavar="FILE",
            help="persons: JSON interchange format, CSV/Parquet (flat schema) or an .xlsx workbook (Chinese "
            "headers such as 身份证号, 户籍地, 入住日期 are read as their facts: see docs/schema.md)",
        )
    p.add_argument("--sheet", metavar="NAME", help="the sheet of an .xlsx FILE (default: the first)")
    p.add_argument("--facilities", metavar="FILE", help="facilities for table input (JSON, CSV, Parquet or .xlsx)")
    p.add_argument("--stays", metavar="FILE", help="stays for table input: person_id, facility, admitted, discharged")
    p.add_argument(
        "--missing",
        choices=("error", "absent"),
        default="error",
        help="what a policy reads and the input lacks (a column, the facilities, a stay's facility): an error "
        "(default), or taken as absent (no value; a stay in an unknown facility counts for nothing)",
    )
    p.add_argument(
        "--hukou-from-id",
        action="store_true",
        help="let the region that issued an id_number (its first 6 digits, the place of first registration) "
        "stand in for a missing hukou region",
    )
    p.add_argument(
        "--reading",
        metavar="NAME=VALUE",
        action="append",
        help="choose a reading (repeatable); others take their default",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="eldercare",
        description="Chinese eldercare subsidy rules (养老服务补贴): the policy catalog, evaluations with "
        "explanations, and simulations over a population.",
    )
    parser.add_argument("--version", action="version", version=f"eldercare {_core.__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    verbs.required = True

    p = verbs.add_parser("catalog", help="list the catalog's policies", description="List the catalog's policies.")
    p.add_argument("--json", action="store_true", help="a JSON list of objects (id, title, versions, citations, ...)")
    p.add_argument("--details", action="store_true", help="with --json: also parameters and worked examples")
    p.set_defaults(run=_cmd_catalog)

    p = verbs.add_parser(
        "evaluate",
        help="evaluate a policy for every person of a file (JSON out)",
        description='Evaluate a catalog policy for every person in FILE on a date; prints {"results": [...]} with '
        "each person's eligibility, amount in fen and the reasons.",
    )
    p.add_argument("--policy", required=True, metavar="ID", help="a catalog id (see: eldercare catalog)")
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="the evaluation date")
    p.add_argument("--indent", action="store_true", help="indent the JSON")
    _add_input(p)
    p.set_defaults(run=_cmd_evaluate)

    p = verbs.add_parser(
        "explain",
        help="explain one person's decision in words",
        description="Explain, in words, the decision of a catalog policy for one person of FILE: every rule, "
        "every condition with the facts it read, the citation, and when a failing duration would be met.",
    )
    p.add_argument("--policy", required=True, metavar="ID", help="a catalog id")
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="the evaluation date")
    p.add_argument("--person", required=True, metavar="ID", help="the person's id in FILE")
    _add_input(p)
    p.set_defaults(run=_cmd_explain)

    p = verbs.add_parser(
        "simulate",
        help="every computable policy over a population, month by month",
        description="Run every computable person and household policy of the catalog over a population "
        "(by default the bundled synthetic sample) month by month; print a summary table (policy, persons "
        "eligible, total yuan) and, with --out, write it as CSV with the monthly totals and a chart (PNG).",
    )
    p.add_argument("--data", metavar="FILE", help="persons (JSON, CSV or Parquet); default: the bundled sample")
    p.add_argument(
        "--from", dest="from_month", default="2024-01", metavar="YYYY-MM", help="first month (default 2024-01)"
    )
    p.add_argument("--months", type=int, default=12, metavar="N", help="number of months (default 12)")
    p.add_argument("--out", metavar="DIR", help="write summary.csv, monthly.csv and simulate.png here")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    _add_input(p, file_required=False)
    p.set_defaults(run=_cmd_simulate)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status: 0, 2 for bad input (one line on stderr naming
    the field and the value), 3 for an internal error (one line asking for a report). It never
    prints a traceback, and warnings from libraries (numpy, pandas) never reach stderr."""
    parser = build_parser()
    args = parser.parse_args(argv)
    prog = f"eldercare {args.verb}"
    status = EXIT_BAD_INPUT
    with warnings.catch_warnings():
        # A library's warning is no message for the user: the output, or one line, says it all.
        warnings.simplefilter("ignore")
        try:
            return int(args.run(args))
        except (InvalidValue, PolicyLookupError, _BadInput) as e:
            message = str(e)
        except FileNotFoundError as e:
            message = f"cannot read {e.filename}: no such file"
        except IsADirectoryError as e:
            message = f"cannot read {e.filename}: it is a directory"
        except PermissionError as e:
            message = f"cannot read {e.filename}: permission denied"
        except UnicodeError as e:  # a file that is not UTF-8 text
            message = f"bad input: not UTF-8 text ({e})"
        except RecursionError:
            message = "bad input: nested too deeply to read"
        except BrokenPipeError:  # pragma: no cover - e.g. piped into head
            return 0
        except KeyboardInterrupt:  # pragma: no cover - interrupted by the user
            sys.stderr.write(f"{prog}: interrupted\n")
            return 130
        except Exception as e:  # one line, never a traceback
            if _input_error(e):  # a malformed CSV or Parquet file, raised by pandas or pyarrow
                message = f"bad input: {type(e).__name__}: {e}"
            else:
                status = EXIT_INTERNAL
                message = (
                    f"internal error ({type(e).__name__}: {e}); this is a bug in eldercare {_core.__version__}, "
                    "please report it to the eldercare maintainers with the command and its input"
                )
    text = " ".join(message.split())
    if len(text) > 1000:
        text = text[:1000] + f"… ({len(text)} characters)"
    sys.stderr.write(f"{prog}: error: {text.encode('utf-8', 'backslashreplace').decode('utf-8')}\n")
    return status


def _input_error(e: BaseException) -> bool:
    """Whether `e` says the input is malformed: a CSV or Parquet file the readers refuse, an OS error
    reading it. Anything else is eldercare's own failure."""
    if isinstance(e, OSError):
        return True
    module = type(e).__module__
    if module.startswith(("pandas", "pyarrow")) and isinstance(e, (ValueError, LookupError, TypeError)):
        return True
    return type(e).__name__ in ("ParserError", "EmptyDataError", "ArrowInvalid", "ArrowTypeError")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
