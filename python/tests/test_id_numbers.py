"""Resident ID numbers (GB 11643-1999) in Python: the value class, and the ``id_number`` fact in JSON,
CSV, Parquet, DataFrames and Person, in place of ``birth_date``; the hukou stand-in is an explicit
option. The check characters below are worked by hand (as in tests/cpp/person_id_number_test.cpp)."""

from __future__ import annotations

import datetime
import pathlib

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import eldercare as ec
from eldercare import _core, io, parquet

# Weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the check character is (12 - S mod 11) mod 11, X for 10.
#
# 1 1 0 1 0 2 1 9 4 5 0 5 0 1 0 0 1 (西城区, 1945-05-01, sequence 001: odd, a man)
#   7+9+0+5+0+8+2+9+24+15+0+45+0+5+0+0+2 = 131; 131 mod 11 = 10; (12 - 10) mod 11 = 2
XICHENG_MAN = "110102194505010012"
# 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 (朝阳区, 1949-12-31, sequence 002: even, a woman)
#   7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; (12 - 2) mod 11 = 10 -> X
CHAOYANG_WOMAN = "11010519491231002X"
# 1 1 0 1 0 4 2 0 0 0 0 2 2 9 0 0 2 (宣武区, abolished in 2010; born on 2000-02-29, a leap day)
#   7+9+0+5+0+16+4+0+0+0+0+18+20+45+0+0+4 = 128; 128 mod 11 = 7; (12 - 7) mod 11 = 5
XUANWU_LEAP_DAY = "110104200002290025"
# 1 1 0 1 0 4 1 9 0 0 0 2 2 9 0 0 2 ("1900-02-29": 1900 is no leap year; the check character is right)
#   7+9+0+5+0+16+2+9+0+0+0+18+20+45+0+0+4 = 135; 135 mod 11 = 3; (12 - 3) mod 11 = 9
NO_SUCH_DAY = "110104190002290029"


def test_check_characters_worked_by_hand() -> None:
    assert tuple(_core.id_number_weights) == (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert ec.id_check_character(XICHENG_MAN[:17]) == "2"
    assert ec.id_check_character(CHAOYANG_WOMAN[:17]) == "X"
    assert ec.id_check_character(XUANWU_LEAP_DAY[:17]) == "5"
    assert ec.id_check_character(NO_SUCH_DAY[:17]) == "9"
    with pytest.raises(ec.InvalidValue, match="first 17 digits"):
        ec.id_check_character("1101021945")


def test_the_value_class() -> None:
    n = ec.IdNumber(XICHENG_MAN)
    assert (n.birth_date, n.region.code, n.sex, n.legacy) == (datetime.date(1945, 5, 1), "110102", "male", False)
    w = ec.IdNumber(CHAOYANG_WOMAN.lower())
    assert (w.text, w.sex, str(w)) == (CHAOYANG_WOMAN, "female", CHAOYANG_WOMAN)
    legacy = ec.IdNumber("110102450501001")  # 15 digits, issued before 1999
    assert legacy.legacy and legacy.text == XICHENG_MAN and legacy.as_issued == "110102450501001"
    assert legacy.birth_date == datetime.date(1945, 5, 1) and legacy.sex == "male"
    leap = ec.IdNumber(XUANWU_LEAP_DAY)
    assert leap.birth_date == datetime.date(2000, 2, 29)
    assert leap.region.code == "110104" and leap.region.is_legacy  # an abolished code is fine
    assert ec.IdNumber(XICHENG_MAN) == ec.IdNumber(XICHENG_MAN) != legacy
    assert hash(ec.IdNumber(XICHENG_MAN)) == hash(ec.IdNumber(XICHENG_MAN))


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("110102194505010013", "the check character (the 18th) should be 2"),
        (NO_SUCH_DAY, "digits 7-14 (the date of birth, YYYYMMDD) are not a calendar date"),
        ("990102194505010016", "digits 1-6 (the region of first registration) are not a division code"),
        ("11010219450501001", "expected 18 characters"),
        ("110102450230001", "digits 7-12 (the date of birth, YYMMDD in the 1900s)"),
    ],
)
def test_bad_numbers_name_the_field_and_the_value(text: str, why: str) -> None:
    with pytest.raises(ec.InvalidValue) as e:
        ec.IdNumber(text, _field="persons[p1].id_number")
    assert e.value.error_id == ec.ErrorId.INVALID_ID_NUMBER
    assert e.value.field == "persons[p1].id_number" and e.value.value == text
    assert why in str(e.value)


