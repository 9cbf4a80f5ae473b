// Shared by the tests of the sarif, junit and geojson renderers: a hand-made report, a small
// JSON reader (to look at the output's structure, not only its text) and an XML balance check.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "audit/rule_pack.hpp"
#include "report/report.hpp"

namespace camaudit::test_formats {

// A parsed JSON value; objects keep their members in order.
struct Json {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members;

    bool is_null() const { return type == Type::Null; }
    bool has(const std::string& key) const;
    // The member `key` (a Null value if there is none).
    const Json& operator[](const std::string& key) const;
    const Json& operator[](std::size_t i) const { return items.at(i); }
    std::size_t size() const { return type == Type::Array ? items.size() : members.size(); }
};

// The document, or nullopt with the reason in `error` when it is not JSON (RFC 8259).
std::optional<Json> parse_json(const std::string& text, std::string* error = nullptr);

// "" when tags balance, attributes are quoted and every '&' starts a known entity or a
// character reference (comments and <?...?> skipped); else the first problem. Shared by the
// tests of every XML-writing renderer (JUnit, SVG).
std::string xml_problem(const std::string& s);

std::size_t count(const std::string& haystack, const std::string& needle);

// Characters that every renderer must escape: quotes, backslash, markup, a newline, a tab, a
// control character and Chinese.
inline const std::string kNasty = "a \"q\" \\ <b>&amp; 'x'\nline\ttab\x01 中文";

// A report of three sites: "alpha" (local CRS) with an error finding that has an area, a
// warning finding at a camera and an info finding at a zone; "beta" with no findings;
// "gamma" (EPSG:4326) with a system finding (no geometry). Its rule set has two rules and an
// instrument; the findings' texts contain kNasty.
struct SampleReport {
    std::shared_ptr<audit::RuleSet> rules = std::make_shared<audit::RuleSet>();
    audit::AuditReport report;
};
std::unique_ptr<SampleReport> sample_report();

}  // namespace camaudit::test_formats
