// The fast reader of the YAML subset that site files use (io::parse_yaml_subset) must build
// exactly the tree that yaml-cpp's event parser builds, positions included, or give up; every
// error is then yaml-cpp's. Checked on every YAML file of the repository and on mutations of
// them (a deterministic generator: the same cases every run).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "io/yaml_tree.hpp"

using namespace camaudit;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> repository_yaml() {
    std::vector<fs::path> files;
    const fs::path root(CAMAUDIT_SOURCE_DIR);
    for (const char* dir : {"data", "tests", "rules"})
        for (const auto& e : fs::recursive_directory_iterator(root / dir))
            if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The first difference between two trees, or "" when they are the same.
std::string difference(const io::YNode& a, const io::YNode& b, const std::string& where) {
    auto at = [&](const io::YNode& n) {
        return where + fmt::format(" ({}:{})", n.loc.line, n.loc.column);
    };
    if (a.kind != b.kind) return at(a) + ": kind";
    if (a.value != b.value) return at(a) + ": value '" + a.value + "' vs '" + b.value + "'";
    if (a.plain != b.plain) return at(a) + ": plain";
    if (a.loc.line != b.loc.line || a.loc.column != b.loc.column)
        return at(a) + fmt::format(": position vs {}:{}", b.loc.line, b.loc.column);
    if (a.items.size() != b.items.size()) return at(a) + ": number of items";
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (auto d = difference(a.items[i], b.items[i], where + "/" + std::to_string(i));
            !d.empty())
            return d;
    return "";
}

// Compares the two readers on `text`; returns whether the fast one took it.
bool agree(const std::string& name, const std::string& text) {
    auto fast = io::parse_yaml_subset(name, text);
    if (!fast) return false;
    Diagnostics diag;
    auto full = io::parse_yaml_events(name, text, diag);
    INFO(name);
    INFO(text);
    // Whatever the fast reader takes, yaml-cpp reads without an error, to the same tree.
    REQUIRE(full.has_value());
    CHECK(difference(*fast, *full, "") == "");
    return true;
}

}  // namespace

TEST_CASE("yaml subset: the same trees as yaml-cpp for every YAML file of the repository") {
    std::size_t taken = 0, files = 0;
    for (const auto& file : repository_yaml()) {
        ++files;
        taken += agree(file.string(), read(file)) ? 1 : 0;
    }
    CHECK(files > 200);
    // The subset is the common case: most site files (not the malformed ones) take it.
    CHECK(taken * 2 > files);
}

TEST_CASE("yaml subset: the same trees as yaml-cpp for mutated files") {
    // Small edits at random places: a character deleted, doubled or replaced by one that
    // matters to YAML. Deterministic: a fixed seed.
    std::mt19937 rng(20261126);
    const std::string alphabet = " :-,[]{}#'\"\n\t?&*!|>%@`0a.";
    std::size_t taken = 0, cases = 0;
    for (const auto& file : repository_yaml()) {
        const std::string text = read(file);
        if (text.empty() || text.size() > 20000) continue;
        for (int k = 0; k < 20; ++k) {
            std::string m = text;
            const std::size_t at = rng() % m.size();
            switch (rng() % 3) {
                case 0:
                    m.erase(at, 1);
                    break;
                case 1:
                    m.insert(at, 1, m[at]);
                    break;
                default:
                    m[at] = alphabet[rng() % alphabet.size()];
                    break;
            }
            ++cases;
            taken += agree(file.string() + " (mutated)", m) ? 1 : 0;
        }
    }
    CHECK(cases > 2000);
    CHECK(taken > 0);
}
