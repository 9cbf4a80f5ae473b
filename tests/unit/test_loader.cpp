// The YAML site reader on a valid file: every key of the spec lands in the model, with its
// position.
#include <doctest/doctest.h>

#include <string>

#include "io/site_reader.hpp"

using namespace camaudit;

namespace {

// Line numbers matter below: the text starts on line 1.
const char* const kFullSite = R"(camaudit: 1
site:
  id: hf-hotel-f1
  name: 示例酒店一层
  region: CN-AH
  crs: local
  regime: article7
  address: 合肥市蜀山区
operator:
  id: op1
  name: 合肥示例酒店管理有限公司
  type: enterprise
  credit_code: 91340100MA2N0B3X17
  responsible: true
parties:
  - {id: shop-12, name: 某商户, type: enterprise, responsible: false}
system:
  retention_days: 30
  delivered: 2025-06-01
  filing:
    filed: true
    date: 2025-06-20
    record_no: "340104-2025-0012"
floors: [{id: F1, elevation: 0}, {id: F2, elevation: 4.5}]
zones:
  - id: lobby
    kind: hotel.lobby
    name: 大堂
    floor: F1
    polygon: [[0,0],[20,0],[20,15],[0,15],[0,0]]
  - id: atrium
    kind: mall.passage
    floor: F1
    polygon: {shell: [[0,0],[10,0],[10,10],[0,10]], holes: [[[4,4],[6,4],[6,6],[4,6]]]}
  - id: ballot-1
    kind: polling.ballot_box
    floor: F2
    point: [12, 7]
    radius: 3
    public: true
    owner: shop-12
    key_part: true
  - id: road-a
    kind: road.key_segment
    floor: F1
    line: [[0,0],[300,0]]
    width: 12
walls:
  - {id: w1, floor: F1, line: [[0,15],[8,15]]}
  - {id: g1, floor: F1, line: [[8,15],[12,15]], transparent: true}
  - {id: p1, floor: F1, polygon: [[1,1],[2,1],[2,2],[1,2]]}
cameras:
  - id: C01
    floor: F1
    position: [1, 1]
    height: 3.5
    azimuth: -45
    hfov: 90
    range: 25
    tilt: -30
    vfov: 50
    resolution: [2560, 1440]
    privacy_masks:
      - [[3,9],[5,9],[5,12],[3,12]]
    owner: op1
    signage: true
    consent: [ballot-1]
    purpose: entrance
    x-note: ignored
  - id: C02
    floor: F2
    position: [5, 5]
    hfov: 60
    range: 10
    ptz: {pan: [0, 180]}
  - {id: C03, floor: F2, position: [6, 6], hfov: 360, range: 8, ptz: {}}
settings:
  rule_params:
    mandatory-coverage: {min_fraction: 0.9}
    ah-guest-room-view: {min_overlap_m2: 0.05}
  disable: [missing-signage]
x-extra: {anything: [1, 2]}
)";

void check_loc(const SourceLocation& loc, int line, int column) {
    CHECK(loc.file == "full.yaml");
    CHECK(loc.line == line);
    CHECK(loc.column == column);
}

std::string joined(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.all()) out += x.str() + "\n";
    return out;
}

}  // namespace

