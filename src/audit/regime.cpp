#include "audit/regime.hpp"

namespace camaudit::audit {

bool zone_public(const Zone& zone, const RuleSet& rules) {
    if (zone.is_public) return *zone.is_public;
    const KindDef* k = rules.kind(zone.kind);
    return k ? k->is_public : true;
}

RegimeInference infer_regime(const Site& site, const RuleSet& rules) {
    RegimeInference r;
    r.declared = site.info.regime;
    std::vector<std::size_t> article7, public_zones;
    for (std::size_t z = 0; z < site.zones.size(); ++z) {
        const KindDef* k = rules.kind(site.zones[z].kind);
        if (k && k->article7) article7.push_back(z);
        if (zone_public(site.zones[z], rules)) public_zones.push_back(z);
    }
    r.inferred = !article7.empty() ? "article7" : !public_zones.empty() ? "article9" : "non_public";
    if (r.declared == "article9" || r.declared == "non_public") r.contradicting = article7;
    if (r.declared == "non_public" && r.contradicting.empty()) r.contradicting = public_zones;
    r.contradicted = !r.contradicting.empty();
    r.applied = r.declared.empty() || r.contradicted ? r.inferred : r.declared;
    return r;
}

}  // namespace camaudit::audit
