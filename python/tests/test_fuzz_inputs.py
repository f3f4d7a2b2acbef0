"""Property-based fuzzing of every input boundary (issue 11): odd values in every column of the flat
schema, through every input form (dict of lists, numpy arrays, DataFrame, Arrow, CSV, JSON, Person
values). Each case must end in one of three ways:

* no crash (the crash-detecting run below executes the cases in a subprocess);
* an InvalidValue (a ValueError) naming the field (the column, with the row and the person) and the
  value, never another exception kind;
* a population whose evaluation equals the per-person path's (catalog.evaluate person by person).

The cases are drawn by hypothesis in process, and, for the crash-detecting run, by a seeded
random.Random in a fresh interpreter (``python test_fuzz_inputs.py SEED COUNT``), so that a crash of
the binding fails the test, naming the case, instead of killing pytest.
"""

from __future__ import annotations

import datetime
import decimal
import io
import json
import math
import os
import pathlib
import random
import subprocess
import sys
import warnings
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pyarrow as pa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import eldercare as ec
from eldercare._schema import PERSON

POLICY = "cn.beijing.elderly_allowances.disability_care"  # reads ages, hukou, ability, disability, categories
ON = "2024-06-30"
FACILITIES = ec.FacilityRegistry([ec.Facility("F1", "110102", filing=ec.Filing("110102", "2000-01-01"))])
FORMS = ("dict", "numpy", "frame", "arrow", "csv", "json", "persons")
COLUMNS = (*(f.column for f in PERSON if f.column != "id"), "id", "rural", "mental_illness")

#: Values that make the other columns of a fact's group meaningful (an assessment needs a level).
COMPANIONS: Dict[str, Dict[str, Any]] = {
    "ability": {"ability_level": 2},
    "disability": {"disability_category": "multiple", "disability_grade": 2},
}
VALID: Dict[str, Any] = {
    "id": "p0",
    "birth_date": "1940-01-01",
    "hukou_region": 110102,
    "residence_region": 110102,
}

# Odd values of every kind: text, numbers at and past every limit, dates with and without a time,
# containers, objects. Hypothesis draws from these and from its own integers, floats and text.
ODD: List[Any] = [
    None,
    float("nan"),
    float("inf"),
    -float("inf"),
    -1,
    -1.0,
    0,
    1,
    2,
    4,
    5,
    2.5,
    1e20,
    1e300,
    -3.0,
    2**31,
    2**32,
    2**53 + 1,
    2**63 - 1,
    2**63,
    2**64 - 1,
    2**64,
    -(2**63),
    10**30,
    True,
    False,
    "",
    " ",
    "x",
    "\ud800",
    "a\ud800b",
    "x" * 5000,
    "110102",
    "110102.0",
    "1e5",
    "2023-02-30",
    "2024-01-01",
    "1799-12-31",
    "2401-01-01",
    "dibao",
    "dibao,tekun",
    "dibao,,",
    "gout",
    "visual:1,hearing:2",
    "visual:9",
    "[1, 2]",
    "['x']",
    "{}",
    "null",
    "肢体残疾",
    "\x00",
    "\n",
    "九",
    datetime.date(2020, 1, 1),
    datetime.date(1800, 1, 1),
    datetime.datetime(2020, 1, 1, 12, 30),
    datetime.datetime(2020, 1, 1),
    pd.Timestamp("2020-01-01 08:00"),
    np.datetime64("2020-01-01"),
    np.datetime64("9999-12-31"),
    np.int64(-1),
    np.uint64(2**64 - 1),
    np.float32(0.1),
    np.nan,
    [],
    ["dibao"],
    [1, 2],
    [None],
    {"facility": "F1"},
    [{"facility": "F1", "admitted": "2020-01-01"}],
    [{"facility": "F1", "admitted": "1900-01-01", "discharged": "1890-01-01"}],
    [{"x": 1}],
    [[[]]],
    (1, 2),
    {"a": 1},
    object(),
    b"bytes",
    complex(1, 2),
    decimal.Decimal("1.5"),
    decimal.Decimal("NaN"),
]


def odd_values() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(ODD),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=40),
        st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)),
    )


# --- one case: an odd value in one column of one input form ----------------------------------------------


def rows_with(column: str, value: Any) -> List[Dict[str, Any]]:
    """Two rows: row 0 with `value` in `column`, row 1 valid; each with the columns `column` needs."""
    group = next((f.group for f in PERSON if f.column == column), None)
    extra = dict(COMPANIONS.get(group or "", {}))
    extra.pop(column, None)
    first = {**VALID, **extra, column: value}
    second = {**VALID, **extra, "id": "p1"}
    if column in ("id",):
        second["id"] = "p1"
    return [first, second]


