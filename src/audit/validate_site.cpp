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

std::string closest_kind(const std::string& kind, const RuleSet& rules) {
    std::string best;
    std::size_t best_d = std::numeric_limits<std::size_t>::max();
    for (const auto& pack : rules.packs)
        for (const auto& k : pack.kinds) {
            std::size_t d = edit_distance(kind, k.id);
            if (d < best_d) best_d = d, best = k.id;
        }
    return best_d <= std::max<std::size_t>(2, kind.size() / 4) ? best : "";
}

}  // namespace

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
