// The GeoJSON site reader: the JSON tree (positions, duplicates, numbers, limits) and the
// FeatureCollection → site model mapping (geometry rules, ids, CRS default, ignored input).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/geojson_reader.hpp"
#include "io/geojson_tree.hpp"
#include "io/site_reader.hpp"

using namespace camaudit;

namespace {

// "line:column: message" of every error, sorted; empty if the site loaded.
std::vector<std::string> errors(const std::string& text) {
    Diagnostics diag;
    auto site = io::load_site_geojson("t.geojson", text, diag);
    std::vector<std::string> out;
    for (const auto& d : diag.sorted())
        if (d.level == Diagnostic::Level::Error)
            out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " +
                          d.message);
    CHECK(site.has_value() == out.empty());
    return out;
}

Site load(const std::string& text, Diagnostics* warnings = nullptr) {
    Diagnostics diag;
    auto site = io::load_site_geojson("t.geojson", text, diag);
    for (const auto& d : diag.all())
        if (d.level == Diagnostic::Level::Error) MESSAGE(d.str());
    REQUIRE(site.has_value());
    if (warnings) *warnings = diag;
    return *site;
}

const std::string kHead = R"({"type": "FeatureCollection", "camaudit": 1,
 "site": {"id": "s", "crs": "local"},
 "operator": {"id": "op", "type": "individual"},
 "features": [
)";
const std::string kTail = "\n]}\n";

std::string site_with(const std::string& features) {
    return kHead + features + kTail;
}

}  // namespace

TEST_CASE("geojson tree: every node has its line and byte column") {
    Diagnostics diag;
    const std::string text = "{\"名\": \"值\",\n  \"n\": [1.5e3, true, null,\n\t{\"k\": -0}]}";
    auto root = io::parse_json("t.json", text, diag);
    REQUIRE(root.has_value());
    REQUIRE(root->is_mapping());
    REQUIRE(root->pair_count() == 2);
    CHECK(root->key(0).value == "名");
    CHECK(root->key(0).loc.line == 1);
    CHECK(root->key(0).loc.column == 2);
    CHECK(root->val(0).loc.column == 9);  // "名" is 3 bytes: columns count bytes, as for YAML
    CHECK_FALSE(root->val(0).plain);      // a string: never a number
    const io::YNode& list = root->val(1);
    REQUIRE(list.is_sequence());
    CHECK(list.loc.line == 2);
    CHECK(list.loc.column == 8);
    REQUIRE(list.items.size() == 4);
    CHECK(list.items[0].value == "1.5e3");  // the JSON spelling, read later by Reader::number
    CHECK(list.items[0].plain);
    CHECK(list.items[1].value == "true");
    CHECK(list.items[2].is_null());
    CHECK(list.items[3].loc.line == 3);
    CHECK(list.items[3].loc.column == 2);  // after a tab: one byte
    CHECK(list.items[3].val(0).value == "-0");
}

TEST_CASE("geojson tree: duplicate member names are reported and the first is kept") {
    Diagnostics diag;
    auto root = io::parse_json("t.json", "{\"a\": 1, \"b\": 2, \"a\": 3, \"a\": 4}", diag);
    CHECK_FALSE(root.has_value());
    REQUIRE(diag.error_count() == 2);
    const auto d = diag.sorted();
    CHECK(d[0].str() == "t.json:1:18: duplicate member name 'a' (first given at 1:2)");
    CHECK(d[1].str() == "t.json:1:26: duplicate member name 'a' (first given at 1:2)");
}

TEST_CASE("geojson tree: numbers must be JSON numbers and finite doubles") {
    for (const char* bad : {"[1e400]", "[-1e400]", "[01]", "[1.]", "[.5]", "[+1]", "[0x10]",
                            "[NaN]", "[Infinity]", "[tru]", "[nul]", "[-]"}) {
        CAPTURE(bad);
        Diagnostics diag;
        CHECK_FALSE(io::parse_json("t.json", bad, diag).has_value());
        REQUIRE(diag.error_count() == 1);
        CHECK(diag.all()[0].loc.column == 2);
    }
    Diagnostics diag;
    auto ok = io::parse_json("t.json", "[0, -0.5, 1E+2, 12345678901234567890, 1e-300]", diag);
    REQUIRE(ok.has_value());
    CHECK(ok->items.size() == 5);
}