TEST_CASE("loader: a full valid site round-trips into the model") {
    Diagnostics diag;
    auto site = io::load_site_yaml("full.yaml", kFullSite, diag);
    INFO(joined(diag));
    REQUIRE(site.has_value());
    CHECK_FALSE(diag.has_errors());
    CHECK(site->file == "full.yaml");

    SUBCASE("site") {
        CHECK(site->info.id == "hf-hotel-f1");
        CHECK(site->info.name == "示例酒店一层");
        CHECK(site->info.region == "CN-AH");
        CHECK(site->info.crs == "local");
        CHECK(site->info.regime == "article7");
        CHECK(site->info.address == "合肥市蜀山区");
        check_loc(site->info.loc, 3, 3);
        check_loc(site->info.crs_loc, 6, 8);
        check_loc(site->info.regime_loc, 7, 11);
    }
    SUBCASE("operator and parties") {
        const Party& op = site->operator_;
        CHECK(op.id == "op1");
        CHECK(op.name == "合肥示例酒店管理有限公司");
        CHECK(op.type == "enterprise");
        CHECK(op.credit_code == "91340100MA2N0B3X17");
        CHECK(op.responsible);
        check_loc(op.loc, 10, 3);
        check_loc(op.credit_code_loc, 13, 16);
        REQUIRE(site->parties.size() == 1);
        CHECK(site->parties[0].id == "shop-12");
        CHECK(site->parties[0].name == "某商户");
        CHECK(site->parties[0].type == "enterprise");
        CHECK_FALSE(site->parties[0].responsible);
        check_loc(site->parties[0].loc, 16, 5);
        CHECK(site->party("shop-12") == site->parties.data());
    }
    SUBCASE("system") {
        REQUIRE(site->system.has_value());
        const System& sys = *site->system;
        CHECK(sys.retention_days == 30);
        CHECK(sys.delivered == Date{2025, 6, 1});
        REQUIRE(sys.filing.has_value());
        CHECK(sys.filing->filed == true);
        CHECK(sys.filing->date == Date{2025, 6, 20});
        CHECK(sys.filing->record_no == "340104-2025-0012");
        check_loc(sys.loc, 18, 3);
        check_loc(sys.retention_loc, 18, 19);
        check_loc(sys.delivered_loc, 19, 14);
        check_loc(sys.filing->loc, 21, 5);
        check_loc(sys.filing->date_loc, 22, 11);
    }
    SUBCASE("floors") {
        REQUIRE(site->floors.size() == 2);
        CHECK(site->floors[0].id == "F1");
        CHECK(site->floors[0].elevation == 0);
        CHECK(site->floors[1].id == "F2");
        CHECK(site->floors[1].elevation == 4.5);
        check_loc(site->floors[1].loc, 24, 34);
    }
    SUBCASE("zones") {
        REQUIRE(site->zones.size() == 4);
        const Zone& lobby = site->zones[0];
        CHECK(lobby.id == "lobby");
        CHECK(lobby.kind == "hotel.lobby");
        CHECK(lobby.name == "大堂");
        CHECK(lobby.floor == "F1");
        CHECK(lobby.shape == ZoneShape::Polygon);
        // The closing point is dropped: rings are stored open.
        CHECK(lobby.polygon.shell == Ring{{0, 0}, {20, 0}, {20, 15}, {0, 15}});
        CHECK(lobby.polygon.holes.empty());
        CHECK_FALSE(lobby.is_public.has_value());
        CHECK(lobby.owner.empty());
        CHECK_FALSE(lobby.key_part);
        check_loc(lobby.loc, 26, 5);

        const Zone& atrium = site->zones[1];
        CHECK(atrium.polygon.shell.size() == 4);
        REQUIRE(atrium.polygon.holes.size() == 1);
        CHECK(atrium.polygon.holes[0] == Ring{{4, 4}, {6, 4}, {6, 6}, {4, 6}});

        const Zone& ballot = site->zones[2];
        CHECK(ballot.shape == ZoneShape::Point);
        CHECK(ballot.point == Point{12, 7});
        CHECK(ballot.radius == 3.0);
        CHECK(ballot.is_public == true);
        CHECK(ballot.owner == "shop-12");
        CHECK(ballot.key_part);
        CHECK(ballot.floor == "F2");

        const Zone& road = site->zones[3];
        CHECK(road.shape == ZoneShape::Line);
        CHECK(road.line == std::vector<Point>{{0, 0}, {300, 0}});
        CHECK(road.width == 12.0);
        CHECK_FALSE(road.radius.has_value());
        check_loc(road.loc, 43, 5);
    }
    SUBCASE("walls") {
        REQUIRE(site->walls.size() == 3);
        CHECK(site->walls[0].id == "w1");
        CHECK(site->walls[0].floor == "F1");
        CHECK_FALSE(site->walls[0].is_polygon);
        CHECK(site->walls[0].line == std::vector<Point>{{0, 15}, {8, 15}});
        CHECK_FALSE(site->walls[0].transparent);
        CHECK(site->walls[1].transparent);
        CHECK(site->walls[2].is_polygon);
        CHECK(site->walls[2].polygon.shell.size() == 4);
        check_loc(site->walls[0].loc, 49, 5);
        check_loc(site->walls[2].loc, 51, 5);
    }
    SUBCASE("cameras") {
        REQUIRE(site->cameras.size() == 3);
        const Camera& c = site->cameras[0];
        CHECK(c.id == "C01");
        CHECK(c.floor == "F1");
        CHECK(c.position == Point{1, 1});
        CHECK(c.height == 3.5);
        CHECK(c.azimuth == 315.0);  // taken modulo 360
        CHECK(c.hfov == 90);
        CHECK(c.range == 25);
        CHECK(c.tilt == -30.0);
        CHECK(c.vfov == 50.0);
        REQUIRE(c.resolution.has_value());
        CHECK((*c.resolution)[0] == 2560);
        CHECK((*c.resolution)[1] == 1440);
        CHECK_FALSE(c.ptz.has_value());
        REQUIRE(c.privacy_masks.size() == 1);
        CHECK(c.privacy_masks[0].shell == Ring{{3, 9}, {5, 9}, {5, 12}, {3, 12}});
        CHECK(c.owner == "op1");
        CHECK(c.signage);
        CHECK(c.consent == std::vector<std::string>{"ballot-1"});
        CHECK(c.purpose == "entrance");
        CHECK_FALSE(c.panoramic());
        check_loc(c.loc, 53, 5);

        const Camera& ptz = site->cameras[1];
        CHECK(ptz.height == 3.0);  // the default
        CHECK_FALSE(ptz.azimuth.has_value());
        REQUIRE(ptz.ptz.has_value());
        CHECK_FALSE(ptz.ptz->unlimited);
        CHECK(ptz.ptz->pan_from == 0);
        CHECK(ptz.ptz->pan_to == 180);
        CHECK_FALSE(ptz.signage);

        const Camera& pano = site->cameras[2];
        REQUIRE(pano.ptz.has_value());
        CHECK(pano.ptz->unlimited);
        CHECK(pano.hfov == 360);
        CHECK(pano.panoramic());
        check_loc(pano.loc, 76, 5);
    }
    SUBCASE("settings") {
        const Settings& s = site->settings;
        REQUIRE(s.rule_params.size() == 2);
        CHECK(s.rule_params.at("mandatory-coverage").at("min_fraction").value == 0.9);
        check_loc(s.rule_params.at("mandatory-coverage").at("min_fraction").loc, 79, 26);
        CHECK(s.rule_params.at("ah-guest-room-view").at("min_overlap_m2").value == 0.05);
        check_loc(s.rule_params_loc.at("ah-guest-room-view"), 80, 5);
        REQUIRE(s.disable.size() == 1);
        CHECK(s.disable[0].first == "missing-signage");
        check_loc(s.disable[0].second, 81, 13);
    }
}

