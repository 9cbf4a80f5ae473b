#include "audit/validate_site.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace camaudit::audit {

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
            diag = up;
        }
    }
    return row[b.size()];
}

// The nearest known kinds (spec, "Revision 2 of the commands"): those at the least edit
// distance, if close enough, up to three in pack order, as "a', 'b" for "did you mean 'a', 'b'?".
std::string closest_kind(const std::string& kind, const RuleSet& rules) {
    std::vector<std::string> best;
    std::size_t best_d = std::numeric_limits<std::size_t>::max();
    for (const KindDef* k : rules.kinds()) {
        std::size_t d = edit_distance(kind, k->id);
        if (d < best_d) best_d = d, best.clear();
        if (d == best_d && best.size() < 3) best.push_back(k->id);
    }
    if (best.empty() || best_d > std::max<std::size_t>(2, kind.size() / 4)) return "";
    std::string out;
    for (const auto& id : best) out += (out.empty() ? "" : "', '") + id;
    return out;
}

void check_consent(const Site& site, const RuleSet& rules, const std::vector<std::string>& ids,
                   const std::vector<SourceLocation>& locs, Diagnostics& diag) {
    auto classified = [&](const Zone& z) {
        const KindDef* k = rules.kind(z.kind);
        return k && k->category == KindCategory::Classified;
    };
    for (std::size_t i = 0; i < ids.size() && i < locs.size(); ++i) {
        auto z = std::find_if(site.zones.begin(), site.zones.end(),
                              [&](const Zone& z) { return z.id == ids[i]; });
        if (z == site.zones.end() || classified(*z)) continue;  // an unknown id: the reader's
        std::string hint;
        std::size_t best = std::numeric_limits<std::size_t>::max();
        for (const auto& other : site.zones)
            if (classified(other) && edit_distance(ids[i], other.id) < best)
                best = edit_distance(ids[i], other.id), hint = other.id;
        if (hint.empty())
            diag.error(locs[i], fmt::format("consent: zone '{}' is not classified (a military "
                                            "zone or classified unit, 条例 10)",
                                            ids[i]));
        else
            diag.error(locs[i], fmt::format("consent: zone '{}' is not classified (a military "
                                            "zone or classified unit, 条例 10); did you mean '{}'?",
                                            ids[i], hint));
    }
}

}  // namespace

void validate_consent(const Site& site, const RuleSet& rules, Diagnostics& diag) {
    check_consent(site, rules, site.info.consent, site.info.consent_locs, diag);
    for (const auto& c : site.cameras) check_consent(site, rules, c.consent, c.consent_locs, diag);
}

void validate_kinds(const Site& site, const RuleSet& rules, Diagnostics& diag) {
    for (const auto& z : site.zones) {
        if (rules.kind(z.kind)) continue;
        std::string hint = closest_kind(z.kind, rules);
        diag.error(z.loc,
                   fmt::format("zone '{}': unknown kind '{}'{}", z.id, z.kind,
                               hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
    }
}

}  // namespace camaudit::audit