def table_of(rows: List[Dict[str, Any]], form: str, tmp: pathlib.Path) -> Any:
    """The rows in one input form (raises InvalidValue itself for json and persons)."""
    columns = {c: [r.get(c) for r in rows] for c in rows[0]}
    if form == "dict":
        return columns
    if form == "numpy":
        out: Dict[str, Any] = {}
        for c, v in columns.items():
            try:
                out[c] = np.array(v)
            except (ValueError, TypeError, OverflowError):  # numpy has no array for these cells
                out[c] = np.array(v, dtype=object) if not isinstance(v[0], (list, tuple)) else v
        return out
    frame = pd.DataFrame({c: pd.Series(v, dtype=object) for c, v in columns.items()})
    if form == "frame":
        return frame.infer_objects()
    if form == "arrow":
        return pa.Table.from_pandas(frame.infer_objects(), preserve_index=False)
    if form == "csv":
        text = frame.to_csv(index=False)
        return pd.read_csv(io.StringIO(text))
    raise AssertionError(form)


def json_record(row: Dict[str, Any]) -> Dict[str, Any]:
    """A row as a JSON interchange record (the facts nested by their names)."""
    out: Dict[str, Any] = {}
    for column, value in row.items():
        f = next((f for f in PERSON if f.column == column), None)
        if f is None:  # an alias column: the JSON key of its fact's word, or unknown
            out[column] = value
            continue
        node = out
        for part in f.path[:-1]:
            node = node.setdefault(part, {})
        node[f.path[-1]] = value
    return out


def person_of(row: Dict[str, Any]) -> ec.Person:
    """A row as a Person built from its values (the value classes' own checks)."""
    record = json_record(row)
    ability = record.pop("ability", None)
    disability = record.pop("disability", None)
    kwargs: Dict[str, Any] = {}
    if ability is not None:
        level = ability.pop("level", None)
        on = ability.pop("assessed_on", None) or row["birth_date"]
        kwargs["ability"] = ec.Assessment(
            level, on, **{k: v for k, v in ability.items() if k != "raw_score" or v is not None}
        )
    if disability is not None:
        kwargs["disability"] = ec.DisabilityCertificate(
            disability.get("category"), disability.get("grade"), components=disability.get("components") or ()
        )
    hukou = record.pop("hukou")
    residence = record.pop("residence")
    known = set(PERSON.attributes) - {"id", "birth_date", "hukou", "residence", "ability", "disability"}
    for k in known & set(record):
        v = record[k]
        if k == "stays" and isinstance(v, list):  # stays as Stay values where they have a Stay's fields
            v = [
                ec.Stay(s.get("facility"), s.get("admitted"), s.get("discharged"))
                if isinstance(s, dict) and set(s) <= {"facility", "admitted", "discharged"}
                else s
                for s in v
            ]
        kwargs[k] = v
    assert set(record) <= known | {"id", "birth_date"}, "an alias column has no Person keyword (guarded_case)"
    return ec.Person(
        record["id"],
        record["birth_date"],
        hukou=ec.Hukou(hukou["region"], hukou.get("since")),
        residence=ec.Residence(residence["region"], residence.get("rural", False)),
        **kwargs,
    )


def build(form: str, column: str, value: Any, tmp: pathlib.Path) -> ec.Population:
    rows = rows_with(column, value)
    if form == "json":
        return ec.Population(ec.io.load_cases({"persons": [json_record(r) for r in rows], "facilities": []}).persons)
    if form == "persons":
        return ec.Population([person_of(r) for r in rows])
    return ec.Population(table_of(rows, form, tmp))


def check_case(form: str, column: str, value: Any, tmp: pathlib.Path) -> str:
    """One case: refused as an InvalidValue naming field and value, or evaluated as the per-person
    path evaluates it. Returns what happened ("refused" or "accepted")."""
    try:
        pop = build(form, column, value, tmp)
    except ec.InvalidValue as e:
        assert isinstance(e, ValueError)
        assert e.field and e.value is not None, str(e)
        # The value once: quoted when it was text, as written when a number or a wrong type's repr.
        shown = f"{e.field} = {e.value}: " if isinstance(e, ec.InvalidType) else None
        assert str(e).count(shown or f"{e.field} = ") == 1, str(e)
        assert (
            shown in str(e) if shown else f"{e.field} = '{e.value}': " in str(e) or f"{e.field} = {e.value}: " in str(e)
        )
        assert len(str(e)) < 1200, f"a message of {len(str(e))} characters"
        return "refused"
    except _FormCannotHold:
        return "not representable"
    # The rows carry only the columns a case needs; the person path reads the others as absent.
    out = ec.evaluate_population(POLICY, pop, ON, FACILITIES, missing="absent")
    persons = pop.persons()
    expected = [ec.catalog.evaluate(POLICY, p, ON, FACILITIES) for p in persons]
    assert out["eligible"].tolist() == [d.eligible for d in expected]
    assert out["amount_fen"].tolist() == [d.amount_fen for d in expected]
    assert (out["error"] == "").all()
    assert ec.Population(persons).persons() == persons  # the person path reads its own output back
    return "accepted"


