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

// One small edit at a random place of `m`: a character deleted, doubled or replaced by one
// of `alphabet` (characters that matter to YAML). Deterministic for a seeded `rng`.
void mutate(std::string& m, std::mt19937& rng, const std::string& alphabet) {
    const std::size_t at = rng() % m.size();
    switch (rng() % 3) {
        case 0:
            if (m.size() > 1) m.erase(at, 1);
            break;
        case 1:
            m.insert(at, 1, m[at]);
            break;
        default:
            m[at] = alphabet[rng() % alphabet.size()];
            break;
    }
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
            mutate(m, rng, alphabet);
            ++cases;
            taken += agree(file.string() + " (mutated)", m) ? 1 : 0;
        }
    }
    CHECK(cases > 2000);
    CHECK(taken > 0);
}

namespace {

// The value the fast reader gives the block scalar of `a`, which yaml-cpp must agree with.
std::string block_value(const std::string& text) {
    REQUIRE(agree("block.yaml", text));
    auto fast = io::parse_yaml_subset("block.yaml", text);
    REQUIRE(fast->pair_count() >= 1);
    return fast->val(0).value;
}

// Documents with block scalars in every position the rule packs use them, for mutation.
const std::vector<std::string> kBlockDocuments = {
    "a: |\n  line one\n  line two\nb: 1\n",
    "a: >-\n  folded one\n  folded two\n\n  next paragraph\nb: [1, 2]\n",
    "rules:\n  - id: r1\n    explain: >-\n      这条规则\n      检查客房。\n    example: |\n"
    "      zones:\n        - {id: z1, kind: hotel.guest_room}\n\n      cameras: []\n"
    "  - id: r2\n    fix: |-\n      move it\n# a comment\nend: true\n",
    "k:\n  - |\n    # not a comment\n    x: 1\n  - >\n    y\n    z\n",
};

}  // namespace

TEST_CASE("yaml subset: literal and folded block scalars as YAML defines them") {
    CHECK(block_value("a: |\n  x\n  y\nb: 1\n") == "x\ny\n");
    CHECK(block_value("a: |-\n  x\n\n  y\n\n\nb: 1\n") == "x\n\ny");
    CHECK(block_value("a: >-\n  x\n  y\n\n  z\nb: 1\n") == "x y\nz");
    CHECK(block_value("a: >\n  x\n\n\n  y\n") == "x\n\ny\n");
    CHECK(block_value("a: |\n    indented\n      more\n    back\n") == "indented\n  more\nback\n");
    CHECK(block_value("a: |\n  # content, not a comment\nb: 1\n") == "# content, not a comment\n");
    auto seq = io::parse_yaml_subset("s.yaml", kBlockDocuments[3]);
    REQUIRE(seq);
    CHECK(seq->val(0).items[0].value == "# not a comment\nx: 1\n");
    CHECK(seq->val(0).items[1].value == "y z\n");
    CHECK(agree("s.yaml", kBlockDocuments[3]));
    // Left to yaml-cpp: keep chomping, an indentation indicator, a comment after the
    // indicator, more-indented folded lines, lines of spaces, no line break at the end, and
    // an empty scalar.
    for (const char* text :
         {"a: |+\n  x\n\nb: 1\n", "a: |2\n   x\n", "a: | # c\n  x\n", "a: >\n  x\n    y\n",
          "a: |\n  x\n   \n  y\n", "a: |\n  x", "a: |\nb: 1\n", "a: |\n\n  x\n"})
        CHECK_MESSAGE(!io::parse_yaml_subset("b.yaml", text), text);
}

TEST_CASE("yaml subset: the same trees as yaml-cpp for mutated block scalars") {
    std::mt19937 rng(20261127);
    const std::string alphabet = " :-+,[]{}#'\"\n?|>0a";
    std::size_t taken = 0, cases = 0;
    for (const auto& text : kBlockDocuments) {
        CHECK(agree("block.yaml", text));
        for (int k = 0; k < 1500; ++k) {
            std::string m = text;
            for (int edits = 1 + static_cast<int>(rng() % 2); edits > 0; --edits)
                mutate(m, rng, alphabet);
            ++cases;
            taken += agree("block.yaml (mutated)", m) ? 1 : 0;
        }
    }
    CHECK(cases == 6000);
    CHECK(taken > 600);
}
