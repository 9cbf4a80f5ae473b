// What the check files (one per check, named after it) share. Each file defines its CheckDef
// (audit/check_def.hpp), listed in registry.cpp. A check runs one rule on one site and reports
// raw findings; the engine merges them across rules.
#pragma once

#include <string>
#include <vector>

#include "audit/check_def.hpp"
#include "audit/context.hpp"
#include "audit/engine.hpp"

namespace camaudit::audit {

// Helpers shared by the checks (helpers.cpp).
namespace detail {
// "3.2" style numbers for messages (one decimal, more for small values).
std::string num(double v);
// "9%" style.
std::string percent(double fraction);
// The working-CRS polygons of a GEOS result.
std::vector<Polygon> polygons(const geo::Geometry* g);
// Whether the rule applies to the zone's kind (a rule without kinds applies to all).
bool rule_matches(const RuleRun& run, const Zone& zone);
// Per zone of the site, whether the rule applies to it (rule_matches), worked out once for
// the checks that look at many zones from every camera; empty when it applies to none.
std::vector<char> zones_matching(const Site& site, const RuleRun& run);
}  // namespace detail

}  // namespace camaudit::audit
