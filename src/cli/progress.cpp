#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace camaudit::cli {

namespace {
constexpr std::size_t kMinItems = 8;  // fewer sites finish before a bar would help
}

Progress::Progress(std::string what, std::size_t total)
    : what_(std::move(what)),
      total_(total),
      enabled_(total >= kMinItems && ::isatty(STDERR_FILENO)) {}

Progress::~Progress() {
    if (enabled_) fmt::print(stderr, "\r\x1b[K");
}

void Progress::done(const std::string& item) {
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    ++finished_;
    constexpr int kWidth = 30;
    int filled = static_cast<int>(kWidth * finished_ / total_);
    fmt::print(stderr, "\r\x1b[K{} [{:#<{}}{:<{}}] {}/{} {}", what_, "", filled, "",
               kWidth - filled, finished_, total_, item);
    std::fflush(stderr);
}

}  // namespace camaudit::cli