def base_person(**facts: object) -> dict:
    return {"id": "p1", "hukou": "110102", "residence": "110102", **facts}


def test_json_takes_the_number_in_place_of_the_birth_date() -> None:
    cases = io.load_cases({"persons": [base_person(id_number=XICHENG_MAN)]})
    p = cases.persons[0]
    assert p.birth_date == datetime.date(1945, 5, 1) and p.id_number == ec.IdNumber(XICHENG_MAN)
    # Both given and agreeing: fine; disagreeing: an error naming both.
    assert io.load_cases({"persons": [base_person(id_number=XICHENG_MAN, birth_date="1945-05-01")]}).persons == [p]
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases({"persons": [base_person(id_number=XICHENG_MAN, birth_date="1945-05-02")]})
    assert e.value.field == "persons[p1].birth_date"
    assert f"disagrees with persons[p1].id_number '{XICHENG_MAN}', whose date of birth is 1945-05-01" in str(e.value)
    # Neither: the birth date is required.
    with pytest.raises(ec.InvalidValue, match=r"persons\[p1\].birth_date = '': is required"):
        io.load_cases({"persons": [base_person()]})
    with pytest.raises(ec.InvalidValue) as e:
        io.load_cases({"persons": [base_person(id_number=NO_SUCH_DAY)]})
    assert e.value.field == "persons[p1].id_number" and e.value.value == NO_SUCH_DAY
    # Round trip: the number is written as issued.
    assert io.dump_cases([p])["persons"][0]["id_number"] == XICHENG_MAN
    assert io.load_cases(io.dump_cases([p])).persons == [p]


def test_the_hukou_stand_in_is_an_explicit_option() -> None:
    entry = {"id": "p1", "id_number": XUANWU_LEAP_DAY, "residence": "110102"}
    with pytest.raises(ec.InvalidValue, match=r"persons\[p1\].hukou"):
        io.load_cases({"persons": [entry]})  # default: the place of first registration is not the hukou
    p = io.load_cases({"persons": [entry]}, hukou_from_id=True).persons[0]
    assert p.hukou.region.code == "110104"  # 宣武, as issued: hukou_in reads it by its history
    given = io.load_cases({"persons": [{**entry, "hukou": "110105"}]}, hukou_from_id=True).persons[0]
    assert given.hukou.region.code == "110105"  # a hukou given is never replaced
    # The same in columns.
    frame = pd.DataFrame(
        {"id": ["a", "b"], "id_number": [XUANWU_LEAP_DAY, XICHENG_MAN], "residence_region": [110102] * 2}
    )
    with pytest.raises(ec.InvalidValue, match=r"population\.hukou_region"):
        ec.Population(frame)
    pop = ec.Population(frame, hukou_from_id=True)
    assert [p.hukou.region.code for p in pop.persons()] == ["110104", "110102"]
    frame["hukou_region"] = [None, 110105]
    assert [p.hukou.region.code for p in ec.Population(frame, hukou_from_id=True).persons()] == ["110104", "110105"]
    with pytest.raises(ec.InvalidValue, match=r"population.hukou_region\[row 0, id 'a'\]"):
        ec.Population(frame)


