// Renderers of the inspector's documents (audit/documents.hpp): the filing sheet as text,
// JSON, CSV or Markdown; the inspection checklist as text, JSON or Markdown.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/documents.hpp"
#include "report/report.hpp"

namespace camaudit::report {

// The format names, in the order `-h` shows them.
std::vector<std::string> filing_formats();      // text, json, csv, markdown
std::vector<std::string> inspection_formats();  // text, json, markdown, html

// The document in `format`; nullopt for an unknown format (and for html, which
// render_inspection_html renders from more than the inspection). JSON carries both languages and
// does not depend on `lang`.
std::optional<std::string> render_filing(std::string_view format, const audit::FilingSheet& sheet,
                                         Lang lang);
std::optional<std::string> render_inspection(std::string_view format,
                                             const audit::Inspection& inspection, Lang lang);

// 通过 / pass, 不通过 / fail, 不适用 / not applicable, 已确认 / attested, 未确认 / not attested.
std::string_view status_name(audit::ItemStatus s, Lang lang);
// The item's number as the law writes it: (一) ... (十三).
std::string item_numeral(int n);

}  // namespace camaudit::report
