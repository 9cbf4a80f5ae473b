// Shared by the fixture tests (test_fixtures.cpp, test_geojson_fixtures.cpp): the canonical
// form of a site's findings that the checked-in NAME.expected.json files hold, and file reading.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace camaudit::test {

// The English labels of citations ("Regulation art. 8(1)(i)"), as a fixture pins them.
template <class List>
void write_citation_labels(report::JsonWriter& w, const List& citations,
                           const audit::RuleSet* rules) {
    w.begin_array();
    for (const auto& c : citations) {
        const audit::Instrument* inst = rules ? rules->instrument(c.doc) : nullptr;
        w.value(c.label_en(inst ? inst->short_en : c.doc));
    }
    w.end_array();
}

// rule, rules, check, severity, camera, zone, line, column, metrics, the message in both
// languages, the articles cited and the penalty articles (by label): what a fixture pins (the
// wording and the law too, so that a change of either shows in review).
inline std::string canonical_findings(const audit::SiteResult& result) {
    report::JsonWriter w;
    w.begin_array();
    for (const auto& f : result.findings) {
        w.begin_object();
        w.key("rule").value(f.rule);
        w.key("rules").begin_array();
        for (const auto& r : f.rules) w.value(r);
        w.end_array();
        w.key("check").value(f.check);
        w.key("severity").value(audit::to_string(f.severity));
        w.key("camera");
        f.camera ? (void)w.value(*f.camera) : (void)w.null();
        w.key("zone");
        f.zone ? (void)w.value(*f.zone) : (void)w.null();
        w.key("line").value(f.loc.line).key("column").value(f.loc.column);
        w.key("metrics").begin_object();
        for (const auto& [k, v] : f.metrics) w.key(k).value(v, 3);
        w.end_object();
        w.key("message_en").value(f.message_en);
        w.key("message_zh").value(f.message_zh);
        w.key("citations");
        write_citation_labels(w, f.citations, result.rules.get());
        if (!f.penalties.empty()) {  // as in the JSON report: omitted when none
            w.key("penalties");
            write_citation_labels(w, f.penalties, result.rules.get());
        }
        w.end_object();
    }
    w.end_array();
    return w.str();
}

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace camaudit::test
