"""Spreadsheets (.xlsx) with Chinese headers, read through eldercare.io and the command line: the
workbooks are made here with openpyxl (no binary fixture is committed). A bad cell is reported by
sheet, row (the spreadsheet's, header = 1) and column letter and header."""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import subprocess
import sys
from typing import Any, List, Sequence

import pytest

import eldercare as ec
from eldercare import io
from eldercare._schema import FACILITY, PERSON, STAY

openpyxl = pytest.importorskip("openpyxl")

HEADERS = ["序号", "姓名", "身份证号", "户籍地", "居住地", "能力等级", "救助类别", "机构", "入住日期", "离院日期"]
ROWS: List[List[Any]] = [
    # 西城, born 1945-05-01; in a filed 津冀蒙 institution since 2023-02-28
    [
        1,
        "张三",
        "110102194505010012",
        "110102",
        131082,
        "轻度失能",
        "低保、空巢",
        "三河养老院",
        datetime.datetime(2023, 2, 28),
        None,
    ],
    # 宣武 (abolished; read by its history as 西城), the 15-digit form of before 1999
    [2, "李四", "110104450501001", 110104, 110102, 0, None, None, None, None],
    # 朝阳 woman, at home
    [3, "王五", "11010519491231002X", "110105", "110105", None, "", None, None, None],
]
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(
        p for p in [str(pathlib.Path(ec.__file__).parents[1]), os.environ.get("PYTHONPATH", "")] if p
    ),
}


def workbook(path: pathlib.Path, rows: Sequence[Sequence[Any]] = ROWS, title: str = "长者名单") -> pathlib.Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "说明"
    ws.append(["本表由测试生成"])  # a first sheet that is not the persons'
    people = wb.create_sheet(title)
    people.append(HEADERS)
    for r in rows:
        people.append(list(r))
    people.append([None] * len(HEADERS))  # a blank row at the end, as sheets often have
    wb.save(path)
    return path


def facilities_book(path: pathlib.Path, filed_on: Any = datetime.datetime(2019, 3, 1)) -> pathlib.Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "机构"
    ws.append(["机构名称", "所在地", "床位数", "备案日期", "备案机关所在地"])
    ws.append(["三河养老院", 131082, 120, filed_on, "131082"])
    wb.save(path)
    return path


def test_the_schema_declares_the_headers() -> None:
    headers = {a.name: f.column for s in (PERSON, STAY) for f in s for a in f.aliases_in("header")}
    assert headers["身份证号"] == "id_number" and headers["出生日期"] == "birth_date"
    assert headers["户籍地"] == "hukou_region" and headers["居住地"] == headers["现住址"] == "residence_region"
    assert headers["入住日期"] == "admitted" and headers["离院日期"] == headers["出院日期"] == "discharged"
    assert headers["机构"] == "facility" and headers["能力等级"] == "ability_level"
    assert "姓名" not in headers  # a name is not a fact we keep
    assert {a.name for f in FACILITY for a in f.aliases_in("header")} >= {"机构名称", "所在地", "床位数", "备案日期"}


def test_a_sheet_with_chinese_headers_reads_without_renaming(tmp_path: pathlib.Path) -> None:
    path = workbook(tmp_path / "名单.xlsx")
    facilities = io.read_facilities(facilities_book(tmp_path / "机构.xlsx"))
    assert facilities.ids == ("三河养老院",) and facilities["三河养老院"].beds == 120
    pop = io.read_population(path, sheet="长者名单", facilities=facilities)
    assert pop.ids == ("2", "3", "4")  # no id column: the sheet's row numbers
    first, second, third = pop.persons()
    assert first.birth_date == datetime.date(1945, 5, 1) and first.id_number.as_issued == "110102194505010012"
    assert first.ability is not None and first.ability.level == ec.AbilityLevel(1)  # 轻度失能
    assert first.categories == ("dibao", "kongchao")
    assert [(s.facility, s.admitted) for s in first.stays] == [("三河养老院", datetime.date(2023, 2, 28))]
    assert (
        second.id_number.legacy and second.hukou.region.code == "110104" and second.ability.level == ec.AbilityLevel(0)
    )
    assert third.birth_date == datetime.date(1949, 12, 31) and third.stays == ()
    # The sheet evaluates as the same persons would.
    out = ec.evaluate_population("cn.beijing.xicheng.cross_region_care", pop, "2024-06-30", facilities)
    assert list(out["eligible"]) == [True, False, False] and list(out["amount_fen"]) == [60000, 0, 0]
    # read_table gives the sheet as it is, for users' own processing.
    frame = io.read_table(path, sheet=1)
    assert list(frame.columns) == HEADERS and len(frame) == 3


