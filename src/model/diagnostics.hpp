// Input errors, collected so that one run reports every independent problem of a file.
//
// Readers add an error and carry on where the rest of the file still makes sense; the
// command prints all of them as `file:line:column: message` and exits 2.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/source_location.hpp"

namespace camaudit {

struct Diagnostic {
    enum class Level { Error, Warning };
    Level level = Level::Error;
    SourceLocation loc;
    std::string message;

    // `file:line:column: message` (or `file: message` where the position is unknown); with
    // `chinese`, the message in Chinese where the catalogue has it (util/message_catalog.hpp).
    std::string str(bool chinese = false) const;
};

class Diagnostics {
  public:
    static constexpr std::size_t kMaxErrors = 50;  // more would bury the first ones

    void error(const SourceLocation& loc, std::string message);
    void warning(const SourceLocation& loc, std::string message);

    // Appends another collection's diagnostics (e.g. one per site read in parallel); the
    // cap stays per collection, that is per file.
    void merge(const Diagnostics& other);

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    bool full() const { return errors_ >= kMaxErrors; }
    const std::vector<Diagnostic>& all() const { return items_; }
    // Sorted by file, line, column; stable for equal positions.
    std::vector<Diagnostic> sorted() const;

    // The `site.region` of a file, as soon as a reader knows it: it decides the language of
    // the file's messages when neither --lang nor the locale does (like the reports').
    void note_region(const std::string& file, std::string region);
    std::string region_of(const std::string& file) const;

  private:
    std::map<std::string, std::string> regions_;
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
    std::size_t suppressed_ = 0;
};

// Thrown where reading cannot go on at all (unreadable file, syntax error). Readers catch it
// at their top and turn it into a diagnostic.
struct InputError : std::runtime_error {
    SourceLocation loc;
    InputError(SourceLocation l, const std::string& message)
        : std::runtime_error(message), loc(std::move(l)) {}
};

}  // namespace camaudit
