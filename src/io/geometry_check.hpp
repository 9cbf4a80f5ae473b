// Checks of the shapes read from a site file, before anything downstream (GEOS, the viewshed)
// sees them: rings with 3 distinct points and an area, valid polygons (no self-intersection,
// holes inside the shell), lines of non-zero length. Validity is GEOS's, through geo/geos.hpp.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::io {

class GeometryChecker {
  public:
    // An open ring: the closing point and consecutive repeats dropped. Reports fewer than 3
    // distinct points and a zero area (collinear points).
    static std::optional<Ring> ring(std::vector<Point> pts, const SourceLocation& loc,
                                    std::string_view what, Diagnostics& diag);
    // A polyline with consecutive repeats dropped; reports a zero-length line.
    static std::optional<std::vector<Point>> polyline(std::vector<Point> pts,
                                                      const SourceLocation& loc,
                                                      std::string_view what, Diagnostics& diag);
    // Topological validity of a polygon whose rings came from ring(): self-intersections,
    // holes outside the shell, nested holes, a disconnected interior.
    bool valid(const Polygon& polygon, const SourceLocation& loc, std::string_view what,
               Diagnostics& diag) const;
};

}  // namespace camaudit::io
