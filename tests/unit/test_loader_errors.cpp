// The YAML site reader on bad input: each class of error, at its line:column, and every
// independent error of a file reported.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/site_reader.hpp"

using namespace camaudit;

namespace {

const std::string kHead =
    "camaudit: 1\n"
    "site: {id: s}\n"
    "operator: {id: op, type: individual}\n";

// "line:column: message" of every error, in file order; empty if the site loaded.
std::vector<std::string> errors(const std::string& text) {
    Diagnostics diag;
    auto site = io::load_site_yaml("t.yaml", text, diag);
    std::vector<std::string> out;
    for (const auto& d : diag.sorted())
        out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " +
                      d.message);
    CHECK(site.has_value() == out.empty());
    return out;
}

// Checks that the first error is at `pos` and contains `text`.
void expect_error(const std::string& yaml, const std::string& pos, const std::string& text) {
    auto errs = errors(yaml);
    INFO(yaml);
    REQUIRE_FALSE(errs.empty());
    INFO(errs.front());
    CHECK(errs.front().starts_with(pos + ": "));
    CHECK(errs.front().find(text) != std::string::npos);
}

// Checks that the first error is at the `nth` occurrence of `needle` in `yaml`, and contains
// `text`.
void expect_at(const std::string& yaml, const std::string& needle, const std::string& text,
               int nth = 1) {
    std::size_t at = std::string::npos;
    for (int i = 0; i < nth; ++i) at = yaml.find(needle, at == std::string::npos ? 0 : at + 1);
    REQUIRE(at != std::string::npos);
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < at; ++i) {
        if (yaml[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    expect_error(yaml, std::to_string(line) + ":" + std::to_string(column), text);
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    s.replace(s.find(from), from.size(), to);
    return s;
}

std::string camera(const std::string& keys) {
    return kHead + "zones: []\ncameras:\n  - {id: C, position: [0, 0], " + keys + "}\n";
}

}  // namespace

TEST_CASE("loader errors: the file as a whole") {
    expect_error("", "1:1", "empty");
    expect_error("# just a comment\n", "1:1", "empty");
    expect_error("- a\n- b\n", "1:1", "must be a mapping");
    expect_error("hello\n", "1:1", "must be a mapping");
    expect_error("a: [1, 2\nb: 3\n", "2:2", "YAML syntax error");
    expect_error("camaudit: 1\nsite:\n\tid: s\n", "3:1", "tab character");
    expect_error("a: 1\n---\nb: 2\n", "3:1", "one YAML document");
    std::string utf16 = "\xFF\xFE";
    utf16 += std::string{'c', '\0', 'a', '\0'};
    expect_error(utf16, "1:1", "UTF-16");
    expect_error("camaudit: 1\nsite: {id: \"caf\xE9\"}\n", "2:16", "invalid UTF-8");
    expect_error("camaudit: 1\n\x01\n", "2:1", "control character U+0001");
    expect_error(kHead + "x-deep: " + std::string(100, '[') + std::string(100, ']') + "\n", "4:72",
                 "nesting deeper than 64");
    expect_error(kHead + "zones: &z []\ncameras: *z\n", "5:10", "aliases are not supported");
}

TEST_CASE("loader errors: a billion laughs is refused at once") {
    std::string text = kHead + "x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        text += std::string("x-") + c + ": &" + c + " [";
        for (int i = 0; i < 10; ++i) text += std::string(i ? ", " : "") + "*" + char(c - 1);
        text += "]\n";
    }
    text += "zones: []\ncameras: []\n";
    const auto start = std::chrono::steady_clock::now();
    auto errs = errors(text);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(elapsed < std::chrono::milliseconds(500));
    REQUIRE(errs.size() == 1);
    CHECK(errs[0] == "5:10: aliases are not supported in site files");
}

TEST_CASE("loader errors: version") {
    expect_error("camaudit: 2\nsite: {id: s}\n", "1:11", "unsupported format version");
    expect_error("camaudit: '1'\nsite: {id: s}\n", "1:11", "expected an integer");
    expect_error("site: {id: s}\noperator: {id: o, type: individual}\nzones: []\ncameras: []\n",
                 "1:1", "missing required key 'camaudit'");
}

TEST_CASE("loader errors: unknown and duplicate keys") {
    const std::string typo = camera("azimut: 0, hfov: 90, range: 5");
    expect_at(typo, "azimut", "unknown key 'azimut' in camera; did you mean 'azimuth'?");
    // The misspelt key is enough: no second error for the missing azimuth.
    CHECK(errors(typo).size() == 1);
    expect_error(kHead + "zones: []\ncameras: []\nsetings: {}\n", "6:1", "did you mean 'settings'");
    expect_error(kHead + "zones: []\ncameras: []\nfoo: 1\n", "6:1", "unknown key 'foo'");
    const std::string dup = camera("azimuth: 0, hfov: 90, range: 5, hfov: 60");
    expect_at(dup, "hfov", "duplicate key 'hfov' (first given at 6:43)", 2);
    expect_error(kHead + "site: {id: t}\nzones: []\ncameras: []\n", "4:1", "duplicate key 'site'");
}

TEST_CASE("loader errors: ids") {
    expect_error(kHead +
                     "zones:\n"
                     "  - {id: z, kind: a.b, point: [0, 0]}\n"
                     "  - {id: z, kind: a.b, point: [1, 0]}\n"
                     "cameras: []\n",
                 "6:10", "duplicate zone id 'z' (first used at 5:10)");
    expect_error(kHead + "parties: [{id: op}]\nzones: []\ncameras: []\n", "4:16",
                 "duplicate operator/party id 'op'");
    // Zones and cameras have their own namespaces.
    CHECK(errors(kHead + "zones: [{id: x, kind: a.b, point: [0, 0]}]\n"
                         "cameras: [{id: x, position: [0, 0], hfov: 360, range: 1}]\n")
              .empty());
    expect_at(replaced(camera("azimuth: 0, hfov: 90, range: 5"), "id: C", "id: ''"), "''",
              "must not be empty");
}

TEST_CASE("loader errors: types and required keys") {
    expect_at(camera("azimuth: 0, hfov: abc, range: 5"), "abc",
              "hfov: expected a number, got 'abc'");
    expect_at(camera("azimuth: 0, hfov: [90], range: 5"), "[90]", "got a list");
    expect_at(camera("azimuth: 0, hfov: '90', range: 5"), "'90'", "got the string '90'");
    expect_error(kHead + "zones: []\ncameras: {}\n", "5:10", "cameras: expected a list");
    expect_error(kHead + "zones: []\ncameras:\n  - [1, 2]\n", "6:5",
                 "camera: expected a mapping, got a list");
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, signage: yes"), "yes",
              "expected true or false");
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, purpose:"), "purpose",
              "expected a string, got nothing");
    expect_error(replaced(camera("hfov: 90, azimuth: 0"), "position: [0, 0], ", ""), "6:5",
                 "missing required key 'position'");
    expect_error(camera("azimuth: 0, hfov: 90"), "6:5", "missing required key 'range'");
    expect_error(
        "camaudit: 1\nsite: {name: x}\noperator: {id: o, type: individual}\n"
        "zones: []\ncameras: []\n",
        "2:7", "site: missing required key 'id'");
    expect_error("camaudit: 1\nsite: {id: s}\nzones: []\ncameras: []\n", "1:1",
                 "missing required key 'operator'");
    expect_error(
        "camaudit: 1\nsite: {id: s}\noperator: {id: o, type: enterprise}\n"
        "zones: []\ncameras: []\n",
        "3:11", "missing required key 'credit_code'");
    expect_error(kHead + "cameras: []\n", "1:1", "missing required key 'zones'");
    const std::string params =
        kHead + "zones: []\ncameras: []\nsettings: {rule_params: {r: {p: high}}}\n";
    expect_at(params, "high", "p: expected a number");
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, resolution: [1920.0, 1080]"), "1920.0",
              "resolution: expected an integer");
    expect_error(kHead + "import: [{dxf: a.dxf}]\nzones: []\ncameras: []\n", "4:16",
                 "dxf: cannot open the drawing 'a.dxf': no such file");
}

