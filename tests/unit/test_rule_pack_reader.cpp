// The rule-pack reader takes the fast reader of the YAML subset when it can
// (packyaml::parse_text) and yaml-cpp's events otherwise (packyaml::parse_events). Both must
// give the same pack tree and the same diagnostics for every rule pack of the repository,
// shipped or malformed; the shipped packs, read on every run, must take the fast path.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "audit/rule_pack_yaml.hpp"
#include "io/text_check.hpp"
#include "io/yaml_tree.hpp"

namespace fs = std::filesystem;
using namespace camaudit;
using audit::packyaml::Node;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> yaml_in(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".yaml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The first difference between two pack trees, or "".
std::string difference(const Node& a, const Node& b, const std::string& where) {
    const std::string at = fmt::format("{} ({}:{})", where, a.line, a.column);
    if (a.type != b.type) return at + ": type";
    if (a.value != b.value) return at + ": value";
    if (a.plain != b.plain) return at + ": plain";
    if (a.line != b.line || a.column != b.column)
        return at + fmt::format(": position vs {}:{}", b.line, b.column);
    if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
        return at + ": size";
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (auto d = difference(a.items[i], b.items[i], where + "/" + std::to_string(i));
            !d.empty())
            return d;
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        const std::string w = where + "/" + a.entries[i].first.value;
        if (auto d = difference(a.entries[i].first, b.entries[i].first, w); !d.empty()) return d;
        if (auto d = difference(a.entries[i].second, b.entries[i].second, w); !d.empty()) return d;
    }
    return "";
}

std::string messages(const Diagnostics& diag) {
    std::string out;
    for (const auto& d : diag.all()) out += d.str() + "\n";
    return out;
}

}  // namespace

TEST_CASE("rule packs: the fast reader and yaml-cpp give the same tree and messages") {
    const fs::path root(CAMAUDIT_SOURCE_DIR);
    std::size_t files = 0, fast = 0;
    for (const fs::path& dir : {root / "rules", root / "tests" / "malformed" / "rules"}) {
        for (const auto& file : yaml_in(dir)) {
            const std::string bytes = read(file);
            INFO(file.string());
            Diagnostics d0;
            const auto text = io::check_text(file.string(), bytes, d0, "rule packs");
            if (!text) {  // not a text file: reported before either reader
                Diagnostics d1;
                CHECK_FALSE(audit::packyaml::parse_text(file.string(), bytes, d1));
                CHECK(messages(d1) == messages(d0));
                continue;
            }
            Diagnostics d1, d2;
            auto a = audit::packyaml::parse_text(file.string(), bytes, d1);
            auto b = audit::packyaml::parse_events(file.string(), *text, d2);
            CHECK(a.has_value() == b.has_value());
            CHECK(messages(d1) == messages(d2));
            if (a && b) CHECK(difference(*a, *b, "") == "");
            ++files;
            fast += io::parse_yaml_subset(file.string(), *text) ? 1 : 0;
        }
    }
    CHECK(files > 50);
    CHECK(fast > 10);  // the duplicate keys and invalid UTF-8 among the malformed ones too
}

TEST_CASE("rule packs: the shipped packs take the fast reader") {
    for (const auto& file : yaml_in(fs::path(CAMAUDIT_SOURCE_DIR) / "rules")) {
        INFO(file.string());
        CHECK(io::parse_yaml_subset(file.string(), read(file)).has_value());
    }
}
