// The inspection checklist of 公安部 规定 第十条: each of its 13 items decided from an audited
// site. Items (一)(二)(三)(四)(七)(九) follow from the findings of the checks and the filing sheet;
// items (五)(六)(八)(十)-(十三) from the measures the operator attests in `system.measures`.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "audit/documents.hpp"
#include "audit/result.hpp"
#include "audit/rule_pack.hpp"
#include "model/date.hpp"
#include "model/site.hpp"

namespace camaudit::audit {

// A dated measure that the law wants done regularly (operation checked, maintenance done) is
// stale, and so not attested, when its date is more than this many days before today.
inline constexpr long kMaxMeasureAgeDays = 365;

// One item of 第十条, as the law words it.
struct ItemText {
    int number;                           // 1..13
    std::string_view text_zh;             // verbatim, with its closing punctuation
    std::string_view title_en;            // a faithful English rendering
    std::string_view basis_zh, basis_en;  // the articles of 条例 behind it
};
const std::array<ItemText, 13>& inspection_item_texts();

// general: items 1-7 (第十一条: 派出所), professional: 8-13 (科信部门), all: 1-13.
bool in_scope(int item, std::string_view scope);

// The regime the audit applies (audit/regime.hpp: site.regime unless the kinds contradict it).
std::string site_regime(const Site& site, const RuleSet& rules);

// The checklist for the items in `scope`. `audited` is the result of the audit of `site` with
// `rules` (audit_site, audit/pipeline.hpp); `today` dates the measures.
Inspection build_inspection(const Site& site, const RuleSet& rules, const SiteResult& audited,
                            const Date& today, std::string_view scope);

// Items (五)(六)(八)(十)-(十三) (inspection.cpp calls it for those items of a built system).
void decide_measure_item(const Site& site, const std::string& regime, const Date& today,
                         InspectionItem& item);

}  // namespace camaudit::audit
