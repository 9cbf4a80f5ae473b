#include "io/yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>

#include "io/site_reader.hpp"
#include "io/text_check.hpp"

namespace camaudit::io {

namespace {

// Thrown by the builder to stop the parser after a reported error.
struct Stop {};

class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(const std::string& path, std::string_view text, Diagnostics& diag)
        : path_(path), diag_(diag), quotes_(text) {}

    std::optional<YNode> root;

    void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
        YNode n;
        n.loc = loc(mark);
        // yaml-cpp marks a missing value (`key:`) at the next token, often on another line:
        // place it at its key instead.
        if (!stack_.empty() && stack_.back()->is_mapping() && stack_.back()->items.size() % 2)
            n.loc = stack_.back()->items.back().loc;
        add(std::move(n));
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
        diag_.error(loc(mark), "aliases are not supported in site files");
        throw Stop{};
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                  const std::string& value) override {
        check_tag(mark, tag);
        if (tag == "!") check_closed_quote(mark);
        check_escaped_controls(mark, value);
        YNode n;
        n.kind = YNode::Kind::Scalar;
        n.value = value;
        // Plain, or explicitly tagged with a core-schema type other than !!str (`!!int 3`).
        n.plain =
            tag == "?" || (tag.starts_with("tag:yaml.org,2002:") && tag != "tag:yaml.org,2002:str");
        n.loc = loc(mark);
        add(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                         YAML::EmitterStyle::value /*style*/) override {
        check_tag(mark, tag);
        open(mark, YNode::Kind::Sequence);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                    YAML::EmitterStyle::value /*style*/) override {
        check_tag(mark, tag);
        open(mark, YNode::Kind::Mapping);
    }
    void OnMapEnd() override { close(); }

  private:
    // The control characters that check_text bans as bytes, and C1 controls (U+0080-U+009F,
    // which terminals obey like ESC sequences), are banned when a double-quoted escape writes
    // them too: "\0", "\e", "\x9b", "\u001b" (issue #19, 10).
    void check_escaped_controls(const YAML::Mark& mark, const std::string& value) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            const auto c = static_cast<unsigned char>(value[i]);
            unsigned code = c;
            if (c == 0xC2 && i + 1 < value.size() &&
                static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
                static_cast<unsigned char>(value[i + 1]) <= 0x9F)
                code = static_cast<unsigned char>(value[i + 1]);
            else if (!((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F))
                continue;
            diag_.error(loc(mark), fmt::format("control character U+{:04X} written as an escape: "
                                               "not allowed in a text value",
                                               code));
            return;
        }
    }

    SourceLocation loc(const YAML::Mark& m) const {
        if (m.is_null()) return SourceLocation{path_, 0, 0};
        return SourceLocation{path_, m.line + 1, m.column + 1};
    }
    // Core-schema tags (`!!int 3`, `!!str 12`) only: any other (`!!binary`, `!custom`) would
    // mean something the reader does not do, and ignoring it would misread the file.
    void check_tag(const YAML::Mark& mark, const std::string& tag) {
        static constexpr std::string_view kCore = "tag:yaml.org,2002:";
        if (tag.empty() || tag == "?" || tag == "!") return;
        if (tag.starts_with(kCore)) {
            const std::string_view type = std::string_view(tag).substr(kCore.size());
            for (std::string_view t : {"str", "int", "float", "bool", "null", "seq", "map"})
                if (type == t) return;
        }
        diag_.error(loc(mark),
                    fmt::format("YAML tag '{}' is not supported in site files",
                                tag.starts_with(kCore) ? "!!" + tag.substr(kCore.size()) : tag));
        throw Stop{};
    }
    // A quoted scalar that is never closed (yaml-cpp 0.7 takes the rest of the file into it).
    void check_closed_quote(const YAML::Mark& mark) {
        if (mark.is_null() || !quotes_.unclosed_at(mark.line, mark.column)) return;
        diag_.error(loc(mark), "YAML syntax error: this quoted string is never closed");
        throw Stop{};
    }
    // Adds `n` to the open collection (or makes it the root); returns where it now lives.
    // Pointers on the stack stay valid: only the innermost open collection grows. Counts the
    // values against kMaxYamlValues, so that a huge file fails before memory runs out.
    YNode* add(YNode n) {
        if (++values_ > kMaxYamlValues) {
            diag_.error(n.loc, fmt::format("more than {} YAML values: the file is too large for "
                                           "a YAML site file",
                                           kMaxYamlValues));
            throw Stop{};
        }
        if (stack_.empty()) {
            root = std::move(n);
            return &*root;
        }
        auto& items = stack_.back()->items;
        items.push_back(std::move(n));
        return &items.back();
    }
    void open(const YAML::Mark& mark, YNode::Kind kind) {
        if (static_cast<int>(stack_.size()) >= kMaxNestingDepth) {
            diag_.error(loc(mark), fmt::format("nesting deeper than {} levels", kMaxNestingDepth));
            throw Stop{};
        }
        YNode n;
        n.kind = kind;
        n.loc = loc(mark);
        stack_.push_back(add(std::move(n)));
    }