TEST_CASE("loader: defaults of a minimal site") {
    Diagnostics diag;
    auto site = io::load_site_yaml("min.yaml",
                                   "camaudit: 1\n"
                                   "site: {id: s}\n"
                                   "operator: {id: me, type: individual}\n"
                                   "zones: []\n"
                                   "cameras: []\n",
                                   diag);
    REQUIRE(site.has_value());
    CHECK(site->info.region == "CN");
    CHECK(site->info.crs == "local");
    CHECK(site->info.regime.empty());
    CHECK_FALSE(site->system.has_value());
    CHECK(site->floors.empty());
    CHECK(site->operator_.credit_code.empty());
    CHECK(site->operator_.responsible);  // the operator runs the system
    CHECK(site->settings.rule_params.empty());
}

TEST_CASE("loader: a UTF-8 BOM, CRLF line ends and x- keys are accepted") {
    Diagnostics diag;
    auto site = io::load_site_yaml("bom.yaml",
                                   "\xEF\xBB\xBF"
                                   "camaudit: 1\r\n"
                                   "x-generator: {tool: cad2site, version: [1, 2]}\r\n"
                                   "site: {id: s, x-comment: hi}\r\n"
                                   "operator: {id: me, type: individual}\r\n"
                                   "zones: []\r\n"
                                   "cameras:\r\n"
                                   "  - {id: C, position: [0, 0], hfov: 360, range: 5}\r\n",
                                   diag);
    INFO(joined(diag));
    REQUIRE(site.has_value());
    REQUIRE(site->cameras.size() == 1);
    CHECK_FALSE(site->cameras[0].azimuth.has_value());
    CHECK(site->cameras[0].loc.line == 7);
}

TEST_CASE("loader: anchors without aliases are harmless") {
    Diagnostics diag;
    auto site = io::load_site_yaml("anchor.yaml",
                                   "camaudit: 1\n"
                                   "site: &s {id: s}\n"
                                   "operator: {id: me, type: individual}\n"
                                   "zones: []\n"
                                   "cameras: []\n",
                                   diag);
    CHECK(site.has_value());
}

TEST_CASE("loader: geographic coordinates within range are accepted") {
    Diagnostics diag;
    auto site = io::load_site_yaml(
        "geo.yaml",
        "camaudit: 1\n"
        "site: {id: s, crs: 'EPSG:4490', region: CN-AH}\n"
        "operator: {id: me, type: individual}\n"
        "zones:\n"
        "  - {id: z, kind: generic.outdoor,"
        " polygon: [[117.2, 31.8], [117.2001, 31.8], [117.2001, 31.8001]]}\n"
        "cameras:\n"
        "  - {id: C, position: [117.20005, 31.80002], azimuth: 400, hfov: 90, range: 30}\n",
        diag);
    INFO(joined(diag));
    REQUIRE(site.has_value());
    CHECK(site->cameras[0].azimuth == doctest::Approx(40));
}

TEST_CASE("loader: the errors of an earlier file do not decide a later one") {
    Diagnostics diag;
    for (int i = 0; i < 60; ++i) diag.error({"other.yaml", 1, 1}, "earlier");
    auto site = io::load_site_yaml("ok.yaml",
                                   "camaudit: 1\nsite: {id: s}\n"
                                   "operator: {id: me, type: individual}\n"
                                   "zones: []\ncameras: []\n",
                                   diag);
    CHECK(site.has_value());
}
