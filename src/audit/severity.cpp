#include "audit/severity.hpp"

namespace camaudit::audit {

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::Info:
            return "info";
        case Severity::Warning:
            return "warning";
        case Severity::Error:
            return "error";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
    if (s == "info") return Severity::Info;
    if (s == "warning") return Severity::Warning;
    if (s == "error") return Severity::Error;
    return std::nullopt;
}

}  // namespace camaudit::audit
