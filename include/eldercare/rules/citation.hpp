#pragma once
// Where a rule comes from. Every rule in eldercare carries the clause it encodes, so that a decision
// can say which text it applied and an analyst can check the reading.

#include <optional>
#include <string>

#include "eldercare/calendar/date.hpp"

namespace eldercare {

struct citation {
  std::string document; ///< the text, e.g. 《西城区户籍老年人赴津冀蒙异地康养扶持办法》
  std::string clause;   ///< where in it, e.g. "para. 4 (2024-01-12 press briefing)"
  std::string key_phrase; ///< the words encoded, e.g. "入住…满三个月的，每人每月补贴600元"
  std::string source;     ///< where we read it: a seed file name or an address
  std::optional<date> effective_from;
  std::optional<date> effective_to; ///< last day in force; empty while in force

  /// "《…》 para. 4: 入住…满三个月 (in force 2020-06-01–)".
  [[nodiscard]] std::string to_string() const {
    std::string s = document;
    if (!clause.empty()) s += " " + clause;
    if (!key_phrase.empty()) s += ": " + key_phrase;
    if (effective_from || effective_to) {
      s += " (in force ";
      s += effective_from ? to_iso(*effective_from) : std::string("?");
      s += "–";
      if (effective_to) s += to_iso(*effective_to);
      s += ")";
    }
    return s;
  }
  friend bool operator==(const citation&, const citation&) = default;
};

} // namespace eldercare
