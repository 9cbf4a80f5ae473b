// The plan drawing's data and its construction from an audited site: zones, walls, cameras,
// viewsheds, density bands and findings as working-CRS polygons (metres, +y north), with their
// label points. All the geometry the plan shows is computed here (through geo/); the SVG
// renderer (report/svg_plan.hpp) only draws it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/context.hpp"
#include "audit/finding.hpp"
#include "model/lang.hpp"
#include "model/site.hpp"

namespace camaudit::audit {

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
    // An opaque wall with a height (a partition, a curtain, a counter): drawn dashed and
    // lighter than a wall to the ceiling, its height written at `label_at` (the middle of its
    // longest segment, or a pillar's label point).
    std::optional<double> height;
    std::optional<Point> label_at;
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
    Severity severity = Severity::Error;
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

// One panel per floor of the working site (one implicit floor "" without floors). `findings`
// are drawn where they have geometry (info findings are left out: they are not problems);
// with `bands`, cameras with a resolution get the IEC 62676-4:2014 density levels.
Plan build_plan(const AuditContext& ctx, const std::vector<Finding>& findings, Lang lang,
                bool bands);

}  // namespace camaudit::audit
