// GeoJSON site files end to end: the GeoJSON fixtures (tests/fixtures/**/NAME.geojson) and
// examples (data/examples/NAME.geojson) give exactly their expected findings, in the canonical
// form of test_fixtures.cpp; and each YAML example, written in the GeoJSON form, gives the
// same `check --format json` report apart from file, line and column.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "audit/finding.hpp"
#include "audit/pipeline.hpp"
#include "report/json_writer.hpp"
#include "report/report.hpp"
#include "test_fixture_helpers.hpp"

namespace fs = std::filesystem;
using namespace camaudit;

namespace {

using test::canonical_findings;
using test::read_file;

// An audited site (the result shares the loaded site's rule packs).
audit::SiteResult audit_file(const fs::path& site) {
    CAPTURE(site.string());
    Diagnostics diag;
    auto loaded = audit::load_site_for_audit(site.string(), {}, diag);
    for (const auto& d : diag.all()) MESSAGE(d.str());
    REQUIRE(loaded.has_value());
    auto result = audit::audit_site(*loaded, {}, diag);
    REQUIRE_FALSE(diag.has_errors());
    return result;
}

void compare_geojson_sites(const fs::path& root, std::size_t at_least,
                           fs::path (*expected_of)(const fs::path&)) {
    std::vector<fs::path> sites;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.path().extension() == ".geojson") sites.push_back(e.path());
    std::sort(sites.begin(), sites.end());
    REQUIRE(sites.size() >= at_least);
    const bool update = std::getenv("CAMAUDIT_UPDATE_FIXTURES") != nullptr;
    for (const auto& site : sites) {
        CAPTURE(site.string());
        const std::string got = canonical_findings(audit_file(site));
        const fs::path expected = expected_of(site);
        if (update) {
            std::ofstream(expected, std::ios::binary) << got;
            continue;
        }
        REQUIRE(fs::exists(expected));
        CHECK(got == read_file(expected));
    }
}

// --- a YAML site written in the GeoJSON form ---

void json_value(report::JsonWriter& w, const YAML::Node& n);

// A scalar as JSON: plain scalars that YAML reads as numbers or booleans stay so; quoted
// ones and everything else (dates, ids) are strings.
void json_scalar(report::JsonWriter& w, const YAML::Node& n) {
    const std::string& s = n.Scalar();
    if (n.Tag() == "?") {
        if (s == "true" || s == "false") {
            w.value(s == "true");
            return;
        }
        double d = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
        if (ec == std::errc() && end == s.data() + s.size()) {
            w.raw(s);
            return;
        }
    }
    w.value(s);
}

void json_value(report::JsonWriter& w, const YAML::Node& n) {
    if (n.IsMap()) {
        w.begin_object();
        for (const auto& kv : n) {
            w.key(kv.first.Scalar());
            json_value(w, kv.second);
        }
        w.end_object();
    } else if (n.IsSequence()) {
        w.begin_array();
        for (const auto& item : n) json_value(w, item);
        w.end_array();
    } else if (n.IsNull()) {
        w.null();
    } else {
        json_scalar(w, n);
    }
}

// A ring as GeoJSON: closed.
void json_ring(report::JsonWriter& w, const YAML::Node& ring) {
    w.begin_array();
    for (const auto& p : ring) json_value(w, p);
    const YAML::Node first = ring[0], last = ring[ring.size() - 1];
    if (first[0].Scalar() != last[0].Scalar() || first[1].Scalar() != last[1].Scalar())
        json_value(w, first);
    w.end_array();
}

void json_geometry(report::JsonWriter& w, const std::string& key, const YAML::Node& v) {
    w.key("geometry").begin_object();
    if (key == "polygon") {
        w.key("type").value("Polygon").key("coordinates").begin_array();
        if (v.IsMap()) {
            json_ring(w, v["shell"]);
            for (const auto& h : v["holes"]) json_ring(w, h);
        } else {
            json_ring(w, v);
        }
        w.end_array();
    } else {
        w.key("type").value(key == "line" ? "LineString" : "Point").key("coordinates");
        json_value(w, v);
    }
    w.end_object();
}

