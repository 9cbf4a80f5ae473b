#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "report/render.hpp"
#include "report/report.hpp"
#include "test_formats_helpers.hpp"

using namespace camaudit;
using namespace camaudit::report;
using camaudit::test_formats::Json;

namespace {

Json sarif_of(const audit::AuditReport& r, Lang lang = Lang::En) {
    std::string error;
    auto doc = test_formats::parse_json(render_sarif(r, lang), &error);
    INFO(error);
    REQUIRE(doc);
    return *doc;
}

}  // namespace

TEST_CASE("sarif: a SARIF 2.1.0 log with one run, its invocation and column kind") {
    auto s = test_formats::sample_report();
    Json log = sarif_of(s->report);
    CHECK(log["version"].string == "2.1.0");
    CHECK(log["$schema"].string.find("sarif-2.1.0") != std::string::npos);
    REQUIRE(log["runs"].size() == 1);
    const Json& run = log["runs"][0];
    CHECK(run["tool"]["driver"]["name"].string == "camaudit");
    CHECK(run["tool"]["driver"]["version"].string == CAMAUDIT_VERSION);
    CHECK(run["invocations"][0]["executionSuccessful"].boolean);
    CHECK(run["columnKind"].string == "utf16CodeUnits");
    const std::string root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].string;
    CHECK(root.starts_with("file:///"));
    CHECK(root.ends_with("/"));
    CHECK(run["results"].size() == 4);
}

TEST_CASE("sarif: levels, rule indexes, fingerprints and properties") {
    auto s = test_formats::sample_report();
    Json run = sarif_of(s->report)["runs"][0];
    const Json& rules = run["tool"]["driver"]["rules"];
    const Json& results = run["results"];
    std::vector<std::string> levels;
    for (const auto& r : results.items) {
        levels.push_back(r["level"].string);
        auto index = static_cast<std::size_t>(r["ruleIndex"].number);
        REQUIRE(index < rules.size());
        CHECK(rules[index]["id"].string == r["ruleId"].string);
        REQUIRE(r["locations"].size() == 1);
        const Json& region = r["locations"][0]["physicalLocation"]["region"];
        CHECK(region["startLine"].number >= 1);
        CHECK(region["startColumn"].number == 3);
    }
    CHECK(levels == std::vector<std::string>{"error", "warning", "note", "error"});

    const Json& first = results[0];
    const auto& f = s->report.sites[0].findings[0];
    CHECK(first["partialFingerprints"]["camauditFingerprint/v1"].string == f.fingerprint);
    CHECK(first["message"]["text"].string == f.message_en);  // escaped, and read back the same
    const Json& props = first["properties"];
    CHECK(props["camera"].string == "C<1>");
    CHECK(props["zone"].string == "room&1");
    CHECK(props["metrics"]["overlap_m2"].number == 3.25);
    CHECK(props["metrics"]["overlap_fraction"].number == 0.5);
    CHECK(props["check"].string == "forbidden-view");
    REQUIRE(props["citations"].size() == 1);
    CHECK(props["citations"][0]["text_zh"].string == "（一）旅馆……客房<内部>&；");
    CHECK(props["citations"][0]["label"].string == "Regulation art. 8(1)(i)");
    CHECK(results[1]["properties"]["zone"].is_null());
    CHECK(results[2]["properties"]["camera"].is_null());
}

