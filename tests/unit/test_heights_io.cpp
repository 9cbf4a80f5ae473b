// Heights from every input to every output (issue 21, part 2): walls' `height` and
// `settings.view_height` in YAML and GeoJSON, a DXF import's `heights`, what `import` writes,
// and the plan that `render` draws (partial walls dashed, their height written, a legend
// entry only where there is one). The viewshed itself is tested in test_viewshed_heights*.cpp,
// the audits of sites with heights by the fixtures under tests/fixtures/heights/.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "audit/context.hpp"
#include "audit/pipeline.hpp"
#include "audit/plan.hpp"
#include "io/geojson_reader.hpp"
#include "io/import_site_writer.hpp"
#include "io/site_reader.hpp"
#include "report/svg_common.hpp"
#include "report/svg_plan.hpp"
#include "util/message_catalog.hpp"

using namespace camaudit;

namespace {

const std::string kHead =
    "camaudit: 1\nsite: {id: s}\noperator: {id: op, type: individual}\n";  // lines 1-3

// `yaml` with the required sections that it does not give, after its own lines.
std::optional<Site> load(const std::string& yaml, Diagnostics& diag) {
    std::string text = yaml;
    if (text.find("\nzones:") == std::string::npos) text += "zones: []\n";
    if (text.find("\ncameras:") == std::string::npos) text += "cameras: []\n";
    return io::load_site_yaml("t.yaml", text, diag);
}

// The first error of a site that must fail, as "line:column: message".
std::string first_error(const std::string& yaml) {
    Diagnostics diag;
    auto site = load(yaml, diag);
    CHECK_FALSE(site.has_value());
    for (const auto& d : diag.all())
        if (d.level == Diagnostic::Level::Error)
            return std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " +
                   d.message;
    return "";
}

const Wall& wall(const Site& s, const std::string& id) {
    auto it = std::find_if(s.walls.begin(), s.walls.end(), [&](auto& w) { return w.id == id; });
    REQUIRE(it != s.walls.end());
    return *it;
}

const std::string kDxfDir = std::string(CAMAUDIT_TEST_DATA) + "/dxf";

std::optional<Site> load_dxf(const std::string& import, Diagnostics& diag) {
    return io::load_site_yaml(kDxfDir + "/site.yaml", kHead + "import:\n" + import, diag);
}

}  // namespace

TEST_CASE("heights: YAML walls and settings.view_height") {
    Diagnostics diag;
    auto site = load(kHead +
                         "settings: {view_height: 1.2}\n"
                         "walls:\n"
                         "  - {id: full, line: [[0,0],[4,0]]}\n"
                         "  - {id: curtain, line: [[0,1],[4,1]], height: 2.0}\n"
                         "  - {id: counter, polygon: [[0,2],[1,2],[1,3],[0,3]], height: 1.1}\n"
                         "  - {id: glass, line: [[0,4],[4,4]], transparent: true, height: 1}\n",
                     diag);
    for (const auto& d : diag.all()) MESSAGE(d.str());
    REQUIRE(site.has_value());
    CHECK_FALSE(wall(*site, "full").height.has_value());
    CHECK(wall(*site, "curtain").height == 2.0);
    CHECK(wall(*site, "counter").height == 1.1);
    CHECK(wall(*site, "glass").height == 1.0);  // taken and ignored (the spec: transparent walls)
    CHECK(site->settings.view_height == 1.2);

    Diagnostics d2;
    auto plain = load(kHead + "settings: {view_height: 0}\n", d2);
    REQUIRE(plain.has_value());
    CHECK(plain->settings.view_height == 0.0);  // the floor itself
    Diagnostics d3;
    CHECK_FALSE(load(kHead, d3)->settings.view_height.has_value());  // default: geo's 1.7
}

TEST_CASE("heights: out-of-range and malformed values are errors at their line:column") {
    const std::string walls = "walls:\n  - {id: w, line: [[0,0],[4,0]], height: ";
    CHECK(first_error(kHead + walls + "0}\n") == "5:42: height must be > 0, got 0");
    CHECK(first_error(kHead + walls + "-2}\n") == "5:42: height must be > 0, got -2");
    CHECK(first_error(kHead + walls + "100001}\n") ==
          "5:42: height must be at most 100000 m, got 100001");
    CHECK(first_error(kHead + walls + ".inf}\n").starts_with("5:42: height"));
    CHECK(first_error(kHead + walls + "2 m}\n").starts_with("5:42: height"));
    CHECK(first_error(kHead + "settings: {view_height: -0.5}\n") ==
          "4:25: view_height must be in [0, 100000] m, got -0.5");
    CHECK(first_error(kHead + "settings: {view_height: tall}\n").starts_with("4:25: view_height"));
    CHECK(first_error(kHead + "settings: {view_hieght: 1}\n").starts_with("4:12: unknown key"));
}

