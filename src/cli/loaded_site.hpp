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

// Reads many sites in parallel (on `threads` workers, 0: all cores); the result keeps the
// order of `paths`, and is empty when any site has an error.
std::vector<LoadedSite> load_sites_for_audit(const std::vector<std::string>& paths,
                                             const std::vector<std::string>& packs,
                                             unsigned threads, Diagnostics& diag);

// Audits many sites: in parallel across sites when there are several (one thread each), else
// with `options.threads` for the viewsheds of the one site. Results keep the order of `sites`.
std::vector<audit::SiteResult> audit_sites(const std::vector<LoadedSite>& sites,
                                           const audit::AuditOptions& options, Diagnostics& diag);

// The site summary of a result (file, id, name, counts, region, CRSs, regime, rules), no
// findings.
void describe_site(const LoadedSite& loaded, const audit::AuditContext& ctx,
                   audit::SiteResult& out);

// Audits a loaded site. The result points at `loaded.rules`, which must outlive it.
audit::SiteResult audit_site(const LoadedSite& loaded, const audit::AuditOptions& options,
                             Diagnostics& diag);

// Prints the diagnostics to stderr (sorted); returns true if there were errors. Each in the
// language of choose_lang(--lang, the region of its file): Chinese where the catalogue of
// messages has the message (util/message_catalog.hpp), else English.
bool print_diagnostics(const Diagnostics& diag);

}  // namespace camaudit::cli