TEST_CASE("loader errors: references") {
    const std::string floors = kHead + "floors: [{id: F1}]\n";
    const std::string unknown =
        floors +
        "zones: []\ncameras:\n  - {id: C, floor: F2, position: [0, 0], hfov: 360, range: 1}\n";
    expect_at(unknown, "F2", "unknown floor 'F2'");
    expect_error(floors + "zones: [{id: z, kind: a.b, point: [0, 0]}]\ncameras: []\n", "5:9",
                 "zone 'z' names no floor");
    const std::string no_floors =
        kHead + "zones: [{id: z, kind: a.b, point: [0, 0], floor: F1}]\ncameras: []\n";
    expect_at(no_floors, "F1", "floor 'F1' given, but the site defines no floors");
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, owner: shop"), "shop",
              "unknown party 'shop'");
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, consent: [z9]"), "z9", "unknown zone 'z9'");
}

TEST_CASE("loader errors: geometry") {
    auto zone = [](const std::string& shape) {
        return kHead + "zones:\n  - {id: z, kind: a.b, " + shape + "}\ncameras: []\n";
    };
    expect_at(zone("polygon: [[0,0],[1,0]]"), "[[", "at least 3 distinct points, got 2");
    expect_at(zone("polygon: [[0,0],[1,0],[1,0],[0,0]]"), "[[", "got 2");
    expect_at(zone("polygon: [[0,0],[1,1],[1,0],[0,1]]"), "[[", "intersects itself at (0.5, 0.5)");
    expect_at(zone("polygon: [[0,0],[1,1],[2,2]]"), "[[", "zero area");
    expect_at(zone("polygon: {shell: [[0,0],[4,0],[4,4],[0,4]], holes: [[[5,5],[6,5],[6,6]]]}"),
              "{shell", "hole lies outside the shell");
    expect_at(zone("polygon: {shell: [[0,0],[4,0],[4,4],[0,4]], holes: [[[1,1],[2,1]]]}"), "[[1,1]",
              "at least 3 distinct points");
    expect_at(zone("polygon: {holes: []}"), "{holes", "missing required key 'shell'");
    expect_at(zone("polygon: [[0,0],[1,0],[.nan,1]]"), ".nan", "NaN");
    expect_at(zone("polygon: [[0,0],[1,0],[.inf,1]]"), ".inf", "infinite");
    expect_at(zone("polygon: [[0,0],[1,0],[1e308,1]]"), "1e308", "out of range");
    expect_at(zone("polygon: [[0,0],[1,0],[1e999,1]]"), "1e999", "out of range");
    expect_at(zone("point: [0, 0], polygon: [[0,0],[1,0],[1,1]]"), "polygon", "only one of");
    expect_error(zone("name: x"), "5:5", "needs one of polygon, point, line");
    expect_at(zone("point: [0, 0], radius: 0"), "0}", "radius must be > 0");
    expect_at(zone("line: [[0, 0], [1, 0]], radius: 1"), "radius", "point zones only");
    expect_at(zone("line: [[0, 0], [0, 0]]"), "[[", "zero-length");
    expect_at(kHead + "zones: []\nwalls: [{id: w, line: [[1, 1], [1, 1]]}]\ncameras: []\n", "[[",
              "zero-length");
    expect_at(kHead + "zones: []\nwalls: [{id: w}]\ncameras: []\n", "{id: w",
              "needs one of line, polygon");
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, privacy_masks: [[[0,0],[1,1]]]"), "[[0",
              "at least 3 distinct points");
    expect_at(replaced(camera("azimuth: 0, hfov: 90, range: 5"), "[0, 0]", "[0, 0, 0]"),
              "[0, 0, 0]", "expected a point [x, y], got a list of 3 values");
}

TEST_CASE("loader errors: domains of values") {
    expect_at(camera("azimuth: 0, hfov: 0, range: 5"), "0, range", "hfov must be in (0, 360]");
    expect_at(camera("azimuth: 0, hfov: 400, range: 5"), "400", "hfov must be in (0, 360]");
    expect_at(camera("azimuth: 0, hfov: 90, range: 0"), "0}", "range must be > 0");
    expect_at(camera("azimuth: 0, hfov: 90, range: -1"), "-1", "range must be > 0");
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, tilt: 95"), "95", "tilt must be in");
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, vfov: 180"), "180", "vfov must be in");
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, height: -1"), "-1", "height must be");
    expect_at(camera("azimuth: .nan, hfov: 90, range: 5"), ".nan", "NaN");
    expect_error(camera("hfov: 90, range: 5"), "6:5", "missing required key 'azimuth'");
    CHECK(errors(camera("hfov: 360, range: 5")).empty());
    CHECK(errors(camera("hfov: 90, range: 5, ptz: {}")).empty());
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, ptz: {pan: [0, 90]}"), "azimuth",
              "azimuth is not allowed with ptz");
    expect_at(camera("hfov: 90, range: 5, ptz: {pan: [0]}"), "[0]", "expected [from, to]");
    expect_at(camera("hfov: 90, range: 5, ptz: {tilt: 3}"), "tilt", "unknown key 'tilt' in ptz");
    expect_at(camera("azimuth: 0, hfov: 90, range: 5, resolution: [0, 1080]"), "0, 1080",
              "positive");
    const std::string sys = kHead + "system: {retention_days: ";
    expect_at(sys + "-1}\nzones: []\ncameras: []\n", "-1", "retention_days must be >= 0");
    expect_at(sys + "7.5}\nzones: []\ncameras: []\n", "7.5", "expected an integer");
    expect_at(kHead + "system: {delivered: 2025-02-30}\nzones: []\ncameras: []\n", "2025",
              "'2025-02-30' is not a valid date");
    expect_at(kHead + "system: {filing: {date: 2025-13-01}}\nzones: []\ncameras: []\n", "2025",
              "not a valid date");
    const std::string tail = "operator: {id: op, type: individual}\nzones: []\ncameras: []\n";
    expect_at("camaudit: 1\nsite: {id: s, regime: art7}\n" + tail, "art7", "unknown value 'art7'");
    expect_at(kHead + "zones: [{id: z, kind: lobby, point: [0, 0]}]\ncameras: []\n", "lobby",
              "not of the form place.part");
    expect_at(kHead + "zones: [{id: z, kind: a.b.c, point: [0, 0]}]\ncameras: []\n", "a.b.c",
              "not of the form place.part");
    expect_at(kHead + "zones: [{id: z, kind: Hotel.lobby, point: [0, 0]}]\ncameras: []\n", "Hotel",
              "not of the form place.part");
}

