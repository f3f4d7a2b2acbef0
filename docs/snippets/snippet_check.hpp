#pragma once
// The checks the C++ documentation snippets (docs/snippets/<section>/<name>.cpp) share. The docs
// quote the snippets, and their checks make each one a test (a ctest test each, see CMakeLists.txt
// here): a failed check is reported on stderr and makes main return non-zero. One copy here, so the
// snippets hold only the code the pages show and the checks of it.

#include <iostream>    // failed checks
#include <optional>    // the invalid_value a call throws, if any
#include <string>      // error_text
#include <string_view> // check messages

#include <eldercare/core/error.hpp> // invalid_value, error_id

namespace snippet {

/// How many checks have failed so far.
inline int failures = 0;

/// Reports `what` on stderr and counts a failure when `ok` is false.
inline void check(bool ok, std::string_view what) {
  if (!ok) {
    std::cerr << "check failed: " << what << '\n';
    ++failures;
  }
}

/// What main returns: 0 when every check held, 1 otherwise.
inline int exit_code() { return failures == 0 ? 0 : 1; }

/// The eldercare::invalid_value that `f` throws; nullopt when it returns normally.
template <class F>
std::optional<eldercare::invalid_value> invalid_value_thrown_by(F f) {
  try {
    f();
  } catch (const eldercare::invalid_value& e) {
    return e;
  }
  return std::nullopt;
}

/// True when `f` throws eldercare::invalid_value with error id `id`.
template <class F>
bool throws(eldercare::error_id id, F f) {
  const auto e = invalid_value_thrown_by(f);
  return e && e->id() == id;
}

/// The message of the invalid_value that `f` throws with error id `id`; "" when it does not.
template <class F>
std::string error_text(eldercare::error_id id, F f) {
  const auto e = invalid_value_thrown_by(f);
  return e && e->id() == id ? e->what() : "";
}

} // namespace snippet
