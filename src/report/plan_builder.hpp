// Turns an audited site into the plan drawing's data: zones, walls, cameras, viewsheds, density
// bands and findings as working-CRS polygons, with label points. All the geometry the SVG
// renderer shows is computed here.
#pragma once

#include <vector>

#include "audit/context.hpp"
#include "audit/finding.hpp"
#include "report/plan.hpp"

namespace camaudit::report {

// One panel per floor of the working site (one implicit floor "" without floors). `findings`
// are drawn where they have geometry (info findings are left out: they are not problems);
// with `bands`, cameras with a resolution get the IEC 62676-4:2014 density levels.
Plan build_plan(const audit::AuditContext& ctx, const std::vector<audit::Finding>& findings,
                Lang lang, bool bands);

}  // namespace camaudit::report