TEST_CASE("heights: a GeoJSON wall's height property") {
    const std::string text = R"({"type": "FeatureCollection", "camaudit": 1,
 "site": {"id": "g", "crs": "local"}, "operator": {"id": "op", "type": "individual"},
 "settings": {"view_height": 1.5},
 "features": [
  {"type": "Feature", "properties": {"camaudit": "wall", "id": "p", "height": 2.1},
   "geometry": {"type": "LineString", "coordinates": [[0, 0], [3, 0]]}},
  {"type": "Feature", "properties": {"camaudit": "wall", "id": "q", "height": 0},
   "geometry": {"type": "LineString", "coordinates": [[0, 1], [3, 1]]}}]})";
    Diagnostics diag;
    auto site = io::load_site_geojson("t.geojson", text, diag);
    CHECK_FALSE(site.has_value());  // q's height 0
    bool found = false;
    for (const auto& d : diag.all())
        found = found || (d.loc.line == 7 && d.message == "height must be > 0, got 0");
    CHECK(found);

    std::string good = text;
    good.replace(good.find("\"height\": 0"), 11, "\"height\": 1");
    Diagnostics d2;
    auto ok = io::load_site_geojson("t.geojson", good, d2);
    for (const auto& d : d2.all()) MESSAGE(d.str());
    REQUIRE(ok.has_value());
    CHECK(wall(*ok, "p").height == 2.1);
    CHECK(wall(*ok, "q").height == 1.0);
    CHECK(ok->settings.view_height == 1.5);
}

TEST_CASE("heights: a DXF import's heights by wall layer, in metres whatever the units") {
    // entities-r2000.dxf is in millimetres: A-WALL holds lines, polylines, an arc and a block's
    // column; A-GLAZ a circle of glass.
    Diagnostics diag;
    auto site = load_dxf(
        "  - dxf: entities-r2000.dxf\n"
        "    walls: [A-WALL]\n    glass: [A-GLAZ]\n    heights: {A-WALL: 2.1}\n",
        diag);
    for (const auto& d : diag.all()) MESSAGE(d.str());
    REQUIRE(site.has_value());
    std::size_t opaque = 0;
    for (const auto& w : site->walls) {
        CAPTURE(w.id);
        if (w.transparent) {
            CHECK_FALSE(w.height.has_value());  // glass ignores heights
        } else {
            CHECK(w.height == 2.1);
            ++opaque;
        }
    }
    CHECK(opaque >= 4);
    // What `import` writes carries the heights and the view height, and reads back the same.
    site->settings.view_height = 1.5;
    const std::string written = io::write_site_yaml(*site, "t.yaml");
    CHECK(written.find("height: 2.1") != std::string::npos);
    CHECK(written.find("\n  view_height: 1.5\n") != std::string::npos);
    Diagnostics d2;
    auto again = io::load_site_yaml(kDxfDir + "/again.yaml", written, d2);
    for (const auto& d : d2.all()) MESSAGE(d.str());
    REQUIRE(again.has_value());
    REQUIRE(again->walls.size() == site->walls.size());
    for (std::size_t i = 0; i < site->walls.size(); ++i)
        CHECK(again->walls[i].height == site->walls[i].height);
    CHECK(again->settings.view_height == 1.5);

    // The first key that matches a layer wins; other layers reach the ceiling.
    Diagnostics d3;
    auto first = load_dxf(
        "  - dxf: entities-r2000.dxf\n"
        "    walls: [\"A-*\"]\n    heights: {\"A-W*\": 1.5, A-WALL: 2.5}\n",
        d3);
    REQUIRE(first.has_value());
    for (const auto& w : first->walls) {
        CAPTURE(w.origin->layer);
        if (w.origin->layer == "A-WALL")
            CHECK(w.height == 1.5);
        else
            CHECK_FALSE(w.height.has_value());  // A-AREA, A-GLAZ: no key matches
    }
}

