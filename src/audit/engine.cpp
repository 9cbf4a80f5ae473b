#include "audit/engine.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <stdexcept>

namespace camaudit::audit {

namespace {

// A check reading a constant that its CheckDef does not list reads a parameter that no pack,
// config or setting can set, and that `rules` and `explain` do not document.
void require_declared(const RuleRun& run, const ParamSpec& p) {
    if (run.check && run.check->declares(p)) return;
    throw std::logic_error(
        fmt::format("check {} reads the parameter {}, which its CheckDef does "
                    "not list",
                    run.check ? run.check->name : "?", p.name));
}

}  // namespace

double RuleRun::get(const Param& p) const {
    require_declared(*this, p);
    auto it = params.find(p.name);
    return it != params.end() ? it->second : *p.default_value;
}

std::optional<double> RuleRun::get(const OptionalParam& p) const {
    require_declared(*this, p);
    return param(p.name);
}

std::optional<double> RuleRun::param(std::string_view name) const {
    auto it = params.find(name);
    if (it == params.end()) return std::nullopt;
    return it->second;
}

namespace {

bool is_known_name(const RuleSet& rules, const std::string& name) {
    return find_check(name) != nullptr || rules.rule(name) != nullptr;
}

const CheckDef* check_of_name(const RuleSet& rules, const std::string& name) {
    if (const Rule* r = rules.rule(name)) return find_check(r->check);
    return find_check(name);
}

void validate_settings(const Site& site, const RuleSet& rules, Diagnostics& diag) {
    for (const auto& [key, params] : site.settings.rule_params) {
        auto loc_it = site.settings.rule_params_loc.find(key);
        SourceLocation loc = loc_it != site.settings.rule_params_loc.end()
                                 ? loc_it->second
                                 : SourceLocation{site.file, 0, 0};
        const CheckDef* check = check_of_name(rules, key);
        if (!check) {
            diag.error(loc, fmt::format("settings.rule_params: '{}' is neither a check nor a rule "
                                        "of the active packs",
                                        key));
            continue;
        }
        for (const auto& [param, value] : params) {
            const ParamSpec* spec = check->param(param);
            if (!spec)
                diag.error(value.loc, fmt::format("settings.rule_params.{}: check '{}' has no "
                                                  "parameter '{}'",
                                                  key, check->name, param));
            else if (!spec->allows(value.value))
                diag.error(value.loc, fmt::format("settings.rule_params.{}: parameter '{}' must "
                                                  "be in [0, {}], got {}",
                                                  key, param, spec->upper(), value.value));
        }
    }
    for (const auto& [name, loc] : site.settings.disable)
        if (!is_known_name(rules, name))
            diag.error(loc, fmt::format("settings.disable: '{}' is neither a check nor a rule of "
                                        "the active packs",
                                        name));
}

void validate_options(const std::string& file, const RuleSet& rules, const AuditOptions& options,
                      Diagnostics& diag) {
    for (const auto& [key, params] : options.rule_params) {
        const CheckDef* check = check_of_name(rules, key);
        if (!check) {
            diag.error({file, 0, 0}, fmt::format("rule_params: unknown check or rule '{}'", key));
            continue;
        }
        for (const auto& [param, value] : params)
            if (!check->param(param))
                diag.error({file, 0, 0},
                           fmt::format("rule_params.{}: no parameter '{}'", key, param));
    }
    for (const auto& name : options.disable)
        if (!is_known_name(rules, name))
            diag.error({file, 0, 0}, fmt::format("disable: unknown check or rule '{}'", name));
}

}  // namespace

std::vector<RuleRun> resolve_rules(const Site& site, const std::string& regime,
                                   const RuleSet& rules, const AuditOptions& options,
                                   Diagnostics& diag) {
    validate_settings(site, rules, diag);
    validate_options(site.file, rules, options, diag);

    auto disabled = [&](const Rule& r) {
        for (const auto& [name, loc] : site.settings.disable)
            if (name == r.id || name == r.check) return true;
        return std::find_if(options.disable.begin(), options.disable.end(), [&](const auto& n) {
                   return n == r.id || n == r.check;
               }) != options.disable.end();
    };

    std::vector<RuleRun> runs;
    for (const Rule* rule : rules.rules()) {
        if (disabled(*rule)) continue;
        if (!rule->regimes.empty() &&
            std::find(rule->regimes.begin(), rule->regimes.end(), regime) == rule->regimes.end())
            continue;
        RuleRun run{rule, find_check(rule->check), {}};
        for (const ParamSpec* p : run.check->params)
            if (p->default_value) run.params[std::string(p->name)] = *p->default_value;
        for (const auto& [k, v] : rule->params) run.params[k] = v;
        // Lowest precedence first: options by check, by rule; settings by check, by rule.
        for (const auto* key : {&rule->check, &rule->id}) {
            if (auto it = options.rule_params.find(*key); it != options.rule_params.end())
                for (const auto& [k, v] : it->second) run.params[k] = v;
        }
        for (const auto* key : {&rule->check, &rule->id}) {
            if (auto it = site.settings.rule_params.find(*key);
                it != site.settings.rule_params.end())
                for (const auto& [k, v] : it->second) run.params[k] = v.value;
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

namespace {

Point zone_anchor(const Zone& z) {
    switch (z.shape) {
        case ZoneShape::Point:
            return z.point;
        case ZoneShape::Line:
            return z.line.empty() ? Point{} : z.line.front();
        case ZoneShape::Polygon:
            break;
    }
    return z.polygon.shell.empty() ? Point{} : z.polygon.shell.front();
}

}  // namespace

std::string zone_label_en(const AuditContext& ctx, std::size_t zone) {
    const Zone& z = ctx.site().zones[zone];
    const KindDef* k = ctx.zone_kind(zone);
    return fmt::format("{} {}", k ? k->name_en : z.kind, quote_id(z.id));
}

std::string zone_label_zh(const AuditContext& ctx, std::size_t zone) {
    const Zone& z = ctx.site().zones[zone];
    const KindDef* k = ctx.zone_kind(zone);
    return (k ? k->name_zh : z.kind) + quote_id(z.id);
}

void FindingSink::add(const RuleRun& run, RawFinding raw) {
    const Site& site = ctx_.site();
    std::optional<std::string> camera, zone;
    if (raw.camera) camera = site.cameras[*raw.camera].id;
    if (raw.zone) zone = site.zones[*raw.zone].id;
    const Rule& rule = *run.rule;
    Severity severity = raw.severity.value_or(rule.severity);

    auto key = std::tuple(rule.check, camera, zone, raw.topic);
    if (auto it = index_.find(key); it != index_.end()) {
        // Another rule fires for the same (check, camera, zone): merge, keeping the first
        // rule's message and metrics.
        Finding& f = findings_[it->second];
        f.rules.push_back(rule.id);
        f.severity = std::max(f.severity, severity);
        fired_[it->second].push_back(&rule);
        return;
    }

    Finding f;
    f.rule = rule.id;
    f.rules = {rule.id};
    f.check = rule.check;
    f.severity = severity;
    f.site = site.info.id;
    if (raw.loc.known())
        f.loc = raw.loc;
    else if (raw.camera)
        f.loc = site.cameras[*raw.camera].loc;
    else if (raw.zone)
        f.loc = site.zones[*raw.zone].loc;
    else
        f.loc = {site.file, 1, 1};
    f.camera = camera;
    f.zone = zone;
    f.topic = std::move(raw.topic);
    if (raw.camera)
        f.where = site.cameras[*raw.camera].position;
    else if (raw.zone)
        f.where = zone_anchor(site.zones[*raw.zone]);
    // The camera's drawing or model, else the zone's: a camera written by hand that sees a
    // room imported from a model names the room's entity.
    if (raw.camera) f.origin = site.cameras[*raw.camera].origin;
    if (!f.origin && raw.zone) f.origin = site.zones[*raw.zone].origin;
    f.message_en = std::move(raw.message_en);
    f.message_zh = std::move(raw.message_zh);
    f.metrics = std::move(raw.metrics);
    f.area = ctx_.to_input(raw.area_working);
    f.area_working = std::move(raw.area_working);
    f.fingerprint = fingerprint_of(f.site, f.check, f.camera, f.zone, f.topic);
    index_.emplace(key, findings_.size());
    findings_.push_back(std::move(f));
    fired_.push_back({&rule});
}

namespace {

// The union of one member (citations or penalties) of the rules, in rule order.
std::vector<Citation> union_of(const std::vector<const Rule*>& rules,
                               std::vector<Citation> Rule::*member) {
    std::vector<Citation> all;
    for (const Rule* r : rules)
        for (const auto& c : r->*member) {
            bool seen = std::any_of(all.begin(), all.end(), [&](const Citation& d) {
                return d.doc == c.doc && d.article == c.article && d.paragraph == c.paragraph &&
                       d.item == c.item;
            });
            if (!seen) all.push_back(c);
        }
    return all;
}

}  // namespace

std::vector<Citation> filter_citations(std::vector<Citation> list, const std::string& regime,
                                       const std::string& check) {
    if (check == "regime" || list.empty()) return list;
    const int dropped = regime == "article7" ? 9 : 7;
    std::vector<Citation> kept;
    for (auto& c : list)
        if (c.doc != "cn-regulation-2025" || c.article != dropped) kept.push_back(std::move(c));
    if (kept.empty()) kept.push_back(std::move(list.front()));
    return kept;
}

CitationList FindingSink::citations_of(const std::vector<const Rule*>& rules) {
    auto [it, fresh] = citation_lists_.try_emplace(rules);
    if (fresh)
        it->second = filter_citations(union_of(rules, &Rule::citations), ctx_.regime(),
                                      rules.front()->check);
    return it->second;
}

CitationList FindingSink::penalties_of(const std::vector<const Rule*>& rules) {
    auto [it, fresh] = penalty_lists_.try_emplace(rules);
    if (!fresh) return it->second;
    auto all = union_of(rules, &Rule::penalties);
    if (!all.empty()) it->second = filter_citations(std::move(all), ctx_.regime(), "");
    return it->second;
}

std::vector<Finding> FindingSink::take() {
    for (std::size_t i = 0; i < findings_.size(); ++i) {
        findings_[i].citations = citations_of(fired_[i]);
        findings_[i].penalties = penalties_of(fired_[i]);
    }
    fired_.clear();
    sort_findings(findings_);
    index_.clear();
    return std::move(findings_);
}

std::vector<Finding> run_audit(const AuditContext& ctx, const std::vector<RuleRun>& runs) {
    FindingSink sink(ctx);
    for (const auto& run : runs) run.check->run(ctx, run, sink);
    return sink.take();
}

}  // namespace camaudit::audit
