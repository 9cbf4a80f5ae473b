// The pipeline of every command that audits, as a library: read and validate a site, load the
// rule packs its region selects and project it to the metric working CRS (LoadedSite), then
// audit it into a SiteResult. The command line (src/cli/) adds only its options, the messages
// on stderr and the exit status.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/engine.hpp"
#include "audit/result.hpp"
#include "audit/rule_pack.hpp"
#include "geo/projection.hpp"
#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::audit {

struct LoadedSite {
    Site site;
    Site working;  // `site` in the working CRS (metres)
    geo::Projection projection;
    // Shared with the results of its audit (SiteResult::rules), which cite it after the
    // loaded site is gone.
    std::shared_ptr<const RuleSet> rules;
};

// Nullopt with every problem in `diag` when anything is wrong.
std::optional<LoadedSite> load_site_for_audit(const std::string& path,
                                              const std::vector<std::string>& packs,
                                              Diagnostics& diag);
// The same for a site already read (from standard input, say): its packs, the kinds of its
// zones, its projection.
std::optional<LoadedSite> prepare_site_for_audit(Site site, const std::vector<std::string>& packs,
                                                 Diagnostics& diag);

// Reads many sites in parallel (on `threads` workers, 0: all cores); the result keeps the
// order of `paths`, and is empty when any site has an error.
std::vector<LoadedSite> load_sites_for_audit(const std::vector<std::string>& paths,
                                             const std::vector<std::string>& packs,
                                             unsigned threads, Diagnostics& diag);

// Called with a site's file when its audit is done, from the thread that audited it.
using SiteDone = std::function<void(const std::string& file)>;

// Audits many sites: in parallel across sites when there are several (one thread each), else
// with `options.threads` for the viewsheds of the one site. Results keep the order of `sites`.
std::vector<SiteResult> audit_sites(const std::vector<LoadedSite>& sites,
                                    const AuditOptions& options, Diagnostics& diag,
                                    const SiteDone& done = {});

// The site summary of a result (file, id, name, counts, region, CRSs, regime, rules), no
// findings.
void describe_site(const LoadedSite& loaded, const AuditContext& ctx, SiteResult& out);

// Audits a loaded site; the result shares `loaded.rules`.
SiteResult audit_site(const LoadedSite& loaded, const AuditOptions& options, Diagnostics& diag);

}  // namespace camaudit::audit