def test_columns_in_every_form(tmp_path: pathlib.Path) -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "id_number": [XICHENG_MAN, "110102450501001", CHAOYANG_WOMAN],
            "birth_date": [None, "1945-05-01", None],
            "hukou_region": [110102, 110102, 110105],
            "residence_region": [110102, 110102, 110105],
        }
    )
    expected = [datetime.date(1945, 5, 1), datetime.date(1945, 5, 1), datetime.date(1949, 12, 31)]
    pop = ec.Population(frame)
    assert [p.birth_date for p in pop.persons()] == expected
    assert [p.id_number.as_issued for p in pop.persons()] == list(frame["id_number"])
    # Without a birth_date column at all; as Arrow; as Parquet; as CSV; and back from to_arrow().
    no_birth = frame.drop(columns=["birth_date"])
    assert ec.Population(no_birth).persons() == pop.persons()
    table = pa.Table.from_pandas(no_birth, preserve_index=False)
    assert ec.Population(table).persons() == pop.persons()
    pq.write_table(pop.to_arrow(), tmp_path / "p.parquet")
    assert ec.Population(pq.read_table(tmp_path / "p.parquet")).persons() == pop.persons()
    no_birth.to_csv(tmp_path / "p.csv", index=False)
    assert ec.Population(pd.read_csv(tmp_path / "p.csv", dtype={"id_number": str})).persons() == pop.persons()
    streamed = parquet.evaluate_parquet(
        "cn.beijing.elderly_allowances.advanced_age", tmp_path / "p.parquet", "2026-06-01"
    )
    assert streamed.rows == 3 and streamed.eligible == 2  # the two born in 1945 are 80 and more in 2026
    # Through Dask, partitioned so that each ID number is read by a different worker's partition.
    dask = pytest.importorskip("dask")
    from eldercare import dask as ec_dask

    with dask.config.set(scheduler="synchronous"):
        rows = ec_dask.evaluate_dask(
            "cn.beijing.elderly_allowances.advanced_age", ec_dask.from_pandas(no_birth, npartitions=3), "2026-06-01"
        ).compute()
    assert list(rows["eligible"]) == [True, True, False]
    # The Chinese header reads as the fact.
    chinese = no_birth.rename(columns={"id_number": "身份证号"})
    assert ec.Population(chinese).persons() == pop.persons()


def test_column_errors_name_the_row_and_both_facts() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "id_number": [XICHENG_MAN, "110102194505010013"],
            "hukou_region": [110102, 110102],
            "residence_region": [110102, 110102],
        }
    )
    with pytest.raises(ec.InvalidValue) as e:
        ec.Population(frame)
    assert e.value.field == "population.id_number[row 1, id 'b']" and e.value.value == "110102194505010013"
    assert "should be 2" in str(e.value)
    frame["id_number"] = [XICHENG_MAN, CHAOYANG_WOMAN]
    frame["birth_date"] = ["1945-05-01", "1949-12-30"]
    with pytest.raises(ec.InvalidValue) as e:
        ec.Population(frame)
    assert e.value.field == "population.birth_date[row 1, id 'b']" and e.value.value == "1949-12-30"
    assert f"disagrees with population.id_number[row 1, id 'b'] '{CHAOYANG_WOMAN}'" in str(e.value)


def test_person_takes_the_number() -> None:
    p = ec.Person("p1", id_number=XUANWU_LEAP_DAY, hukou="110102", residence="110102")
    assert p.birth_date == datetime.date(2000, 2, 29)
    assert (p.age_on("2001-02-27"), p.age_on("2001-02-28")) == (0, 1)  # by default a leap-day birthday is 28 February
    assert p.replace(household_id="h") == ec.Person(
        "p1", id_number=XUANWU_LEAP_DAY, hukou="110102", residence="110102", household_id="h"
    )
    with pytest.raises(ec.InvalidValue, match=r"persons\[p1\].birth_date = '2000-03-01': disagrees"):
        ec.Person("p1", "2000-03-01", id_number=XUANWU_LEAP_DAY, hukou="110102", residence="110102")
    with pytest.raises(ec.InvalidValue, match=r"persons\[p1\].id_number"):
        ec.Person("p1", id_number=NO_SUCH_DAY, hukou="110102", residence="110102")
    # The hukou_in leaf reads an abolished code on the record by its history (宣武 counts as 西城).
    d = ec.catalog.evaluate(
        "cn.beijing.elderly_allowances.advanced_age",
        ec.Person("old", id_number="110104192001010012", hukou="110104", residence="110102"),
        "2024-06-01",
    )
    assert d.eligible


def test_a_csv_of_all_digit_id_numbers_reads_them_as_text(tmp_path: pathlib.Path) -> None:
    # Most ID numbers end in a digit: a CSV column of them alone is all digits, which pandas would read
    # as integers (and an id "007" as 7). read_table keeps the schema's text facts as text.
    chengdu = "51010419400301003" + _core.id_check_character("51010419400301003")
    assert chengdu.isdigit()
    (tmp_path / "p.csv").write_text(f"编号,身份证号,户籍地,居住地\n007,{chengdu},510104,510104\n", encoding="utf-8")
    frame = io.read_table(tmp_path / "p.csv")
    assert frame["身份证号"].tolist() == [chengdu] and frame["编号"].tolist() == ["007"]
    (person,) = ec.Population(frame).persons()
    assert person.id == "007" and person.birth_date == datetime.date(1940, 3, 1)
    assert str(person.hukou.region.code) == "510104"
