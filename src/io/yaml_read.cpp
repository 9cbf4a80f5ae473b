#include "io/yaml_read.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "io/site_reader.hpp"

namespace camaudit::io {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

bool lower_equal(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

enum class NumberKind { Finite, NaN, Infinite, OutOfRange, NotANumber };

// YAML 1.2 core schema floats and integers (decimal only), plus the .nan/.inf spellings.
NumberKind parse_number(std::string_view s, double& out) {
    std::string_view body = s;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
    if (lower_equal(body, ".nan") || lower_equal(body, "nan")) return NumberKind::NaN;
    if (lower_equal(body, ".inf") || lower_equal(body, "inf") || lower_equal(body, "infinity"))
        return NumberKind::Infinite;
    std::size_t i = 0;
    std::size_t digits = 0;
    while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i, ++digits;
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i, ++digits;
    }
    if (digits == 0) return NumberKind::NotANumber;
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
        const std::size_t start = i;
        while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i;
        if (i == start) return NumberKind::NotANumber;
    }
    if (i != body.size()) return NumberKind::NotANumber;
    double v = 0;
    auto [p, ec] = std::from_chars(body.data(), body.data() + body.size(), v);
    if (ec == std::errc::result_out_of_range || !std::isfinite(v)) return NumberKind::OutOfRange;
    if (ec != std::errc() || p != body.data() + body.size()) return NumberKind::NotANumber;
    out = s[0] == '-' ? -v : v;
    return NumberKind::Finite;
}

std::string fmt_num(double v) {
    return fmt::format("{}", v);
}

}  // namespace

std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates) {
    std::string best;
    std::size_t best_d = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3)) + 1;
    for (auto c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = std::string(c);
        }
    }
    return best;
}

const YNode* Fields::key(std::string_view name) const {
    for (const auto& [k, i] : index_)
        if (k == name) return &node_->key(i);
    return nullptr;
}

bool Fields::misspelt(std::string_view name) const {
    return std::find(suggested_.begin(), suggested_.end(), name) != suggested_.end();
}

const YNode* Fields::operator[](std::string_view name) const {
    for (const auto& [k, i] : index_)
        if (k == name) return &node_->val(i);
    return nullptr;
}

std::optional<Fields> Reader::mapping(const YNode& node, std::string_view what,
                                      std::initializer_list<std::string_view> allowed) {
    if (!node.is_mapping()) {
        error(node.loc, fmt::format("{}: expected a mapping, got {}", what, describe(node)));
        return std::nullopt;
    }
    Fields f;
    f.node_ = &node;
    const std::vector<std::string_view> names(allowed);
    for (std::size_t i = 0; i < node.pair_count(); ++i) {
        const YNode& k = node.key(i);
        if (!k.is_scalar()) {
            error(k.loc, fmt::format("{}: a key must be a name, got {}", what, describe(k)));
            continue;
        }
        if (const YNode* first = f.key(k.value)) {
            error(k.loc, fmt::format("duplicate key '{}' (first given at {}:{})", k.value,
                                     first->loc.line, first->loc.column));
            continue;
        }
        if (k.value.starts_with("x-")) continue;
        if (std::find(names.begin(), names.end(), k.value) == names.end()) {
            const std::string hint = suggest(k.value, names);
            if (!hint.empty()) f.suggested_.push_back(hint);
            error(k.loc, hint.empty() ? fmt::format("unknown key '{}' in {}", k.value, what)
                                      : fmt::format("unknown key '{}' in {}; did you mean '{}'?",
                                                    k.value, what, hint));
            continue;
        }
        f.index_.emplace_back(k.value, i);
    }
    return f;
}

const YNode* Reader::require(const Fields& f, std::string_view key, std::string_view what) {
    const YNode* v = f[key];
    if (!v && !f.misspelt(key))
        error(f.loc(), fmt::format("{}: missing required key '{}'", what, key));
    return v;
}

const YNode* Reader::sequence(const YNode& node, std::string_view what) {
    if (node.is_sequence()) return &node;
    error(node.loc, fmt::format("{}: expected a list, got {}", what, describe(node)));
    return nullptr;
}

std::optional<std::string> Reader::text(const YNode& node, std::string_view what) {
    if (node.is_scalar()) return node.value;
    error(node.loc, fmt::format("{}: expected a string, got {}", what, describe(node)));
    return std::nullopt;
}

