"""Regions in Python (docs/concepts/regions.md)."""
import eldercare as ec
from eldercare import regions

# [start:regions]
xuanwu = ec.RegionCode("110104")                      # 宣武区, legacy
today = xuanwu.current()                              # RegionCode 110102 西城区
jjm = regions.jin_ji_meng()                           # RegionSet 津冀蒙
inside = "131082" in jjm                              # True, through 130000 河北省
found = regions.search("西城")                        # codes whose name matches
# [end:regions]
assert xuanwu.is_legacy and xuanwu.name == "宣武区"
baixia = ec.RegionCode("320103")                      # 白下区, merged into 秦淮区 in 2013
assert baixia.in_force_on("2012-12-31") and not baixia.in_force_on("2014-01-01")
assert baixia.successors() == (ec.RegionCode("320104"),)
assert ec.RegionCode("420600").name_on("2009-12-31") == "襄樊市"
assert today == regions.XICHENG and xuanwu != regions.XICHENG
assert inside and str(jjm.find_member("131082")) == "130000"
assert regions.XICHENG in found
assert ec.RegionCode("131082").province == regions.HEBEI
assert ec.RegionCode("610112008").level == "township"

# [start:errors]
try:
    ec.RegionCode("371071")      # an NBS development-zone code, not a division code
except ec.InvalidValue as e:
    error = e
# [end:errors]
assert error.error_id == ec.ErrorId.INVALID_REGION and error.value == "371071"
assert "development zone" in str(error)
