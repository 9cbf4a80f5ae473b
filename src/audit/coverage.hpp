// How well the cameras on a zone's floor cover it: shared by the mandatory-coverage check and
// the `coverage` command.
#pragma once

#include <optional>
#include <vector>

#include "audit/context.hpp"

namespace camaudit::audit {

struct ZoneCoverage {
    double area_m2 = 0;
    double covered_m2 = 0;
    double covered_fraction = 0;          // 1 for a zone of no area
    std::vector<std::size_t> cameras;     // cameras that see some of it, ascending
    std::optional<double> best_px_per_m;  // highest density reached on it (cameras with resolution)
    geo::Geom uncovered;                  // zone minus the covered part
};

// With `min_px_per_m`, only ground seen at that density counts (a camera without resolution
// adds none).
ZoneCoverage zone_coverage(const AuditContext& ctx, std::size_t zone,
                           std::optional<double> min_px_per_m = std::nullopt);

}  // namespace camaudit::audit
