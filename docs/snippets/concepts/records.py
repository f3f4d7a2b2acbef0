"""Records in Python (docs/concepts/records.md): ID numbers, a spreadsheet with Chinese headers,
survey weights, and missing inputs."""

import datetime

import openpyxl

import eldercare as ec
from eldercare import io

# [start:id_number]
n = ec.IdNumber("110102194505010012")
born, issued, sex = n.birth_date, n.region.code, n.sex  # 1945-05-01, "110102", "male"
elder = ec.Person("p1", id_number="110102194505010012", hukou="110102", residence="131082")
# [end:id_number]
assert born == datetime.date(1945, 5, 1) and issued == "110102" and sex == "male"
assert elder.birth_date == born and ec.id_check_character("11010219450501001") == "2"

# A workbook as civil-affairs offices keep them (made here, so the snippet needs no file).
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "长者"
sheet.append(["序号", "姓名", "身份证号", "户籍地", "居住地", "机构", "入住日期", "权重"])
sheet.append([1, "张三", "110102194505010012", "110102", "131082", "三河养老院", datetime.datetime(2023, 2, 28), 2.5])
sheet.append([2, "李四", "11010519491231002X", "110105", "110105", None, None, 1])
book.save("长者.xlsx")

# [start:spreadsheet]
facilities = [ec.Facility("三河养老院", "131082", filing=ec.Filing("131082", "2019-03-01"))]
people = io.read_population("长者.xlsx", sheet="长者")
out = ec.evaluate_population("cn.beijing.xicheng.cross_region_care", people, "2024-06-30", facilities)
totals = out.attrs["totals"]  # amount_fen 60000; weighted_amount_fen Decimal('150000.000000')
# [end:spreadsheet]
assert people.ids == ("2", "3")  # no id column: the sheet's row numbers
assert totals["amount_fen"] == 60000 and str(totals["weighted_amount_fen"]) == "150000.000000"
assert str(totals["weighted_persons"]) == "3.500000"

# [start:missing]
try:
    ec.evaluate_population("cn.beijing.xicheng.cross_region_care", people, "2024-06-30")  # no facilities
except ec.InvalidValue as e:
    error = e  # [eldercare.invalid_value.113] facilities = 'None': no facility registry was given, ...
as_absent = ec.evaluate_population("cn.beijing.xicheng.cross_region_care", people, "2024-06-30", missing="absent")
# [end:missing]
assert error.error_id == ec.ErrorId.MISSING_INPUT and error.field == "facilities"
assert "reads stays (rule jin_ji_meng" in str(error)
assert list(as_absent["amount_fen"]) == [0, 0]