std::optional<std::string> Reader::id(const YNode& node, std::string_view what) {
    auto s = text(node, what);
    if (s && s->empty()) {
        error(node.loc, fmt::format("{}: an id must not be empty", what));
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> Reader::choice(const YNode& node, std::string_view what,
                                          std::initializer_list<std::string_view> allowed) {
    auto s = text(node, what);
    if (!s) return s;
    if (std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) return s;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    const std::string hint = suggest(*s, std::vector<std::string_view>(allowed));
    error(node.loc, fmt::format("{}: unknown value '{}' (expected one of: {}){}", what, *s, list,
                                hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
    return std::nullopt;
}

std::optional<double> Reader::number(const YNode& node, std::string_view what) {
    double v = 0;
    const NumberKind kind =
        node.is_scalar() && node.plain ? parse_number(node.value, v) : NumberKind::NotANumber;
    switch (kind) {
        case NumberKind::Finite:
            return v;
        case NumberKind::NaN:
            error(node.loc, fmt::format("{}: NaN is not allowed; expected a number", what));
            break;
        case NumberKind::Infinite:
            error(node.loc, fmt::format("{}: infinite value is not allowed; expected a finite "
                                        "number",
                                        what));
            break;
        case NumberKind::OutOfRange:
            error(node.loc, fmt::format("{}: number {} is out of range", what, node.value));
            break;
        case NumberKind::NotANumber:
            error(node.loc, fmt::format("{}: expected a number, got {}", what, describe(node)));
            break;
    }
    return std::nullopt;
}

std::optional<long long> Reader::integer(const YNode& node, std::string_view what) {
    if (node.is_scalar() && node.plain && !node.value.empty()) {
        std::string_view s = node.value;
        if (s[0] == '+') s.remove_prefix(1);
        long long v = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec == std::errc() && p == s.data() + s.size()) return v;
        if (ec == std::errc::result_out_of_range) {
            error(node.loc, fmt::format("{}: integer {} is out of range", what, node.value));
            return std::nullopt;
        }
    }
    error(node.loc, fmt::format("{}: expected an integer, got {}", what, describe(node)));
    return std::nullopt;
}

std::optional<bool> Reader::boolean(const YNode& node, std::string_view what) {
    if (node.is_scalar() && node.plain) {
        for (const auto* t : {"true", "True", "TRUE"})
            if (node.value == t) return true;
        for (const auto* f : {"false", "False", "FALSE"})
            if (node.value == f) return false;
    }
    error(node.loc, fmt::format("{}: expected true or false, got {}", what, describe(node)));
    return std::nullopt;
}

std::optional<Date> Reader::date(const YNode& node, std::string_view what) {
    if (node.is_scalar()) {
        if (auto d = Date::parse(node.value)) return d;
        error(node.loc,
              fmt::format("{}: '{}' is not a valid date (expected YYYY-MM-DD, a real day)", what,
                          node.value));
        return std::nullopt;
    }
    error(node.loc, fmt::format("{}: expected a date (YYYY-MM-DD), got {}", what, describe(node)));
    return std::nullopt;
}

std::optional<std::vector<std::string>> Reader::text_list(const YNode& node,
                                                          std::string_view what) {
    if (!sequence(node, what)) return std::nullopt;
    std::vector<std::string> out;
    bool ok = true;
    for (const auto& item : node.items) {
        if (auto s = id(item, what))
            out.push_back(*s);
        else
            ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
}

std::optional<Point> Reader::point(const YNode& node, std::string_view what) {
    if (!node.is_sequence() || node.items.size() != 2) {
        const std::string got = node.is_sequence()
                                    ? fmt::format("a list of {} values", node.items.size())
                                    : describe(node);
        error(node.loc, fmt::format("{}: expected a point [x, y], got {}", what, got));
        return std::nullopt;
    }
    auto x = number(node.items[0], what);
    auto y = number(node.items[1], what);
    if (!x || !y) return std::nullopt;
    bool ok = true;
    for (int i = 0; i < 2; ++i) {
        const double v = i == 0 ? *x : *y;
        const SourceLocation& at = node.items[i].loc;
        if (std::fabs(v) > kMaxAbsCoordinate) {
            error(at, fmt::format("{}: coordinate {} is out of range (absolute value at most {})",
                                  what, fmt_num(v), fmt_num(kMaxAbsCoordinate)));
            ok = false;
        } else if (geographic && i == 0 && std::fabs(v) > 180) {
            error(at, fmt::format("{}: longitude {} is outside [-180, 180]", what, fmt_num(v)));
            ok = false;
        } else if (geographic && i == 1 && std::fabs(v) > 90) {
            error(at, fmt::format("{}: latitude {} is outside [-90, 90]", what, fmt_num(v)));
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return Point{*x, *y};
}

std::optional<std::vector<Point>> Reader::points(const YNode& node, std::string_view what) {
    if (!sequence(node, what)) return std::nullopt;
    if (node.items.size() > kMaxVertices) {
        error(node.loc, fmt::format("{}: {} points, more than the limit of {}", what,
                                    node.items.size(), kMaxVertices));
        return std::nullopt;
    }
    std::vector<Point> out;
    bool ok = true;
    for (const auto& item : node.items) {
        if (auto p = point(item, what))
            out.push_back(*p);
        else
            ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
}

void Reader::get(const Fields& f, std::string_view key, std::string& out) {
    if (const YNode* v = f[key])
        if (auto s = text(*v, key)) out = *s;
}

void Reader::get(const Fields& f, std::string_view key, bool& out) {
    if (const YNode* v = f[key])
        if (auto b = boolean(*v, key)) out = *b;
}

void Reader::get(const Fields& f, std::string_view key, std::optional<bool>& out) {
    if (const YNode* v = f[key])
        if (auto b = boolean(*v, key)) out = *b;
}

void Reader::get(const Fields& f, std::string_view key, double& out) {
    if (const YNode* v = f[key])
        if (auto d = number(*v, key)) out = *d;
}

void Reader::get(const Fields& f, std::string_view key, std::optional<double>& out) {
    if (const YNode* v = f[key])
        if (auto d = number(*v, key)) out = *d;
}

}  // namespace camaudit::io
