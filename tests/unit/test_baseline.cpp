// Baselines: reading (every error with its line and column), applying (hidden, expired,
// unused), and writing (round trip, reasons kept).
#include <doctest/doctest.h>

#include <cstdlib>

#include "audit/baseline.hpp"

using namespace camaudit;

namespace {

audit::Finding finding(const std::string& site, const std::string& check,
                       std::optional<std::string> camera, std::optional<std::string> zone) {
    audit::Finding f;
    f.rule = "cn-" + check;
    f.check = check;
    f.site = site;
    f.camera = std::move(camera);
    f.zone = std::move(zone);
    f.message_en = "camera sees \"room\": 3 m²";
    f.message_zh = "摄像机";
    f.fingerprint = audit::fingerprint_of(f.site, f.check, f.camera, f.zone);
    return f;
}

std::string entry(const std::string& fp, const std::string& extra = "",
                  const std::string& reason = "approved by the PSB on 2025-07-01") {
    return "  - fingerprint: \"" + fp + "\"\n    site: s\n    reason: \"" + reason + "\"\n" + extra;
}

std::string fp(const char* camera) {
    return audit::fingerprint_of("s", "forbidden-view", std::string(camera), std::string("z"));
}

// The messages of `diag` as "line:column: message".
std::vector<std::string> messages(const Diagnostics& diag) {
    std::vector<std::string> out;
    for (const auto& d : diag.sorted())
        out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " +
                      d.message);
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& prefix, const std::string& part) {
    for (const auto& m : list)
        if (m.starts_with(prefix) && m.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("baseline: a live entry hides its finding; an expired one does not; unused warned") {
    const std::string text = "camaudit_baseline: 1\nentries:\n" + entry(fp("C1")) +
                             entry(fp("C2"), "    expires: 2025-06-30\n") +
                             entry(fp("C3"), "    expires: 2025-07-01\n") + entry(fp("C9"));
    Diagnostics diag;
    auto b = audit::parse_baseline("b.yaml", text, diag);
    REQUIRE(b);
    REQUIRE(b->entries.size() == 4);
    CHECK(b->entries[1].expires == Date{2025, 6, 30});

    std::vector<audit::Finding> findings;
    for (const char* c : {"C1", "C2", "C3", "C4"})
        findings.push_back(finding("s", "forbidden-view", std::string(c), std::string("z")));
    audit::BaselineFilter filter(*b, Date{2025, 7, 1});
    CHECK(filter.filter(findings) == 2);  // C1; C3 is live up to and including its day
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].camera == "C2");  // expired: reported again
    CHECK(findings[1].camera == "C4");  // never in the baseline

    Diagnostics warnings;
    filter.report({"s"}, warnings);
    CHECK_FALSE(warnings.has_errors());
    auto m = messages(warnings);
    REQUIRE(m.size() == 2);
    CHECK(has(m, "9:14: ", "expired on 2025-06-30; its finding is reported again"));
    CHECK(has(m, "14:5: ", "unused baseline entry"));
    CHECK(has(m, "14:5: ", fp("C9")));
    CHECK(warnings.sorted()[0].str().starts_with("b.yaml:9:14: warning: "));

    // Entries of sites that this run did not audit are not unused.
    Diagnostics other;
    filter.report({"another-site"}, other);
    CHECK(other.all().empty());
}

TEST_CASE("baseline: the findings of several sites, and findings without camera or zone") {
    const auto retention = finding("s", "retention-too-short", std::nullopt, std::nullopt);
    Diagnostics diag;
    auto b = audit::parse_baseline(
        "b.yaml",
        "camaudit_baseline: 1\nentries:\n" + entry(retention.fingerprint, "    camera: null\n"),
        diag);
    REQUIRE(b);
    CHECK_FALSE(b->entries[0].camera);
    std::vector<audit::Finding> mine{retention},
        theirs{finding("t", "retention-too-short", std::nullopt, std::nullopt)};
    audit::BaselineFilter filter(*b, Date{2030, 1, 1});
    CHECK(filter.filter(mine) == 1);
    CHECK(filter.filter(theirs) == 0);  // another site's id: another fingerprint
    Diagnostics warnings;
    filter.report({"s", "t"}, warnings);
    CHECK(warnings.all().empty());
}

