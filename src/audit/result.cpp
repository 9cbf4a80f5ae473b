#include "audit/result.hpp"

namespace camaudit::audit {

SeverityCounts count_severities(const AuditReport& report) {
    SeverityCounts n;
    for (const auto& s : report.sites)
        for (const auto& f : s.findings) {
            switch (f.severity) {
                case Severity::Error:
                    ++n.error;
                    break;
                case Severity::Warning:
                    ++n.warning;
                    break;
                case Severity::Info:
                    ++n.info;
                    break;
            }
        }
    return n;
}

}  // namespace camaudit::audit
