// The renderers of an audit's findings (audit/result.hpp: the audited sites and their findings),
// one per format. Renderers present the results; they never compute geometry.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "audit/result.hpp"
#include "model/lang.hpp"

namespace camaudit::report {

std::string render_json(const audit::AuditReport& report, Lang lang);
// `color`: ANSI colours (a terminal without NO_COLOR).
std::string render_text(const audit::AuditReport& report, Lang lang, bool color);

// Geometry as a GeoJSON geometry object ("null" for none); polygons in the input CRS.
std::string geojson_geometry(const std::vector<Polygon>& polygons);

// SARIF 2.1.0 for GitHub code scanning (sarif_report.cpp): one run, the rules of the active
// packs in `tool.driver.rules`, columns in UTF-16 code units, file URIs relative to the
// current directory (uriBaseId %SRCROOT%) where the file is under it.
std::string render_sarif(const audit::AuditReport& report, Lang lang);
// JUnit XML for GitLab and Jenkins (junit_report.cpp): a <testsuite> per site, a <testcase> per
// finding, failing for errors and warnings, passing (with <system-out>) for info; a site with
// no findings has one passing testcase.
std::string render_junit(const audit::AuditReport& report, Lang lang);
// A GeoJSON FeatureCollection of the findings (geojson_report.cpp); a non-standard "crs"
// member for sites whose CRS is not WGS 84 longitude/latitude.
std::string render_geojson(const audit::AuditReport& report, Lang lang);

// Helpers of those renderers, declared here for the tests.
// `s` with &, <, > (and in attributes ", \n, \r, \t) escaped; characters that XML 1.0
// cannot hold (other C0 controls, bytes that are not UTF-8) become U+FFFD.
std::string xml_escape(std::string_view s, bool attribute);
// The 1-based column in UTF-16 code units of the 1-based byte column `byte_column` of `line`.
int utf16_column(std::string_view line, int byte_column);
struct ArtifactUri {
    std::string uri;
    bool relative = false;  // relative to `cwd`: to be resolved against %SRCROOT%
};
// `file` as a URI reference: relative to the directory `cwd` where it lies under it, else an
// absolute file:// URI; percent-encoded.
ArtifactUri artifact_uri(const std::string& file, const std::string& cwd);
std::string file_uri_encode(std::string_view path);

}  // namespace camaudit::report
