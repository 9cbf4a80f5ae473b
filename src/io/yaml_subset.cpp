// The fast reader of the YAML subset that site files and rule packs use (io::parse_yaml_subset,
// declared in yaml_tree.hpp): the same tree as yaml-cpp's event parser, or nothing.
#include <string>
#include <vector>

#include "io/site_reader.hpp"
#include "io/yaml_tree.hpp"

namespace camaudit::io {

// The fast path. yaml-cpp's scanner reads well under 1 MB/s on this machine, so a city's site
// file (tens of MB, 10⁵ cameras) spent most of its audit in the parser. Site files, generated
// or hand written, and rule packs use a small part of YAML: block mappings and sequences,
// flow collections, one-line plain and quoted scalars, simple literal and folded block scalars
// (|, >-), comments. FastYaml builds the same tree (values, plain flags, positions) for that
// part in one pass, and gives up, silently, on anything else: anchors, aliases, tags, other
// block scalars, escapes, multi-line flow scalars, empty values, null
// words, directives, several documents, tabs, CR, a BOM, `key :`, the limits, and whatever it
// would have to report. parse_yaml then reads the file again with the event parser, so every
// error and every construct outside the subset is handled and worded exactly as before.
namespace {

class FastYaml {
  public:
    FastYaml(const std::string& path, std::string_view text) : path_(path), t_(text) {}

    std::optional<YNode> parse() {
        if (t_.empty() || t_.starts_with("\xEF\xBB\xBF") ||
            t_.find_first_of(std::string_view("\t\r\0", 3)) != std::string_view::npos)
            return std::nullopt;
        YNode root;
        if (!next_content_line() || indent_ != 0 || !block_mapping(0, root) || failed_)
            return std::nullopt;
        if (next_content_line() || failed_) return std::nullopt;  // more after the root
        if (!count()) return std::nullopt;
        return root;
    }

  private:
    // Positions p_ at the first content of the next line that has some (not blank, not only a
    // comment), setting indent_; the rest of the current line must be blank or a comment.
    // Idempotent until that content is consumed. False at the end of the text.
    bool next_content_line() {
        if (have_line_) return true;
        if (started_) {
            std::size_t q = p_;
            while (q < t_.size() && t_[q] == ' ') ++q;
            if (q < t_.size() && t_[q] != '\n' && (t_[q] != '#' || q == p_)) return fail();
            q = t_.find('\n', q);
            if (q == std::string_view::npos) return end_of_text();
            new_line(q + 1);
        }
        started_ = true;
        while (true) {
            std::size_t q = p_;
            while (q < t_.size() && t_[q] == ' ') ++q;
            if (q >= t_.size()) return end_of_text();
            if (t_[q] == '\n') {
                new_line(q + 1);
            } else if (t_[q] == '#') {
                q = t_.find('\n', q);
                if (q == std::string_view::npos) return end_of_text();
                new_line(q + 1);
            } else {
                p_ = q;
                indent_ = col();
                have_line_ = true;
                return true;
            }
        }
    }
    void new_line(std::size_t start) {
        p_ = line_start_ = start;
        ++line_;
    }
    bool end_of_text() {
        p_ = t_.size();
        return false;
    }
    bool fail() {
        failed_ = true;
        return false;
    }
    int col() const { return static_cast<int>(p_ - line_start_); }
    SourceLocation here() const { return SourceLocation{path_, line_ + 1, col() + 1}; }
    char at(std::size_t i) const { return i < t_.size() ? t_[i] : '\n'; }
    static bool space_or_end(char c) { return c == ' ' || c == '\n'; }
    bool count() { return ++values_ <= kMaxYamlValues || fail(); }
    bool dash_here() const { return t_[p_] == '-' && space_or_end(at(p_ + 1)); }
    static bool is_null_word(std::string_view v) {
        return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
    }
    // Whether a plain scalar may start with c, followed by next: no indicator, except -, ?
    // and : followed by a character that is not a space or a flow indicator.
    static bool plain_start(char c, char next) {
        switch (c) {
            case '-':
            case '?':
            case ':':
                return !space_or_end(next) && next != ',' && next != '[' && next != ']' &&
                       next != '{' && next != '}';
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '#':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
            case ' ':
            case '\n':
                return false;
            default:
                return true;
        }
    }
    YNode scalar(std::size_t start, std::size_t end, bool plain) const {
        YNode n;
        n.kind = YNode::Kind::Scalar;
        n.plain = plain;
        n.value.assign(t_.substr(start, end - start));
        n.loc = SourceLocation{path_, line_ + 1, static_cast<int>(start - line_start_) + 1};
        return n;
    }
    bool open(YNode& out, YNode::Kind kind) {
        if (++depth_ > kMaxNestingDepth) return fail();
        out = YNode{};
        out.kind = kind;
        out.loc = here();
        scratch_[depth_].clear();
        return true;
    }
    // A collection's items gather in the scratch vector of its depth, reused from one
    // collection to the next, and move into the node at its end, in one allocation of the
    // right size: growing each node's own vector (a point's two numbers, a zone's ten keys)
    // and shrinking it took most of the reader's time in malloc, and the slack its memory.
    std::vector<YNode>& items() { return scratch_[depth_]; }
    void close(YNode& out) {
        auto& items = scratch_[depth_];
        out.items.assign(std::make_move_iterator(items.begin()),
                         std::make_move_iterator(items.end()));
        items.clear();
        --depth_;
    }

