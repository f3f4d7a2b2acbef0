#pragma once
// Where a person is registered (户籍) and where they live (居住地). The two are separate facts: a
// Xicheng-registered elder may live in Hebei, and "rural" is decided by where one lives, not by a
// hukou type (the 2014 reform abolished 农业/非农业 hukou, DOMAIN.md B.1).

#include <optional>

#include "eldercare/calendar/date.hpp"
#include "eldercare/region/region_code.hpp"

namespace eldercare {

/// 户籍: the registered permanent residence, and since when (if known).
struct hukou {
  region_code region;
  std::optional<date> since; ///< date of the current registration; unknown for many old records
};

/// 居住地: where the person actually lives.
struct residence {
  region_code region;
  /// Lives in a village (村委会) rather than a residents' committee (居委会) area; the NBS
  /// urban-rural class 2xx. Decided by residence, never by hukou type.
  bool rural = false;
};

} // namespace eldercare
