// Where an element of the input was written, for `file:line:column` messages.
#pragma once

#include <fmt/format.h>

#include <compare>
#include <string>
#include <string_view>

namespace camaudit {

// A file's path, interned: one copy for the process however many locations name it. A city's
// site file has tens of millions of YAML nodes, each with a location; a std::string each was
// a heap copy of the path (60-80 bytes) and a malloc per node. Copies are a pointer; the
// strings live until the process ends (a run reads a handful of files). Thread-safe.
class SourceFile {
  public:
    SourceFile() : path_(&empty_path()) {}
    SourceFile(const std::string& path) : path_(intern(path)) {}  // NOLINT: implicit, like a string
    SourceFile(const char* path) : path_(intern(path)) {}         // NOLINT
    SourceFile(std::string_view path) : path_(intern(path)) {}    // NOLINT

    const std::string& str() const { return *path_; }
    operator const std::string&() const { return *path_; }  // NOLINT
    const char* c_str() const { return path_->c_str(); }
    bool empty() const { return path_->empty(); }

    // By the path's text, not the pointer: diagnostics and findings are sorted by file.
    friend bool operator==(const SourceFile& a, const SourceFile& b) {
        return a.path_ == b.path_;  // interned: equal text, equal pointer
    }
    friend std::strong_ordering operator<=>(const SourceFile& a, const SourceFile& b) {
        if (a.path_ == b.path_) return std::strong_ordering::equal;
        return a.path_->compare(*b.path_) <=> 0;
    }

  private:
    static const std::string* intern(std::string_view path);
    static const std::string& empty_path();
    const std::string* path_;
};

struct SourceLocation {
    SourceFile file;
    int line = 0;    // 1-based; 0 = unknown (the top of the file)
    int column = 0;  // 1-based

    bool known() const { return line > 0; }
};

}  // namespace camaudit

template <>
struct fmt::formatter<camaudit::SourceFile> : fmt::formatter<std::string_view> {
    auto format(const camaudit::SourceFile& f, fmt::format_context& ctx) const {
        return fmt::formatter<std::string_view>::format(f.str(), ctx);
    }
};