    // A finished collection gives back what its vector reserved for growth (a camera's mapping
    // of 10 values has room for 16): the tree of a large site is the reader's peak memory.
    void close() {
        stack_.back()->items.shrink_to_fit();
        stack_.pop_back();
    }

    const SourceFile path_;  // interned once, copied into every location
    Diagnostics& diag_;
    std::vector<YNode*> stack_;
    std::size_t values_ = 0;
    UnclosedQuoteFinder quotes_;
};

}  // namespace

std::string describe(const YNode& node) {
    switch (node.kind) {
        case YNode::Kind::Null:
            return "nothing (null)";
        case YNode::Kind::Sequence:
            return "a list";
        case YNode::Kind::Mapping:
            return "a mapping";
        case YNode::Kind::Scalar:
            break;
    }
    std::string shown = node.value.size() > 40 ? node.value.substr(0, 40) + "…" : node.value;
    return node.plain ? fmt::format("'{}'", shown) : fmt::format("the string '{}'", shown);
}

// The event parser: the whole of YAML, and every error message.
std::optional<YNode> parse_yaml_events(const std::string& path, std::string_view text,
                                       Diagnostics& diag) {
    const SourceLocation top{path, 1, 1};
    std::istringstream in{std::string(text)};
    TreeBuilder builder(path, text, diag);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder) || !builder.root || builder.root->is_null()) {
            diag.error(top, "the file is empty; a site file starts with 'camaudit: 1'");
            return std::nullopt;
        }
        // A second document is an error: a site file is one document.
        TreeBuilder second(path, text, diag);
        if (parser.HandleNextDocument(second) && second.root && !second.root->is_null()) {
            diag.error(second.root->loc, "a site file holds one YAML document; found another");
            return std::nullopt;
        }
    } catch (const Stop&) {
        return std::nullopt;
    } catch (const YAML::ParserException& e) {
        const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        if (auto tab = find_indent_tab(path, text, line)) {
            diag.error(*tab, "tab character in indentation; YAML indents with spaces only");
            return std::nullopt;
        }
        SourceLocation loc = e.mark.is_null() ? top : SourceLocation{path, line, e.mark.column + 1};
        diag.error(loc, fmt::format("YAML syntax error: {}", e.msg));
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        diag.error(top, fmt::format("YAML error: {}", e.msg));
        return std::nullopt;
    }
    return std::move(builder.root);
}

std::optional<YNode> parse_yaml(const std::string& path, std::string_view text, Diagnostics& diag) {
    if (auto root = parse_yaml_subset(path, text)) return root;
    return parse_yaml_events(path, text, diag);
}

}  // namespace camaudit::io
