// Site validation that needs the rule packs: every zone kind must be known to them, and
// consent names classified zones.
#pragma once

#include "audit/rule_pack.hpp"
#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::audit {

void validate_kinds(const Site& site, const RuleSet& rules, Diagnostics& diag);

// Every id in a camera's `consent` and in `site.consent` names a classified zone (条例 10: a
// military zone or classified unit); else an error at the id, the nearest classified zone's
// id suggested.
void validate_consent(const Site& site, const RuleSet& rules, Diagnostics& diag);

}  // namespace camaudit::audit
