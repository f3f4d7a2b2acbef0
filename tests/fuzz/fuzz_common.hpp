#pragma once
// Helpers shared by the libFuzzer harnesses: the exception contract (constructing a value from bad
// input throws eldercare::invalid_value and nothing else), invariant checks that stop the fuzzer
// with a message, and dates drawn from the fuzzer's bytes.

#include <fuzzer/FuzzedDataProvider.h> // FuzzedDataProvider: typed values from the fuzzer's bytes

#include <cstdio>    // std::fprintf to stderr before trapping
#include <exception> // std::exception, to name an unexpected exception
#include <typeinfo>  // typeid(...).name() of an unexpected exception

#include "eldercare/calendar/date.hpp"
#include "eldercare/core/error.hpp"

namespace eldercare_fuzz {

using eldercare::date;

/// Stops the fuzzer (libFuzzer saves the input as a crash artifact).
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "eldercare fuzz: %s\n", what);
  __builtin_trap();
}

/// An invariant: `ok` must hold.
inline void expect(bool ok, const char* what) {
  if (!ok) fail(what);
}

/// Runs `f`, accepting eldercare::invalid_value (the documented reaction to bad input) and trapping
/// on any other exception.
template <class F>
void guarded(F&& f) {
  try {
    f();
  } catch (const eldercare::invalid_value&) {
    // expected for invalid input
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eldercare fuzz: unexpected %s: %s\n", typeid(e).name(), e.what());
    __builtin_trap();
  } catch (...) {
    fail("unexpected non-std exception");
  }
}

/// Runs `f`, which must not throw at all: the inputs are valid. Traps naming `what` otherwise.
template <class F>
auto must_not_throw(F&& f, const char* what) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eldercare fuzz: %s threw %s: %s\n", what, typeid(e).name(), e.what());
    __builtin_trap();
  } catch (...) {
    fail(what);
  }
}

/// Whether a date is a real date inside eldercare's supported years.
inline bool in_range(const date& d) {
  return !d.is_special() && d.year() >= eldercare::min_year && d.year() <= eldercare::max_year;
}

inline const date first_supported{static_cast<unsigned short>(eldercare::min_year), 1, 1};
inline const date last_supported{static_cast<unsigned short>(eldercare::max_year), 12, 31};

/// A date in the supported years, 1800-01-01..2400-12-31. Both ends are reachable so that the
/// edges of the range get exercised.
inline date supported_date(FuzzedDataProvider& in) {
  const long span = (last_supported - first_supported).days();
  switch (in.ConsumeIntegralInRange<int>(0, 7)) {
  case 0: return first_supported + boost::gregorian::date_duration(in.ConsumeIntegralInRange<long>(0, 400));
  case 1: return last_supported - boost::gregorian::date_duration(in.ConsumeIntegralInRange<long>(0, 400));
  default: return first_supported + boost::gregorian::date_duration(in.ConsumeIntegralInRange<long>(0, span));
  }
}

/// Any boost date a caller could hand in: mostly supported, sometimes outside 1800-2400 (Boost goes
/// from 1400 to 9999) or special (not-a-date-time, +/- infinity).
inline date any_date(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 15)) {
  case 0: return date(boost::gregorian::not_a_date_time);
  case 1: return date(boost::gregorian::pos_infin);
  case 2: return date(boost::gregorian::neg_infin);
  case 3: {
    const date boost_first(1400, 1, 1);
    const date boost_last(9999, 12, 31);
    const long span = (boost_last - boost_first).days();
    return boost_first + boost::gregorian::date_duration(in.ConsumeIntegralInRange<long>(0, span));
  }
  default: return supported_date(in);
  }
}

} // namespace eldercare_fuzz
