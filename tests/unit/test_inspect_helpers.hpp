// Helpers of the filing and inspection tests: sites written as text, read and audited as the
// commands do (through a temporary file, so that the loader, packs and projection all run).
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "audit/inspection.hpp"
#include "audit/pipeline.hpp"

namespace inspect_test {

using namespace camaudit;

// A built article7 site in which every item passes or is attested; tests replace parts.
struct SiteText {
    std::string site = "site: {id: t, region: CN, regime: article7, address: 合肥市某路1号}\n";
    std::string op =
        "operator: {id: op, name: 测试单位, type: enterprise, credit_code: 91310110666007217T, "
        "responsible: true}\n";
    std::string parties;
    std::string system =
        "system:\n"
        "  retention_days: 30\n"
        "  delivered: 2025-06-01\n"
        "  filing: {filed: true, date: 2025-06-20, record_no: \"fx-1\"}\n";
    std::string measures =
        "  measures:\n"
        "    operation: {attested: true, date: 2025-10-01, by: 值班员}\n"
        "    staff: {attested: true}\n"
        "    access_log: {attested: true}\n"
        "    standards: {attested: true}\n"
        "    archives: {attested: true, note: 竣工验收资料}\n"
        "    products: {attested: true}\n"
        "    security: {attested: true}\n"
        "    maintenance: {attested: true, date: 2025-09-01}\n"
        "    access_control: {attested: true}\n";
    std::string zones =
        // A mall's passage: a place of 条例 第七条 (article7) that its own unit builds (a public
        // square is the government's, 条例 7 ¶1: an enterprise's camera there is unauthorized).
        "zones:\n  - {id: sq, kind: mall.passage, polygon: [[0,0],[50,0],[50,50],[0,50]]}\n";
    std::string cameras =
        "cameras:\n  - {id: C1, position: [1, 1], azimuth: 45, hfov: 90, range: 20, signage: true, "
        "purpose: perimeter}\n";
    std::string extra;

    std::string str() const {
        return "camaudit: 1\n" + site + op + parties + (system.empty() ? "" : system + measures) +
               zones + cameras + extra;
    }
};

// Reads `yaml` as a site file; nullopt with the errors in `diag`.
inline std::optional<audit::LoadedSite> load_text(const std::string& yaml, Diagnostics& diag) {
    struct Dir {  // one folder a run, removed at exit
        std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("camaudit-inspect-test-" + std::to_string(::getpid()));
        ~Dir() {
            std::error_code ec;
            std::filesystem::remove_all(path, ec);
        }
    };
    static const Dir tmp;
    static int n = 0;
    const auto& dir = tmp.path;
    std::filesystem::create_directories(dir);
    const auto path = dir / ("site" + std::to_string(n++) + ".yaml");
    std::ofstream(path, std::ios::binary) << yaml;
    auto loaded = audit::load_site_for_audit(path.string(), {}, diag);
    std::filesystem::remove(path);
    return loaded;
}

inline const Date kToday{2025, 11, 1};

inline audit::Inspection inspect(const std::string& yaml, std::string_view scope = "all",
                                 const Date& today = kToday) {
    Diagnostics diag;
    auto loaded = load_text(yaml, diag);
    for (const auto& d : diag.all()) MESSAGE(d.str());
    REQUIRE(loaded.has_value());
    auto result = audit::audit_site(*loaded, {}, diag);
    REQUIRE_FALSE(diag.has_errors());
    return audit::build_inspection(loaded->site, *loaded->rules, result, today, scope);
}

inline const audit::InspectionItem& item(const audit::Inspection& in, int number) {
    for (const auto& it : in.items)
        if (it.number == number) return it;
    FAIL("no item " << number);
    return in.items.front();
}

// Whether some evidence line (in either language) contains `text`.
inline bool says(const audit::InspectionItem& it, const std::string& text) {
    for (const auto* v : {&it.evidence_zh, &it.evidence_en})
        for (const auto& e : *v)
            if (e.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace inspect_test
