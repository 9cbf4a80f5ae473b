// The HTML page builder shared by the HTML reports (check, coverage, inspect): one
// self-contained UTF-8 document with an inline stylesheet (screen and A4 print), a title block,
// a table of contents and numbered sections. No scripts, no external resources. Internal to
// src/report/html_*.cpp.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/report.hpp"

namespace camaudit::report::html {

// A heading or phrase in both languages; `tr` picks one.
struct Text {
    std::string_view zh, en;
};
inline std::string_view tr(Lang lang, Text t) {
    return lang == Lang::Zh ? t.zh : t.en;
}
// fmt::format with the format string of the language.
template <typename... Args>
std::string format(Lang lang, Text t, Args&&... args) {
    return fmt::format(fmt::runtime(tr(lang, t)), std::forward<Args>(args)...);
}

// Text for element content and attribute values: & < > " ' escaped. Invalid UTF-8 bytes and
// control characters other than tab and newline become U+FFFD.
std::string escape(std::string_view s);

// "12.3" (fixed decimals, never "-0.0").
std::string fixed(double v, int decimals);
// 0.795 → "79.5%".
std::string percent(double fraction);

// An element with escaped text content: el("td", "a<b", "class=\"x\"") → <td class="x">a&lt;b</td>
std::string el(std::string_view tag, std::string_view text, std::string_view attrs = "");

// A plan SVG made fit for inline use in the page: the XML prolog dropped, the fixed size
// replaced by a class (CSS scales it to the width of the page), and its ids (and references
// to them) prefixed with `id_prefix` so that several drawings can share a page.
std::string inline_svg(std::string_view svg, std::string_view id_prefix, std::string_view label);

// A table: header cells (escaped), then rows of ready cells (raw HTML `<td>`s).
struct Table {
    std::vector<std::string> head;     // texts
    std::vector<std::string> classes;  // per column, "" or e.g. "num"
    std::vector<std::string> rows;     // each a complete "<tr>…</tr>"
    std::string css_class;             // on <table>
    std::string caption;               // text, optional
    std::string str() const;
};

class Page {
  public:
    // `title`: the document title (plain text); `date`: a fixed date to print, "" for none.
    Page(Lang lang, std::string title, std::string date = {});

    // Where a section starts when printed.
    enum class Start { Here, NewPage, Landscape /* a new page in landscape, for the plan */ };
    // A section: `id` (unique in the page), its heading (plain text) at `level` (2 for a site,
    // 3 for its parts), the body (raw HTML).
    void section(std::string id, int level, std::string heading, std::string body,
                 Start start = Start::Here);
    // Raw HTML placed under the title block, before the table of contents.
    void preface(std::string html) { preface_ += std::move(html); }

    Lang lang() const { return lang_; }
    // The whole document.
    std::string str() const;

  private:
    struct Section {
        std::string id;
        int level;
        std::string heading, body;
        Start start;
    };
    Lang lang_;
    std::string title_, date_, preface_;
    std::vector<Section> sections_;
};

// The stylesheet (screen, and print on A4).
std::string_view stylesheet();

}  // namespace camaudit::report::html
