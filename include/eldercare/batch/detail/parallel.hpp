#pragma once
// Chunks of rows over std::threads. Chunks are claimed in order from an atomic counter; each call of
// the work function gets its worker's index (for per-worker scratch) and a chunk. An exception stops
// the claiming of new chunks, and the one from the lowest-numbered failing chunk is rethrown, so the
// error a caller sees does not depend on the number of threads.

#include <algorithm> // std::min
#include <atomic>    // the chunk counter
#include <cstddef>   // std::size_t
#include <exception> // std::exception_ptr
#include <limits>
#include <thread> // std::thread, hardware_concurrency
#include <vector>

namespace eldercare::detail {

/// The number of threads to use: `requested`, or the hardware's when 0.
[[nodiscard]] inline unsigned resolve_threads(unsigned requested) noexcept {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw > 0 ? hw : 1;
}

/// Calls work(worker, chunk, begin, end) for every chunk of `chunk_rows` rows of [0, rows).
template <class Work>
void parallel_chunks(std::size_t rows, std::size_t chunk_rows, unsigned threads, Work&& work) {
  if (rows == 0) return;
  const std::size_t chunks = (rows + chunk_rows - 1) / chunk_rows;
  const auto workers = static_cast<unsigned>(std::min<std::size_t>(threads, chunks));
  auto bounds = [&](std::size_t c) {
    const std::size_t begin = c * chunk_rows;
    return std::pair<std::size_t, std::size_t>(begin, std::min(rows, begin + chunk_rows));
  };
  if (workers <= 1) {
    for (std::size_t c = 0; c < chunks; ++c) {
      const auto [begin, end] = bounds(c);
      work(0U, c, begin, end);
    }
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::vector<std::exception_ptr> errors(workers);
  std::vector<std::size_t> failed_chunk(workers, std::numeric_limits<std::size_t>::max());
  auto run = [&](unsigned w) {
    while (!stop.load(std::memory_order_relaxed)) {
      const std::size_t c = next.fetch_add(1, std::memory_order_relaxed);
      if (c >= chunks) return;
      try {
        const auto [begin, end] = bounds(c);
        work(w, c, begin, end);
      } catch (...) {
        errors[w] = std::current_exception();
        failed_chunk[w] = c;
        stop.store(true, std::memory_order_relaxed);
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  try {
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(run, w);
  } catch (...) {
    stop.store(true);
    for (auto& t : pool) t.join();
    throw;
  }
  run(0);
  for (auto& t : pool) t.join();
  std::size_t first = 0;
  for (unsigned w = 1; w < workers; ++w)
    if (failed_chunk[w] < failed_chunk[first]) first = w;
  if (errors[first]) std::rethrow_exception(errors[first]);
}

/// Rows per chunk for subjects evaluated one at a time (a person, a household, a schedule of many
/// months): each costs microseconds, so small chunks keep every thread busy on a few thousand rows.
inline constexpr std::size_t subject_chunk_rows = 256;

/// Calls body(worker, row) for every row of [0, rows), over parallel_chunks (same threads, same
/// error rule). The loop of every row-by-row evaluation, in the library and in the Python binding.
template <class Body>
void parallel_rows(std::size_t rows, std::size_t chunk_rows, unsigned threads, Body&& body) {
  parallel_chunks(rows, chunk_rows, threads,
                  [&](unsigned w, std::size_t, std::size_t begin, std::size_t end) {
                    for (std::size_t i = begin; i < end; ++i) body(w, i);
                  });
}

} // namespace eldercare::detail