TEST_CASE("heights: errors of a DXF import's heights") {
    auto error = [](const std::string& heights) {
        Diagnostics diag;
        auto site = load_dxf(
            "  - dxf: entities-r2000.dxf\n    walls: [A-WALL]\n    heights: " + heights + "\n",
            diag);
        CHECK_FALSE(site.has_value());
        for (const auto& d : diag.all())
            if (d.level == Diagnostic::Level::Error)
                return std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " +
                       d.message;
        return std::string();
    };
    CHECK(error("{A-GLAZ: 2}") == "7:15: heights: layer 'A-GLAZ' is not a layer of walls");
    CHECK(error("{A-WALL: 0}") == "7:23: heights.A-WALL must be in (0, 100000] m, got 0");
    CHECK(error("{A-WALL: 2, A-WALL: 3}") == "7:26: heights: duplicate key 'A-WALL'");
    CHECK(error("[A-WALL]") == "7:14: heights: expected a mapping, got a list");
    // A wildcard that no walls pattern names passes the site file; the drawing decides.
    Diagnostics diag;
    auto site = load_dxf(
        "  - dxf: entities-r2000.dxf\n    walls: [A-WALL]\n    heights: {\"Z-*\": 2}\n", diag);
    REQUIRE(site.has_value());
    bool warned = false;
    for (const auto& d : diag.all())
        warned = warned || d.message.find("no layer matches 'Z-*'") != std::string::npos;
    CHECK(warned);
}

TEST_CASE("heights: the plan draws partial walls apart, with their height and a legend entry") {
    const std::string fixture =
        std::string(CAMAUDIT_TEST_DATA) + "/fixtures/heights/curtain-booth.yaml";
    Diagnostics diag;
    auto loaded = audit::load_site_for_audit(fixture, {}, diag);
    REQUIRE(loaded.has_value());
    audit::AuditContext ctx(loaded->site, loaded->working, loaded->projection, *loaded->rules, 1);
    const audit::Plan plan = audit::build_plan(ctx, {}, Lang::En, false);
    REQUIRE(plan.floors.size() == 1);
    const auto& walls = plan.floors[0].walls;
    REQUIRE(walls.size() == 4);
    CHECK(walls[0].height == 2.0);  // the curtain, from (-1, 6) to (1, 6)
    REQUIRE(walls[0].label_at.has_value());
    CHECK(walls[0].label_at->x == doctest::Approx(0));
    CHECK(walls[0].label_at->y == doctest::Approx(6));
    for (std::size_t i = 1; i < walls.size(); ++i) CHECK_FALSE(walls[i].height.has_value());

    const std::string svg = report::render_svg(plan);
    CHECK(svg.find(">2.0 m</text>") != std::string::npos);
    CHECK(svg.find(report::svg::partial_wall_style()) != std::string::npos);
    CHECK(svg.find(">Partial wall (its height)</text>") != std::string::npos);

    // Without heights: no such entry, no such stroke (the plan as before).
    audit::Plan flat = plan;
    for (auto& w : flat.floors[0].walls) w.height.reset();
    const std::string plain = report::render_svg(flat);
    CHECK(plain.find("Partial wall") == std::string::npos);
    CHECK(plain.find(report::svg::partial_wall_style()) == std::string::npos);
    CHECK(plain.find(">2.0 m</text>") == std::string::npos);

    CHECK(report::svg::height_text(2) == "2.0 m");
    CHECK(report::svg::height_text(1.25) == "1.25 m");
    CHECK(report::svg::height_text(2.1) == "2.1 m");
}

TEST_CASE("heights: every new input error has its Chinese") {
    for (const char* en :
         {"heights: layer 'A-GLAZ' is not a layer of walls",
          "heights: expected a mapping, got a list",
          "heights.A-WALL must be in (0, 100000] m, got 0", "heights: duplicate key 'A-WALL'",
          "view_height must be in [0, 100000] m, got -1", "height must be > 0, got 0",
          "height must be at most 100000 m, got 1e+06"}) {
        CAPTURE(en);
        auto zh = messages::to_chinese(en);
        REQUIRE(zh.has_value());
        MESSAGE(*zh);
        CHECK(zh->find("must") == std::string::npos);
    }
}
