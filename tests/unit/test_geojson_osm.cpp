// OpenStreetMap cameras in GeoJSON site files: direction, type, angle and height tags, and
// every assumed value recorded for the assumed-default check.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "io/geojson_reader.hpp"
#include "io/osm_camera.hpp"

using namespace camaudit;

namespace {

// A site with one OSM camera at [1, 1] whose properties are `tags` (JSON members).
Site with_camera(const std::string& tags) {
    const std::string text = R"({"type": "FeatureCollection", "camaudit": 1,
 "site": {"id": "s", "crs": "local"},
 "operator": {"id": "op", "type": "individual"},
 "features": [{"type": "Feature", "id": "node/42",
   "properties": {"man_made": "surveillance", "surveillance:type": "camera", )" +
                             tags + R"(},
   "geometry": {"type": "Point", "coordinates": [1, 1]}}]}
)";
    Diagnostics diag;
    auto site = io::load_site_geojson("t.geojson", text, diag);
    for (const auto& d : diag.all()) MESSAGE(d.str());
    REQUIRE(site.has_value());
    REQUIRE(site->cameras.size() == 1);
    return *site;
}

// "field=value" of each assumption, in order.
std::vector<std::string> assumed(const Camera& c) {
    std::vector<std::string> out;
    for (const auto& a : c.assumed) out.push_back(a.field + "=" + a.value);
    return out;
}

}  // namespace

TEST_CASE("osm: bearings in degrees or the 16 compass points") {
    const char* points[] = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
                            "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};
    for (int i = 0; i < 16; ++i) {
        CAPTURE(points[i]);
        CHECK(io::parse_bearing(points[i]) == doctest::Approx(22.5 * i));
    }
    CHECK(io::parse_bearing("ne") == 45);
    CHECK(io::parse_bearing(" 240 ") == 240);
    CHECK(io::parse_bearing("22.5") == 22.5);
    for (const char* bad : {"", "NNX", "north", "1e400", "12 deg", "nan"}) {
        CAPTURE(bad);
        CHECK_FALSE(io::parse_bearing(bad).has_value());
    }
}

TEST_CASE("osm: a direction is one bearing or a clockwise range") {
    auto one = io::parse_direction("NE");
    REQUIRE(one);
    CHECK(one->from == 45);
    CHECK_FALSE(one->to.has_value());
    auto range = io::parse_direction("W-E");
    REQUIRE(range);
    CHECK(range->from == 270);
    CHECK(range->to == 90);
    CHECK(io::parse_direction("90-270")->to == 270);
    CHECK(io::parse_direction("-30")->from == -30);  // any real value, taken modulo 360
    CHECK_FALSE(io::parse_direction("90-").has_value());
    CHECK_FALSE(io::parse_direction("E-X").has_value());
    // Beyond two turns either way (model/angle.hpp): not a bearing (issue #19).
    CHECK(io::parse_direction("720")->from == 720);
    CHECK_FALSE(io::parse_direction("721").has_value());
    CHECK_FALSE(io::parse_direction("1e308-5").has_value());
}

TEST_CASE("osm: heights as OpenStreetMap writes them") {
    CHECK(io::parse_height("5") == 5);
    CHECK(io::parse_height("5 m") == 5);
    CHECK(io::parse_height("5.5m") == 5.5);
    for (const char* bad : {"", "-1", "16 ft", "5 km", "high", "5'"}) {
        CAPTURE(bad);
        CHECK_FALSE(io::parse_height(bad).has_value());
    }
}

TEST_CASE("osm: a fixed camera with a direction; every missing value is assumed and listed") {
    const Site s = with_camera(R"("camera:type": "fixed", "camera:direction": "NE")");
    const Camera& c = s.cameras[0];
    CHECK(c.id == "node/42");
    CHECK(c.azimuth == 45);
    CHECK(c.hfov == 90);
    CHECK(c.range == 30);
    CHECK(c.height == 3);
    CHECK_FALSE(c.signage);
    CHECK_FALSE(c.ptz.has_value());
    CHECK(assumed(c) ==
          std::vector<std::string>{"hfov=90", "range=30", "height=3", "signage=false", "owner=op"});
    for (const auto& a : c.assumed) {
        CHECK_FALSE(a.reason_en.empty());
        CHECK_FALSE(a.reason_zh.empty());
    }
}

TEST_CASE("osm: the plain direction tag, as the Monaco data uses it") {
    const Site s = with_camera(R"("direction": "240", "camera:type": "fixed")");
    CHECK(s.cameras[0].azimuth == 240);
    // camera:direction wins over direction.
    const Site both = with_camera(R"("direction": "240", "camera:direction": "S")");
    CHECK(both.cameras[0].azimuth == 180);
}

