// The legal regime of a site (site-format.md, "Legal regime"): article7 (a place that 条例
// 第七条 names), article9 (another public place) or non_public (条例 第三十三条). Inferred from
// the zones' kinds only; a declaration (site.regime) applies unless the kinds contradict it,
// so that a declaration can never lift a duty (spec, "Revision 2 of the checks": `regime`).
#pragma once

#include <string>
#include <vector>

#include "audit/rule_pack.hpp"
#include "model/site.hpp"

namespace camaudit::audit {

struct RegimeInference {
    std::string inferred;  // what the kinds imply
    std::string declared;  // site.regime as written ("" when absent)
    std::string applied;   // declared, unless contradicted (then inferred)
    bool contradicted = false;
    // The zones that contradict the declaration, in file order: 第七条 places for a declared
    // article9 or non_public, and public zones for a declared non_public.
    std::vector<std::size_t> contradicting;
};

// Whether the zone is public: its own `public`, else its kind's default (true for an unknown
// kind).
bool zone_public(const Zone& zone, const RuleSet& rules);

RegimeInference infer_regime(const Site& site, const RuleSet& rules);

}  // namespace camaudit::audit
