// Site validation that needs the rule packs: every zone kind must be known to them.
#pragma once

#include "audit/rule_pack.hpp"
#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::audit {

void validate_kinds(const Site& site, const RuleSet& rules, Diagnostics& diag);

}  // namespace camaudit::audit