def test_a_bad_cell_is_named_by_sheet_row_and_column(tmp_path: pathlib.Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[2][2] = "110105194912310021"  # wrong check character (should be X), sheet row 4, column C
    with pytest.raises(ec.InvalidValue) as e:
        io.read_population(workbook(tmp_path / "bad.xlsx", rows), sheet="长者名单")
    assert e.value.field == "bad.xlsx:长者名单!C4" and e.value.value == "110105194912310021"
    assert e.value.error_id == ec.ErrorId.INVALID_ID_NUMBER
    assert "should be X" in str(e.value) and "(sheet 长者名单, row 4, column C (身份证号))" in str(e.value)
    rows = [list(r) for r in ROWS]
    rows[1][3] = "999999"  # not a division code: row 3, column D
    with pytest.raises(ec.InvalidValue) as e:
        io.read_population(workbook(tmp_path / "bad2.xlsx", rows), sheet="长者名单")
    assert e.value.field == "bad2.xlsx:长者名单!D3" and "column D (户籍地)" in str(e.value)
    rows = [list(r) for r in ROWS]
    rows[0][8] = "2023-02-30"  # a stay's admission: row 2, column I
    with pytest.raises(ec.InvalidValue) as e:
        io.read_population(workbook(tmp_path / "bad3.xlsx", rows), sheet="长者名单")
    assert e.value.field == "bad3.xlsx:长者名单!I2" and "(sheet 长者名单, row 2, column I (入住日期))" in str(e.value)
    rows = [list(r) for r in ROWS]
    rows[0][2] = 110102194505010012  # an 18-digit number typed as a number: its last digits are gone
    with pytest.raises(ec.InvalidValue, match="format the column as text") as e:
        io.read_population(workbook(tmp_path / "bad4.xlsx", rows), sheet="长者名单")
    assert e.value.field == "bad4.xlsx:长者名单!C2"
    with pytest.raises(ec.InvalidValue, match="no such sheet"):
        io.read_population(workbook(tmp_path / "ok.xlsx"), sheet="人员")
    with pytest.raises(ec.InvalidValue) as e:
        io.read_facilities(facilities_book(tmp_path / "f.xlsx", filed_on="2019-02-30"))
    assert e.value.field == "f.xlsx:机构!D2" and "column D (备案日期)" in str(e.value)


def run(*args: str, cwd: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eldercare", *args], capture_output=True, text=True, env=ENV, cwd=cwd)


def test_the_command_line_reads_xlsx(tmp_path: pathlib.Path) -> None:
    workbook(tmp_path / "名单.xlsx")
    facilities_book(tmp_path / "机构.xlsx")
    base = ["evaluate", "--policy", "cn.beijing.xicheng.cross_region_care", "--on", "2024-06-30", "名单.xlsx"]
    ok = run(*base, "--sheet", "长者名单", "--facilities", "机构.xlsx", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    results = {r["person"]: r["amount_fen"] for r in json.loads(ok.stdout)["results"]}
    assert results == {"2": 60000, "3": 0, "4": 0}
    # Without the facilities: an error, not a silent zero.
    no_registry = run(*base, "--sheet", "长者名单", cwd=tmp_path)
    assert no_registry.returncode == 2 and "no facility registry was given" in no_registry.stderr
    rows = [list(r) for r in ROWS]
    rows[1][2] = "110104450231001"  # 1945-02-31
    workbook(tmp_path / "坏.xlsx", rows)
    bad = run(*base[:-1], "坏.xlsx", "--sheet", "长者名单", "--facilities", "机构.xlsx", cwd=tmp_path)
    assert bad.returncode == 2
    assert "坏.xlsx:长者名单!C3 = '110104450231001'" in bad.stderr and "column C (身份证号)" in bad.stderr
