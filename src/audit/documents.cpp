#include "audit/documents.hpp"

#include <algorithm>

namespace camaudit::audit {

bool FilingSheet::complete() const {
    return std::all_of(items.begin(), items.end(),
                       [](const FilingItem& i) { return i.state == FilingItem::State::Ok; });
}

std::string_view to_string(ItemStatus s) {
    switch (s) {
        case ItemStatus::Pass:
            return "pass";
        case ItemStatus::Fail:
            return "fail";
        case ItemStatus::NotApplicable:
            return "not applicable";
        case ItemStatus::Attested:
            return "attested";
        case ItemStatus::NotAttested:
            return "not attested";
    }
    return "";
}

bool Inspection::all_pass_or_attested() const {
    return std::all_of(items.begin(), items.end(), [](const InspectionItem& i) {
        return i.status == ItemStatus::Pass || i.status == ItemStatus::Attested ||
               (i.status == ItemStatus::NotApplicable && i.exempt);
    });
}

}  // namespace camaudit::audit
