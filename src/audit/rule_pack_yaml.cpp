#include "audit/rule_pack_yaml.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <set>
#include <sstream>

#include "io/site_reader.hpp"
#include "io/text_check.hpp"
#include "io/yaml_tree.hpp"

namespace camaudit::audit::packyaml {

Node::Node() = default;
Node::Node(const Node&) = default;
Node::Node(Node&&) noexcept = default;
Node& Node::operator=(const Node&) = default;
Node& Node::operator=(Node&&) noexcept = default;
Node::~Node() = default;

const Node* Node::find(const std::string& key) const {
    for (const auto& [k, v] : entries)
        if (k.value == key) return &v;
    return nullptr;
}

namespace {

// Well-formed UTF-8 sequences (lead byte, length and continuation bytes).
bool valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        if (c < 0x80)
            extra = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if ((c & 0xF0) == 0xE0)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (i + extra >= s.size()) return false;
        for (std::size_t k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        // The second byte's range rules out overlong forms, UTF-16 surrogates (U+D800-DFFF)
        // and code points above U+10FFFF (RFC 3629, section 4).
        const auto c1 = extra ? static_cast<unsigned char>(s[i + 1]) : 0x80;
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 > 0x8F))
            return false;
        i += extra + 1;
    }
    return true;
}

class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(std::string file, std::string_view text, Diagnostics& diag)
        : file_(std::move(file)), diag_(diag), quotes_(text) {}

    std::optional<Node> root;
    bool failed = false;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        check_anchor(mark, anchor);
        finish(make(Node::Type::Null, mark));
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        error(mark, "YAML aliases are not allowed in rule packs");
        finish(make(Node::Type::Null, mark));
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        if (tag == "!" && quotes_.unclosed_at(mark.line, mark.column))
            error(mark, "YAML syntax error: this quoted string is never closed");
        // Escapes can make what the bytes (io::check_text) were not, e.g. "\ud800".
        if (!valid_utf8(value)) error(mark, "text is not valid UTF-8");
        Node n = make(Node::Type::Scalar, mark);
        n.value = value;
        n.plain = tag == "?";
        finish(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        stack_.push_back({make(Node::Type::Sequence, mark), std::nullopt, {}});
    }
    void OnSequenceEnd() override { pop(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        stack_.push_back({make(Node::Type::Map, mark), std::nullopt, {}});
    }
    void OnMapEnd() override { pop(); }
    void OnAnchor(const YAML::Mark& mark, const std::string&) override { anchor_error(mark); }

  private:
    struct Frame {
        Node node;
        std::optional<Node> key;  // a map's key waiting for its value
        std::set<std::string> seen;
    };

    Node make(Node::Type t, const YAML::Mark& mark) const {
        Node n;
        n.type = t;
        n.line = mark.line + 1;
        n.column = mark.column + 1;
        return n;
    }
    void error(const YAML::Mark& mark, std::string message) {
        diag_.error({file_, mark.line + 1, mark.column + 1}, std::move(message));
        failed = true;
    }
    void anchor_error(const YAML::Mark& mark) {
        if (anchor_reported_) return;  // OnAnchor and the node's own anchor: one message
        anchor_reported_ = true;
        error(mark, "YAML anchors are not allowed in rule packs");
    }
    void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) anchor_error(mark);
        anchor_reported_ = false;
    }
    void check_tag(const YAML::Mark& mark, const std::string& tag) {
        if (tag != "?" && tag != "!")
            error(mark, fmt::format("YAML tag \"{}\" is not allowed", tag));
    }
    void pop() {
        Node n = std::move(stack_.back().node);
        stack_.pop_back();
        finish(std::move(n));
    }
    void finish(Node n) {
        if (stack_.empty()) {
            root = std::move(n);
            return;
        }
        Frame& f = stack_.back();
        if (f.node.is_seq()) {
            f.node.items.push_back(std::move(n));
        } else if (!f.key) {
            if (!n.is_scalar()) {
                diag_.error({file_, n.line, n.column}, "mapping keys must be plain scalars");
                failed = true;
            } else if (!f.seen.insert(n.value).second) {
                diag_.error({file_, n.line, n.column},
                            fmt::format("duplicate key \"{}\"", n.value));
                failed = true;
            }
            f.key = std::move(n);
        } else {
            f.node.entries.emplace_back(std::move(*f.key), std::move(n));
            f.key.reset();
        }
    }

    std::string file_;
    Diagnostics& diag_;
    std::vector<Frame> stack_;
    bool anchor_reported_ = false;
    io::UnclosedQuoteFinder quotes_;
};

}  // namespace

