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
    TreeBuilder(const std::string& path, Diagnostics& diag) : path_(path), diag_(diag) {}

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
        YNode n;
        n.kind = YNode::Kind::Scalar;
        n.value = value;
        // Plain, or explicitly tagged with a core-schema type other than !!str (`!!int 3`).
        n.plain =
            tag == "?" || (tag.starts_with("tag:yaml.org,2002:") && tag != "tag:yaml.org,2002:str");
        n.loc = loc(mark);
        add(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/,
                         YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) override {
        open(mark, YNode::Kind::Sequence);
    }
    void OnSequenceEnd() override { stack_.pop_back(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                    YAML::EmitterStyle::value /*style*/) override {
        open(mark, YNode::Kind::Mapping);
    }
    void OnMapEnd() override { stack_.pop_back(); }

  private:
    SourceLocation loc(const YAML::Mark& m) const {
        if (m.is_null()) return SourceLocation{path_, 0, 0};
        return SourceLocation{path_, m.line + 1, m.column + 1};
    }
    // Adds `n` to the open collection (or makes it the root); returns where it now lives.
    // Pointers on the stack stay valid: only the innermost open collection grows.
    YNode* add(YNode n) {
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

    const std::string& path_;
    Diagnostics& diag_;
    std::vector<YNode*> stack_;
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

std::optional<YNode> parse_yaml(const std::string& path, std::string_view text, Diagnostics& diag) {
    const SourceLocation top{path, 1, 1};
    std::istringstream in{std::string(text)};
    TreeBuilder builder(path, diag);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder) || !builder.root || builder.root->is_null()) {
            diag.error(top, "the file is empty; a site file starts with 'camaudit: 1'");
            return std::nullopt;
        }
        // A second document is an error: a site file is one document.
        TreeBuilder second(path, diag);
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

}  // namespace camaudit::io
