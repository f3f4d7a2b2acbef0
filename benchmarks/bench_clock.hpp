#pragma once
// What every benchmark program measures with: wall-clock seconds and the process's peak resident
// memory. Benchmarks only; not part of the library.

#include <chrono>  // wall-clock timing
#include <cstdlib> // std::strtol
#include <fstream> // /proc/self/status
#include <string>  // its lines

namespace eldercare_bench {
using clock_type = std::chrono::steady_clock;

inline double seconds_since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

/// The peak resident set (VmHWM) in KiB, or -1 where /proc is not available.
inline long peak_rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return -1;
}
} // namespace eldercare_bench