namespace {

// The pack tree of what the fast reader of the YAML subset built, with the checks the
// TreeBuilder makes on yaml-cpp's events (UTF-8, duplicate keys), in the same order.
Node from_subset(const io::YNode& y, const std::string& file, Diagnostics& diag, bool& failed) {
    Node n;
    n.line = y.loc.line;
    n.column = y.loc.column;
    switch (y.kind) {
        case io::YNode::Kind::Null:
            break;
        case io::YNode::Kind::Scalar:
            n.type = Node::Type::Scalar;
            n.value = y.value;
            n.plain = y.plain;
            if (!valid_utf8(n.value)) {
                diag.error({file, n.line, n.column}, "text is not valid UTF-8");
                failed = true;
            }
            break;
        case io::YNode::Kind::Sequence:
            n.type = Node::Type::Sequence;
            for (const auto& item : y.items)
                n.items.push_back(from_subset(item, file, diag, failed));
            break;
        case io::YNode::Kind::Mapping: {
            n.type = Node::Type::Map;
            std::set<std::string> seen;
            for (std::size_t i = 0; i < y.pair_count(); ++i) {
                Node key = from_subset(y.key(i), file, diag, failed);
                if (!seen.insert(key.value).second) {
                    diag.error({file, key.line, key.column},
                               fmt::format("duplicate key \"{}\"", key.value));
                    failed = true;
                }
                n.entries.emplace_back(std::move(key), from_subset(y.val(i), file, diag, failed));
            }
            break;
        }
    }
    return n;
}

}  // namespace

std::optional<Node> parse_events(const std::string& path, const std::string& text,
                                 Diagnostics& diag) {
    std::istringstream in(text);
    TreeBuilder builder(path, text, diag);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder) || !builder.root) {
            diag.error({path, 0, 0}, "empty rule pack");
            return std::nullopt;
        }
        TreeBuilder rest(path, text, diag);
        if (parser.HandleNextDocument(rest)) {
            int line = rest.root ? rest.root->line : 0;
            int col = rest.root ? rest.root->column : 0;
            diag.error({path, line, col}, "a rule pack holds one YAML document");
            return std::nullopt;
        }
    } catch (const YAML::Exception& e) {
        diag.error({path, e.mark.line + 1, e.mark.column + 1}, "YAML syntax error: " + e.msg);
        return std::nullopt;
    }
    if (builder.failed) return std::nullopt;
    return std::move(builder.root);
}

std::optional<Node> parse_text(const std::string& path, const std::string& bytes,
                               Diagnostics& diag) {
    // The bytes first, as for site files: UTF-16 or UTF-32, invalid UTF-8, NUL and other
    // control characters (which yaml-cpp would take into a scalar, or stop reading at), and
    // the size limit.
    const auto checked = io::check_text(path, bytes, diag, "rule packs");
    if (!checked) return std::nullopt;
    const std::string& text = *checked;
    // Rule packs are read on every run: yaml-cpp's scanner took 20 ms of the 50 ms a
    // building's audit may take, the fast reader 1 ms. It builds the tree yaml-cpp would
    // (tests/unit/test_yaml_subset.cpp) or declines, and then yaml-cpp reads the file.
    if (auto tree = io::parse_yaml_subset(path, text)) {
        bool failed = false;
        Node root = from_subset(*tree, path, diag, failed);
        if (failed) return std::nullopt;
        return root;
    }
    return parse_events(path, text, diag);
}

std::optional<Node> parse_file(const std::string& path, Diagnostics& diag) {
    auto bytes = io::read_input_file(path, "rule pack", diag);  // size limit, directories
    if (!bytes) return std::nullopt;
    return parse_text(path, *bytes, diag);
}

}  // namespace camaudit::audit::packyaml
