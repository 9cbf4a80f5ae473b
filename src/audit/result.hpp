// What an audit produces: per site its summary and findings (SiteResult), for a run all of them
// (AuditReport). Made by audit/pipeline.cpp; the renderers of src/report/ present it and
// compute nothing from it but counts and text.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "audit/rule_pack.hpp"

namespace camaudit::audit {

struct Plan;  // audit/plan.hpp

struct SiteResult {
    std::string file;
    std::string id;
    std::string name;
    std::size_t cameras = 0;
    std::size_t zones = 0;
    std::vector<std::string> cameras_in_no_zone;  // listed once as info in the text report
    std::vector<Finding> findings;
    std::shared_ptr<const RuleSet> rules;  // for citation titles (shared with the loaded site)
    std::string crs = "local";             // the site's input CRS, as written (site.crs)
    // For the site summary of the HTML reports.
    std::string region, address, working_crs, regime;
    std::string regime_declared;  // site.regime as written; "" when absent (JSON null)
    // The plan drawing's data (build_plan with the findings), made only when asked
    // (AuditOptions::draw_plan): renderers never compute geometry, so the HTML report draws
    // this (render_svg), leaving out the findings no longer in `findings`. Null: none.
    std::shared_ptr<const Plan> plan;
};

struct AuditReport {
    std::vector<SiteResult> sites;
};

struct SeverityCounts {
    std::size_t error = 0, warning = 0, info = 0;
};
SeverityCounts count_severities(const AuditReport& report);

}  // namespace camaudit::audit
