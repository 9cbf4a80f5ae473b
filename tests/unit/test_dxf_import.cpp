// The DXF import (`import:` in a site file): each entity type, block nesting, rotation,
// attributes, units, text encodings, DXF versions R12 to R2018, and every class of error. The
// drawings are tests/dxf/*.dxf, written by tests/dxf/make_dxf.py.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/dxf_index.hpp"
#include "io/import_dxf.hpp"
#include "io/site_reader.hpp"

using namespace camaudit;

namespace {

const std::string kDir = std::string(CAMAUDIT_TEST_DATA) + "/dxf";
const std::string kSite = kDir + "/site.yaml";  // never read: drawings are found next to it

std::string site_with(const std::string& import, const std::string& rest = "") {
    return "camaudit: 1\nsite: {id: s}\noperator: {id: op, type: individual}\nimport:\n" + import +
           rest;
}

struct Loaded {
    std::optional<Site> site;
    Diagnostics diag;
};

Loaded load(const std::string& yaml) {
    Loaded out;
    out.site = io::load_site_yaml(kSite, yaml, out.diag);
    for (const auto& d : out.diag.all()) MESSAGE(d.str());
    return out;
}

Site load_ok(const std::string& yaml) {
    auto l = load(yaml);
    REQUIRE(l.site.has_value());
    return std::move(*l.site);
}

const Zone& zone(const Site& s, const std::string& id) {
    auto it = std::find_if(s.zones.begin(), s.zones.end(), [&](auto& z) { return z.id == id; });
    REQUIRE(it != s.zones.end());
    return *it;
}

const Camera& camera(const Site& s, const std::string& id) {
    auto it = std::find_if(s.cameras.begin(), s.cameras.end(), [&](auto& c) { return c.id == id; });
    REQUIRE(it != s.cameras.end());
    return *it;
}

double max_x(const std::vector<Point>& pts) {
    double m = -1e300;
    for (const auto& p : pts) m = std::max(m, p.x);
    return m;
}

double max_y(const std::vector<Point>& pts) {
    double m = -1e300;
    for (const auto& p : pts) m = std::max(m, p.y);
    return m;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The text of 1-based line `n` of `path`.
std::string line_of(const std::string& path, int n) {
    std::istringstream in(read_file(path));
    std::string line;
    for (int i = 0; i < n && std::getline(in, line);) ++i;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

const std::string kEntities =
    "  - dxf: entities-r2000.dxf\n"
    "    walls: [A-WALL]\n"
    "    glass: A-GLAZ\n"
    "    zones: [A-AREA]\n"
    "    labels: [A-ANNO]\n"
    "    kinds: {Lobby: hotel.lobby, room: hotel.guest_room}\n"
    "    cameras: {blocks: [CAM]}\n";

}  // namespace

TEST_CASE("dxf: the index reads the header, the tables and the line of each handle") {
    const std::string text =
        "0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1015\n9\n$DWGCODEPAGE\n3\nANSI_936\n"
        "9\n$INSUNITS\n70\n4\n0\nENDSEC\n0\nSECTION\n2\nTABLES\n0\nTABLE\n2\nLAYER\n"
        "0\nLAYER\n5\n10\n2\nA-WALL\n0\nENDTAB\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n"
        "0\nLINE\n5\n2f\n8\nA-WALL\n0\nENDSEC\n0\nEOF\n";
    auto index = io::index_dxf(text);
    CHECK(index.acadver == "AC1015");
    CHECK(index.codepage == "ANSI_936");
    CHECK(index.encoding() == "CP936");
    REQUIRE(index.insunits.has_value());
    CHECK(*index.insunits == 4);
    CHECK(index.layer_table.count("A-WALL") == 1);
    REQUIRE(index.entities.count("2F") == 1);
    CHECK(index.entities.at("2F").type == "LINE");
    CHECK(index.entities.at("2F").line == 42);
    CHECK(index.entities.count("10") == 0);  // a table record, not a drawn entity
    CHECK(io::index_dxf("0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1024\n").encoding() == "UTF-8");
    CHECK(io::index_dxf("AutoCAD Binary DXF\r\n\x1a").binary);
}

TEST_CASE("dxf: layer and block patterns") {
    CHECK(io::matches("A-WALL-*", "a-wall-ext"));
    CHECK(io::matches("A-WALL", "A-WALL"));
    CHECK_FALSE(io::matches("A-WALL", "A-WALL-EXT"));
    CHECK(io::matches("CCTV*", "CCTV"));
    CHECK(io::matches("*", ""));
    CHECK(io::matches("墙?", "墙体"));  // ? is one character, not one byte
    CHECK_FALSE(io::matches("墙?", "墙"));
    CHECK(io::matches("A-*-GLAZ", "A-EXT-GLAZ"));
    CHECK_FALSE(io::matches("A-*-GLAZ", "A-EXT-GLAZ-2"));
}

TEST_CASE("dxf: every entity type becomes the element its layer says") {
    Site s = load_ok(site_with(kEntities, "zones: []\ncameras: []\n"));
    // LINE, LWPOLYLINE with a bulge, POLYLINE, ARC on A-WALL; the block ROOMSET's layer-0
    // CIRCLE (on A-WALL through its INSERT); the CIRCLE on A-GLAZ.
    REQUIRE(s.walls.size() == 6);
    CHECK(s.walls[0].line == std::vector<Point>{{0, 0}, {10, 0}});  // mm read through $INSUNITS
    CHECK(s.walls[0].origin->entity == "LINE");
    const auto& bulged = s.walls[1].line;
    CHECK(s.walls[1].origin->entity == "LWPOLYLINE");
    CHECK(bulged.size() > 10);                                  // the bulge's arc, as chords
    CHECK(max_x(bulged) == doctest::Approx(13).epsilon(0.01));  // a half circle of radius 1
    CHECK(bulged.back() == Point{12, 2});
    CHECK(s.walls[2].line == std::vector<Point>{{0, 0}, {0, 8}});
    CHECK(s.walls[2].origin->entity == "POLYLINE");
    CHECK(s.walls[3].origin->entity == "ARC");
    CHECK(max_y(s.walls[3].line) == doctest::Approx(9).epsilon(0.01));
    CHECK(s.walls[4].origin->entity == "CIRCLE");
    CHECK(s.walls[4].transparent);
    CHECK(max_x(s.walls[4].line) == doctest::Approx(9.5));
    const Wall& column = s.walls[5];
    CHECK(column.origin->layer == "A-WALL");      // layer 0 in a block takes the INSERT's layer
    CHECK_FALSE(column.origin->inserts.empty());  // drawn inside a block reference
    CHECK(max_y(column.line) == doctest::Approx(7.3));

    // Zones: a closed LWPOLYLINE named by a TEXT, a closed POLYLINE named by an MTEXT.
    REQUIRE(s.zones.size() == 2);
    CHECK(zone(s, "Lobby 1").kind == "hotel.lobby");
    CHECK(zone(s, "Lobby 1").origin->entity == "LWPOLYLINE");
    CHECK(zone(s, "Guest Room 2").kind == "hotel.guest_room");  // keys in any case
    CHECK(zone(s, "Guest Room 2").origin->entity == "POLYLINE");
    CHECK(zone(s, "Guest Room 2").polygon.shell.size() == 4);

    // Cameras: an INSERT with ATTRIBs rotated 30° and one nested in ROOMSET (rotated 90°)
    // at 180° in the block.
    REQUIRE(s.cameras.size() == 2);
    const Camera& c1 = camera(s, "C1");
    CHECK(c1.position == Point{0.5, 0.5});
    CHECK(*c1.azimuth == 60);  // 90 - 30
    CHECK(c1.hfov == 90);
    CHECK(c1.range == 12);
    CHECK(c1.height == 2.8);
    CHECK(c1.signage);
    CHECK(c1.origin->entity == "INSERT");
    CHECK(c1.origin->layer == "A-CCTV");
    CHECK(line_of(kDir + "/entities-r2000.dxf", c1.origin->line) == "INSERT");
    const Camera& n1 = camera(s, "N1");
    CHECK(n1.position == Point{3, 6.6});
    CHECK(*n1.azimuth == 180);  // 90 - (90 + 180)
    CHECK(n1.height == 3);      // no HEIGHT attribute: the default
    CHECK_FALSE(n1.signage);
    CHECK(n1.origin->inserts == column.origin->inserts);
}

TEST_CASE("dxf: units from $INSUNITS, else from `units`") {
    const std::string metres = kEntities + "    units: m\n";
    Site s = load_ok(site_with(metres, "zones: []\ncameras: []\n"));
    CHECK(s.walls[0].line == std::vector<Point>{{0, 0}, {10000, 0}});
    CHECK(camera(s, "C1").position == Point{500, 500});
    std::string cm = kEntities + "    units: cm\n";
    Site c = load_ok(site_with(cm, "zones: []\ncameras: []\n"));
    CHECK(c.walls[0].line == std::vector<Point>{{0, 0}, {100, 0}});
}

TEST_CASE("dxf: drawings of R12 to R2018 read the same") {
    for (const char* v : {"r12", "r2000", "r2004", "r2007", "r2010", "r2013", "r2018"}) {
        CAPTURE(v);
        const std::string import = std::string("  - dxf: version-") + v +
                                   ".dxf\n    walls: WALL\n    zones: ROOM\n"
                                   "    kinds: {Office: office.room}\n"
                                   "    cameras: {blocks: CAM}\n";
        Site s = load_ok(site_with(import, "zones: []\ncameras: []\n"));
        REQUIRE(s.walls.size() == 1);
        CHECK(s.walls[0].line.size() == 5);  // a closed square
        REQUIRE(s.zones.size() == 1);
        CHECK(s.zones[0].id == "Office");
        CHECK(s.zones[0].origin->handle.size() > 0);
        REQUIRE(s.cameras.size() == 1);
        CHECK(s.cameras[0].position == Point{0.5, 0.5});
        CHECK(*s.cameras[0].azimuth == 45);
    }
    // The least a program writes: R12, no handles, no tables.
    Site s = load_ok(site_with("  - dxf: version-r12-minimal.dxf\n    walls: WALL\n",
                               "zones: []\ncameras: []\n"));
    REQUIRE(s.walls.size() == 1);
    CHECK(s.walls[0].id == "version-r12-minimal.dxf#w1");
    CHECK(s.walls[0].origin->handle.empty());
}

TEST_CASE("dxf: Chinese labels of a GBK R2000 and a UTF-8 R2010 drawing give the same zones") {
    std::vector<std::vector<std::string>> ids;
    for (const char* file : {"chinese-gbk-r2000.dxf", "chinese-utf8-r2010.dxf"}) {
        CAPTURE(file);
        const std::string import = std::string("  - dxf: ") + file +
                                   "\n    zones: [房间]\n    labels: [房间名称]\n"
                                   "    kinds: {客房: hotel.guest_room, 卫生间: public.toilet, "
                                   "走廊: hotel.passage}\n";
        Site s = load_ok(site_with(import, "zones: []\ncameras: []\n"));
        std::vector<std::string> got;
        for (const auto& z : s.zones) got.push_back(z.id + "=" + z.kind + "@" + z.origin->layer);
        ids.push_back(got);
    }
    const std::vector<std::string> expected = {"101客房=hotel.guest_room@房间",
                                               "公共卫生间=public.toilet@房间",
                                               "走廊=hotel.passage@房间"};
    CHECK(ids[0] == expected);
    CHECK(ids[1] == expected);
}

TEST_CASE("dxf: every error of a drawing, each naming the entity at its line") {
    auto l =
        load(site_with("  - dxf: errors-r2010.dxf\n    zones: ZONE\n"
                       "    kinds: {Office: office.room}\n    cameras: {blocks: CAM}\n",
                       "zones: []\ncameras: []\n"));
    CHECK_FALSE(l.site.has_value());
    const std::string path = kDir + "/errors-r2010.dxf";
    std::vector<std::string> messages;
    for (const auto& d : l.diag.sorted()) {
        CAPTURE(d.str());
        CHECK(d.level == Diagnostic::Level::Error);
        CHECK(std::filesystem::path(d.loc.file.str()) ==
              std::filesystem::path(path).lexically_normal());
        REQUIRE(d.loc.line > 0);
        CHECK(d.loc.column == 1);
        // The position is the entity's own line: its type name. (Appended piecewise: GCC 12
        // at -O3 warns falsely about `"(" + string + ...`.)
        std::string type = "(";
        type += line_of(path, d.loc.line);
        type += " on ";
        CHECK(d.message.find(type) != std::string::npos);
        messages.push_back(d.message);
    }
    auto has = [&](const std::string& text) {
        return std::any_of(messages.begin(), messages.end(),
                           [&](auto& m) { return m.find(text) != std::string::npos; });
    };
    CHECK(messages.size() == 7);
    CHECK(has("(LWPOLYLINE on ZONE): zone without a label"));
    CHECK(has("zone label 'Boiler room' matches no key of kinds"));
    CHECK(has("(LWPOLYLINE on ZONE): an open polyline on a zone layer"));
    CHECK(
        has("(INSERT on CCTV): camera block 'CAM' lacks required attributes: range (attribute "
            "RANGE)"));
    CHECK(has("attribute HFOV: hfov must be a number, got 'wide'"));
    CHECK(has("attribute SIGNAGE: 'maybe' is not a yes or no"));
    CHECK(has("duplicate camera id 'E4'"));
}

TEST_CASE("dxf: errors of the import section are at their line:column") {
    auto first = [](const std::string& yaml) {
        auto l = load(yaml);
        REQUIRE_FALSE(l.diag.all().empty());
        const auto d = l.diag.sorted().front();
        return std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " + d.message;
    };
    const std::string tail = "zones: []\ncameras: []\n";
    CHECK(first(site_with("  - dxf: entities-r2000.dxf\n    layer: [A]\n", tail))
              .starts_with("6:5: unknown key 'layer' in import"));
    CHECK(first(site_with("  - dxf: nowhere.dxf\n", tail))
              .starts_with("5:10: dxf: cannot open the drawing 'nowhere.dxf': no such file"));
    CHECK(first(site_with("  - dxf: entities-r2000.dxf\n    walls: {a: 1}\n", tail))
              .starts_with("6:12: walls: expected a list"));
    CHECK(first(site_with("  - dxf: entities-r2000.dxf\n    units: furlong\n", tail))
              .starts_with("6:12: units: unknown value 'furlong'"));
    CHECK(first(site_with("  - dxf: entities-r2000.dxf\n    zones: A-AREA\n", tail))
              .starts_with("5:5: import: zones need 'kinds'"));
    CHECK(first(site_with("  - dxf: entities-r2000.dxf\n    walls: [A-WAL]\n", tail))
              .starts_with("6:13: import 'entities-r2000.dxf': the drawing has no layer 'A-WAL'; "
                           "did you mean 'A-WALL'?"));
    CHECK(first(site_with("  - dxf: entities-r2000.dxf\n    cameras: {blocks: [CAM], "
                          "attributes: {ID: id, FOV: hfow}}\n",
                          tail))
              .starts_with("6:56: attributes: 'hfow' is not a camera key"));
    CHECK(first(site_with("  - dxf: not-a-drawing.dxf\n", tail)).find("cannot read the drawing") !=
          std::string::npos);
    CHECK(first(site_with("  - dxf: truncated.dxf\n    walls: WALL\n", tail))
              .find("cannot read the drawing") != std::string::npos);
    // An imported id given again by hand.
    CHECK(first(site_with(kEntities,
                          "zones: []\ncameras:\n  - {id: C1, position: [0, 0], "
                          "hfov: 360, range: 1}\n"))
              .find("duplicate camera id 'C1'") != std::string::npos);
}

TEST_CASE("dxf: a pattern that matches nothing is a warning, not an error") {
    auto l = load(site_with("  - dxf: entities-r2000.dxf\n    walls: [A-WALL, \"X-*\"]\n",
                            "zones: []\ncameras: []\n"));
    REQUIRE(l.site.has_value());
    REQUIRE(l.diag.all().size() == 1);
    CHECK(l.diag.all()[0].level == Diagnostic::Level::Warning);
    CHECK(l.diag.all()[0].loc.line == 6);
    CHECK(l.diag.all()[0].message.find("no layer matches 'X-*'") != std::string::npos);
}

TEST_CASE("dxf: imported and hand-written elements together") {
    Site s = load_ok(site_with(kEntities,
                               "zones:\n  - {id: yard, kind: generic.outdoor, "
                               "polygon: [[20,0],[30,0],[30,5]]}\ncameras: []\n"));
    CHECK(s.zones.size() == 3);
    CHECK(s.zones.back().id == "yard");
    CHECK_FALSE(s.zones.back().origin.has_value());
    CHECK(s.zones.front().loc.line == 5);  // imported elements are located at their import
}

TEST_CASE("dxf: labels name the smallest zone they lie in; every camera key from attributes") {
    const std::string attributes =
        "      attributes: {ID: id, HFOV: hfov, RANGE: range, HEIGHT: height, TILT: tilt, "
        "VFOV: vfov, OWNER: owner, SIGNAGE: signage, PURPOSE: purpose}\n";
    const std::string kinds = "    kinds: {Hall: generic.outdoor, Office: office.room}\n";
    auto l = load(site_with("  - dxf: nesting-r2013.dxf\n    zones: [ZONE, ZONE2]\n" + kinds +
                                "    cameras:\n      blocks: [\"CAM*\"]\n" + attributes,
                            "zones: []\ncameras: []\n"));
    CHECK_FALSE(l.site.has_value());
    std::vector<std::string> errors;
    for (const auto& d : l.diag.sorted()) errors.push_back(d.message);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].find("(LWPOLYLINE on ZONE2): zone with 2 labels that name a kind ('Office "
                         "2', 'Office 3')") != std::string::npos);
    CHECK(errors[1].find("(INSERT on CCTV): attribute TILT: tilt must be in [-90, 90], got -95") !=
          std::string::npos);
    CHECK(errors[2].find("(INSERT on CCTV): attribute OWNER: unknown party 'nobody'") !=
          std::string::npos);

    Site s = load_ok(site_with("  - dxf: nesting-r2013.dxf\n    zones: ZONE\n" + kinds +
                                   "    cameras:\n      blocks: [CAM]\n" + attributes,
                               "zones: []\ncameras: []\n"));
    REQUIRE(s.zones.size() == 2);
    CHECK(zone(s, "Hall").kind == "generic.outdoor");  // the office's label is the office's
    CHECK(zone(s, "Office").kind == "office.room");
    REQUIRE(s.cameras.size() == 2);
    const Camera& k1 = s.cameras[0];
    CHECK(k1.id == "K1");
    CHECK(*k1.azimuth == 180);  // 90 - (-90)
    CHECK(k1.hfov == 70);
    CHECK(k1.range == 9.5);
    CHECK(k1.height == 2.5);
    CHECK(*k1.tilt == -30);
    CHECK(*k1.vfov == 40);
    CHECK(k1.owner == "op");
    CHECK(k1.signage);  // 有
    CHECK(k1.purpose == "入口");
    // A mirrored reference (extrusion -z): its block's +x turns to 180° - r.
    const Camera& k3 = camera(s, "K3");
    CHECK(k3.position == Point{18, 2});
    CHECK(*k3.azimuth == 300);  // 90 - (180 - 30)
}
