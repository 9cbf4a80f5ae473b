// Fixture tests: every tests/fixtures/**/NAME.yaml is audited in-process and its findings,
// in a canonical JSON form (rule, rules, check, severity, camera, zone, line, column, metrics,
// message_en, message_zh), must equal NAME.expected.json byte for byte. The expected files are
// written by hand from the geometry (each fixture's comments derive its numbers);
// CAMAUDIT_UPDATE_FIXTURES=1 rewrites them, to be reviewed like any other change.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "audit/pipeline.hpp"
#include "report/json_writer.hpp"
#include "test_fixture_helpers.hpp"

namespace fs = std::filesystem;
using namespace camaudit;

namespace {

using test::canonical_findings;
using test::read_file;

// Audits every site under `root` and compares its canonical findings with the expected file
// that `expected_of` names.
void compare_with_expected(const fs::path& root, std::size_t at_least,
                           fs::path (*expected_of)(const fs::path&)) {
    std::vector<fs::path> sites;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.path().extension() == ".yaml") sites.push_back(e.path());
    std::sort(sites.begin(), sites.end());
    REQUIRE(sites.size() >= at_least);
    const bool update = std::getenv("CAMAUDIT_UPDATE_FIXTURES") != nullptr;
    for (const auto& site : sites) {
        CAPTURE(site.string());
        Diagnostics diag;
        auto loaded = audit::load_site_for_audit(site.string(), {}, diag);
        for (const auto& d : diag.all()) MESSAGE(d.str());
        REQUIRE(loaded.has_value());
        auto result = audit::audit_site(*loaded, {}, diag);
        REQUIRE_FALSE(diag.has_errors());
        std::string got = canonical_findings(result);
        fs::path expected = expected_of(site);
        if (update) {
            std::ofstream(expected, std::ios::binary) << got;
            continue;
        }
        REQUIRE(fs::exists(expected));
        CHECK(got == read_file(expected));
    }
}

}  // namespace

TEST_CASE("fixture sites give exactly their expected findings") {
    compare_with_expected(fs::path(CAMAUDIT_TEST_DATA) / "fixtures", 20, [](const fs::path& p) {
        fs::path e = p;
        return e.replace_extension(".expected.json");
    });
}

// The examples' intended findings are listed in data/examples/README.md; the expected files
// pin them (tests/examples/NAME.expected.json).
TEST_CASE("the examples give exactly their expected findings") {
    compare_with_expected(fs::path(CAMAUDIT_SOURCE_DIR) / "data" / "examples", 3,
                          [](const fs::path& p) {
                              return fs::path(CAMAUDIT_TEST_DATA) / "examples" /
                                     p.filename().replace_extension(".expected.json");
                          });
}