    // A key of a block mapping at p_: a plain scalar of one line without indicators, then ':'
    // and a space or the end of the line. False, p_ unchanged, when there is none.
    bool block_key(YNode& key) {
        const std::size_t start = p_;
        if (!plain_start(t_[start], at(start + 1))) return false;
        std::size_t q = start;
        while (q < t_.size() && t_[q] != '\n') {
            const char c = t_[q];
            if (c == ':' && space_or_end(at(q + 1))) break;
            if (c == ':' || c == '#' || c == '"' || c == '\'' || c == '{' || c == '}' || c == '[' ||
                c == ']' || c == ',')
                return false;
            ++q;
        }
        if (at(q) != ':' || t_[q - 1] == ' ') return false;
        key = scalar(start, q, true);
        if (is_null_word(key.value)) return false;
        p_ = q + 1;
        have_line_ = false;
        return true;
    }

    // A block mapping whose first key is at p_, at column `indent` (a line's first content,
    // or after `- `).
    bool block_mapping(int indent, YNode& out) {
        if (!open(out, YNode::Kind::Mapping)) return false;
        while (true) {
            YNode key, value;
            if (!block_key(key) || !count()) return fail();
            items().push_back(std::move(key));
            while (at(p_) == ' ') ++p_;
            if (at(p_) == '\n' || at(p_) == '#') {
                // The value is a block on the next lines: deeper, or a sequence at this indent.
                if (!next_content_line()) return fail();
                if (indent_ > indent) {
                    if (!block_node(value)) return false;
                } else if (indent_ == indent && dash_here()) {
                    if (!block_sequence(value)) return false;
                } else {
                    return fail();  // an empty value (null)
                }
            } else if (!inline_value(indent, value)) {
                return fail();
            }
            if (!count()) return false;
            items().push_back(std::move(value));
            if (!next_content_line()) break;
            if (indent_ < indent || (indent_ == indent && dash_here())) break;
            if (indent_ > indent) return fail();
        }
        close(out);
        return !failed_;
    }

    bool block_node(YNode& out) {
        return dash_here() ? block_sequence(out) : block_mapping(indent_, out);
    }

    // A block sequence whose first `-` is at p_, a line's first content.
    bool block_sequence(YNode& out) {
        const int indent = indent_;
        if (!open(out, YNode::Kind::Sequence)) return false;
        while (true) {
            ++p_;  // the dash
            have_line_ = false;
            while (at(p_) == ' ') ++p_;
            YNode item;
            if (at(p_) == '\n' || at(p_) == '#') {
                if (!next_content_line() || indent_ <= indent) return fail();
                if (!block_node(item)) return false;
            } else if (t_[p_] == '-' && space_or_end(at(p_ + 1))) {
                return fail();  // `- - x`
            } else {
                const std::size_t save = p_;
                YNode probe;
                const bool is_key = block_key(probe);
                p_ = save;
                if (is_key) {  // `- key: value` starts a mapping at this column
                    if (!block_mapping(col(), item)) return false;
                } else if (!inline_value(indent, item)) {
                    return fail();
                }
            }
            if (!count()) return false;
            items().push_back(std::move(item));
            if (!next_content_line()) break;
            if (indent_ < indent) break;
            if (indent_ == indent && dash_here()) continue;
            if (indent_ == indent) break;  // the parent mapping's next key
            return fail();
        }
        close(out);
        return !failed_;
    }

