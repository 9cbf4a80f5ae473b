// The list of the checks: one line per check, its CheckDef defined in checks/<name>.cpp. A new
// check is a new file, and its declaration and entry here; nothing else names it.
#include "audit/check_def.hpp"

namespace camaudit::audit {

// The spec's ten checks, then the extensions, then the spec's Revision 2 checks.
extern const CheckDef kForbiddenMount;         // forbidden_mount.cpp
extern const CheckDef kForbiddenView;          // forbidden_view.cpp
extern const CheckDef kProximityConsent;       // proximity_consent.cpp
extern const CheckDef kMandatoryCoverage;      // mandatory_coverage.cpp
extern const CheckDef kUnauthorizedInstaller;  // unauthorized_installer.cpp
extern const CheckDef kMissingSignage;         // missing_signage.cpp
extern const CheckDef kRetentionTooShort;      // retention_too_short.cpp
extern const CheckDef kFiling;                 // filing.cpp
extern const CheckDef kPrivateOverreach;       // private_overreach.cpp
extern const CheckDef kUnboundedPtz;           // unbounded_ptz.cpp
extern const CheckDef kAssumedDefault;         // assumed_default.cpp
extern const CheckDef kRegime;                 // regime.cpp
extern const CheckDef kRetentionTooLong;       // retention_too_long.cpp

std::span<const CheckDef* const> check_defs() {
    static constexpr const CheckDef* kAll[] = {
        &kForbiddenMount,        &kForbiddenView,  &kProximityConsent,  &kMandatoryCoverage,
        &kUnauthorizedInstaller, &kMissingSignage, &kRetentionTooShort, &kFiling,
        &kPrivateOverreach,      &kUnboundedPtz,   &kAssumedDefault,    &kRegime,
        &kRetentionTooLong,
    };
    return kAll;
}

const CheckDef* find_check(std::string_view name) {
    for (const CheckDef* c : check_defs())
        if (c->name == name) return c;
    return nullptr;
}

const ParamSpec* CheckDef::param(std::string_view n) const {
    for (const ParamSpec* p : params)
        if (p->name == n) return p;
    return nullptr;
}

bool CheckDef::declares(const ParamSpec& p) const {
    for (const ParamSpec* q : params)
        if (q == &p) return true;
    return false;
}

}  // namespace camaudit::audit
