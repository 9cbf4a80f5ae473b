// The non-geometric sections of a site file: site, operator, parties, system, floors,
// settings.
#include <fmt/format.h>

#include <cmath>

#include "io/site_loader.hpp"
#include "io/site_measures.hpp"
#include "io/site_reader.hpp"

namespace camaudit::io {

namespace {

const std::initializer_list<std::string_view> kPartyTypes = {
    "enterprise", "government", "institution", "social_org", "individual"};

// One party (or the operator); returns false if it could not be read at all.
bool read_party(SiteLoader& s, const YNode& node, Party& p, bool is_operator) {
    const std::string_view what = is_operator ? "operator" : "party";
    auto f = s.r.mapping(node, what, {"id", "name", "type", "credit_code", "responsible"});
    if (!f) return false;
    p.loc = f->loc();
    if (const YNode* id = s.r.require(*f, "id", what)) {
        if (auto v = s.r.id(*id, "id")) {
            p.id = *v;
            s.declare("party", p.id, id->loc);
        }
    }
    s.r.get(*f, "name", p.name);
    const YNode* type = is_operator ? s.r.require(*f, "type", what) : (*f)["type"];
    if (type)
        if (auto t = s.r.choice(*type, "type", kPartyTypes)) p.type = *t;
    if (const YNode* cc = (*f)["credit_code"]) {
        p.credit_code_loc = cc->loc;
        if (auto v = s.r.text(*cc, "credit_code")) p.credit_code = *v;
    } else if (is_operator && !p.type.empty() && p.type != "individual") {
        s.r.error(f->loc(), fmt::format("operator: missing required key 'credit_code' (the "
                                        "统一社会信用代码; required unless type is individual)"));
    }
    // The operator runs the system (管理单位): it bears the management duty unless the file
    // says otherwise. Other parties bear none unless they say so.
    p.responsible = is_operator;
    s.r.get(*f, "responsible", p.responsible);
    return true;
}

}  // namespace

void read_site_info(SiteLoader& s, const YNode& node) {
    auto f = s.r.mapping(node, "site", {"id", "name", "region", "crs", "regime", "address"});
    if (!f) return;
    SiteInfo& info = s.site.info;
    info.loc = f->loc();
    if (const YNode* id = s.r.require(*f, "id", "site"))
        if (auto v = s.r.id(*id, "site.id")) info.id = *v;
    s.r.get(*f, "name", info.name);
    if (const YNode* v = (*f)["region"])
        if (auto region = s.r.id(*v, "region")) {
            info.region = *region;
            s.r.diag().note_region(s.site.file, *region);  // the language of its messages
        }
    if (const YNode* v = (*f)["crs"]) {
        info.crs_loc = v->loc;
        if (auto crs = s.r.id(*v, "crs")) info.crs = *crs;
    }
    if (const YNode* v = (*f)["regime"]) {
        info.regime_loc = v->loc;
        if (auto regime = s.r.choice(*v, "regime", {"article7", "article9", "non_public"}))
            info.regime = *regime;
    }
    s.r.get(*f, "address", info.address);
}

void read_operator(SiteLoader& s, const YNode& node) {
    Party p;
    if (read_party(s, node, p, true)) s.site.operator_ = std::move(p);
}

void read_parties(SiteLoader& s, const YNode& node) {
    if (!s.r.sequence(node, "parties")) return;
    for (const YNode& item : node.items) {
        Party p;
        if (read_party(s, item, p, false)) s.site.parties.push_back(std::move(p));
    }
}

void read_system(SiteLoader& s, const YNode& node) {
    auto f = s.r.mapping(node, "system", {"retention_days", "delivered", "filing", "measures"});
    if (!f) return;
    System sys;
    sys.loc = f->loc();
    if (const YNode* v = (*f)["retention_days"]) {
        sys.retention_loc = v->loc;
        if (auto days = s.r.integer(*v, "retention_days")) {
            if (*days < 0 || *days > 1000000)
                s.r.error(v->loc, fmt::format("retention_days must be >= 0, got {}", *days));
            else
                sys.retention_days = static_cast<int>(*days);
        }
    }
    if (const YNode* v = (*f)["delivered"]) {
        sys.delivered_loc = v->loc;
        sys.delivered = s.r.date(*v, "delivered");
    }
    if (const YNode* v = (*f)["filing"]) {
        if (auto ff = s.r.mapping(*v, "filing", {"filed", "date", "record_no"})) {
            Filing filing;
            filing.loc = ff->loc();
            s.r.get(*ff, "filed", filing.filed);
            if (const YNode* d = (*ff)["date"]) {
                filing.date_loc = d->loc;
                filing.date = s.r.date(*d, "filing.date");
            }
            s.r.get(*ff, "record_no", filing.record_no);
            sys.filing = std::move(filing);
        }
    }
    if (const YNode* v = (*f)["measures"]) read_measures(s, *v, sys.measures.emplace());
    s.site.system = std::move(sys);
}

void read_floors(SiteLoader& s, const YNode& node) {
    if (!s.r.sequence(node, "floors")) {
        s.floors_unreadable = true;
        return;
    }
    for (const YNode& item : node.items) {
        auto f = s.r.mapping(item, "floor", {"id", "elevation"});
        if (!f) continue;
        Floor floor;
        floor.loc = f->loc();
        if (const YNode* id = s.r.require(*f, "id", "floor")) {
            if (auto v = s.r.id(*id, "id")) {
                floor.id = *v;
                s.declare("floor", floor.id, id->loc);
            }
        }
        s.r.get(*f, "elevation", floor.elevation);
        s.site.floors.push_back(std::move(floor));
    }
}

void read_settings(SiteLoader& s, const YNode& node) {
    auto f = s.r.mapping(node, "settings", {"rule_params", "disable", "view_height"});
    if (!f) return;
    Settings& settings = s.site.settings;
    if (const YNode* rp = (*f)["rule_params"]) {
        if (!rp->is_mapping()) {
            s.r.error(rp->loc, fmt::format("rule_params: expected a mapping of check names or "
                                           "rule ids, got {}",
                                           describe(*rp)));
        } else {
            for (std::size_t i = 0; i < rp->pair_count(); ++i) {
                const YNode& name = rp->key(i);
                auto rule = s.r.id(name, "rule_params");
                if (!rule || rule->starts_with("x-")) continue;
                if (settings.rule_params_loc.contains(*rule)) {
                    const auto& first = settings.rule_params_loc[*rule];
                    s.r.error(name.loc, fmt::format("duplicate key '{}' (first given at {}:{})",
                                                    *rule, first.line, first.column));
                    continue;
                }
                settings.rule_params_loc[*rule] = name.loc;
                auto& params = settings.rule_params[*rule];
                const YNode& values = rp->val(i);
                if (!values.is_mapping()) {
                    s.r.error(values.loc,
                              fmt::format("rule_params.{}: expected a mapping of parameter "
                                          "names to numbers, got {}",
                                          *rule, describe(values)));
                    continue;
                }
                for (std::size_t j = 0; j < values.pair_count(); ++j) {
                    auto param = s.r.id(values.key(j), "parameter");
                    if (!param || param->starts_with("x-")) continue;
                    if (params.contains(*param)) {
                        const auto& first = params[*param].loc;
                        s.r.error(values.key(j).loc,
                                  fmt::format("duplicate key '{}' (first given at {}:{})", *param,
                                              first.line, first.column));
                        continue;
                    }
                    if (auto v = s.r.number(values.val(j), *param))
                        params[*param] = ParamOverride{*v, values.key(j).loc};
                }
            }
        }
    }
    if (const YNode* d = (*f)["disable"]) {
        if (s.r.sequence(*d, "disable"))
            for (const YNode& item : d->items)
                if (auto name = s.r.id(item, "disable"))
                    settings.disable.emplace_back(*name, item.loc);
    }
    if (const YNode* v = (*f)["view_height"]) {
        // Metres above the floor; 0 judges the floor itself.
        if (auto z = s.r.number(*v, "view_height")) {
            if (*z < 0 || *z > kMaxDistance)
                s.r.error(v->loc, fmt::format("{} must be {}, got {}", "view_height",
                                              "in [0, 100000] m", *z));
            else
                settings.view_height = *z;
        }
    }
}

}  // namespace camaudit::io