TEST_CASE("osm: camera:type gives fixed, unlimited PTZ or panoramic") {
    const Camera panning = with_camera(R"("camera:type": "panning", "direction": "90")").cameras[0];
    REQUIRE(panning.ptz.has_value());
    CHECK(panning.ptz->unlimited);  // a single value is only its usual direction
    CHECK_FALSE(panning.azimuth.has_value());
    const Camera limited =
        with_camera(R"("camera:type": "panning", "direction": "E-W")").cameras[0];
    REQUIRE(limited.ptz.has_value());
    CHECK_FALSE(limited.ptz->unlimited);
    CHECK(limited.ptz->pan_from == 90);
    CHECK(limited.ptz->pan_to == 270);
    const Camera any = with_camera(R"("camera:type": "panning", "direction": "0-360")").cameras[0];
    CHECK(any.ptz->unlimited);
    const Camera dome = with_camera(R"("camera:type": "dome")").cameras[0];
    CHECK(dome.hfov == 360);
    CHECK(dome.panoramic());
    CHECK(std::none_of(dome.assumed.begin(), dome.assumed.end(),
                       [](const Assumption& a) { return a.field == "hfov"; }));
}

TEST_CASE("osm: without camera:type and direction, the worst case is assumed") {
    const Camera c = with_camera(R"("operator": "Police")").cameras[0];
    CHECK(c.hfov == 360);
    CHECK_FALSE(c.azimuth.has_value());
    CHECK(assumed(c) == std::vector<std::string>{"camera:type=fixed", "hfov=360", "range=30",
                                                 "height=3", "signage=false", "owner=op"});
    CHECK(c.assumed[1].reason_en.find("worst case") != std::string::npos);
    CHECK(c.assumed.back().reason_en.find("'Police'") != std::string::npos);
}

TEST_CASE("osm: camera:angle, height and surveillance:zone; schema keys win over defaults") {
    const Camera c = with_camera(R"("camera:direction": "SW", "camera:angle": "30",
        "height": "5 m", "surveillance:zone": "traffic", "hfov": 60, "range": 12,
        "signage": true, "owner": "op")")
                         .cameras[0];
    CHECK(c.tilt == -30);  // OSM measures down from the horizontal; tilt is negative down
    CHECK(c.height == 5);
    CHECK(c.purpose == "traffic");
    CHECK(c.hfov == 60);
    CHECK(c.range == 12);
    CHECK(c.signage);
    CHECK(assumed(c) == std::vector<std::string>{"camera:type=fixed"});
    // The same explicit azimuth beats the tag.
    const Camera az = with_camera(R"("camera:direction": "SW", "azimuth": 10)").cameras[0];
    CHECK(az.azimuth == 10);
}

TEST_CASE("osm: bad tag values are errors at the tag") {
    const std::string head = R"({"type": "FeatureCollection", "camaudit": 1,
 "site": {"id": "s", "crs": "local"}, "operator": {"id": "op", "type": "individual"},
 "features": [{"type": "Feature", "id": 1, "properties": {"man_made": "surveillance",
   "surveillance:type": "camera", )";
    const std::string tail = R"(}, "geometry": {"type": "Point", "coordinates": [1, 1]}}]}
)";
    struct Case {
        const char* tags;
        const char* error;
    };
    for (const Case& t : {
             Case{R"("camera:direction": "NNX")",
                  "t.geojson:4:55: camera:direction: 'NNX' is neither degrees (0-360) nor a "
                  "compass point (N, NNE, NE, ENE, E, ... NNW), nor a range of them such as "
                  "90-270"},
             Case{R"("direction": "N;S")",
                  "t.geojson:4:48: direction: several directions ('N;S') are not supported; map "
                  "one camera per direction"},
             Case{R"("direction": "N", "height": "12 ft")",
                  "t.geojson:4:63: height: expected metres ('5', '5.5 m'), got '12 ft'"},
             Case{R"("direction": "N", "camera:angle": "-91")",
                  "t.geojson:4:69: camera:angle: expected degrees below the horizontal in [-90, "
                  "90], got '-91'"},
             Case{R"("direction": ["N"])",
                  "t.geojson:4:48: direction: expected a tag value (a string), got a list"},
         }) {
        CAPTURE(std::string(t.tags));
        Diagnostics diag;
        CHECK_FALSE(io::load_site_geojson("t.geojson", head + t.tags + tail, diag));
        REQUIRE(diag.error_count() == 1);
        CHECK(diag.all()[0].str() == t.error);
    }
}
