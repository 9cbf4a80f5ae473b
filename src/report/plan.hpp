// The plan drawing's input: everything already computed, in the working CRS (metres, +y north).
// The SVG renderer only draws it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "model/site.hpp"
#include "report/report.hpp"

namespace camaudit::report {

enum class ZoneCategory { Forbidden, Mandatory, Classified, Other };

struct PlanZone {
    std::string id, label;  // label: the zone's name, else its kind's name in the language
    std::string kind;
    ZoneCategory category = ZoneCategory::Other;
    std::vector<Polygon> area;
    // Where the label goes: an interior point of the largest polygon (the centre of its largest
    // inscribed circle), and the room there: the lengths (m) of the horizontal and vertical
    // chords of that polygon through the point.
    std::optional<Point> label_at;
    double label_width = 0, label_height = 0;
};

struct PlanWall {
    std::vector<Point> line;       // a line wall
    std::optional<Polygon> solid;  // a pillar / outline
    bool transparent = false;
};

struct DensityBand {
    std::string level;  // "identify (IEC 62676-4:2014)"
    double px_per_m = 0;
    std::vector<Polygon> area;  // the part of the viewshed seen at that density or better
};

struct PlanCamera {
    std::string id;
    Point position, eye;
    double azimuth = 0;  // grid bearing of the view's middle, for the symbol
    bool panoramic = false;
    std::vector<Polygon> viewshed;
    std::vector<DensityBand> bands;  // optional
};

struct PlanFloor {
    std::string id;               // "" for a site without floors
    std::vector<PlanZone> zones;  // in drawing order: the largest first, so none hides another
    std::vector<PlanWall> walls;
    std::vector<PlanCamera> cameras;
};

struct PlanFinding {
    std::string rule, camera, zone, message;
    audit::Severity severity = audit::Severity::Error;
    bool uncovered = false;  // mandatory-coverage: drawn hatched; others filled red
    std::vector<Polygon> area;
    std::string floor;
    // Where its number is drawn on the plan: inside its largest area polygon, else at the
    // camera's eye, else at the zone's label point; none for a site-wide finding.
    std::optional<Point> marker;
};

struct Plan {
    std::string title;     // site name and id
    std::string crs_note;  // e.g. "local metres" or "EPSG:4547 (from EPSG:4326)"
    Lang lang = Lang::En;
    std::vector<PlanFloor> floors;
    std::vector<PlanFinding> findings;
    bool audited = true;  // false: drawn without running the audit (render --no-findings)
};

// A self-contained, printable SVG: one panel per floor, zones filled by category with labels,
// walls, cameras as symbols with ids, translucent viewsheds, optional density bands, findings
// (overlaps red, uncovered parts hatched), a scale bar, a north arrow and a legend.
std::string render_svg(const Plan& plan);

}  // namespace camaudit::report