TEST_CASE("geojson tree: depth and trailing content") {
    Diagnostics deep;
    CHECK_FALSE(io::parse_json("t.json", std::string(65, '[') + std::string(65, ']'), deep));
    REQUIRE(deep.error_count() == 1);
    CHECK(deep.all()[0].str() == "t.json:1:65: nesting deeper than 64 levels");
    Diagnostics ok;
    CHECK(io::parse_json("t.json", std::string(64, '[') + std::string(64, ']'), ok));
    Diagnostics trailing;
    CHECK_FALSE(io::parse_json("t.json", "{}\n\n  {}", trailing));
    REQUIRE(trailing.error_count() == 1);
    CHECK(trailing.all()[0].str() == "t.json:3:3: trailing content after the JSON document");
}

TEST_CASE("geojson tree: every truncation of a valid file is an error with a position") {
    const std::string text = site_with(R"(
  {"type": "Feature", "properties": {"camaudit": "camera", "id": "C1", "azimuth": 0,
    "hfov": 90, "range": 5, "name\u00e9": "x\"y"}, "geometry": {"type": "Point",
    "coordinates": [1.5, -2e1]}})");
    Diagnostics whole;
    REQUIRE(io::parse_json("t.json", text, whole).has_value());
    for (std::size_t n = 0; n + 2 < text.size(); ++n) {
        CAPTURE(n);
        Diagnostics diag;
        CHECK_FALSE(io::parse_json("t.json", text.substr(0, n), diag).has_value());
        REQUIRE(diag.error_count() >= 1);
        CHECK(diag.all()[0].loc.line >= 1);
    }
}

TEST_CASE("geojson reader: zones, walls and cameras from their geometries") {
    Diagnostics warnings;
    const Site s = load(site_with(R"(
  {"type": "Feature", "properties": {"camaudit": "zone", "id": "atrium", "kind": "mall.passage"},
   "geometry": {"type": "Polygon", "coordinates": [[[0,0],[10,0],[10,10],[0,10],[0,0]],
                                                   [[4,4],[6,4],[6,6],[4,6],[4,4]]]}},
  {"type": "Feature", "properties": {"camaudit": "zone", "id": "box", "kind": "polling.ballot_box",
   "radius": 3}, "geometry": {"type": "Point", "coordinates": [12, 7, 1.5]}},
  {"type": "Feature", "properties": {"camaudit": "zone", "id": "road", "kind": "road.key_segment",
   "width": 12}, "geometry": {"type": "LineString", "coordinates": [[0,0],[300,0]]}},
  {"type": "Feature", "properties": {"camaudit": "wall", "id": "w1", "transparent": true},
   "geometry": {"type": "LineString", "coordinates": [[0,15],[8,15]]}},
  {"type": "Feature", "properties": {"camaudit": "wall", "id": "p1"},
   "geometry": {"type": "Polygon", "coordinates": [[[1,1],[2,1],[2,2],[1,1]]]}},
  {"type": "Feature", "id": 7, "properties": {"camaudit": "camera", "azimuth": -90, "hfov": 90,
   "range": 25, "signage": true, "consent": [], "x-note": "kept out"},
   "geometry": {"type": "Point", "coordinates": [1, 1]}})"),
                        &warnings);
    REQUIRE(s.zones.size() == 3);
    CHECK(s.zones[0].shape == ZoneShape::Polygon);
    CHECK(s.zones[0].polygon.shell.size() == 4);  // the closing position is dropped
    REQUIRE(s.zones[0].polygon.holes.size() == 1);
    CHECK(s.zones[1].shape == ZoneShape::Point);
    CHECK(s.zones[1].point == Point{12, 7});  // the altitude is dropped
    CHECK(s.zones[1].radius == 3);
    CHECK(s.zones[2].shape == ZoneShape::Line);
    CHECK(s.zones[2].width == 12);
    REQUIRE(s.walls.size() == 2);
    CHECK(s.walls[0].transparent);
    CHECK(s.walls[1].is_polygon);
    REQUIRE(s.cameras.size() == 1);
    const Camera& c = s.cameras[0];
    CHECK(c.id == "7");  // the feature's `id` member where properties give none
    CHECK(c.azimuth == 270);
    CHECK(c.loc.line == 17);  // the feature
    CHECK(c.loc.column == 3);
    CHECK(c.assumed.empty());  // a camaudit camera: nothing assumed
    CHECK(s.info.crs == "local");
}

TEST_CASE("geojson reader: a site without crs is WGS 84 longitude/latitude (RFC 7946)") {
    std::string text = site_with(R"(
  {"type": "Feature", "properties": {"camaudit": "camera", "id": "C1", "hfov": 360, "range": 5},
   "geometry": {"type": "Point", "coordinates": [117.23, 31.82]}})");
    text.replace(text.find(R"(, "crs": "local")"), 16, "");
    const Site s = load(text);
    CHECK(s.info.crs == "EPSG:4326");
    CHECK(s.cameras[0].position == Point{117.23, 31.82});
}

