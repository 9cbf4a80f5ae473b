// Byte-level checks of a site file before any YAML parsing: size, encoding (UTF-8 only, an
// optional UTF-8 BOM skipped), no control characters. Positions are 1-based lines and byte
// columns, as yaml-cpp counts them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.hpp"

namespace camaudit::io {

// The text without its UTF-8 BOM, or nullopt after reporting why the bytes are not a UTF-8
// text file (UTF-16/32 BOM, invalid UTF-8, NUL or other control characters, too large).
// `what` names the kind of file in the messages ("site files must be UTF-8").
std::optional<std::string> check_text(const std::string& path, std::string_view bytes,
                                      Diagnostics& diag, std::string_view what = "site files");

// The position (1-based line and byte column) of byte `offset` of `text`.
SourceLocation location_of(const std::string& path, std::string_view text, std::size_t offset);

// yaml-cpp 0.7 accepts a quoted scalar that is never closed, running to the end of the file:
// the rest of the file would silently become one string. Given the (0-based) position where
// yaml-cpp says a scalar starts, says whether a quote opens there that never closes. The
// positions come in file order, so a cursor that only moves forward keeps a file's checks
// linear in its size.
class UnclosedQuoteFinder {
  public:
    explicit UnclosedQuoteFinder(std::string_view text) : text_(text) {}
    bool unclosed_at(int line, int column);

  private:
    std::string_view text_;
    int cursor_line_ = 0;
    std::size_t cursor_at_ = 0;
};

// The first tab in the indentation of a line before `line` (1-based, inclusive), if any:
// YAML forbids tabs there, and yaml-cpp's own message for them is obscure.
std::optional<SourceLocation> find_indent_tab(const std::string& path, std::string_view text,
                                              int line);

}  // namespace camaudit::io