    // A value after `key: ` or `- ` on the same line: a flow collection, a quoted or a plain
    // scalar. `indent` is the enclosing block's: a value's further lines must go deeper.
    bool inline_value(int indent, YNode& out) {
        const char c = t_[p_];
        if (c == '[' || c == '{') return flow_node(indent, out);
        if (c == '"' || c == '\'') return quoted(out);
        if (c == '|' || c == '>') return block_scalar(indent, out);
        if (!plain_start(c, at(p_ + 1))) return fail();
        const std::size_t start = p_;
        std::size_t q = p_, end = p_;
        while (q < t_.size() && t_[q] != '\n') {
            if (t_[q] == '#' && t_[q - 1] == ' ') break;
            if (t_[q] == ':' && space_or_end(at(q + 1))) return fail();  // `a: b: c`
            ++q;
            if (t_[q - 1] != ' ') end = q;
        }
        out = scalar(start, end, true);
        if (is_null_word(out.value)) return fail();
        p_ = end;
        return no_continuation(indent);
    }

    // A literal (|) or folded (>) block scalar, clipped or stripped (-), without indentation
    // indicator or comment after it; its lines are deeper than `indent`, the first sets its
    // indentation. Left to yaml-cpp: keep chomping (+), lines of spaces only, blank lines before
    // the first line, more-indented lines of a folded scalar (folding keeps their breaks), a
    // last line without a line break.
    bool block_scalar(int indent, YNode& out) {
        const bool folded = t_[p_] == '>';
        out = YNode{};
        out.kind = YNode::Kind::Scalar;
        out.loc = here();
        std::size_t q = p_ + 1;
        const bool strip = at(q) == '-';
        if (strip) ++q;
        while (at(q) == ' ') ++q;
        if (q >= t_.size() || t_[q] != '\n') return fail();
        int n = -1;  // the content's indentation
        int line = line_, last_line = line_;
        std::size_t last_start = line_start_, last_end = q;
        std::size_t blank = 0;       // empty lines since the last content line
        while (q + 1 < t_.size()) {  // q at a line break, not the text's last character
            const std::size_t start = q + 1;
            std::size_t end = t_.find('\n', start);
            if (end == std::string_view::npos) end = t_.size();
            std::size_t r = start;
            while (r < end && t_[r] == ' ') ++r;
            const int spaces = static_cast<int>(r - start);
            if (r == end) {
                if (spaces > 0 || end == t_.size()) return fail();
                ++blank;
            } else {
                if (n < 0) {
                    if (spaces <= indent || blank > 0) return fail();
                    n = spaces;
                }
                if (spaces < n) {
                    if (spaces > indent) return fail();
                    break;  // the scalar has ended
                }
                if (end == t_.size() || (folded && spaces > n)) return fail();
                if (last_line != line_) {  // the break after the previous content line
                    if (!folded) out.value += '\n';
                    if (folded && blank == 0) out.value += ' ';  // folded into a space
                }
                out.value.append(blank, '\n');
                out.value.append(t_.substr(start + n, end - start - n));
                blank = 0;
                last_line = line + 1;
                last_start = start;
                last_end = end;
            }
            ++line;
            q = end;
        }
        if (n < 0) return fail();
        if (!strip) out.value += '\n';
        line_ = last_line;
        line_start_ = last_start;
        p_ = last_end;
        have_line_ = false;
        return true;
    }

    // A line deeper than `indent` after a plain scalar would continue it (a multi-line
    // scalar): not for this reader. p_ does not move.
    bool no_continuation(int indent) {
        std::size_t q = t_.find('\n', p_);
        while (q != std::string_view::npos) {
            std::size_t r = q + 1;
            while (r < t_.size() && t_[r] == ' ') ++r;
            if (r >= t_.size()) return true;
            if (t_[r] == '\n') {
                q = r;
            } else if (t_[r] == '#') {
                q = t_.find('\n', r);
            } else {
                return static_cast<int>(r - q - 1) <= indent || fail();
            }
        }
        return true;
    }

    // "..." without escapes, '...' without '', closed on the same line.
    bool quoted(YNode& out) {
        const char quote = t_[p_];
        std::size_t q = p_ + 1;
        while (q < t_.size() && t_[q] != quote && t_[q] != '\n' && t_[q] != '\\') ++q;
        if (at(q) != quote || (quote == '\'' && at(q + 1) == '\'')) return fail();
        out = scalar(p_ + 1, q, false);
        out.loc.column -= 1;  // the position of the opening quote
        p_ = q + 1;
        return true;
    }

