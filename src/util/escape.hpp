// Text from input files (ids, names, file names, messages that quote them) made safe for the
// context it lands in: the one escaping module of the report writers (issue #19, 3, 4, 8).
//
// - Terminal and plain-text output: control characters shown, never sent. A CR, ESC or BEL in
//   a camera id would rewrite a line or set the window title; a newline in a file name would
//   start a line of its own (a GitHub `::error file=...::` workflow command in a CI log).
// - CSV: a cell that starts with = + - @ TAB or CR is one a spreadsheet runs as a formula
//   (OWASP "CSV injection"): it gets a leading apostrophe, then RFC 4180 quoting.
// - Markdown (GitHub's: pull-request comments; filing and inspection sheets): text, table
//   cells and code spans, no line break of any kind, no raw HTML.
//
// Shown controls: \t \n \r as written, others as \xHH (C0 and DEL) or \u00HH (C1, U+0080 to
// U+009F, which some terminals obey as ESC sequences). Everything else, backslashes and
// non-ASCII text included, is kept byte for byte: ordinary ids print as they are.
#pragma once

#include <string>
#include <string_view>

namespace camaudit::util {

// Whether `s` holds a control character (C0, DEL or C1).
bool has_controls(std::string_view s);

// `s` with its control characters shown (see above). For terminal and plain-text output.
std::string visible_controls(std::string_view s);

// One CSV cell (RFC 4180 quoting) that no spreadsheet runs as a formula.
std::string csv_cell(std::string_view s);

// Markdown: how each kind of text is written. `pipes`: in a GFM table row, where | ends a
// cell even inside a code span. Line breaks (LF, CR) become spaces, other controls are shown.
//   md_backslash: the Markdown specials |*_`[]<>\# backslash-escaped (the sheets' text).
//   md_html:      & < > as HTML entities (text next to raw HTML, as in <details>).
//   md_code_span: the whole code span, backticks included: a fence longer than any run of
//                 backticks in `s`, so that no id closes it early.
std::string md_backslash(std::string_view s);
std::string md_html(std::string_view s, bool pipes);
std::string md_code_span(std::string_view s, bool pipes);

}  // namespace camaudit::util
