// What a check is: its stable name (spec "Checks"), default severity, whether its rules must
// name zone kinds, its parameters with their defaults and documentation, its summary and the
// function that runs it. Each check file (audit/checks/<name>.cpp) defines one CheckDef, and
// checks/registry.cpp lists them all, once: pack validation, the engine, `rules`, `explain`
// and camaudit.yaml read them from there (as clang-tidy's registerCheck or ruff's registry).
//
// A parameter is declared once, as a constant next to the check that reads it, and read through
// that constant, never by a string:
//
//     constexpr Param kMinOverlap{"min_overlap_m2", 0.01, "overlap ... (m²)", "重叠面积 ..."};
//     constexpr const ParamSpec* kParams[] = {&kMinOverlap};
//     ... const double min_overlap = run.get(kMinOverlap);
//
// RuleRun::get throws std::logic_error for a constant that the check's CheckDef does not list
// (a programming error that every fixture test of the check would show).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "audit/severity.hpp"

namespace camaudit::audit {

class AuditContext;
class FindingSink;
struct RuleRun;

// Every parameter without a max_value of its own is at most this: a domain that keeps the
// numbers a check derives from it, and the reports that print them, finite (issue #19: a
// min_days of 1e308 put `inf` into JSON and SARIF).
inline constexpr double kMaxParamValue = 1e9;

// A parameter as the documentation and the validation of packs, configs and settings see it.
// Every parameter is a finite number in [0, upper()], wherever it is given.
struct ParamSpec {
    std::string_view name;
    std::optional<double> default_value;  // nullopt: off unless set (OptionalParam)
    std::string_view doc_en, doc_zh;
    std::optional<double> max_value;  // the largest value allowed, if below kMaxParamValue

    double upper() const { return max_value.value_or(kMaxParamValue); }
    // Whether `v` is in the parameter's domain (packs, camaudit.yaml and site settings alike).
    bool allows(double v) const { return v >= 0 && v <= upper(); }  // false for NaN too
};

// A parameter with a default: RuleRun::get gives its value.
struct Param : ParamSpec {
    constexpr Param(std::string_view n, double default_v, std::string_view en, std::string_view zh,
                    std::optional<double> max = std::nullopt)
        : ParamSpec{n, default_v, en, zh, max} {}
};

// A parameter that is off unless a pack, config or site sets it: RuleRun::get gives nullopt
// then.
struct OptionalParam : ParamSpec {
    constexpr OptionalParam(std::string_view n, std::string_view en, std::string_view zh)
        : ParamSpec{n, std::nullopt, en, zh, std::nullopt} {}
};

// Runs one rule of the check on one site, reporting raw findings to the sink.
using CheckRun = void (*)(const AuditContext&, const RuleRun&, FindingSink&);

struct CheckDef {
    std::string_view name;
    Severity default_severity = Severity::Error;
    bool needs_kinds = false;  // the rule must name the zone kinds it applies to
    std::span<const ParamSpec* const> params;
    std::string_view summary_en, summary_zh;
    CheckRun run = nullptr;

    // The parameter named `n`, or null.
    const ParamSpec* param(std::string_view n) const;
    // Whether `p` is one of this check's own parameters (the object, not only its name).
    bool declares(const ParamSpec& p) const;
};

// Every check, in the order of the spec's list (extensions last): checks/registry.cpp.
std::span<const CheckDef* const> check_defs();
// The check named `name`, or null.
const CheckDef* find_check(std::string_view name);

}  // namespace camaudit::audit
