// A finding: one (check, camera, zone) that breaks one or more rules, with the law it breaks,
// the numbers behind it and where it is. Renderers only present findings.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/rule_pack.hpp"
#include "audit/severity.hpp"
#include "model/site.hpp"

namespace camaudit::audit {

struct Finding {
    std::string rule;                // the first firing rule in pack order
    std::vector<std::string> rules;  // every firing rule, pack order
    std::string check;
    Severity severity = Severity::Error;
    std::string site;  // site id
    SourceLocation loc;
    std::optional<std::string> camera;
    std::optional<std::string> zone;
    std::string message_en, message_zh;
    std::vector<Citation> citations;                       // union, in rule order
    std::vector<std::pair<std::string, double>> metrics;   // in the order the check gives
    std::vector<Polygon> area;           // the problem's geometry, input CRS (may be empty)
    std::vector<Polygon> area_working;   // the same in the working CRS (for drawings)
    // A point to show a finding without an area at, input CRS: the camera's position, else
    // the zone's point (a polygon's first vertex, a line's first point); none for the system.
    std::optional<Point> where;
    // The drawing entity of the camera (else of the zone) where it was imported from a DXF.
    std::optional<DrawingOrigin> origin;
    std::string fingerprint;

    const std::string& message(bool zh) const { return zh ? message_zh : message_en; }
};

// Findings in the report order: file, line, column, check, camera, zone.
void sort_findings(std::vector<Finding>& findings);

// A stable hash of what identifies a finding (site, check, camera, zone), independent of the
// order of the file and of labels.
std::string fingerprint_of(const std::string& site, const std::string& check,
                           const std::optional<std::string>& camera,
                           const std::optional<std::string>& zone);

}  // namespace camaudit::audit
