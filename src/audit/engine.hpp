// The rule engine: which rules run on a site (packs, regime, settings), their parameters,
// and the merge of what they find into one finding per (check, camera, zone).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/check_def.hpp"
#include "audit/context.hpp"
#include "audit/finding.hpp"
#include "audit/rule_pack.hpp"
#include "model/diagnostics.hpp"

namespace camaudit::audit {

// Defaults from a camaudit.yaml (below the site's own settings, above the packs).
struct AuditOptions {
    std::map<std::string, std::map<std::string, double>> rule_params;  // rule id or check name
    std::vector<std::string> disable;
    unsigned threads = 0;
    // Also make each site's plan with its findings (SiteResult::plan, for the HTML
    // report), its words in Chinese (`plan_zh`) or English. Off by default: it costs time.
    bool draw_plan = false;
    bool plan_zh = false;
};

// A rule as it runs on one site: its check and its resolved parameters.
struct RuleRun {
    const Rule* rule = nullptr;
    const CheckDef* check = nullptr;  // the rule's check
    // Every parameter of the check that has a value: its default (if any) < the pack's <
    // options < site settings. An OptionalParam that nothing sets is absent.
    std::map<std::string, double, std::less<>> params;

    // The check's own parameters, read through the constants it declares (check_def.hpp);
    // std::logic_error for a constant that `check` does not list.
    double get(const Param& p) const;
    std::optional<double> get(const OptionalParam& p) const;
    // A parameter by name, for code outside the check (the inspection quotes the distances and
    // days that the checks used); nullopt when it has no value.
    std::optional<double> param(std::string_view name) const;
};

// The rules that run on `site`, in pack order, with parameters resolved (check default <
// pack < options < site settings). Unknown names in settings or options are errors in `diag`.
std::vector<RuleRun> resolve_rules(const Site& site, const std::string& regime,
                                   const RuleSet& rules, const AuditOptions& options,
                                   Diagnostics& diag);

// What a check reports for one rule, before merging.
struct RawFinding {
    std::optional<std::size_t> camera;  // index into site.cameras
    std::optional<std::size_t> zone;    // index into site.zones
    SourceLocation loc;                 // where to point; unset: the camera's, else the zone's
    std::string message_en, message_zh;
    std::vector<std::pair<std::string, double>> metrics;
    std::vector<Polygon> area_working;
    std::optional<Severity> severity;  // overrides the rule's (e.g. "not applicable" as info)
    std::string topic;                 // Finding::topic: a second finding of the same key
};

class FindingSink {
  public:
    explicit FindingSink(const AuditContext& ctx) : ctx_(ctx) {}
    void add(const RuleRun& run, RawFinding raw);
    // The merged findings, sorted.
    std::vector<Finding> take();

  private:
    // The union of the rules' citations (or penalties), in rule order, for the site's regime
    // (filter_citations): one list per combination of rules.
    CitationList citations_of(const std::vector<const Rule*>& rules);
    CitationList penalties_of(const std::vector<const Rule*>& rules);

    const AuditContext& ctx_;
    std::vector<Finding> findings_;
    std::vector<std::vector<const Rule*>> fired_;  // per finding: its rules, in pack order
    std::map<std::vector<const Rule*>, CitationList> citation_lists_, penalty_lists_;
    std::map<std::tuple<std::string, std::optional<std::string>, std::optional<std::string>,
                        std::string>,
             std::size_t>
        index_;
};

// Citations follow the regime (spec, "Revision 2: the precise rules" 7): of the 条例
// (cn-regulation-2025) only, an article9 or non_public site drops article 7 and an article7
// site drops article 9; other instruments stay. Nothing is dropped for the check `regime`, and
// a list never becomes empty (the first citation stays then).
std::vector<Citation> filter_citations(std::vector<Citation> list, const std::string& regime,
                                       const std::string& check);

// Runs every resolved rule's check on the site.
std::vector<Finding> run_audit(const AuditContext& ctx, const std::vector<RuleRun>& runs);

// Zone names for messages, the kind's name then the quoted id: "hotel guest room “room-101”" /
// "旅馆客房“room-101”".
std::string zone_label_en(const AuditContext& ctx, std::size_t zone);
std::string zone_label_zh(const AuditContext& ctx, std::size_t zone);

}  // namespace camaudit::audit
