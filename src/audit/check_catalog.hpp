// The checks that rules can run: their stable names (spec "Checks"), parameters with their
// tool defaults, and default severity. One source for pack validation, `rules` and `explain`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/severity.hpp"

namespace camaudit::audit {

struct ParamSpec {
    std::string name;
    std::optional<double> default_value;  // nullopt: off unless set (e.g. min_px_per_m)
    std::string doc_en, doc_zh;
};

struct CheckInfo {
    std::string name;
    Severity default_severity;
    bool needs_kinds;  // the rule must name the zone kinds it applies to
    std::vector<ParamSpec> params;
    std::string summary_en, summary_zh;

    const ParamSpec* param(std::string_view n) const;
};

const std::vector<CheckInfo>& check_catalog();
const CheckInfo* find_check(std::string_view name);

}  // namespace camaudit::audit
