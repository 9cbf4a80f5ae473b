// A small, strict YAML tree for rule packs, built from yaml-cpp's parser events so that
// duplicate keys, anchors and aliases are caught (yaml-cpp's Node API hides them) and every
// node keeps its 1-based line and column. Internal to the rule-pack loader.
#pragma once

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/date.hpp"
#include "model/diagnostics.hpp"

namespace camaudit::audit::packyaml {

struct Node {
    enum class Type { Null, Scalar, Sequence, Map };
    Type type = Type::Null;
    std::string value;                           // Scalar
    bool plain = false;                          // Scalar written without quotes or block style
    int line = 0;                                // 1-based
    int column = 0;                              // 1-based
    std::vector<Node> items;                     // Sequence
    std::vector<std::pair<Node, Node>> entries;  // Map, in file order; keys are scalars

    // Defined out of line: in C++20 clang instantiates the (constexpr) destructor of
    // `entries` at the class's implicit one, where pair<Node, Node> is still incomplete.
    Node();
    Node(const Node&);
    Node(Node&&) noexcept;
    Node& operator=(const Node&);
    Node& operator=(Node&&) noexcept;
    ~Node();

    bool is_scalar() const { return type == Type::Scalar; }
    bool is_map() const { return type == Type::Map; }
    bool is_seq() const { return type == Type::Sequence; }
    bool is_null() const { return type == Type::Null; }
    const Node* find(const std::string& key) const;
};

// Parses `path` (one document). Syntax errors, duplicate keys, non-scalar keys, anchors,
// aliases, tags and further documents go to `diag`; nullopt when the file cannot be read
// or parsed at all, or when any of those errors was found.
std::optional<Node> parse_file(const std::string& path, Diagnostics& diag);

// The same for the bytes of a file: checked as text (io::check_text: encodings, control
// characters, size), then read by the fast reader of the YAML subset when it takes the text,
// else by yaml-cpp's events (parse_events, on checked text; also for the test that the two
// readers agree).
std::optional<Node> parse_text(const std::string& path, const std::string& bytes,
                               Diagnostics& diag);
std::optional<Node> parse_events(const std::string& path, const std::string& text,
                                 Diagnostics& diag);

// Typed access to the fields of a mapping: each accessor reports a wrong type (or a missing
// required key) at the node, as file:line:column, and returns nullopt / nothing.
class FieldReader {
  protected:
    FieldReader(std::string file, Diagnostics& diag) : file_(std::move(file)), diag_(diag) {}

    SourceLocation loc(const Node& n) const { return {file_, n.line, n.column}; }
    void error(const Node& n, std::string message) { diag_.error(loc(n), std::move(message)); }

    // Reports keys outside `allowed` (keys starting with "x-" are extensions, ignored).
    void check_keys(const Node& map, std::initializer_list<std::string_view> allowed,
                    std::string_view what) {
        for (const auto& [k, v] : map.entries) {
            if (k.value.starts_with("x-")) continue;
            bool ok = false;
            for (auto a : allowed) ok = ok || k.value == a;
            if (!ok) error(k, fmt::format("unknown key \"{}\" in {}", k.value, what));
        }
    }
    bool expect_map(const Node& n, std::string_view what) {
        if (n.is_map()) return true;
        error(n, fmt::format("{} must be a mapping", what));
        return false;
    }
    // A present, non-null sequence; reports other types.
    const Node* seq(const Node& map, const std::string& key) {
        const Node* n = map.find(key);
        if (!n || n->is_null()) return nullptr;
        if (n->is_seq()) return n;
        error(*n, fmt::format("\"{}\" must be a list", key));
        return nullptr;
    }
    std::optional<std::string> str(const Node& map, const std::string& key, bool required,
                                   std::string_view what) {
        const Node* n = map.find(key);
        if (!n || n->is_null()) {
            if (required) error(n ? *n : map, fmt::format("{} needs \"{}\"", what, key));
            return std::nullopt;
        }
        if (!n->is_scalar()) {
            error(*n, fmt::format("\"{}\" must be a string", key));
            return std::nullopt;
        }
        if (required && n->value.empty()) {
            error(*n, fmt::format("\"{}\" must not be empty", key));
            return std::nullopt;
        }
        return n->value;
    }
    std::string text(const Node& map, const std::string& key, bool required,
                     std::string_view what) {
        return str(map, key, required, what).value_or("");
    }
    std::optional<bool> boolean(const Node& map, const std::string& key) {
        const Node* n = map.find(key);
        if (!n) return std::nullopt;
        if (n->is_scalar() && n->plain && (n->value == "true" || n->value == "false"))
            return n->value == "true";
        error(*n, fmt::format("\"{}\" must be true or false", key));
        return std::nullopt;
    }
    std::optional<long> integer(const Node& n, const std::string& key) {
        long v = 0;
        if (n.is_scalar() && n.plain) {
            const char* end = n.value.data() + n.value.size();
            auto r = std::from_chars(n.value.data(), end, v);
            if (r.ec == std::errc() && r.ptr == end) return v;
        }
        error(n, fmt::format("\"{}\" must be an integer", key));
        return std::nullopt;
    }
    std::optional<double> number(const Node& n, const std::string& key) {
        double v = 0;
        if (n.is_scalar() && n.plain) {
            const char* end = n.value.data() + n.value.size();
            auto r = std::from_chars(n.value.data(), end, v);
            if (r.ec == std::errc() && r.ptr == end && std::isfinite(v)) return v;
        }
        error(n, fmt::format("\"{}\" must be a number", key));
        return std::nullopt;
    }
    std::optional<Date> date(const Node& map, const std::string& key) {
        const Node* n = map.find(key);
        if (!n || n->is_null()) return std::nullopt;
        if (n->is_scalar())
            if (auto d = Date::parse(n->value)) return d;
        error(*n, fmt::format("\"{}\" must be a date (YYYY-MM-DD)", key));
        return std::nullopt;
    }
    std::vector<std::pair<std::string, SourceLocation>> strings(const Node& map,
                                                                const std::string& key) {
        std::vector<std::pair<std::string, SourceLocation>> out;
        if (const Node* s = seq(map, key)) {
            for (const auto& item : s->items) {
                if (item.is_scalar() && !item.value.empty())
                    out.emplace_back(item.value, loc(item));
                else
                    error(item, fmt::format("\"{}\" must list non-empty strings", key));
            }
        }
        return out;
    }

    std::string file_;
    Diagnostics& diag_;
};

}  // namespace camaudit::audit::packyaml
