"""Domain values: immutable, checked on construction, comparable within their own type."""

from __future__ import annotations

import copy
import pickle

import pytest

import eldercare as ec
from conftest import d


def test_region_codes() -> None:
    c = ec.RegionCode("110102")
    assert (c.value, c.code, c.name, c.level) == (110102, "110102", "西城区", "county")
    assert c == ec.RegionCode(110102) == ec.regions.XICHENG
    assert c != "110102" and c != 110102  # never equal to a str or an int
    assert c.province == ec.regions.BEIJING and str(c.prefecture) == "110100"
    assert c.has_prefecture and not ec.regions.BEIJING.has_prefecture
    # Hainan's 1988-2002 counties were coded directly under the province: no prefecture.
    hainan_county = ec.RegionCode("460001")
    assert not hainan_county.has_prefecture and hainan_county.province == ec.RegionCode("460000")
    with pytest.raises(ec.InvalidValue, match=r"460001.*directly under its province"):
        _ = hainan_county.prefecture
    assert ec.RegionCode("110104").is_legacy and ec.RegionCode("110104").current() == c
    assert ec.regions.BEIJING.contains("110104") and not c.contains("110104")
    assert ec.RegionCode("610112008").county == ec.regions.WEIYANG
    assert sorted([ec.RegionCode("110102"), ec.RegionCode("110101001"), ec.RegionCode("110101")]) == [
        ec.RegionCode("110101"),
        ec.RegionCode("110101001"),
        ec.RegionCode("110102"),
    ]
    assert len({c, ec.RegionCode("110102")}) == 1
    assert pickle.loads(pickle.dumps(c)) == c
    assert repr(c) == "RegionCode('110102')"
    with pytest.raises(AttributeError):
        c.value = 1  # type: ignore[misc]
    with pytest.raises(ec.InvalidValue, match="development zone"):
        ec.RegionCode("371071")
    with pytest.raises(ec.InvalidType):
        ec.RegionCode(110102.0)  # type: ignore[arg-type]
    with pytest.raises(ec.InvalidValue):
        ec.RegionCode(-5)
    assert ec.regions.search("西城") == [c]


def test_region_sets() -> None:
    jjm = ec.regions.jin_ji_meng()
    assert str(jjm) == "津冀蒙 {120000, 130000, 150000}"
    assert "131082" in jjm and ec.RegionCode("110102") not in jjm
    assert jjm.find_member("131082") == ec.regions.HEBEI and jjm.find_member("110102") is None
    s = ec.RegionSet("a", ["110102", 110101, ec.regions.XICHENG])
    assert s.members == (ec.regions.DONGCHENG, ec.regions.XICHENG)
    assert (s | jjm).name == "a|津冀蒙" and len(s | jjm) == 5
    assert pickle.loads(pickle.dumps(jjm)) == jjm
    eco = ec.regions.beijing_ecological_conservation_area(["110114001"])
    assert "110114001" in eco and "110114" not in eco and "110116" in eco
    with pytest.raises(ec.InvalidValue) as e:
        ec.regions.beijing_ecological_conservation_area(["110102"])
    assert e.value.field == "mountain_towns[0]"
    with pytest.raises(ec.InvalidValue) as e:
        ec.RegionSet("", ["110102"])
    assert e.value.field == "region_set.name"
    with pytest.raises(ec.InvalidValue) as e:
        ec.RegionSet("x", ["110102", "12"])
    assert e.value.field == "region_set.members[1]"
    assert len(ec.regions.xixian_new_area_towns()) == 21


def test_ability_levels_are_not_ints() -> None:
    assert ec.AbilityLevel.SEVERE > ec.AbilityLevel.MILD
    assert ec.AbilityLevel.SEVERE != 3
    with pytest.raises(TypeError):
        ec.AbilityLevel.SEVERE < 4  # type: ignore[operator]  # noqa: B015
    assert ec.AbilityLevel.SEVERE.short_label == "重度失能"
    assert ec.AbilityLevel.of(4) is ec.AbilityLevel.TOTAL_LOSS
    with pytest.raises(ec.InvalidValue) as e:
        ec.AbilityLevel.of(5)
    assert e.value.field == "ability_level"


