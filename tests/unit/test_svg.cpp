#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "report/svg_common.hpp"
#include "report/svg_plan.hpp"
#include "test_formats_helpers.hpp"

using namespace camaudit;
using namespace camaudit::report;

using camaudit::test_formats::xml_problem;

namespace {

Polygon rect(double x0, double y0, double x1, double y1) {
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

// Tags balance, attribute values are quoted, and every '&' starts an entity: enough of XML
// well-formedness to catch what a string-built SVG gets wrong. Returns "" or the problem.
std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

audit::Plan sample_plan(Lang lang) {
    audit::Plan plan;
    plan.title = "Hotel <Test> & Co (h1)";
    plan.crs_note = "Coordinates: local plan metres";
    plan.lang = lang;
    audit::PlanFloor floor;
    floor.id = "F1";
    audit::PlanZone lobby{"lobby",
                          "Lobby",
                          "hotel.lobby",
                          audit::ZoneCategory::Mandatory,
                          {rect(0, 0, 20, 10)},
                          Point{10, 5},
                          20,
                          10};
    audit::PlanZone room{"room-101",
                         "Room <101>",
                         "hotel.guest_room",
                         audit::ZoneCategory::Forbidden,
                         {rect(0, 10, 8, 18)},
                         Point{4, 14},
                         8,
                         8};
    floor.zones = {lobby, room};
    audit::PlanWall wall;
    wall.line = {{0, 10}, {6, 10}};
    audit::PlanWall glass;
    glass.line = {{6, 10}, {8, 10}};
    glass.transparent = true;
    floor.walls = {wall, glass};
    audit::PlanCamera cam;
    cam.id = "C01";
    cam.position = cam.eye = {1, 1};
    cam.azimuth = 45;
    cam.viewshed = {Polygon{{{1, 1}, {11, 1}, {1, 11}}, {}}};
    cam.bands = {{"identify (IEC 62676-4:2014)", 250, {Polygon{{{1, 1}, {3, 1}, {1, 3}}, {}}}}};
    floor.cameras = {cam};
    plan.floors = {floor};
    audit::PlanFinding f;
    f.rule = "cn-guest-room-view";
    f.camera = "C01";
    f.zone = "room-101";
    f.message = "camera C01 sees 1 m² of hotel guest room room-101";
    f.area = {Polygon{{{1, 10}, {2, 10}, {1, 11}}, {}}};
    f.floor = "F1";
    f.marker = Point{1.3, 10.3};
    audit::PlanFinding g = f;
    g.rule = "ah-lobby-coverage";
    g.uncovered = true;
    g.area = {rect(15, 0, 20, 10)};
    g.marker = Point{17.5, 5};
    plan.findings = {f, g};
    return plan;
}

}  // namespace

TEST_CASE("svg: number formatting and helpers") {
    using namespace camaudit::report::svg;
    CHECK(num(1.0) == "1");
    CHECK(num(-0.001) == "0");
    CHECK(num(2.345) == "2.35");  // two decimals; binary 2.345 rounds either way but stays fixed
    CHECK(num(12.5) == "12.5");
    CHECK(round_length(7.3) == doctest::Approx(5));
    CHECK(round_length(19.99) == doctest::Approx(10));
    CHECK(round_length(0.3) == doctest::Approx(0.2));
    CHECK(round_length(250) == doctest::Approx(200));
    CHECK(escape("a<b & \"c\" >") == "a&lt;b &amp; &quot;c&quot; &gt;");
    auto lines = wrap("one two three four five six seven", 60, 10, 2);
    CHECK(lines.size() == 2);
    CHECK(lines.back().find("…") != std::string::npos);
    auto zh = wrap("摄像机看到了旅馆客房的一部分", 50, 10, 3);
    CHECK(zh.size() == 3);
    for (const auto& l : zh) CHECK(text_width(l, 10) <= 50.0 + 1e-9);
}

TEST_CASE("svg: a hand-made plan renders every element, well-formed and escaped") {
    const std::string svg = render_svg(sample_plan(Lang::En));
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
    CHECK(xml_problem(svg) == "");
    // Zones, viewshed, band, findings: one path each, plus the legend swatches.
    CHECK(count(svg, "<path d=\"M") >= 6);
    CHECK(svg.find("fill=\"#c8e6c9\"") != std::string::npos);  // mandatory fill
    CHECK(svg.find("fill=\"#f6c6cb\"") != std::string::npos);  // forbidden fill
    CHECK(svg.find("url(#hatch-uncovered)") != std::string::npos);
    CHECK(svg.find("<polyline") != std::string::npos);
    CHECK(svg.find("stroke-dasharray=\"5 3\"") != std::string::npos);  // glass
    CHECK(svg.find(">C01</text>") != std::string::npos);
    CHECK(svg.find(">Floor F1</text>") != std::string::npos);
    CHECK(svg.find("Room &lt;101&gt;") != std::string::npos);
    CHECK(svg.find("Room <101>") == std::string::npos);
    CHECK(svg.find("Hotel &lt;Test&gt; &amp; Co (h1)") != std::string::npos);
    for (const char* entry : {"Forbidden zone", "Must be watched", "Classified zone", "Viewshed",
                              "Wall", "Glass", "Camera", "Problem area", "Not covered"})
        CHECK_MESSAGE(svg.find(std::string(">") + entry + "</text>") != std::string::npos, entry);
    CHECK(svg.find("≥ 250 px/m  identify (IEC 62676-4:2014)") != std::string::npos);
    // Scale bar: about 37.7 page units a metre (18 m in 678 units), so at most 170 units give
    // a round 2 m.
    CHECK(svg.find(">2 m</text>") != std::string::npos);
    CHECK(svg.find(">N</text>") != std::string::npos);
    CHECK(svg.find("Findings (2)") != std::string::npos);
    CHECK(svg.find("Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif") != std::string::npos);
}

TEST_CASE("svg: Chinese legend, deterministic output") {
    const audit::Plan plan = sample_plan(Lang::Zh);
    const std::string a = render_svg(plan);
    CHECK(a == render_svg(plan));
    CHECK(xml_problem(a) == "");
    for (const char* entry : {"禁止区域", "应安装区域", "涉密区域", "其他区域", "视域", "墙",
                              "玻璃", "摄像机", "问题区域", "覆盖不足"})
        CHECK_MESSAGE(a.find(std::string(">") + entry + "</text>") != std::string::npos, entry);
    CHECK(a.find(">楼层 F1</text>") != std::string::npos);
}

TEST_CASE("svg: floors side by side at one scale; a site without floors; no findings") {
    audit::Plan plan = sample_plan(Lang::En);
    audit::PlanFloor f2 = plan.floors[0];
    f2.id = "F2";
    f2.cameras[0].id = "C02";
    f2.cameras[0].panoramic = true;
    plan.floors.push_back(f2);
    std::string svg = render_svg(plan);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.find(">Floor F2</text>") != std::string::npos);
    CHECK(svg.find(">C02</text>") != std::string::npos);
    CHECK(svg.find("r=\"6.5\"") != std::string::npos);  // the ring of a panoramic camera

    audit::Plan empty;
    empty.title = "Empty";
    empty.floors.push_back(audit::PlanFloor{});
    empty.audited = false;
    svg = render_svg(empty);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.find(">Plan</text>") != std::string::npos);
    CHECK(svg.find("Audit not run") != std::string::npos);
    CHECK(svg.find("nan") == std::string::npos);
    CHECK(svg.find("inf") == std::string::npos);
}

TEST_CASE("svg: many findings are cut with a count of the rest") {
    audit::Plan plan = sample_plan(Lang::En);
    for (int i = 0; i < 80; ++i) plan.findings.push_back(plan.findings[0]);
    const std::string svg = render_svg(plan);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.find("more (camaudit check)") != std::string::npos);
}