std::string to_geojson(const fs::path& yaml_file) {
    const YAML::Node doc = YAML::LoadFile(yaml_file.string());
    report::JsonWriter w;
    w.begin_object().key("type").value("FeatureCollection");
    for (const auto& kv : doc) {
        const std::string key = kv.first.Scalar();
        if (key == "zones" || key == "walls" || key == "cameras") continue;
        YAML::Node value = YAML::Clone(kv.second);
        // The YAML default CRS is local; the GeoJSON one is WGS 84 (RFC 7946).
        if (key == "site" && !value["crs"]) value["crs"] = "local";
        w.key(key);
        json_value(w, value);
    }
    w.key("features").begin_array();
    for (const char* role : {"zone", "wall", "camera"}) {
        for (const auto& element : doc[std::string(role) + "s"]) {
            w.begin_object().key("type").value("Feature").key("properties").begin_object();
            w.key("camaudit").value(role);
            std::string geometry_key;
            for (const auto& kv : element) {
                const std::string k = kv.first.Scalar();
                if (k == "polygon" || k == "point" || k == "line" || k == "position") {
                    geometry_key = k;
                    continue;
                }
                w.key(k);
                json_value(w, kv.second);
            }
            w.end_object();
            json_geometry(w, geometry_key, element[geometry_key]);
            w.end_object();
        }
    }
    w.end_array().end_object();
    return w.str();
}

// The JSON report without what may differ between the two forms: the file, and the line and
// column of each finding (then sorted by check, camera, zone, as equal positions sort).
std::string report_without_positions(audit::SiteResult result) {
    result.file = "site";
    for (auto& f : result.findings) f.loc = SourceLocation{"site", 1, 1};
    audit::sort_findings(result.findings);
    audit::AuditReport r;
    r.sites.push_back(std::move(result));
    return report::render_json(r, Lang::En);
}

}  // namespace

TEST_CASE("GeoJSON fixture sites give exactly their expected findings") {
    compare_geojson_sites(fs::path(CAMAUDIT_TEST_DATA) / "fixtures", 1, [](const fs::path& p) {
        fs::path e = p;
        return e.replace_extension(".expected.json");
    });
}

TEST_CASE("the GeoJSON examples give exactly their expected findings") {
    compare_geojson_sites(fs::path(CAMAUDIT_SOURCE_DIR) / "data" / "examples", 1,
                          [](const fs::path& p) {
                              return fs::path(CAMAUDIT_TEST_DATA) / "examples" /
                                     p.filename().replace_extension(".expected.json");
                          });
}

TEST_CASE("each YAML example in the GeoJSON form gives the same report") {
    const fs::path examples = fs::path(CAMAUDIT_SOURCE_DIR) / "data" / "examples";
    // Per process: other builds' tests may run at the same time.
    const fs::path tmp =
        fs::temp_directory_path() / fmt::format("camaudit-geojson-equivalence-{}", getpid());
    fs::create_directories(tmp);
    std::size_t compared = 0;
    for (const auto& e : fs::directory_iterator(examples)) {
        if (e.path().extension() != ".yaml") continue;
        CAPTURE(e.path().string());
        const fs::path geojson = tmp / e.path().filename().replace_extension(".geojson");
        std::ofstream(geojson, std::ios::binary) << to_geojson(e.path());
        const audit::SiteResult from_yaml = audit_file(e.path());
        const audit::SiteResult from_geojson = audit_file(geojson);
        CHECK_FALSE(from_yaml.findings.empty());  // comparing nothing proves nothing
        CHECK(report_without_positions(from_geojson) == report_without_positions(from_yaml));
        ++compared;
    }
    fs::remove_all(tmp);
    CHECK(compared >= 3);
}
