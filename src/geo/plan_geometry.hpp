// Geometry for drawing a plan (audit/plan.cpp): where a label fits inside a zone or a finding's
// area. Exact GEOS operations on working-CRS polygons; a polygon GEOS cannot process (invalid,
// degenerate) still gets a point, never an error.
#pragma once

#include <optional>
#include <vector>

#include "model/site.hpp"

namespace camaudit::geo {

struct LabelPoint {
    Point at;
    double width = 0, height = 0;  // the lengths (m) of the horizontal and vertical chords
};

// A good place for a label in the largest of `polygons` (by area; those of fewer than three
// vertices are skipped): from the centre of the largest circle inside it (GEOS's maximum
// inscribed circle, to 1/100 of the envelope's smaller side, at least 1 mm; else a point on
// its surface), the middle of the horizontal chord there, then the middle of the vertical
// chord through that; with the lengths of both chords as the room around it. Nullopt when no
// polygon has three vertices.
std::optional<LabelPoint> label_point(const std::vector<Polygon>& polygons);

}  // namespace camaudit::geo