TEST_CASE("baseline: reading errors have their line and column") {
    auto errors = [](const std::string& text) {
        Diagnostics diag;
        CHECK_FALSE(audit::parse_baseline("b.yaml", text, diag).has_value());
        return messages(diag);
    };
    const std::string head = "camaudit_baseline: 1\nentries:\n";
    CHECK(has(errors(head + entry(fp("C1"), "", "TODO: say why this finding is accepted")),
              "5:13: ", "still the placeholder"));
    CHECK(has(errors(head + entry(fp("C1"), "", "  ")), "5:13: ", "reason: empty"));
    CHECK(has(errors(head + "  - fingerprint: \"" + fp("C1") + "\"\n    site: s\n"),
              "3:5: ", "missing required key 'reason'"));
    CHECK(has(errors(head + entry(fp("C1"), "    expires: 2025-02-30\n")),
              "6:14: ", "not a valid date"));
    CHECK(has(errors(head + entry(fp("C1"), "    expire: 2025-02-01\n")),
              "6:5: ", "did you mean 'expires'?"));
    CHECK(has(errors(head + entry(fp("C1")) + entry(fp("C1"))),
              "6:18: ", "duplicate fingerprint '" + fp("C1") + "' (first given at 3:18)"));
    CHECK(has(errors(head + entry("123")), "3:18: ", "is not a fingerprint"));
    CHECK(has(errors("camaudit_baseline: 2\nentries: []\n"), "1:20: ", "version 2"));
    CHECK(has(errors("entries: []\n"), "1:1: ", "missing required key 'camaudit_baseline'"));
    CHECK(has(errors(head + "  - [a, b]\n"), "3:5: ", "expected a mapping"));
    CHECK(has(errors("# nothing\n"), "1:1: ", "the file is empty"));
    CHECK(has(errors(head + "  - {fingerprint: \"x\n"), "", "YAML syntax error"));
    CHECK(has(errors(head + "  - &a {fingerprint: x}\n  - *a\n"),
              "4:5: ", "aliases are not supported in baseline files"));
}

TEST_CASE("baseline: the placeholder is accepted when reading the baseline to update") {
    Diagnostics diag;
    auto b = audit::parse_baseline("b.yaml",
                                   "camaudit_baseline: 1\nentries:\n" +
                                       entry(fp("C1"), "", std::string(audit::kReasonPlaceholder)),
                                   diag, true);
    CHECK(b.has_value());
}

TEST_CASE("baseline: written, then read back; reasons and expiry kept from the previous one") {
    std::vector<audit::Finding> findings{
        finding("s", "forbidden-view", std::string("C2"), std::string("z")),
        finding("s", "forbidden-view", std::string("C1"), std::string("z")),
        finding("s", "retention-too-short", std::nullopt, std::nullopt)};
    std::vector<const audit::Finding*> list;
    for (const auto& f : findings) list.push_back(&f);
    list.push_back(&findings[0]);  // the same finding twice: one entry

    const std::string first = audit::write_baseline(list, nullptr, false);
    Diagnostics diag;
    CHECK_FALSE(audit::parse_baseline("b.yaml", first, diag).has_value());  // TODO reasons
    auto todo = audit::parse_baseline("b.yaml", first, diag, true);
    REQUIRE(todo);
    REQUIRE(todo->entries.size() == 3);
    CHECK(todo->entries[0].rule == "cn-forbidden-view");
    CHECK(todo->entries[0].camera == "C1");  // sorted by site, rule, camera, zone
    CHECK(todo->entries[2].camera == std::nullopt);
    CHECK(todo->entries[0].message == findings[1].message_en);  // quotes survive
    CHECK(todo->entries[0].reason == audit::kReasonPlaceholder);

    todo->entries[1].reason = "accepted: \"door\" is locked";
    todo->entries[1].expires = Date{2026, 1, 31};
    const std::string second = audit::write_baseline(list, &*todo, true);
    Diagnostics diag2;
    auto again = audit::parse_baseline("b.yaml", second, diag2, true);
    REQUIRE(again);
    CHECK(again->entries[1].reason == "accepted: \"door\" is locked");
    CHECK(again->entries[1].expires == Date{2026, 1, 31});
    CHECK(again->entries[0].message == "摄像机");
    CHECK(audit::write_baseline({}, nullptr, false).find("entries: []\n") != std::string::npos);
}

TEST_CASE("baseline: CAMAUDIT_TODAY sets today") {
    ::setenv("CAMAUDIT_TODAY", "2031-02-03", 1);
    Diagnostics diag;
    CHECK(audit::baseline_today(diag) == Date{2031, 2, 3});
    ::setenv("CAMAUDIT_TODAY", "2031-02-30", 1);
    CHECK_FALSE(audit::baseline_today(diag).has_value());
    CHECK(diag.has_errors());
    ::unsetenv("CAMAUDIT_TODAY");
    Diagnostics ok;
    CHECK(audit::baseline_today(ok).has_value());
}
