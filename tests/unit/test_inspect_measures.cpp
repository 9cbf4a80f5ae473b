// system.measures: how the loader reads it (every error at its line:column) and how the
// measures' items (五)(六)(八)(十)-(十三) are decided from it.
#include <doctest/doctest.h>

#include "io/site_reader.hpp"
#include "test_inspect_helpers.hpp"

using namespace camaudit;
using audit::ItemStatus;
using inspect_test::inspect;
using inspect_test::item;
using inspect_test::says;
using inspect_test::SiteText;

namespace {

const std::string kHead =
    "camaudit: 1\n"
    "site: {id: s}\n"
    "operator: {id: op, type: individual}\n"
    "system:\n"
    "  retention_days: 30\n"
    "  measures:\n";

// "line:column: message" of every error, sorted.
std::vector<std::string> errors(const std::string& measures) {
    Diagnostics diag;
    auto site = io::load_site_yaml("t.yaml", kHead + measures + "zones: []\ncameras: []\n", diag);
    std::vector<std::string> out;
    for (const auto& d : diag.sorted())
        out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " +
                      d.message);
    CHECK(site.has_value() == out.empty());
    return out;
}

void expect(const std::string& measures, const std::string& first) {
    auto errs = errors(measures);
    INFO(measures);
    REQUIRE_FALSE(errs.empty());
    CHECK(errs.front() == first);
}

SiteText with_measures(const std::string& measures) {
    SiteText s;
    s.measures = "  measures:\n" + measures;
    return s;
}

}  // namespace

TEST_CASE("measures: read with their date, by and note") {
    Diagnostics diag;
    auto site = io::load_site_yaml(
        "t.yaml",
        kHead +
            "    maintenance: {attested: true, date: 2025-09-01, by: 某安防公司, note: 季度维护}\n"
            "    products: {attested: false}\n"
            "    x-comment: ignored\n"
            "zones: []\ncameras: []\n",
        diag);
    for (const auto& d : diag.all()) MESSAGE(d.str());
    REQUIRE(site.has_value());
    REQUIRE(site->system->measures);
    const auto& m = *site->system->measures;
    REQUIRE(m.maintenance);
    CHECK(m.maintenance->attested);
    CHECK(m.maintenance->date == Date{2025, 9, 1});
    CHECK(m.maintenance->by == "某安防公司");
    CHECK(m.maintenance->note == "季度维护");
    CHECK(m.maintenance->loc.line == 7);
    CHECK(m.maintenance->date_loc.line == 7);
    REQUIRE(m.products);
    CHECK_FALSE(m.products->attested);
    CHECK_FALSE(m.operation);
    CHECK(m.loc.line == 7);
}

TEST_CASE("measures: every name the format documents is read") {
    for (const char* name : {"operation", "staff", "access_log", "standards", "archives",
                             "products", "security", "maintenance", "access_control"}) {
        CAPTURE(name);
        CHECK(errors(std::string("    ") + name + ": {attested: true}\n").empty());
    }
}

TEST_CASE("measures: errors at their line:column") {
    expect("    maintainance: {attested: true}\n",
           "7:5: unknown key 'maintainance' in measures; did you mean 'maintenance'?");
    expect("    security: {atested: true}\n",
           "7:16: unknown key 'atested' in measures.security; did you mean 'attested'?");
    expect("    security: {attested: yes}\n",
           "7:26: measures.security.attested: expected true or false, got 'yes'");
    expect("    security: {by: me}\n", "7:15: measures.security: missing required key 'attested'");
    expect("    operation: {attested: true, date: 2025-13-01}\n",
           "7:39: measures.operation.date: '2025-13-01' is not a valid date (expected "
           "YYYY-MM-DD, a real day)");
    expect("    staff: {attested: true, note: [a]}\n",
           "7:35: measures.staff.note: expected a string, got a list");
    expect("    staff: true\n", "7:12: measures.staff: expected a mapping, got 'true'");
    expect("    staff: {attested: true}\n    staff: {attested: false}\n",
           "8:5: duplicate key 'staff' (first given at 7:5)");
    auto errs = errors("    - operation\n");
    REQUIRE_FALSE(errs.empty());
    CHECK(errs.front().starts_with("7:5: measures: expected a mapping"));
    // Every independent error of the block is reported.
    CHECK(errors("    staff: {attested: 1}\n    archives: {attested: true, date: soon}\n").size() ==
          2);
}

TEST_CASE("a built system without measures: each measure item is not attested") {
    SiteText s;
    s.measures.clear();
    auto in = inspect(s.str());
    for (int n : {5, 6, 8, 10, 11, 12, 13}) {
        CAPTURE(n);
        CHECK(item(in, n).status == audit::ItemStatus::NotAttested);
        CHECK(says(item(in, n), "is not in the site file"));
    }
    CHECK_FALSE(in.all_pass_or_attested());
    CHECK(inspect(s.str(), "general").items.size() == 7);
}

TEST_CASE("an item of several measures is attested only when all are") {
    auto in = inspect(with_measures("    staff: {attested: true}\n").str());
    CHECK(item(in, 6).status == audit::ItemStatus::NotAttested);
    CHECK(says(item(in, 6), "attested: vetting"));
    CHECK(says(item(in, 6), "not attested: the register of each access"));

    auto both = inspect(
        with_measures(
            "    standards: {attested: true}\n    archives: {attested: false, note: 遗失}\n")
            .str());
    CHECK(item(both, 8).status == audit::ItemStatus::NotAttested);
    CHECK(says(item(both, 8), "声明未落实：设计、施工、检验、验收档案资料的保管（遗失）"));
}

TEST_CASE("dated measures: maintenance and operation need a date within 365 days") {
    auto undated = inspect(with_measures("    maintenance: {attested: true}\n").str());
    CHECK(item(undated, 12).status == audit::ItemStatus::NotAttested);
    CHECK(says(item(undated, 12),
               "needs the date of the last one (system.measures.maintenance.date)"));

    // 2024-11-01 is 365 days before 2025-11-01: still fresh; a day earlier is stale.
    auto fresh =
        inspect(with_measures("    maintenance: {attested: true, date: 2024-11-01}\n").str());
    CHECK(item(fresh, 12).status == audit::ItemStatus::Attested);
    auto stale =
        inspect(with_measures("    maintenance: {attested: true, date: 2024-10-31}\n").str());
    CHECK(item(stale, 12).status == audit::ItemStatus::NotAttested);
    CHECK(says(item(stale, 12), "366 days before today 2025-11-01; more than 365 days"));

    auto future =
        inspect(with_measures("    operation: {attested: true, date: 2025-11-02}\n").str());
    CHECK(item(future, 5).status == audit::ItemStatus::NotAttested);
    CHECK(says(item(future, 5), "dated 2025-11-02, after today 2025-11-01"));

    // Today moves: the same file, inspected a year later.
    auto later = inspect(SiteText{}.str(), "all", Date{2026, 10, 2});
    CHECK(item(later, 5).status == audit::ItemStatus::NotAttested);   // 2025-10-01: 366 days
    CHECK(item(later, 12).status == audit::ItemStatus::NotAttested);  // 2025-09-01: 396 days
    CHECK(item(later, 6).status == audit::ItemStatus::Attested);      // undated: never stale
}

TEST_CASE("undated measures: the date is optional, but never after today") {
    auto in = inspect(with_measures("    products: {attested: true, date: 2025-05-01}\n"
                                    "    security: {attested: true, date: 2027-01-01}\n")
                          .str());
    CHECK(item(in, 10).status == audit::ItemStatus::Attested);
    CHECK(item(in, 11).status == audit::ItemStatus::NotAttested);
}
