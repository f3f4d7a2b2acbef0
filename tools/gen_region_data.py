#!/usr/bin/env python3
"""Generate include/eldercare/region/detail/region_data.hpp, the bundled division-code table.

Usage:
    python3 tools/gen_region_data.py MCA_TSV > include/eldercare/region/detail/region_data.hpp

MCA_TSV is the MCA county-level-and-above list (县级以上行政区划代码) from https://github.com/cn/GB2260,
file mca/202112.tsv (commit 8bd12eee4f2b096f09f855459db317ecfbc5ba21):
    https://raw.githubusercontent.com/cn/GB2260/8bd12eee4f2b096f09f855459db317ecfbc5ba21/mca/202112.tsv
Rows are "Source<TAB>Revision<TAB>Code<TAB>Name"; any whitespace-separated file whose last two fields are
code and name works too. Only the provinces and cities in COVERAGE are kept.

Everything that is not in that MCA list is written out below with its source: the municipal roll-up
codes (GB/T 2260-2007), abolished codes kept for old records (legacy aliases), and a few township names
(NBS statistical codes). The generated header is committed; rerun this script when the sources change.
"""

import sys

SOURCE_REPO = "cn/GB2260"
SOURCE_PATH = "mca/202112.tsv"
SOURCE_COMMIT = "8bd12eee4f2b096f09f855459db317ecfbc5ba21"

# Code prefixes kept from the MCA list. A 2-digit prefix keeps a whole province; a 4-digit prefix keeps
# one prefecture (its province row is listed separately in PROVINCE_ROWS_ONLY).
COVERAGE = ["11", "12", "13", "15", "3710", "44", "6101", "6104"]
PROVINCE_ROWS_ONLY = ["370000", "610000"]  # 山东省, 陕西省: only the province row, for province()

# Municipal roll-up codes (市辖区), present in GB/T 2260-2007 (cn/GB2260 GB2260-2007.txt) but not in
# the MCA lists. They are the prefecture level of a municipality's districts.
ROLL_UPS = [
    (110100, "市辖区", 0),
    (120100, "市辖区", 0),
]

# Abolished codes kept as aliases for old records and ID numbers: (code, name, successor).
# Sources: GB/T 2260-2007 and the MCA history in cn/GB2260 (DOMAIN.md B.2, tagged [V]).
LEGACY = [
    (110103, "崇文区", 110101),  # merged into 东城区 in 2010; last in the MCA list of 2009-12
    (110104, "宣武区", 110102),  # merged into 西城区 in 2010; last in the MCA list of 2009-12
    # 北京 "县" roll-up (GB/T 2260-2007): its last two counties became districts under 110100 in 2015.
    (110200, "县", 110100),
    (110228, "密云县", 110118),  # 密云区 from 2015-11
    (110229, "延庆县", 110119),  # 延庆区 from 2015-11
    (371081, "文登市", 371003),  # 文登区 (MCA list of 2014-12)
    (610125, "户县", 610118),  # 鄠邑区 (MCA list of 2016-12)
    (610126, "高陵县", 610117),  # 高陵区 (MCA list of 2014-12)
]

# Township (乡镇/街道) names: 9-digit NBS statistical codes from
# modood/Administrative-divisions-of-China dist/streets.csv (commit 0b7fd75e6bd8fef6c63d7f02cfaf0a39b33fc199;
# DOMAIN.md B.2 describes it as the NBS 2023 edition). Names only: a 9-digit code whose county is known is
# accepted whether or not it is listed here.
TOWNSHIPS = [
    # 房山区 110111: every town in the file. Which of them are mountain towns (生态涵养区) is NOT known.
    (110111001, "城关街道"), (110111002, "新镇街道"), (110111004, "向阳街道"), (110111005, "东风街道"),
    (110111006, "迎风街道"), (110111007, "星城街道"), (110111008, "良乡地区"), (110111009, "周口店地区"),
    (110111010, "琉璃河地区"), (110111011, "拱辰街道"), (110111012, "西潞街道"), (110111101, "阎村镇"),
    (110111103, "窦店镇"), (110111104, "石楼镇"), (110111105, "长阳镇"), (110111107, "河北镇"),
    (110111108, "长沟镇"), (110111109, "大石窝镇"), (110111110, "张坊镇"), (110111111, "十渡镇"),
    (110111112, "青龙湖镇"), (110111115, "韩村河镇"), (110111208, "霞云岭乡"), (110111209, "南窖乡"),
    (110111210, "佛子庄乡"), (110111211, "大安山乡"), (110111212, "史家营乡"), (110111213, "蒲洼乡"),
    # 昌平区 110114: every town in the file (same caveat).
    (110114001, "城北街道"), (110114002, "南口地区"), (110114003, "马池口地区"), (110114004, "沙河地区"),
    (110114005, "城南街道"), (110114007, "东小口地区"), (110114008, "天通苑北街道"),
    (110114009, "天通苑南街道"), (110114010, "霍营街道"), (110114011, "回龙观街道"),
    (110114012, "龙泽园街道"), (110114013, "史各庄街道"), (110114104, "阳坊镇"), (110114110, "小汤山镇"),
    (110114111, "南邵镇"), (110114112, "崔村镇"), (110114113, "百善镇"), (110114115, "北七家镇"),
    (110114116, "兴寿镇"), (110114118, "流村镇"), (110114119, "十三陵镇"), (110114120, "延寿镇"),
    # 西咸新区 member towns named in DOMAIN.md B.2 (an older list, tagged [C]), matched by name.
    (610112002, "三桥街道"), (610112008, "六村堡街道"),
    (610116005, "王寺街道"), (610116006, "马王街道"), (610116010, "斗门街道"), (610116020, "高桥街道"),
    (610118005, "大王街道"),
    (610402005, "陈杨寨街道"), (610402008, "钓台街道"), (610402011, "双照街道"),
    (610404005, "渭城街道"), (610404006, "窑店街道"), (610404007, "正阳街道"), (610404008, "周陵街道"),
    (610404009, "底张街道"), (610404010, "北杜街道"),
    (610423001, "泾干街道"), (610423101, "永乐镇"), (610423108, "高庄镇"), (610423111, "太平镇"),
    (610423112, "崇文镇"),
    (610481106, "南位镇"),  # only partly inside 西咸新区
]


