// The HTML reports: one self-contained, printable page each (inline CSS and SVG, no scripts,
// nothing fetched), for the inspector's laptop and the printed report handed over.
//
//   check --format html     render_html: per site its summary, the plan with the findings,
//                           the findings with the quoted articles, the mandatory coverage.
//   coverage --format html  render_coverage_html: per site its summary, the plan with the
//                           viewsheds, every camera and every zone.
//   inspect --format html   render_inspection_html: the 13-item checklist, the filing sheet,
//                           and the audit behind them.
//
// The plan is drawn only when a site carries one (SiteResult::plan: audit with
// audit::AuditOptions::draw_plan). Output depends only on the input: no clock is read; a fixed
// `date` is printed where one is given.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "audit/documents.hpp"
#include "report/coverage_report.hpp"
#include "report/report.hpp"

namespace camaudit::report {

std::string render_html(const audit::AuditReport& report, Lang lang, std::string_view date = {});

// `sites`: the summaries of the same sites in the same order (describe_site: no findings;
// a plan drawn without findings, where wanted); may be empty.
std::string render_coverage_html(const CoverageReport& report,
                                 const std::vector<audit::SiteResult>& sites, Lang lang,
                                 std::string_view date = {});

// The inspection page: the checklist, the filing sheet where given, and where `audit` is given
// its summary, plan and findings (the checklist's failing items link to them by fingerprint).
std::string render_inspection_html(const audit::Inspection& inspection,
                                   const audit::FilingSheet* filing, const audit::SiteResult* audit,
                                   Lang lang, std::string_view date = {});

}  // namespace camaudit::report
