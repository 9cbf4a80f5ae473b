// A minimal parallel loop: runs fn(i) for i in [0, n) on up to `threads` workers (0: all
// cores). Each index is processed exactly once; callers write results into slot i, so the
// outcome never depends on the number of threads or on scheduling.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace camaudit::util {

inline unsigned worker_count(unsigned requested, std::size_t n) {
    unsigned t = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>(t, std::max<std::size_t>(n, 1)));
}

// The first exception thrown by fn is rethrown on the calling thread after all workers stop.
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn&& fn) {
    threads = worker_count(threads, n);
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i) fn(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                fn(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
                next = n;  // stop handing out work
            }
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace camaudit::util
