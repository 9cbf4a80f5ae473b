// The Chinese of the error messages (util/message_catalog.hpp): the matching, the catalogue's
// own consistency, and a translation for every message the malformed corpora give.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "audit/rule_pack.hpp"
#include "io/site_reader.hpp"
#include "util/message_catalog.hpp"

using namespace camaudit;
using messages::Entry;
namespace fs = std::filesystem;

namespace {

constexpr Entry kTestMessages[] = {
    {"unknown key '{}' in {}", "{1}中有未知的键 '{0}'"},
    {"unknown key '{}' in {}; did you mean '{}'?", "{1}中有未知的键 '{0}'；是否应为 '{2}'？"},
    {"expected {}, got {}", "应为{0}，实际为{1}"},
    {"{} must be > 0, got {}", "{0} 必须大于 0，实际为 {1}"},
};
constexpr Entry kTestPhrases[] = {
    {"camera", "摄像机"},
    {"camera '{}'", "摄像机 '{0}'"},
    {"a list", "列表"},
    {"a mapping", "映射"},
};

std::optional<std::string> zh(std::string_view en) {
    return messages::translate(en, kTestMessages, kTestPhrases);
}

std::vector<fs::path> corpus(const std::string& folder, const std::string& extension) {
    std::vector<fs::path> files;
    const fs::path dir = fs::path(CAMAUDIT_TEST_DATA) / "malformed" / folder;
    if (!fs::is_directory(dir)) return files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == extension) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

// Every message of `diag` has its Chinese; returns the ones that have none.
std::set<std::string> untranslated(const Diagnostics& diag) {
    std::set<std::string> out;
    for (const auto& d : diag.all())
        if (!messages::to_chinese(d.message)) out.insert(d.message);
    return out;
}

int placeholders(std::string_view en) {
    int n = 0;
    for (auto at = en.find("{}"); at != std::string_view::npos; at = en.find("{}", at + 2)) ++n;
    return n;
}

}  // namespace

TEST_CASE("message catalog: arguments are put back, in the Chinese order") {
    CHECK(zh("unknown key 'azimut' in camera") == "摄像机中有未知的键 'azimut'");
    CHECK(zh("hfov must be > 0, got -5") == "hfov 必须大于 0，实际为 -5");
    // Arguments that are catalogued phrases are translated; data stays as written.
    CHECK(zh("expected a mapping, got a list") == "应为映射，实际为列表");
    CHECK(zh("expected a mapping, got 'x y'") == "应为映射，实际为'x y'");
    // An argument in quotes is data, even where it reads like a phrase (a key named `camera`).
    CHECK(zh("unknown key 'camera' in camera") == "摄像机中有未知的键 'camera'");
}

TEST_CASE("message catalog: the most specific template wins") {
    CHECK(zh("unknown key 'azimut' in camera; did you mean 'azimuth'?") ==
          "摄像机中有未知的键 'azimut'；是否应为 'azimuth'？");
}

TEST_CASE("message catalog: the element before ': ' is translated on its own") {
    CHECK(zh("camera 'C1': range must be > 0, got 0") == "摄像机 'C1'：range 必须大于 0，实际为 0");
    // A key as the file writes it stays as it is.
    CHECK(zh("ptz.pan: expected a mapping, got a list") == "ptz.pan：应为映射，实际为列表");
    CHECK(zh("camera 'C1': ptz.pan: expected a mapping, got a list") ==
          "摄像机 'C1'：ptz.pan：应为映射，实际为列表");
    // An OpenStreetMap tag is a key too.
    CHECK(zh("camera:angle: expected a mapping, got a list") ==
          "camera:angle：应为映射，实际为列表");
    // An argument may hold ": " where no element comes before it.
    CHECK(zh("expected a mapping, got x: y") == "应为映射，实际为x: y");
}

TEST_CASE("message catalog: what it does not know stays English") {
    CHECK_FALSE(zh("something new went wrong"));
    CHECK_FALSE(zh("not a key!: expected a mapping, got a list"));
    // A placeholder takes at least one character.
    CHECK_FALSE(zh(" must be > 0, got 1"));
}

TEST_CASE("message catalog: every entry is well formed") {
    std::set<std::string_view> seen;
    auto check_entries = [&](std::span<const Entry> entries) {
        for (const auto& e : entries) {
            INFO(e.en);
            CHECK(seen.insert(e.en).second);                     // one Chinese per English
            CHECK(e.en.find("{}{}") == std::string_view::npos);  // unmatchable
            CHECK(!e.zh.empty());
            // The Chinese uses only the English arguments, by position, and uses all of them.
            const int n = placeholders(e.en);
            std::set<int> used;
            static const std::regex ref(R"(\{(\d+)\})");
            const std::string zh_text(e.zh);
            for (std::sregex_iterator it(zh_text.begin(), zh_text.end(), ref), end; it != end; ++it)
                used.insert(std::stoi((*it)[1].str()));
            CHECK(static_cast<int>(used.size()) == n);
            if (!used.empty()) CHECK(*used.rbegin() == n - 1);
            CHECK(zh_text.find("{}") == std::string::npos);
        }
    };
    check_entries(messages::zh_messages());
    check_entries(messages::zh_phrases());
}

TEST_CASE("message catalog: every message of the site corpora has its Chinese") {
    std::set<std::string> missing;
    std::size_t files = 0;
    for (const auto& [folder, ext] : {std::pair{"site", ".yaml"}, {"geojson", ".geojson"}})
        for (const auto& file : corpus(folder, ext)) {
            Diagnostics diag;
            (void)io::load_site(file.string(), diag);
            auto m = untranslated(diag);
            missing.insert(m.begin(), m.end());
            ++files;
        }
    CHECK(files >= 77);
    std::string list;
    for (const auto& m : missing) list += m + "\n";
    INFO(list);
    CHECK(missing.empty());
}

TEST_CASE("message catalog: every message of the rule-pack corpus has its Chinese") {
    std::set<std::string> missing;
    const auto files = corpus("rules", ".yaml");
    CHECK(files.size() >= 26);
    for (const auto& file : files) {
        Diagnostics diag;
        (void)audit::load_rule_pack(file.string(), diag);
        auto m = untranslated(diag);
        missing.insert(m.begin(), m.end());
    }
    std::string list;
    for (const auto& m : missing) list += m + "\n";
    INFO(list);
    CHECK(missing.empty());
}

TEST_CASE("message catalog: the Chinese line keeps the position and marks warnings") {
    Diagnostics diag;
    diag.warning({"site.yaml", 3, 5}, "unknown key 'x' in camera");
    diag.error({"site.yaml", 0, 0}, "brand new problem");
    REQUIRE(diag.all().size() == 2);
    CHECK(diag.all()[0].str() == "site.yaml:3:5: warning: unknown key 'x' in camera");
    CHECK(diag.all()[0].str(true) == "site.yaml:3:5: 警告：摄像机中有未知的键 'x'");
    CHECK(diag.all()[1].str(true) == "site.yaml: brand new problem");
}