class _FormCannotHold(Exception):
    """The input form itself cannot hold the value (pandas, numpy or Arrow refuse to build it)."""


def guarded_case(form: str, column: str, value: Any, tmp: pathlib.Path) -> str:
    """check_case, where a form that cannot hold the value (its own library refuses it before
    eldercare sees it) is not eldercare's concern."""
    if form == "persons" and column in ("rural", "mental_illness"):
        return "not representable"
    try:
        rows = rows_with(column, value)
        if form not in ("json", "persons"):
            table_of(rows, form, tmp)
    except Exception:  # pandas / numpy / Arrow refusing a cell
        return "not representable"
    return check_case(form, column, value, tmp)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(form=st.sampled_from(FORMS), column=st.sampled_from(COLUMNS), value=odd_values())
# Found by this test after survey weights joined the schema (RuntimeError, not InvalidValue):
@example(form="json", column="weight", value="\ud800")
@example(form="dict", column="weight", value=np.datetime64("2020-01-01"))
def test_every_column_of_every_form_refuses_or_agrees_with_the_person_path(
    form: str, column: str, value: Any, tmp_path: pathlib.Path
) -> None:
    guarded_case(form, column, value, tmp_path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    column=st.sampled_from(("ability_level", "ability_raw_score", "disability_grade", "categories", "health")),
    values=st.lists(st.one_of(st.none(), st.integers(-(2**65), 2**65), st.floats()), min_size=2, max_size=2),
)
def test_number_columns_refuse_what_they_cannot_hold_as_given(column: str, values: List[Any]) -> None:
    data = {**{k: [v, v] for k, v in VALID.items()}, "id": ["p0", "p1"], column: values}
    data.update({k: [v, v] for k, v in COMPANIONS.get(column.split("_")[0], {}).items() if k != column})
    try:
        pop = ec.Population(data)
    except ec.InvalidValue as e:
        if f"population.{column}[row " not in e.field:
            return  # refused for another fact the value touches (a raw score against its level)
        given = values[int(e.field.split("[row ")[1].split(",")[0])]
        if isinstance(given, float) and not math.isnan(given):
            assert e.value in (repr(given), str(int(given)) if given.is_integer() else repr(given))
        elif isinstance(given, int):
            assert e.value == str(given)
        return
    assert len(pop) == 2


# --- the crash-detecting run: the same cases in a fresh interpreter ------------------------------------


def random_value(r: random.Random) -> Any:
    pick = r.random()
    if pick < 0.55:
        return r.choice(ODD)
    if pick < 0.7:
        return r.randint(-(2**70), 2**70)
    if pick < 0.8:
        return r.choice([r.uniform(-1e6, 1e6), r.uniform(-5, 5), float(r.randint(-5, 5))])
    if pick < 0.9:
        return "".join(chr(r.randint(0, 0x10FFFF)) for _ in range(r.randint(0, 12)))
    return datetime.date(r.randint(1, 9999), r.randint(1, 12), r.randint(1, 28))


def run_cases(seed: int, count: int, progress: pathlib.Path) -> Dict[str, int]:
    """`count` random cases; before each, its description is written to `progress` (what a crash
    leaves behind)."""
    r = random.Random(seed)
    tally: Dict[str, int] = {}
    for k in range(count):
        form, column, value = r.choice(FORMS), r.choice(COLUMNS), random_value(r)
        progress.write_text(f"case {k} of seed {seed}: form={form} column={column} value={value!r:.200}")
        outcome = guarded_case(form, column, value, progress.parent)
        tally[outcome] = tally.get(outcome, 0) + 1
    return tally


def test_the_binding_does_not_crash_on_any_case(tmp_path: pathlib.Path) -> None:
    """2,000 random cases in a subprocess: a crash of _core (SIGSEGV, abort) fails this test and names
    the case it was running, instead of killing pytest."""
    progress = tmp_path / "progress.txt"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(pathlib.Path(ec.__file__).parents[1]), os.environ.get("PYTHONPATH", "")]),
    }
    r = subprocess.run(
        [sys.executable, __file__, "20240630", "2000", str(progress)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    last = progress.read_text() if progress.exists() else "(none)"
    assert r.returncode == 0, f"exit {r.returncode} during {last}\n{r.stderr[-3000:]}"
    tally = json.loads(r.stdout.strip().splitlines()[-1])
    assert tally.get("refused", 0) > 200 and tally.get("accepted", 0) > 100, tally


if __name__ == "__main__":  # the crash-detecting run's subprocess: SEED COUNT PROGRESS_FILE
    warnings.simplefilter("error")  # as pytest runs: a library warning is a failure
    outcome = run_cases(int(sys.argv[1]), int(sys.argv[2]), pathlib.Path(sys.argv[3]))
    print(json.dumps(outcome))
