// A progress line on stderr for long runs over many sites: only when stderr is a terminal and
// there is more than a handful of sites, so pipes and CI logs stay clean.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>

namespace camaudit::cli {

class Progress {
  public:
    Progress(std::string what, std::size_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // One more item finished (thread-safe).
    void done(const std::string& item);

  private:
    std::string what_;
    std::size_t total_;
    std::size_t finished_ = 0;
    bool enabled_;
    std::mutex mutex_;
};

}  // namespace camaudit::cli
