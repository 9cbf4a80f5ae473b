// The assumed-default check on cameras read from OpenStreetMap tags: one info finding per
// camera naming every assumed value, in both languages; none for a camera that its file
// describes fully; and a site can switch it off like any rule.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "audit/check_def.hpp"
#include "audit/pipeline.hpp"

namespace fs = std::filesystem;
using namespace camaudit;

namespace {

const char* const kSite = R"({"type": "FeatureCollection", "camaudit": 1,
 "site": {"id": "s", "region": "CN", "crs": "local"},
 "operator": {"id": "op", "name": "某单位", "type": "individual"},
 "features": [
  {"type": "Feature", "id": "node/7", "properties": {"man_made": "surveillance",
   "surveillance:type": "camera", "camera:direction": "SE", "operator": "Police"},
   "geometry": {"type": "Point", "coordinates": [0, 0]}},
  {"type": "Feature", "id": "C2", "properties": {"camaudit": "camera", "azimuth": 0, "hfov": 60,
   "range": 5}, "geometry": {"type": "Point", "coordinates": [50, 50]}}]}
)";

std::vector<audit::Finding> audit_text(const std::string& text, audit::AuditOptions options) {
    // Per process: other builds' tests may run at the same time.
    const fs::path file =
        fs::temp_directory_path() / fmt::format("camaudit-test-assumed-{}.geojson", getpid());
    std::ofstream(file, std::ios::binary) << text;
    Diagnostics diag;
    auto loaded = audit::load_site_for_audit(file.string(), {}, diag);
    fs::remove(file);
    for (const auto& d : diag.all()) MESSAGE(d.str());
    REQUIRE(loaded.has_value());
    auto result = audit::audit_site(*loaded, options, diag);
    REQUIRE_FALSE(diag.has_errors());
    return result.findings;
}

}  // namespace

TEST_CASE("assumed-default: one info finding per OSM camera, every value named") {
    auto findings = audit_text(kSite, {});
    REQUIRE(findings.size() == 1);  // C2 gives every value: nothing assumed
    const audit::Finding& f = findings[0];
    CHECK(f.check == "assumed-default");
    CHECK(f.rule == "cn-assumed-default");
    CHECK(f.severity == audit::Severity::Info);
    CHECK(f.camera == "node/7");
    CHECK_FALSE(f.zone.has_value());
    CHECK(f.loc.line == 5);  // the feature
    CHECK(f.loc.column == 3);
    CHECK(f.message_en ==
          "camera “node/7” is read from OpenStreetMap tags; assumed: camera:type = fixed (no "
          "camera:type tag); hfov = 90 (no tag gives the field of view; a wide lens, the "
          "cautious choice); range = 30 (no tag gives the range); height = 3 (no height tag; "
          "the site format's default); signage = false (OpenStreetMap has no tag for a posted "
          "notice); owner = op (the site's operator; the operator tag 'Police' names no party "
          "of the site)");
    CHECK(f.message_zh.starts_with("摄像机“node/7”取自 OpenStreetMap 标签，以下数值为假定："));
    CHECK(f.message_zh.find(
              "owner = op（取站点的管理单位；operator 标签“Police”不是站点中的单位）") !=
          std::string::npos);
    using M = std::vector<std::pair<std::string, double>>;
    CHECK(f.metrics == M{{"hfov", 90}, {"range", 30}, {"height", 3}});
    CHECK_FALSE(f.citations.empty());
}

TEST_CASE("assumed-default: a site or a camaudit.yaml can switch it off, by check or rule") {
    for (const char* name : {"assumed-default", "cn-assumed-default"}) {
        CAPTURE(name);
        audit::AuditOptions options;
        options.disable = {name};
        CHECK(audit_text(kSite, options).empty());
    }
}

TEST_CASE("assumed-default: an info check in the catalogue, without parameters") {
    const audit::CheckDef* check = audit::find_check("assumed-default");
    REQUIRE(check != nullptr);
    CHECK(check->default_severity == audit::Severity::Info);
    CHECK_FALSE(check->needs_kinds);
    CHECK(check->params.empty());
}
