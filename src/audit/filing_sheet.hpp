// The 备案 information sheet (公安部 规定 第六条; 条例 第十四条): the facts a site file gives
// for filing, each marked ok, missing or invalid.
#pragma once

#include <string>
#include <string_view>

#include "audit/documents.hpp"
#include "model/site.hpp"

namespace camaudit::audit {

// The sheet of `site`, items in the order of 第六条: (一) the unit's name, type and unified
// social credit code; (二) the system's location, its cameras (number, function types, kinds,
// positions) and the retention period; then the filing record where the file has one.
FilingSheet build_filing_sheet(const Site& site);

// A party type's name: enterprise → 企业 / enterprise; "" for an unknown type.
std::string party_type_name(std::string_view type, bool zh);

// A camera's function type (`purpose`): entrance → 出入口 / entrance, ...; free text as written;
// "" → 未注明 / unspecified.
std::string purpose_name(std::string_view purpose, bool zh);

// fixed, ptz (a pan range or unlimited panning) or panoramic (hfov 360).
std::string camera_kind(const Camera& camera);
// fixed → 固定 / fixed, ptz → 云台 / PTZ, panoramic → 全景 / panoramic.
std::string camera_kind_name(std::string_view kind, bool zh);

}  // namespace camaudit::audit
