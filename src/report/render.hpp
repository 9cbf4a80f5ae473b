// The formats of `camaudit check`: one renderer per format, all fed the same AuditReport.
// The table in render.cpp is the one place that lists them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace camaudit::report {

struct RenderOptions {
    Lang lang = Lang::En;
    bool color = false;  // text only
};

// The format names, in the order `check -h` shows them.
std::vector<std::string> report_formats();

// The report in `format`; nullopt for an unknown format.
std::optional<std::string> render_report(std::string_view format, const audit::AuditReport& report,
                                         const RenderOptions& options);

}  // namespace camaudit::report
