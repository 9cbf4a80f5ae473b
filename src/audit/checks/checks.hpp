// The ten checks, one file each (named after the check). A check runs one rule on one site and
// reports raw findings; the engine merges them across rules.
#pragma once

#include <string>
#include <string_view>

#include "audit/context.hpp"
#include "audit/engine.hpp"

namespace camaudit::audit {

using CheckFn = void (*)(const AuditContext&, const RuleRun&, FindingSink&);

// The function of a check in the catalogue (never null for a catalogue name).
CheckFn check_function(std::string_view name);

void check_forbidden_mount(const AuditContext&, const RuleRun&, FindingSink&);
void check_forbidden_view(const AuditContext&, const RuleRun&, FindingSink&);
void check_proximity_consent(const AuditContext&, const RuleRun&, FindingSink&);
void check_mandatory_coverage(const AuditContext&, const RuleRun&, FindingSink&);
void check_unauthorized_installer(const AuditContext&, const RuleRun&, FindingSink&);
void check_missing_signage(const AuditContext&, const RuleRun&, FindingSink&);
void check_retention_too_short(const AuditContext&, const RuleRun&, FindingSink&);
void check_filing(const AuditContext&, const RuleRun&, FindingSink&);
void check_private_overreach(const AuditContext&, const RuleRun&, FindingSink&);
void check_unbounded_ptz(const AuditContext&, const RuleRun&, FindingSink&);
// An extension (not one of the spec's ten): the values a reader assumed for a camera.
void check_assumed_default(const AuditContext&, const RuleRun&, FindingSink&);

// Helpers shared by the checks.
namespace detail {
// "3.2" style numbers for messages (one decimal, more for small values).
std::string num(double v);
// "9%" style.
std::string percent(double fraction);
// The working-CRS polygons of a GEOS result.
std::vector<Polygon> polygons(const GEOSGeometry* g);
// Whether the rule applies to the zone's kind (a rule without kinds applies to all).
bool rule_matches(const RuleRun& run, const Zone& zone);
// Per zone of the site, whether the rule applies to it (rule_matches), worked out once for
// the checks that look at many zones from every camera; empty when it applies to none.
std::vector<char> zones_matching(const Site& site, const RuleRun& run);
}  // namespace detail

}  // namespace camaudit::audit
