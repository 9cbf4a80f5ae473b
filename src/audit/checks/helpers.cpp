// The helpers that the checks share (checks.hpp).
#include <fmt/format.h>

#include <cmath>
#include <string_view>
#include <unordered_map>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace detail {

std::string num(double v) {
    std::string s;
    if (std::fabs(v) >= 100)
        s = fmt::format("{:.0f}", v);
    else if (std::fabs(v) >= 0.1)
        s = fmt::format("{:.1f}", v);
    else
        return fmt::format("{:.2g}", v);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

std::string percent(double fraction) {
    double p = fraction * 100;
    if (p > 0 && p < 1) return "<1%";
    if (p > 99 && p < 100) return ">99%";
    return fmt::format("{:.0f}%", p);
}

std::vector<Polygon> polygons(const geo::Geometry* g) {
    return geo::polygons_of(g);
}

bool rule_matches(const RuleRun& run, const Zone& zone) {
    return run.rule->kinds.empty() || run.rule->applies_to_kind(zone.kind);
}

std::vector<char> zones_matching(const Site& site, const RuleRun& run) {
    std::vector<char> matching(site.zones.size());
    // A city has 10^5 zones of a few dozen kinds, and a rule's kinds are patterns: each kind
    // is matched once.
    std::unordered_map<std::string_view, char> of_kind;
    bool any = false;
    for (std::size_t z = 0; z < site.zones.size(); ++z) {
        auto [it, fresh] = of_kind.try_emplace(site.zones[z].kind, 0);
        if (fresh) it->second = rule_matches(run, site.zones[z]) ? 1 : 0;
        any |= (matching[z] = it->second) != 0;
    }
    if (!any) matching.clear();
    return matching;
}

}  // namespace detail
}  // namespace camaudit::audit