TEST_CASE("loader errors: CRS") {
    const std::string tail = "operator: {id: op, type: individual}\nzones: []\ncameras: []\n";
    expect_at("camaudit: 1\nsite: {id: s, crs: 'EPSG:999999'}\n" + tail, "'EPSG", "unknown CRS");
    expect_at("camaudit: 1\nsite: {id: s, crs: 'EPSG:2249'}\n" + tail, "'EPSG", "not metres");
    expect_at("camaudit: 1\nsite: {id: s, crs: 'no such thing'}\n" + tail, "'no", "unknown CRS");
    const std::string geo =
        "camaudit: 1\nsite: {id: s, crs: 'EPSG:4326'}\noperator: {id: op, type: individual}\n"
        "zones: []\n";
    expect_at(geo + "cameras: [{id: C, position: [200, 0], hfov: 360, range: 1}]\n", "200",
              "longitude 200 is outside [-180, 180]");
    expect_at(geo + "cameras: [{id: C, position: [0, -95], hfov: 360, range: 1}]\n", "-95",
              "latitude -95 is outside [-90, 90]");
    // A projected CRS takes any coordinates in range.
    CHECK(errors("camaudit: 1\nsite: {id: s, crs: 'EPSG:4548'}\n"
                 "operator: {id: op, type: individual}\nzones: []\n"
                 "cameras: [{id: C, position: [518000, 3520000], hfov: 360, range: 1}]\n")
              .empty());
}