TEST_CASE("sarif: rule descriptors come from the rule docs; unknown rules still described") {
    auto s = test_formats::sample_report();
    Json run = sarif_of(s->report)["runs"][0];
    const Json& rules = run["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == 3);  // the two of the rule set, then the unknown one
    CHECK(rules[0]["id"].string == "cn-guest-room-view");
    CHECK(rules[1]["id"].string == "cn-private-overreach");
    CHECK(rules[2]["id"].string == "x-retention");
    const Json& r = rules[0];
    CHECK(r["shortDescription"]["text"].string == "Title of cn-guest-room-view <&>");
    CHECK(r["fullDescription"]["text"].string == "Explain " + test_formats::kNasty);
    const std::string help = r["help"]["text"].string;
    CHECK(help.find("（一）旅馆……客房<内部>&；") != std::string::npos);
    CHECK(help.find("Regulation art. 8(1)(i)") != std::string::npos);
    CHECK(help.find("Fix it") != std::string::npos);
    CHECK(r["help"]["markdown"].string.find("> （一）旅馆") != std::string::npos);
    CHECK(r["defaultConfiguration"]["level"].string == "error");
    CHECK(rules[1]["defaultConfiguration"]["level"].string == "warning");
    CHECK(r["properties"]["title_zh"].string == "标题 cn-guest-room-view");

    Json zh = sarif_of(s->report, Lang::Zh)["runs"][0];
    CHECK(zh["language"].string == "zh-CN");
    CHECK(zh["tool"]["driver"]["rules"][0]["shortDescription"]["text"].string ==
          "标题 cn-guest-room-view");
    CHECK(zh["results"][0]["message"]["text"].string == s->report.sites[0].findings[0].message_zh);
}

TEST_CASE("sarif: artifact URIs are relative to the current directory where possible") {
    auto rel = artifact_uri("data/examples/a.yaml", "/repo");
    CHECK(rel.uri == "data/examples/a.yaml");
    CHECK(rel.relative);
    CHECK(artifact_uri("./data/../site.yaml", "/repo").uri == "site.yaml");
    auto inside = artifact_uri("/repo/sites/b.yaml", "/repo");
    CHECK(inside.uri == "sites/b.yaml");
    CHECK(inside.relative);
    auto outside = artifact_uri("/elsewhere/c.yaml", "/repo");
    CHECK(outside.uri == "file:///elsewhere/c.yaml");
    CHECK_FALSE(outside.relative);
    auto up = artifact_uri("../d.yaml", "/repo/sub");
    CHECK(up.uri == "file:///repo/d.yaml");
    CHECK_FALSE(up.relative);
    CHECK(artifact_uri("my site/酒店 #1.yaml", "/r").uri ==
          "my%20site/%E9%85%92%E5%BA%97%20%231.yaml");

    auto s = test_formats::sample_report();
    Json run = sarif_of(s->report)["runs"][0];
    const Json& loc = run["results"][3]["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(loc["uri"].string == "dir/gamma%20site.yaml");
    CHECK(loc["uriBaseId"].string == "%SRCROOT%");
}

TEST_CASE("sarif: byte columns become UTF-16 code units") {
    CHECK(utf16_column("abc", 1) == 1);
    CHECK(utf16_column("abc", 3) == 3);
    CHECK(utf16_column("名: x", 6) == 4);  // 名 is 3 bytes, 1 unit
    CHECK(utf16_column("😀 x", 6) == 4);    // U+1F600 is 4 bytes, 2 units
    CHECK(utf16_column("- {n: 大厅, id: C1}", 15) == 11);
    CHECK(utf16_column("ab", 6) == 6);  // past the end: a byte a unit
    CHECK(utf16_column("ab", 0) == 0);

    // The renderer reads the line of the site file.
    auto dir = std::filesystem::temp_directory_path() / "camaudit-test-sarif-columns";
    std::filesystem::create_directories(dir);
    auto file = (dir / "site.yaml").string();
    std::ofstream(file) << "cameras:\n  - {name: 大厅, id: C1}\n";
    auto s = test_formats::sample_report();
    auto& site = s->report.sites[0];
    site.file = file;
    site.findings.resize(1);
    site.findings[0].loc = {file, 2, 20};  // the 'i' of id, counted in bytes
    Json run = sarif_of(s->report)["runs"][0];
    const Json& loc = run["results"][0]["locations"][0]["physicalLocation"];
    CHECK(loc["region"]["startColumn"].number == 16);
    CHECK(loc["artifactLocation"]["uri"].string.ends_with("camaudit-test-sarif-columns/site.yaml"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("sarif: deterministic, and listed in the table of formats") {
    auto s = test_formats::sample_report();
    CHECK(render_sarif(s->report, Lang::En) == render_sarif(s->report, Lang::En));
    auto formats = report_formats();
    for (const char* f : {"sarif", "junit", "geojson"})
        CHECK(std::find(formats.begin(), formats.end(), f) != formats.end());
    RenderOptions options;
    auto out = render_report("sarif", s->report, options);
    REQUIRE(out);
    CHECK(*out == render_sarif(s->report, Lang::En));
}

TEST_CASE("sarif: an empty report is a valid log with no results") {
    audit::AuditReport empty;
    Json log = sarif_of(empty);
    CHECK(log["runs"][0]["results"].size() == 0);
    CHECK(log["runs"][0]["tool"]["driver"]["rules"].size() == 0);
}