TEST_CASE("geojson reader: properties outside the schema are listed, likely typos warned") {
    Diagnostics warnings;
    const Site s = load(site_with(R"(
  {"type": "Feature", "properties": {"camaudit": "camera", "id": "C1", "azimuth": 0, "hfov": 60,
   "range": 5, "sigange": true, "camera:mount": "wall"}, "foo": 1,
   "geometry": {"type": "Point", "coordinates": [1, 1], "extra": 2}})"),
                        &warnings);
    std::vector<std::string> ignored;
    for (const auto& i : s.ignored)
        ignored.push_back(std::to_string(i.loc.line) + ":" + std::to_string(i.loc.column) + " " +
                          i.what);
    CHECK(ignored == std::vector<std::string>{
                         "7:58 member 'foo' of features[0]",  // a feature's members first
                         "7:16 property 'sigange' of camera 'C1'",
                         "7:33 property 'camera:mount' of camera 'C1'",
                         "8:57 member 'extra' of the geometry of camera 'C1'",
                     });
    CHECK_FALSE(s.cameras[0].signage);  // ignored, not guessed
    REQUIRE(warnings.all().size() == 1);
    CHECK(warnings.all()[0].str() ==
          "t.geojson:7:16: warning: property 'sigange' of camera 'C1' is not in the site format "
          "and is ignored; did you mean 'signage'?");
}

TEST_CASE("geojson reader: the same validation as YAML, at JSON positions") {
    // Values: the element readers of the YAML form report them.
    CHECK(errors(site_with(R"(
  {"type": "Feature", "properties": {"camaudit": "camera", "id": "C1", "azimuth": 0,
   "hfov": 400, "range": "5"}, "geometry": {"type": "Point", "coordinates": [1, 1]}})")) ==
          std::vector<std::string>{"7:12: hfov must be in (0, 360], got 400",
                                   "7:26: range: expected a number, got the string '5'"});
    // A key of the YAML top level, a wrong geometry and a second element error together.
    CHECK(errors(site_with(R"(
  {"type": "Feature", "properties": {"camaudit": "wall", "id": "w"},
   "geometry": {"type": "Point", "coordinates": [1, 1]}},
  {"type": "Feature", "properties": {"camaudit": "zone", "id": "z", "kind": "nokind"},
   "geometry": {"type": "Point", "coordinates": [1, 1]}})")) ==
          std::vector<std::string>{
              "7:25: wall 'w': a wall is a LineString or Polygon geometry, not Point",
              "8:77: kind 'nokind' is not of the form place.part (lowercase letters, digits, "
              "'_', one dot)"});
    // Holes must be closed too, each reported at its ring.
    CHECK(errors(site_with(R"(
  {"type": "Feature", "properties": {"camaudit": "zone", "id": "z", "kind": "mall.passage"},
   "geometry": {"type": "Polygon", "coordinates": [[[0,0],[10,0],[10,10],[0,10],[0,0]],
     [[4,4],[6,4],[6,6]]]}})")) ==
          std::vector<std::string>{
              "8:6: zone 'z': a polygon ring must be closed: its last position repeats the first "
              "(RFC 7946 §3.1.6)"});
}

TEST_CASE("geojson reader: JSON and GeoJSON structure errors") {
    CHECK(errors("{\"type\": \"FeatureCollection\", \"features\": []}") ==
          std::vector<std::string>{
              "1:1: missing required key 'camaudit' (the format version: 'camaudit: 1')",
              "1:1: the top level: missing required key 'site'",
              "1:1: the top level: missing required key 'operator'"});
    CHECK(errors("{\"type\": \"Feature\", \"geometry\": null, \"properties\": {}}") ==
          std::vector<std::string>{
              "1:10: type: a GeoJSON site file is a FeatureCollection, got the string 'Feature'"});
    CHECK(errors(site_with(R"(  {"type": "Feature", "geometry": {"type": "Point",
    "coordinates": [0, 0]}, "properties": {"name": "a shop"}})")) ==
          std::vector<std::string>{
              "5:3: features[0]: properties.camaudit is missing (zone, wall or camera), and the "
              "feature is not an OpenStreetMap camera (man_made=surveillance, "
              "surveillance:type=camera)"});
    CHECK(errors(site_with("  42")) ==
          std::vector<std::string>{"5:3: features[0]: expected a Feature object, got '42'"});
}