def test_assessments_and_certificates() -> None:
    a = ec.Assessment(3, "2023-01-01", scale="gbt_42195_2022", raw_score=30)
    assert a.level is ec.AbilityLevel.SEVERE and a.holds_on("2030-01-01") and not a.holds_on("2022-12-31")
    with pytest.raises(ec.InvalidValue, match="preliminary level"):
        ec.Assessment(0, "2023-01-01", raw_score=30)
    with pytest.raises(ec.InvalidValue) as e:
        ec.Assessment(4, "2023-01-01", scale="mzt_039_2013")
    assert e.value.field == "assessment.level"
    cert = ec.DisabilityCertificate("肢体残疾", 2)
    assert (cert.category, cert.grade, cert.category_label, cert.grade_label) == ("physical", 2, "肢体残疾", "二级")
    assert cert.shows("physical", 3) and not cert.shows("physical", 1)
    with pytest.raises(ec.InvalidValue, match="only a 多重残疾"):
        ec.DisabilityCertificate("physical", 2, components=[("visual", 1)])


def test_persons_are_immutable_and_replace_checks() -> None:
    p = ec.Person("p1", "1941-05-01", hukou="110102", residence="110102", categories=["kongchao", "dibao"])
    assert p.categories == ("dibao", "kongchao")  # declaration order
    assert p.age_on("2024-05-01") == 83
    with pytest.raises(AttributeError):
        p.id = "p2"  # type: ignore[misc]
    q = p.replace(birth_date=d("1945-01-01"))
    assert q.birth_date == d("1945-01-01") and p.birth_date == d("1941-05-01")
    assert q != p and p == copy.copy(p) and pickle.loads(pickle.dumps(p)) == p
    with pytest.raises(ec.InvalidValue) as e:
        p.replace(stays=[ec.Stay("F1", "1930-01-01")])
    assert e.value.field == "persons[p1].stays[0].admitted"
    with pytest.raises(ec.InvalidValue) as e:
        ec.Person("", "1941-05-01", hukou="110102", residence="110102")
    assert e.value.field == "persons[].id"
    with pytest.raises(TypeError):
        p.replace(name="x")


def test_the_inputs_are_never_modified() -> None:
    stays = [ec.Stay("F1", "2023-01-01")]
    cats = ["dibao"]
    p = ec.Person("p1", "1941-05-01", hukou="110102", residence="110102", stays=stays, categories=cats)
    assert stays == [ec.Stay("F1", "2023-01-01")] and cats == ["dibao"]
    assert isinstance(p.stays, tuple)


def test_facility_registries() -> None:
    f1 = ec.Facility("F1", "131082", filing=ec.Filing("131082", "2019-03-01", revoked_on="2023-06-01"))
    reg = ec.FacilityRegistry([f1])
    assert reg["F1"] is f1 and "F2" not in reg and reg.ids == ("F1",)
    assert f1.filed_on("2023-05-31") and not f1.filed_on("2023-06-01")
    bigger = reg.with_facilities(ec.Facility("F2", "120116"))
    assert len(bigger) == 2 and len(reg) == 1
    with pytest.raises(ec.InvalidValue) as e:
        reg.with_facilities(ec.Facility("F1", "120116"))
    assert e.value.field == "facilities[F1].id"
    assert pickle.loads(pickle.dumps(bigger)) == bigger


def test_money_amounts_are_exact_fen() -> None:
    import decimal

    import numpy as np

    assert ec.to_fen(600) == ec.to_fen("600") == ec.to_fen("600.00") == ec.to_fen(600.0) == 60000
    assert ec.to_fen(np.int64(600)) == ec.to_fen(np.float64(600.5)) - 50 == 60000
    assert ec.to_fen(decimal.Decimal("0.01")) == 1 and ec.to_fen("-12.30") == -1230
    # One rule, never rounding (issue 11): a float is read as its shortest decimal, its repr; the
    # sum 0.1 + 0.2 is 0.30000000000000004, refused as it is shown, not rounded to 30 fen.
    assert ec.to_fen(0.1) + ec.to_fen(0.2) == 30
    with pytest.raises(ec.InvalidValue, match=r"amount = 0\.30000000000000004: "):
        ec.to_fen(0.1 + 0.2)
    assert ec.format_fen(60050) == "600.50"
    with pytest.raises(ec.InvalidType):
        ec.to_fen(True)
    with pytest.raises(ec.InvalidValue) as e:
        ec.to_fen(10**30, field="amount_yuan")
    assert e.value.field == "amount_yuan"


def test_numpy_integers_are_whole_numbers() -> None:
    import numpy as np

    assert ec.period_last_day(d("2023-02-28"), np.int32(3)) == d("2023-05-28")
    assert ec.Facility("F1", np.int64(131082), beds=np.int16(10)).beds == 10
