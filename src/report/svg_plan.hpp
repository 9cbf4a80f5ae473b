// The plan drawing (audit/plan.hpp) as SVG. The renderer computes no geometry: it maps the
// plan's working-CRS coordinates onto the page and draws them.
#pragma once

#include <string>

#include "audit/plan.hpp"

namespace camaudit::report {

// A self-contained, printable SVG: one panel per floor, zones filled by category with labels,
// walls, cameras as symbols with ids, translucent viewsheds, optional density bands, findings
// (overlaps red, uncovered parts hatched), a scale bar, a north arrow and a legend.
std::string render_svg(const audit::Plan& plan);

}  // namespace camaudit::report