TEST_CASE("loader errors: every independent error of a file is reported") {
    auto errs = errors(kHead +
                       "zones:\n"
                       "  - {id: z, kind: nodot, point: [0, 0]}\n"
                       "  - {id: z, kind: a.b, polygon: [[0,0],[1,0]]}\n"
                       "cameras:\n"
                       "  - {id: C, position: [0, 0], hfov: 500, range: 5, azimuth: 0}\n"
                       "  - {id: D, position: [0, 0], hfov: 90, range: -5, azimuth: 0}\n"
                       "  - {id: E, position: [0, 0], hfov: 90, range: 5, azimut: 0}\n");
    std::string all;
    for (const auto& e : errs) all += e + "\n";
    INFO(all);
    REQUIRE(errs.size() == 6);
    CHECK(errs[0].starts_with("5:19: kind 'nodot'"));
    CHECK(errs[1].starts_with("6:10: duplicate zone id"));
    CHECK(errs[2].starts_with("6:33: polygon:"));
    CHECK(errs[3].starts_with("8:37: hfov"));
    CHECK(errs[4].starts_with("9:48: range"));
    CHECK(errs[5].starts_with("10:51: unknown key 'azimut'"));
}

TEST_CASE("loader errors: files") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "camaudit-test-loader";
    fs::create_directories(dir);
    Diagnostics diag;
    CHECK_FALSE(io::load_site((dir / "missing.yaml").string(), diag).has_value());
    REQUIRE(diag.error_count() == 1);
    CHECK(diag.all()[0].message.find("cannot open") != std::string::npos);

    // A sparse file just over the limit: refused before it is read.
    const fs::path big = dir / "big.yaml";
    { std::ofstream(big) << "camaudit: 1\n"; }
    fs::resize_file(big, io::kMaxFileBytes + 1);
    Diagnostics d2;
    CHECK_FALSE(io::load_site(big.string(), d2).has_value());
    REQUIRE(d2.error_count() == 1);
    CHECK(d2.all()[0].message.find("larger than") != std::string::npos);

    const fs::path good = dir / "good.yaml";
    { std::ofstream(good) << kHead << "zones: []\ncameras: []\n"; }
    Diagnostics d3;
    auto site = io::load_site(good.string(), d3);
    REQUIRE(site.has_value());
    CHECK(site->file == good.string());
    fs::remove_all(dir);
}
