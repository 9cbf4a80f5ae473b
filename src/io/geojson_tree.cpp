#include "io/geojson_tree.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <numeric>

#include "io/site_reader.hpp"

namespace camaudit::io {

namespace {

namespace od = simdjson::ondemand;

// Thrown by the builder to stop after a reported error.
struct Stop {};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// RFC 8259 §6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool json_number_syntax(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    auto digits = [&] {
        const std::size_t start = i;
        while (i < n && is_digit(s[i])) ++i;
        return i > start;
    };
    if (i < n && s[i] == '-') ++i;
    if (i < n && s[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < n && s[i] == '.') {
        ++i;
        if (!digits()) return false;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits()) return false;
    }
    return i == n;
}

// Line and column of byte offsets that mostly grow, as a traversal in file order asks for
// them: each call scans only the bytes since the previous one, so a whole file costs one pass.
class LineCounter {
  public:
    LineCounter(const std::string& path, std::string_view text) : path_(path), text_(text) {}

    SourceLocation at(std::size_t offset) {
        offset = std::min(offset, text_.size());
        if (offset < pos_) pos_ = line_start_ = 0, line_ = 1;  // backwards: rescan (rare)
        while (pos_ < offset) {
            const void* nl = std::memchr(text_.data() + pos_, '\n', offset - pos_);
            if (!nl) {
                pos_ = offset;
                break;
            }
            pos_ = static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
            line_start_ = pos_;
            ++line_;
        }
        return SourceLocation{path_, line_, static_cast<int>(offset - line_start_) + 1};
    }

  private:
    const SourceFile path_;  // interned once, copied into every location
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_start_ = 0;
    int line_ = 1;
};

// Where simdjson's stage 1 fails without a position: the first tab, CR or LF inside a string
// (JSON wants them escaped), or the opening quote of a string that never closes.
struct StringProblem {
    std::size_t offset;
    bool unclosed;
};

std::optional<StringProblem> find_string_problem(std::string_view text) {
    bool in_string = false;
    std::size_t open = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!in_string) {
            if (c == '"') in_string = true, open = i;
        } else if (c == '\\') {
            ++i;
        } else if (c == '"') {
            in_string = false;
        } else if (c == '\t' || c == '\n' || c == '\r') {
            return StringProblem{i, false};
        }
    }
    if (in_string) return StringProblem{open, true};
    return std::nullopt;
}

std::string shown_char(char c) {
    if (c == '\n') return "a line break";
    if (c == '\t') return "a tab";
    return fmt::format("'{}'", c);
}

class TreeBuilder {
  public:
    TreeBuilder(const std::string& path, std::string_view text,
                const simdjson::padded_string& buffer, Diagnostics& diag)
        : text_(text), buffer_(buffer), lines_(path, text), diag_(diag) {}

    YNode build(od::document& doc) {
        doc_ = &doc;
        const std::size_t start = first_token();
        if (text_[start] != '{' && text_[start] != '[')
            fail(start, fmt::format("the top level must be a JSON object (a GeoJSON "
                                    "FeatureCollection), got '{}'",
                                    trim_right(text_.substr(start, 20))));
        od::value root;
        if (auto e = doc.get_value().get(root)) syntax_error(e, first_token());
        YNode tree = value(root, 0);
        const char* rest = nullptr;
        if (!doc.current_location().get(rest))
            fail(offset_of(rest), "trailing content after the JSON document");
        return tree;
    }

  private:
    std::size_t offset_of(const char* p) const {
        return static_cast<std::size_t>(p - buffer_.data());
    }
    std::size_t first_token() const {
        std::size_t i = 0;
        while (i < text_.size() && is_space(text_[i])) ++i;
        return i;
    }
    [[noreturn]] void fail(std::size_t offset, std::string message) {
        diag_.error(lines_.at(offset), std::move(message));
        throw Stop{};
    }
    // A structural error found while iterating: simdjson knows roughly where it stopped.
    [[noreturn]] void syntax_error(simdjson::error_code e, std::size_t fallback) {
        std::size_t at = fallback;
        const char* p = nullptr;
        if (doc_ && !doc_->current_location().get(p)) at = offset_of(p);
        at = std::min(at, text_.size());
        if (e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT || at >= text_.size())
            fail(text_.size(), "JSON syntax error: the file ends inside an object or array");
        // TAPE_ERROR is simdjson's word for a misplaced comma, colon, brace or bracket.
        const std::string detail =
            e == simdjson::TAPE_ERROR ? "" : fmt::format(" ({})", simdjson::error_message(e));
        fail(at, fmt::format("JSON syntax error at {}: a missing or extra comma, colon, brace or "
                             "bracket{}",
                             shown_char(text_[at]), detail));
    }

    YNode value(od::value v, int depth) {
        const std::string_view token = v.raw_json_token();
        const std::size_t offset = offset_of(token.data());
        // The tree costs some 200 bytes per value: bound it as the YAML reader does.
        if (++values_ > kMaxYamlValues)
            fail(offset, fmt::format("more than {} JSON values: the file is too large for a "
                                     "site file",
                                     kMaxYamlValues));
        YNode n;
        n.loc = lines_.at(offset);
        switch (token.empty() ? '\0' : token[0]) {
            case '{':
                return object(v, std::move(n), depth);
            case '[':
                return array(v, std::move(n), depth);
            case '"':
                return string(v, std::move(n), offset);
            default:
                return scalar(trim_right(token), std::move(n), offset);
        }
    }

    void open(std::size_t offset, int depth) {
        if (depth >= kMaxNestingDepth)
            fail(offset, fmt::format("nesting deeper than {} levels", kMaxNestingDepth));
    }

