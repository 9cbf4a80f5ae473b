// A YAML document as a plain tree that keeps every node's position, built from yaml-cpp's
// event parser (or, for the common subset of YAML, a faster reader that builds the same tree)
// rather than YAML::Load so that: aliases are refused before anything is
// expanded (no billion laughs), nesting is bounded, duplicate keys stay visible, and plain
// scalars can be told from quoted ones.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"

namespace camaudit::io {

struct YNode {
    enum class Kind { Null, Scalar, Sequence, Mapping };
    Kind kind = Kind::Null;
    std::string value;   // scalars
    bool plain = false;  // unquoted and not !!str: may be a number or a bool
    SourceLocation loc;  // 1-based
    // Sequence: the items. Mapping: keys and values alternately (key 2i, value 2i + 1), in
    // file order, duplicates included.
    std::vector<YNode> items;

    bool is_null() const { return kind == Kind::Null; }
    bool is_scalar() const { return kind == Kind::Scalar; }
    bool is_sequence() const { return kind == Kind::Sequence; }
    bool is_mapping() const { return kind == Kind::Mapping; }
    std::size_t pair_count() const { return items.size() / 2; }
    const YNode& key(std::size_t i) const { return items[2 * i]; }
    const YNode& val(std::size_t i) const { return items[2 * i + 1]; }
};

// "a mapping", "a list", "the string 'abc'", "nothing (null)": for "expected X, got Y".
std::string describe(const YNode& node);

// Parses the single YAML document of `text` (already checked by check_text). Reports syntax
// errors, aliases, nesting deeper than kMaxNestingDepth, more than one document and an empty
// document; nullopt after any of them.
std::optional<YNode> parse_yaml(const std::string& path, std::string_view text, Diagnostics& diag);

// The two readers behind parse_yaml, for the test that proves they agree: the fast one-pass
// reader of the subset of YAML that site files use (nullopt, silently, outside it), and
// yaml-cpp's event parser (everything, with every error reported).
std::optional<YNode> parse_yaml_subset(const std::string& path, std::string_view text);
std::optional<YNode> parse_yaml_events(const std::string& path, std::string_view text,
                                       Diagnostics& diag);

}  // namespace camaudit::io
