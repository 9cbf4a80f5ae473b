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
std::optional<std::string> check_text(const std::string& path, std::string_view bytes,
                                      Diagnostics& diag);

// The position (1-based line and byte column) of byte `offset` of `text`.
SourceLocation location_of(const std::string& path, std::string_view text, std::size_t offset);

// The first tab in the indentation of a line before `line` (1-based, inclusive), if any:
// YAML forbids tabs there, and yaml-cpp's own message for them is obscure.
std::optional<SourceLocation> find_indent_tab(const std::string& path, std::string_view text,
                                              int line);

}  // namespace camaudit::io
