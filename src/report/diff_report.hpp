// The report of `camaudit diff`: text for a terminal, JSON (documented in camaudit-diff(1)),
// and Markdown to post on a pull request. Renderers present a SiteDiff; they compute nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/rule_pack.hpp"
#include "audit/site_diff.hpp"
#include "report/report.hpp"

namespace camaudit::report {

struct DiffReport {
    audit::SiteDiff diff;
    std::string old_file, new_file;             // as given on the command line
    const audit::RuleSet* old_rules = nullptr;  // for the labels of the fixed findings' citations
    const audit::RuleSet* new_rules = nullptr;  // and of the new ones
};

struct DiffRenderOptions {
    Lang lang = Lang::En;
    bool color = false;  // text only
};

// text, json, markdown.
std::vector<std::string> diff_formats();

// The report in `format`; nullopt for an unknown format.
std::optional<std::string> render_diff(std::string_view format, const DiffReport& report,
                                       const DiffRenderOptions& options);

std::string render_diff_text(const DiffReport& report, const DiffRenderOptions& options);
std::string render_diff_json(const DiffReport& report, Lang lang);
std::string render_diff_markdown(const DiffReport& report, Lang lang);

}  // namespace camaudit::report
