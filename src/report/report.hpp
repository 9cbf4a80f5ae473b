// What the renderers are given: the audited sites and their findings. Renderers present it;
// they never compute geometry.
#pragma once

#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "audit/rule_pack.hpp"

namespace camaudit::report {

enum class Lang { Zh, En };

struct SiteResult {
    std::string file;
    std::string id;
    std::string name;
    std::size_t cameras = 0;
    std::size_t zones = 0;
    std::vector<std::string> cameras_in_no_zone;  // listed once as info in the text report
    std::vector<audit::Finding> findings;
    const audit::RuleSet* rules = nullptr;  // for citation titles
};

struct AuditReport {
    std::vector<SiteResult> sites;
};

struct SeverityCounts {
    std::size_t error = 0, warning = 0, info = 0;
};
SeverityCounts count_severities(const AuditReport& report);

std::string render_json(const AuditReport& report, Lang lang);
// `color`: ANSI colours (a terminal without NO_COLOR).
std::string render_text(const AuditReport& report, Lang lang, bool color);

// Geometry as a GeoJSON geometry object ("null" for none); polygons in the input CRS.
std::string geojson_geometry(const std::vector<Polygon>& polygons);

}  // namespace camaudit::report