    YNode object(od::value v, YNode n, int depth) {
        const std::size_t offset = offset_of(v.raw_json_token().data());
        open(offset, depth);
        n.kind = YNode::Kind::Mapping;
        od::object obj;
        if (auto e = v.get_object().get(obj)) syntax_error(e, offset);
        for (auto result : obj) {
            od::field field;
            if (auto e = std::move(result).get(field)) syntax_error(e, offset);
            YNode key;
            key.kind = YNode::Kind::Scalar;
            const std::size_t key_offset = offset_of(field.key().raw()) - 1;  // the quote
            key.loc = lines_.at(key_offset);
            std::string_view name;
            if (field.unescaped_key().get(name))
                fail(key_offset,
                     "invalid member name: a bad escape sequence or a lone UTF-16 "
                     "surrogate");
            key.value = std::string(name);
            n.items.push_back(std::move(key));
            n.items.push_back(value(field.value(), depth + 1));
        }
        drop_duplicates(n);
        n.items.shrink_to_fit();  // a city has millions of small objects: no growth slack
        return n;
    }

    YNode array(od::value v, YNode n, int depth) {
        const std::size_t offset = offset_of(v.raw_json_token().data());
        open(offset, depth);
        n.kind = YNode::Kind::Sequence;
        od::array arr;
        if (auto e = v.get_array().get(arr)) syntax_error(e, offset);
        for (auto result : arr) {
            od::value item;
            if (auto e = std::move(result).get(item)) syntax_error(e, offset);
            n.items.push_back(value(item, depth + 1));
        }
        n.items.shrink_to_fit();
        return n;
    }

    YNode string(od::value v, YNode n, std::size_t offset) {
        std::string_view s;
        if (v.get_string().get(s))
            fail(offset, "invalid string: a bad escape sequence or a lone UTF-16 surrogate");
        n.kind = YNode::Kind::Scalar;
        n.value = std::string(s);
        return n;
    }

    YNode scalar(std::string_view token, YNode n, std::size_t offset) {
        if (token == "null") return n;
        n.kind = YNode::Kind::Scalar;
        n.plain = true;
        n.value = std::string(token);
        if (token == "true" || token == "false") return n;
        if (!json_number_syntax(token)) {
            const std::string shown(token.substr(0, 40));
            fail(offset, fmt::format("JSON syntax error: '{}' is not a value (expected a string, "
                                     "number, object, array, true, false or null)",
                                     shown));
        }
        double d = 0;
        auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), d);
        if (ec != std::errc() || !std::isfinite(d))
            fail(offset, fmt::format("number {} is out of range (not a finite double)", token));
        return n;
    }

    // RFC 8259 leaves the meaning of repeated member names open: report every repeat, keep the
    // first. Sorting indices keeps this O(n log n) for objects with many members.
    void drop_duplicates(YNode& n) {
        const std::size_t pairs = n.pair_count();
        if (pairs < 2) return;
        std::vector<std::size_t> order(pairs);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return n.key(a).value < n.key(b).value;
        });
        std::vector<bool> drop(pairs, false);
        bool any = false;
        std::size_t first = 0;  // the run of equal names starts here: its earliest occurrence
        for (std::size_t i = 1; i < pairs; ++i) {
            const YNode& original = n.key(order[first]);
            const YNode& again = n.key(order[i]);
            if (again.value != original.value) {
                first = i;
                continue;
            }
            diag_.error(again.loc,
                        fmt::format("duplicate member name '{}' (first given at {}:{})",
                                    again.value, original.loc.line, original.loc.column));
            drop[order[i]] = any = true;
        }
        if (!any) return;
        std::vector<YNode> kept;
        kept.reserve(n.items.size());
        for (std::size_t i = 0; i < pairs; ++i) {
            if (drop[i]) continue;
            kept.push_back(std::move(n.items[2 * i]));
            kept.push_back(std::move(n.items[2 * i + 1]));
        }
        n.items = std::move(kept);
    }

    std::string_view text_;
    const simdjson::padded_string& buffer_;
    LineCounter lines_;
    Diagnostics& diag_;
    od::document* doc_ = nullptr;
    std::size_t values_ = 0;
};

}  // namespace

std::optional<YNode> parse_json(const std::string& path, std::string_view text, Diagnostics& diag) {
    LineCounter lines(path, text);
    if (std::all_of(text.begin(), text.end(), is_space)) {
        diag.error(lines.at(0),
                   "the file is empty; a GeoJSON site file is a FeatureCollection "
                   "object");
        return std::nullopt;
    }
    if (auto problem = find_string_problem(text)) {
        diag.error(lines.at(problem->offset),
                   problem->unclosed
                       ? std::string("JSON syntax error: this string is never closed")
                       : fmt::format("JSON syntax error: {} inside a string must be escaped",
                                     shown_char(text[problem->offset])));
        return std::nullopt;
    }
    const simdjson::padded_string buffer(text);
    od::parser parser;
    od::document doc;
    if (auto e = parser.iterate(buffer).get(doc)) {
        diag.error(lines.at(0), fmt::format("JSON error: {}", simdjson::error_message(e)));
        return std::nullopt;
    }
    TreeBuilder builder(path, text, buffer, diag);
    const std::size_t errors_before = diag.error_count();
    try {
        YNode root = builder.build(doc);
        if (diag.error_count() != errors_before) return std::nullopt;
        return root;
    } catch (const Stop&) {
        return std::nullopt;
    }
}

}  // namespace camaudit::io
