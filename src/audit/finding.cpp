#include "audit/finding.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace camaudit::audit {

const std::vector<Citation>& CitationList::list() const {
    static const std::vector<Citation> none;
    return list_ ? *list_ : none;
}

std::string quote_id(std::string_view id) {
    return fmt::format("\u201c{}\u201d", id);
}

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        auto key = [](const Finding& f) {
            return std::tie(f.loc.file, f.loc.line, f.loc.column, f.check);
        };
        if (key(a) != key(b)) return key(a) < key(b);
        // nullopt sorts before any id.
        if (a.camera != b.camera) return a.camera < b.camera;
        return a.zone < b.zone;
    });
}

std::string fingerprint_of(const std::string& site, const std::string& check,
                           const std::optional<std::string>& camera,
                           const std::optional<std::string>& zone, const std::string& topic) {
    // FNV-1a, 64 bits, over NUL-separated fields: stable across platforms and runs.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    auto mix = [&h](const std::string& s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 0x100000001b3ULL;
        }
        h ^= 0xff;
        h *= 0x100000001b3ULL;
    };
    mix(site);
    mix(check);
    mix(camera.value_or("\x01"));
    mix(zone.value_or("\x01"));
    if (!topic.empty()) mix(topic);  // so that the fingerprints of findings without one stay
    return fmt::format("{:016x}", h);
}

}  // namespace camaudit::audit
