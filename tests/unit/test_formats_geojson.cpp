#include <doctest/doctest.h>

#include "report/render.hpp"
#include "report/report.hpp"
#include "test_formats_helpers.hpp"

using namespace camaudit;
using namespace camaudit::report;
using camaudit::test_formats::Json;

namespace {

Json geojson_of(const audit::AuditReport& r, Lang lang = Lang::En) {
    std::string error;
    auto doc = test_formats::parse_json(render_geojson(r, lang), &error);
    INFO(error);
    REQUIRE(doc);
    return *doc;
}

}  // namespace

TEST_CASE("geojson: a FeatureCollection with a feature per finding and its properties") {
    auto s = test_formats::sample_report();
    Json doc = geojson_of(s->report);
    CHECK(doc["type"].string == "FeatureCollection");
    const Json& features = doc["features"];
    REQUIRE(features.size() == 4);
    for (const auto& f : features.items) {
        CHECK(f["type"].string == "Feature");
        for (const char* key : {"rule", "rules", "check", "severity", "site", "file", "line",
                                "column", "camera", "zone", "message", "metrics", "fingerprint"})
            CHECK_MESSAGE(f["properties"].has(key), key);
    }
    const Json& p = features[0]["properties"];
    const auto& finding = s->report.sites[0].findings[0];
    CHECK(p["rule"].string == "cn-guest-room-view");
    CHECK(p["rules"].size() == 1);
    CHECK(p["severity"].string == "error");
    CHECK(p["site"].string == "alpha");
    CHECK(p["file"].string == "alpha.yaml");
    CHECK(p["line"].number == 10);
    CHECK(p["column"].number == 3);
    CHECK(p["camera"].string == "C<1>");
    CHECK(p["zone"].string == "room&1");
    CHECK(p["message"].string == finding.message_en);  // JSON escaping read back the same
    CHECK(p["metrics"]["overlap_m2"].number == 3.25);
    CHECK(p["fingerprint"].string == finding.fingerprint);
    CHECK(features[0]["id"].string == finding.fingerprint);
    CHECK(features[1]["properties"]["severity"].string == "warning");
    CHECK(features[1]["properties"]["zone"].is_null());
    CHECK(features[2]["properties"]["severity"].string == "info");
    CHECK(features[3]["properties"]["camera"].is_null());
    CHECK(geojson_of(s->report, Lang::Zh)["features"][0]["properties"]["message"].string ==
          finding.message_zh);
}

TEST_CASE("geojson: the area, else a point at the camera or zone, else null") {
    auto s = test_formats::sample_report();
    Json features = geojson_of(s->report)["features"];
    const Json& area = features[0]["geometry"];
    CHECK(area["type"].string == "Polygon");
    REQUIRE(area["coordinates"].size() == 1);
    CHECK(area["coordinates"][0].size() == 4);  // closed ring
    const Json& camera = features[1]["geometry"];
    CHECK(camera["type"].string == "Point");
    CHECK(camera["coordinates"][0].number == 5.5);
    CHECK(camera["coordinates"][1].number == -2);
    CHECK(features[2]["geometry"]["type"].string == "Point");
    CHECK(features[2]["geometry"]["coordinates"][0].number == 7);
    CHECK(features[3]["geometry"].is_null());
    CHECK(features[3].has("geometry"));  // present, null: a Feature must have the member

    auto& alpha = s->report.sites[0];
    alpha.findings[0].area.push_back(alpha.findings[0].area[0]);
    CHECK(geojson_of(s->report)["features"][0]["geometry"]["type"].string == "MultiPolygon");
}

TEST_CASE("geojson: the crs member for sites not in WGS 84") {
    auto s = test_formats::sample_report();
    // Mixed: alpha (local) has its features' own crs, gamma (EPSG:4326) none, no top-level.
    Json mixed = geojson_of(s->report);
    CHECK_FALSE(mixed.has("crs"));
    CHECK(mixed["features"][0]["crs"]["type"].string == "name");
    CHECK(mixed["features"][0]["crs"]["properties"]["name"].string.starts_with("LOCAL_CS["));
    CHECK_FALSE(mixed["features"][3].has("crs"));

    // One CRS for all the sites: on the collection only.
    for (const char* crs : {"EPSG:4326", "OGC:CRS84", "epsg:4326"}) {
        for (auto& site : s->report.sites) site.crs = crs;
        Json wgs = geojson_of(s->report);
        CHECK_FALSE(wgs.has("crs"));
        CHECK_FALSE(wgs["features"][0].has("crs"));
    }
    for (auto& site : s->report.sites) site.crs = "EPSG:4547";
    Json gk = geojson_of(s->report);
    CHECK(gk["crs"]["properties"]["name"].string == "urn:ogc:def:crs:EPSG::4547");
    CHECK_FALSE(gk["features"][0].has("crs"));
    for (auto& site : s->report.sites) site.crs = "+proj=tmerc +lon_0=117 \"x\"";
    CHECK(geojson_of(s->report)["crs"]["properties"]["name"].string ==
          "+proj=tmerc +lon_0=117 \"x\"");
    for (auto& site : s->report.sites) site.crs = "local";
    CHECK(geojson_of(s->report)["crs"]["properties"]["name"].string.find("UNIT[\"metre\",1]") !=
          std::string::npos);
}

TEST_CASE("geojson: deterministic, empty, in the table of formats") {
    auto s = test_formats::sample_report();
    CHECK(render_geojson(s->report, Lang::En) == render_geojson(s->report, Lang::En));
    RenderOptions options;
    auto out = render_report("geojson", s->report, options);
    REQUIRE(out);
    CHECK(*out == render_geojson(s->report, Lang::En));
    audit::AuditReport empty;
    Json doc = geojson_of(empty);
    CHECK(doc["type"].string == "FeatureCollection");
    CHECK(doc["features"].size() == 0);
}
