// The parts of a site that several HTML reports show (internal to src/report/html_*.cpp): its
// summary, the plan, the findings with the articles they quote, the mandatory coverage.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "report/html_page.hpp"
#include "report/report.hpp"

namespace camaudit::report::html {

std::string severity_badge(audit::Severity s, Lang lang);

// The summary: id, name, address, region, file, CRS, legal regime, rule packs, counts; with
// `findings`, the counts of the findings by severity and the cameras in no zone.
std::string site_summary(const audit::SiteResult& site, Lang lang, bool findings);

// The number of each finding of `site.findings` on the plan (1, 2, ... for errors and warnings
// in report order, as the plan numbers them); 0 for info findings, which the plan leaves out.
std::vector<int> finding_numbers(const audit::SiteResult& site);

// The plan drawing inline, drawn from `site.plan` with only the findings still in
// `site.findings` (numbered as finding_numbers says); "" without a plan. `id_prefix` keeps the
// drawing's ids unique in the page.
std::string plan_figure(const audit::SiteResult& site, Lang lang, std::string_view id_prefix);

// The findings table: number, severity, rule, camera, zone, message with its metrics, and
// file:line:column; under each finding the articles it quotes (label and verbatim text). Each
// finding's row has the id `<id_prefix>f<N>` (N from 1 in report order); `anchors` maps a
// finding's fingerprint to that id.
std::string findings_table(const audit::SiteResult& site, Lang lang, std::string_view id_prefix,
                           std::map<std::string, std::string>* anchors = nullptr);

// The instruments that the findings cite: full title, number, issuer, dates; "" for none.
std::string instruments_cited(const audit::SiteResult& site, Lang lang);

// The mandatory-coverage findings: the zone, its covered and required fractions.
std::string mandatory_coverage(const audit::SiteResult& site, Lang lang,
                               std::string_view id_prefix);

// The legal regime's description: "article7" → "条例第七条规定的场所（article7）".
std::string regime_text(const std::string& regime, Lang lang);

}  // namespace camaudit::report::html
