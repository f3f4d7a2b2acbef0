// Compile-only: region_code is its own type. It is made only by parse()/from_number(), never from
// or compared with a bare number or string; and the table look-ups work at compile time.
#include <concepts>    // std::equality_comparable_with, std::totally_ordered
#include <cstdint>     // std::uint32_t
#include <string>      // std::string
#include <string_view> // std::string_view
#include <type_traits> // std::is_convertible_v, std::is_constructible_v

#include "eldercare/region/named_regions.hpp"
#include "eldercare/region/region_code.hpp"
#include "eldercare/region/region_set.hpp"

using eldercare::region_code;
using eldercare::region_level;
using eldercare::region_set;
namespace regions = eldercare::regions;

// Type safety.
static_assert(!std::is_convertible_v<int, region_code>, "no implicit region_code from an int");
static_assert(!std::is_constructible_v<region_code, int>, "no region_code(int): use from_number");
static_assert(!std::is_constructible_v<region_code, std::uint32_t>, "no region_code(uint32_t)");
static_assert(!std::is_convertible_v<const char*, region_code>, "no region_code from text");
static_assert(!std::is_constructible_v<region_code, std::string_view>, "text goes through parse()");
static_assert(!std::is_convertible_v<region_code, std::uint32_t>, "value() is explicit");
static_assert(!std::is_default_constructible_v<region_code>, "every region_code is a checked code");
static_assert(!std::equality_comparable_with<region_code, int>, "region_code does not compare with an int");
static_assert(!std::equality_comparable_with<region_code, std::uint32_t>,
              "region_code does not compare with a number");
static_assert(!std::totally_ordered_with<region_code, int>, "region_code does not order against an int");
static_assert(!std::equality_comparable_with<region_code, std::string>,
              "region_code does not compare with text");
static_assert(std::totally_ordered<region_code>, "region_codes order among themselves");
static_assert(std::is_trivially_copyable_v<region_code>, "cheap to pass by value in hot loops");
static_assert(sizeof(region_code) == sizeof(std::uint32_t), "one 32-bit code, nothing else");
static_assert(!std::is_convertible_v<region_code, region_set>, "a code is not a set");

// Compile-time look-ups: values from DOMAIN.md B.2.
static_assert(regions::xicheng.value() == 110102);
static_assert(regions::xicheng.name() == "西城区");
static_assert(regions::xicheng.level() == region_level::county);
static_assert(regions::beijing.level() == region_level::province);
static_assert(region_code::from_number(110100).level() == region_level::prefecture);
static_assert(regions::beijing.contains(regions::xicheng));
static_assert(!regions::xicheng.contains(regions::beijing));
static_assert(regions::xuanwu.is_legacy() && regions::xuanwu.current() == regions::xicheng);
static_assert(regions::xuanwu != regions::xicheng, "legacy codes stay as recorded");
static_assert(region_code::from_number(320103).current() == region_code::from_number(320104),
              "白下区 -> 秦淮区 through the history, at compile time");
static_assert(region_code::from_number(330104).current() == region_code::from_number(330104),
              "江干区 was split: no one current code");
static_assert(region_code::from_number(110228).name() == "密云县" && regions::miyun.name() == "密云区");
static_assert(region_code::parse("610112008").level() == region_level::township);
static_assert(region_code::parse("610112008").name() == "六村堡街道");
static_assert(region_code::parse("610112008").province() == regions::shaanxi);
static_assert(regions::rongcheng.prefecture() == regions::weihai);
static_assert(regions::hebei < regions::inner_mongolia);
static_assert(region_code::from_number(110101) < region_code::parse("110101001"),
              "a parent sorts before its children");
static_assert(region_code::parse("110101001") < regions::xicheng);