def read_mca(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or not parts[-2].isdigit():
                continue  # header or blank line
            code, name = parts[-2], parts[-1]
            if len(code) != 6:
                raise SystemExit(f"unexpected code {code!r} in {path}")
            if any(code.startswith(p) for p in COVERAGE) or code in PROVINCE_ROWS_ONLY:
                rows.append((int(code), name, 0))
    return rows


def cpp_row(code, name, successor):
    return f'    {{{code}, "{name}", {successor}}},'


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    rows = read_mca(sys.argv[1]) + ROLL_UPS + LEGACY
    rows.sort()
    codes = [r[0] for r in rows]
    if len(set(codes)) != len(codes):
        raise SystemExit("duplicate code")
    towns = sorted(TOWNSHIPS)

    out = []
    w = out.append
    w("#pragma once")
    w("// GENERATED by tools/gen_region_data.py -- do not edit by hand; rerun the script instead.")
    w("//")
    w("// The bundled GB/T 2260 / MCA division-code table (县级以上行政区划代码) and a few township names.")
    w("// Sources:")
    w(f"//  * County level and above: MCA list in https://github.com/{SOURCE_REPO} {SOURCE_PATH}")
    w(f"//    (commit {SOURCE_COMMIT}): the MCA list as of 2021-12, the newest in that")
    w("//    repository (its Revision column reads 202012, but it already has the 2021 changes, e.g. 410307")
    w("//    偃师区, 431181 祁阳市). DOMAIN.md B.2 found the same Beijing districts in the NBS 2023 list.")
    w("//    Coverage: 北京 11, 天津 12, 河北 13, 内蒙古 15 and 广东 44 in full; 威海 3710 and 西安 6101 / 咸阳")
    w("//    6104 with their provinces (370000, 610000). Other real codes are NOT in the table.")
    w("//  * Roll-up codes 110100 / 120100 (市辖区) and 110200 (县): GB/T 2260-2007 (cn/GB2260")
    w("//    GB2260-2007.txt); the MCA lists omit them.")
    w("//  * Legacy aliases (abolished codes kept for old records and ID numbers): GB/T 2260-2007 and the")
    w("//    cn/GB2260 MCA history, see DOMAIN.md B.2 [V]. successor = the code that replaced it.")
    w("//  * Townships: NBS statistical codes from modood/Administrative-divisions-of-China dist/streets.csv")
    w("//    (commit 0b7fd75e6bd8fef6c63d7f02cfaf0a39b33fc199). Names only; township codes are not validated")
    w("//    against this list.")
    w("// NBS-only development-zone codes (county digits 7x, e.g. 371071) are deliberately absent: they are")
    w("// statistical codes, not GB/T 2260 division codes.")
    w("")
    w("#include <cstdint>     // std::uint32_t codes")
    w("#include <string_view> // names point into static storage")
    w("")
    w("namespace eldercare::detail {")
    w("")
    w("/// One division: its code, its Chinese name, and for an abolished code the code that replaced it")
    w("/// (0 for a current code).")
    w("struct region_row {")
    w("  std::uint32_t code;")
    w("  std::string_view name;")
    w("  std::uint32_t successor;")
    w("};")
    w("")
    w(f"/// {len(rows)} county-level-and-above rows, sorted by code (searched by binary search).")
    w("inline constexpr region_row region_rows[] = {")
    for code, name, succ in rows:
        w(cpp_row(code, name, succ))
    w("};")
    w("")
    w(f"/// {len(towns)} township names, sorted by code.")
    w("inline constexpr region_row township_rows[] = {")
    for code, name in towns:
        w(cpp_row(code, name, 0))
    w("};")
    w("")
    w("} // namespace eldercare::detail")
    print("\n".join(out))


if __name__ == "__main__":
    main()
