// Internal to the renderers of the filing sheet and the inspection: shared formatting.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "audit/documents.hpp"
#include "audit/finding.hpp"
#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace camaudit::report::detail {

// Columns that `s` takes on a terminal: 2 for East Asian wide and full-width characters.
std::size_t display_width(std::string_view s);
// `s` padded with spaces to `width` columns.
std::string pad(std::string_view s, std::size_t width);
// Text safe inside Markdown (table cells included): | * _ ` [ ] < > \ # escaped.
std::string md_escape(std::string_view s);
// "file:line:column" (or "file" where the line is unknown).
std::string where(const SourceLocation& loc);
// {"name": "camaudit", "version": ...}
void write_tool(JsonWriter& w);
// A string, or null when it is empty.
void value_or_null(JsonWriter& w, const std::string& s);

}  // namespace camaudit::report::detail