    // Skips spaces, line breaks and comments inside a flow collection; its further lines must
    // be deeper than the enclosing block. False at the end of the text (never closed).
    bool flow_space(int indent) {
        while (p_ < t_.size()) {
            const char c = t_[p_];
            if (c == ' ') {
                ++p_;
            } else if (c == '\n') {
                new_line(p_ + 1);
                std::size_t q = p_;
                while (q < t_.size() && t_[q] == ' ') ++q;
                if (q < t_.size() && t_[q] != '\n' && t_[q] != '#' &&
                    static_cast<int>(q - p_) <= indent)
                    return fail();
            } else if (c == '#' && (t_[p_ - 1] == ' ' || t_[p_ - 1] == '\n')) {
                while (p_ < t_.size() && t_[p_] != '\n') ++p_;
            } else {
                return true;
            }
        }
        return fail();
    }

    bool flow_node(int indent, YNode& out) {
        const char c = at(p_);
        if (c == '"' || c == '\'') return quoted(out);
        if (c != '[' && c != '{') return flow_plain(out);
        const bool map = c == '{';
        const char close = map ? '}' : ']';
        if (!open(out, map ? YNode::Kind::Mapping : YNode::Kind::Sequence)) return false;
        ++p_;
        if (!flow_space(indent)) return false;
        if (at(p_) == close) {
            ++p_;
            this->close(out);
            return true;
        }
        while (true) {
            YNode item;
            if (!flow_node(indent, item)) return fail();
            if (map) {
                // `key: value`: a scalar key, the colon right after it, then a space.
                if (item.kind != YNode::Kind::Scalar || at(p_) != ':' || at(p_ + 1) != ' ')
                    return fail();
                if (!count()) return false;
                items().push_back(std::move(item));
                p_ += 2;
                if (!flow_space(indent)) return false;
                if (at(p_) == ',' || at(p_) == close) return fail();  // an empty value
                if (!flow_node(indent, item)) return fail();
            }
            if (!flow_space(indent)) return false;
            if (at(p_) == ':') return fail();  // a one-pair mapping in a sequence
            if (!count()) return false;
            items().push_back(std::move(item));
            if (at(p_) == ',') {
                ++p_;
                if (!flow_space(indent)) return false;
                if (at(p_) == close || at(p_) == ',') return fail();  // a trailing comma
                continue;
            }
            if (at(p_) != close) return fail();
            ++p_;
            break;
        }
        this->close(out);
        return true;
    }

    // A plain scalar in a flow collection, on one line, up to , [ ] { } or a colon that ends
    // a key.
    bool flow_plain(YNode& out) {
        if (!plain_start(at(p_), at(p_ + 1))) return fail();
        const std::size_t start = p_;
        std::size_t q = p_, end = p_;
        while (q < t_.size()) {
            const char d = t_[q];
            if (d == ',' || d == ']' || d == '}' || d == '[' || d == '{' || d == '\n') break;
            if (d == '?') return fail();  // yaml-cpp ends a flow scalar there (and then fails)
            if (d == ':') {
                if (at(q + 1) == ' ') break;
                return fail();
            }
            if (d == '#' && t_[q - 1] == ' ') return fail();
            ++q;
            if (d != ' ') end = q;
        }
        if (at(q) == '[' || at(q) == '{' || at(q) == '\n') return fail();
        out = scalar(start, end, true);
        if (is_null_word(out.value)) return fail();
        p_ = end;
        return true;
    }

    const SourceFile path_;  // interned once, copied into every location
    std::string_view t_;
    std::size_t p_ = 0;
    std::size_t line_start_ = 0;
    int line_ = 0;
    int indent_ = 0;
    int depth_ = 0;
    std::vector<std::vector<YNode>> scratch_ =
        std::vector<std::vector<YNode>>(kMaxNestingDepth + 2);
    std::size_t values_ = 0;
    bool have_line_ = false;
    bool started_ = false;
    bool failed_ = false;
};

}  // namespace

std::optional<YNode> parse_yaml_subset(const std::string& path, std::string_view text) {
    return FastYaml(path, text).parse();
}

}  // namespace camaudit::io
