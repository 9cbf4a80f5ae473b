// The coverage report (spec "Coverage report"): per camera its viewshed area, per zone its
// area, covered area and fraction, the cameras that see it and the best pixel density.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/report.hpp"

namespace camaudit::report {

struct CameraCoverage {
    std::string id, floor;
    double viewshed_m2 = 0;
    bool eye_in_solid = false;
    std::optional<double> blind_radius_m;
};

struct ZoneCoverageRow {
    std::string id, kind, floor;
    double area_m2 = 0, covered_m2 = 0, covered_fraction = 0;
    std::vector<std::string> cameras;
    std::optional<double> best_px_per_m;
    // The best IEC 62676-4:2014 level that best_px_per_m reaches ("observe"), named by the
    // geometry layer's table (geo::iec62676_2014_levels); "" below them all.
    std::string best_level;
};

struct SiteCoverage {
    std::string file, id;
    std::vector<CameraCoverage> cameras;
    std::vector<ZoneCoverageRow> zones;
};

struct CoverageReport {
    std::vector<SiteCoverage> sites;
};

std::string render_coverage_json(const CoverageReport& report);
std::string render_coverage_text(const CoverageReport& report, Lang lang);

}  // namespace camaudit::report
