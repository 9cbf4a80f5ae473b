// The common first half of every command that reads a site: read and validate it, load the
// rule packs its region selects, and project it to the metric working CRS.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/engine.hpp"
#include "audit/rule_pack.hpp"
#include "geo/projection.hpp"
#include "model/diagnostics.hpp"
#include "model/site.hpp"
#include "report/report.hpp"

namespace camaudit::cli {

struct LoadedSite {
    Site site;
    Site working;
    geo::Projection projection;
    audit::RuleSet rules;
};

// Nullopt with every problem in `diag` when anything is wrong.
std::optional<LoadedSite> load_site_for_audit(const std::string& path,
                                              const std::vector<std::string>& packs,
                                              Diagnostics& diag);

// Audits a loaded site. The result points at `loaded.rules`, which must outlive it.
report::SiteResult audit_site(const LoadedSite& loaded, const audit::AuditOptions& options,
                              Diagnostics& diag);

// Prints the diagnostics to stderr (sorted); returns true if there were errors.
bool print_diagnostics(const Diagnostics& diag);

}  // namespace camaudit::cli
