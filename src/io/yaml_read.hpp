// Typed reading of YNode trees with an error for every value of the wrong shape: the
// building blocks of the site reader. Every function reports to the Diagnostics at the
// offending node and returns nullopt (or nullptr) on error, so that the caller goes on with
// the rest of the file.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/yaml_tree.hpp"
#include "model/date.hpp"
#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::io {

// A mapping whose keys have been checked (no duplicates, none unknown).
class Fields {
  public:
    // The value of `key`, or nullptr where it is absent.
    const YNode* operator[](std::string_view name) const;
    // The key node itself (its location), or nullptr.
    const YNode* key(std::string_view name) const;
    bool has(std::string_view name) const { return key(name) != nullptr; }
    // An unknown key of this mapping was reported as a likely misspelling of `name`.
    bool misspelt(std::string_view name) const;
    const YNode& node() const { return *node_; }
    const SourceLocation& loc() const { return node_->loc; }

  private:
    friend class Reader;
    const YNode* node_ = nullptr;
    std::vector<std::pair<std::string_view, std::size_t>> index_;  // key → pair index
    std::vector<std::string> suggested_;
};

// The closest of `candidates` to `word` (small edit distance), or "" if none is close.
std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates);

class Reader {
  public:
    explicit Reader(Diagnostics& diag) : diag_(diag) {}

    Diagnostics& diag() { return diag_; }
    void error(const SourceLocation& loc, std::string message) {
        diag_.error(loc, std::move(message));
    }
    // Coordinates are longitude, latitude: points are range-checked as such.
    bool geographic = false;

    // `node` as a mapping of the `allowed` keys (plus any `x-` key): reports duplicate and
    // unknown keys (with a suggestion) but still returns the fields; nullopt if `node` is not
    // a mapping. `what` names the mapping in messages ("camera", "site").
    std::optional<Fields> mapping(const YNode& node, std::string_view what,
                                  std::initializer_list<std::string_view> allowed);
    // Reports a missing key at the mapping (unless an unknown key looked like a misspelling of
    // it: that error is enough); returns the value or nullptr.
    const YNode* require(const Fields& f, std::string_view key, std::string_view what);
    // `node` if it is a list, else an error and nullptr.
    const YNode* sequence(const YNode& node, std::string_view what);

    std::optional<std::string> text(const YNode& node, std::string_view what);
    std::optional<std::string> id(const YNode& node, std::string_view what);  // non-empty
    std::optional<std::string> choice(const YNode& node, std::string_view what,
                                      std::initializer_list<std::string_view> allowed);
    std::optional<double> number(const YNode& node, std::string_view what);  // finite
    std::optional<long long> integer(const YNode& node, std::string_view what);
    std::optional<bool> boolean(const YNode& node, std::string_view what);
    std::optional<Date> date(const YNode& node, std::string_view what);
    std::optional<std::vector<std::string>> text_list(const YNode& node, std::string_view what);
    // [x, y] with |x|, |y| <= kMaxAbsCoordinate (and longitude/latitude ranges if geographic).
    std::optional<Point> point(const YNode& node, std::string_view what);
    // A list of points; each bad point is reported.
    std::optional<std::vector<Point>> points(const YNode& node, std::string_view what);

    // Optional keys: `out` is set only where the key is present with a good value.
    void get(const Fields& f, std::string_view key, std::string& out);
    void get(const Fields& f, std::string_view key, bool& out);
    void get(const Fields& f, std::string_view key, std::optional<bool>& out);
    void get(const Fields& f, std::string_view key, double& out);
    void get(const Fields& f, std::string_view key, std::optional<double>& out);

  private:
    Diagnostics& diag_;
};

}  // namespace camaudit::io
