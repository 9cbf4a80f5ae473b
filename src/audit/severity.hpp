#pragma once

#include <optional>
#include <string_view>

namespace camaudit::audit {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

}  // namespace camaudit::audit
