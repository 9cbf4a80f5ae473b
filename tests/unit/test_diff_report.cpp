// camaudit diff: the text, JSON and Markdown renderers, on a hand-made pair.
#include <doctest/doctest.h>

#include "report/diff_report.hpp"

using namespace camaudit;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct Pair {
    Site old_site, new_site;
    report::DiffReport report;
};

Camera camera(const std::string& id, double x, double azimuth) {
    Camera c;
    c.id = id;
    c.position = {x, 0};
    c.azimuth = azimuth;
    c.hfov = 90;
    c.range = 10;
    return c;
}

audit::Finding finding(const std::string& check, const std::string& zone, std::string message) {
    audit::Finding f;
    f.rule = "ah-hotel-coverage";
    f.rules = {f.rule};
    f.check = check;
    f.site = "s";
    f.loc = {"new.yaml", 9, 5};
    f.zone = zone;
    f.message_en = std::move(message);
    f.message_zh = "中文消息";
    f.citations = {{"cn-ah-measures", 7, 1, 2, "(二)旅馆、影剧院…", {}}};
    f.metrics = {{"covered_fraction", 0.785}};
    f.fingerprint = audit::fingerprint_of("s", check, std::nullopt, zone);
    return f;
}

// C1 moved 0.5 m, C2 re-aimed, C3 added; the lobby gets worse (a new error), the entrance's
// finding is fixed.
void build(Pair& p) {
    p.old_site.info.id = p.new_site.info.id = "s";
    p.old_site.info.region = p.new_site.info.region = "CN-AH";
    p.old_site.cameras = {camera("C1", 0, 45), camera("C2", 5, 0)};
    p.new_site.cameras = {camera("C1", 0.5, 45), camera("C2", 5, 60), camera("C3", 9, 180)};
    p.new_site.cameras[2].floor = "B|1";
    audit::Revision a, b;
    a.site = &p.old_site;
    b.site = &p.new_site;
    a.working_crs = b.working_crs = "local";
    a.regime = b.regime = "article9";
    for (const auto& c : p.old_site.cameras) a.camera_working.push_back(c.position);
    for (const auto& c : p.new_site.cameras) b.camera_working.push_back(c.position);
    a.watched = {{"lobby", "hotel.lobby", "", 100, 92.1, 0.921, {}}};
    b.watched = {{"lobby", "hotel.lobby", "", 100, 78.5, 0.785, {}}};
    a.findings = {finding("mandatory-coverage", "entrance", "entrance is covered 50%")};
    b.findings = {finding("mandatory-coverage", "lobby", "lobby | is covered <78.5%>")};
    p.report.diff = audit::diff_sites(a, b);
    p.report.old_file = "old.yaml";
    p.report.new_file = "new.yaml";
}

}  // namespace

TEST_CASE("diff report: text") {
    Pair p;
    build(p);
    auto text = report::render_diff_text(p.report, {Lang::En, false});
    CHECK(has(text, "old.yaml → new.yaml (s)\n"));
    CHECK(has(text, "  ~ C1 moved 0.50 m: position (0, 0) → (0.5, 0)\n"));
    CHECK(has(text, "  ~ C2 re-aimed: azimuth 0° → 60°\n"));
    CHECK(has(text,
              "  + C3 added: position (9, 0), floor B|1, height 3 m, azimuth 180°, hfov 90°, "
              "range 10 m\n"));
    CHECK(
        has(text,
            "Anhui Measures art. 16(iii): (三)不擅自改变信息系统的用途和视频图像采集设备的位置;"));
    CHECK(has(text, "Anhui Measures art. 14: 安装公共安全视频图像信息系统"));
    CHECK(has(text, "  lobby (hotel.lobby) 92.1% → 78.5%\n"));
    CHECK(has(text, "new findings (1 error, 0 warnings, 0 info):\n"));
    CHECK(has(text, "  new.yaml:9:5: error [ah-hotel-coverage] lobby | is covered <78.5%>\n"));
    CHECK(has(text, "fixed findings (1 error, 0 warnings, 0 info):\n"));
    CHECK(has(text, "  old.yaml:9:5: error [ah-hotel-coverage] entrance is covered 50%\n"));
    CHECK_FALSE(has(text, "\x1b["));
    auto zh = report::render_diff_text(p.report, {Lang::Zh, false});
    CHECK(has(zh, "安徽办法第十六条第（三）项"));
    CHECK(has(zh, "移位 0.50 m"));
    CHECK(has(zh, "中文消息"));
    auto color = report::render_diff_text(p.report, {Lang::En, true});
    CHECK(has(color, "\x1b[1;31merror\x1b[0m"));
}

TEST_CASE("diff report: no changes") {
    Pair p;
    build(p);
    audit::Revision a;
    a.site = &p.old_site;
    a.working_crs = "local";
    for (const auto& c : p.old_site.cameras) a.camera_working.push_back(c.position);
    p.report.diff = audit::diff_sites(a, a);
    CHECK(report::render_diff_text(p.report, {}) == "old.yaml → new.yaml (s)\nno changes\n");
    auto md = report::render_diff_markdown(p.report, Lang::En);
    CHECK(has(md, "**no changes**"));
    CHECK_FALSE(has(md, "<details>"));
    auto json = report::render_diff_json(p.report, Lang::En);
    CHECK(has(json, "\"changed\": false"));
    CHECK(has(json, "\"cameras\": []"));
}

TEST_CASE("diff report: Markdown for a pull request") {
    Pair p;
    build(p);
    auto md = report::render_diff_markdown(p.report, Lang::En);
    CHECK(md.starts_with(
        "### camaudit diff: s\n\n`old.yaml` → `new.yaml`: **1 new finding (1 error"));
    CHECK(has(md, "| camera | change | details |\n|---|---|---|\n"));
    CHECK(has(md, "| `C1` | moved 0.50 m | position (0, 0) → (0.5, 0) |\n"));
    CHECK(has(md, "| `lobby` | hotel.lobby | 92.1% | 78.5% |\n"));
    CHECK(has(md, "| `C3` | added | position (9, 0), floor B\\|1, height 3 m,"));  // a cell
    // The message is escaped for the table and for HTML.
    CHECK(has(md,
              "<details><summary><b>error</b> <code>ah-hotel-coverage</code> new.yaml:9: "
              "lobby | is covered &lt;78.5%&gt;</summary>"));
    // Without the rule set, the label names the instrument by its id.
    CHECK(has(md, "> **cn-ah-measures art. 7(1)(ii)**: (二)旅馆、影剧院…\n"));
    CHECK(has(md, "</details>\n"));
    CHECK(has(md,
              "#### Fixed findings (1 error, 0 warnings, 0 info)\n\n- ~~error "
              "`ah-hotel-coverage` entrance is covered 50%~~\n"));
    CHECK(has(md, "> **Anhui Measures art. 16(iii)**"));
    CHECK(report::render_diff_markdown(p.report, Lang::En) == md);  // deterministic
    auto zh = report::render_diff_markdown(p.report, Lang::Zh);
    CHECK(has(zh, "#### 摄像机"));
    CHECK(has(zh, "新问题"));
}

TEST_CASE("diff report: JSON") {
    Pair p;
    build(p);
    auto json = report::render_diff_json(p.report, Lang::En);
    CHECK(json.starts_with("{\n  \"tool\": {\n    \"name\": \"camaudit\""));
    CHECK(has(json, "\"changed\": true"));
    CHECK(has(json,
              "\"cameras\": {\n      \"added\": 1,\n      \"removed\": 0,\n      "
              "\"moved\": 1,\n      \"reaimed\": 1\n    }"));
    CHECK(has(json, "\"distance_m\": 0.5"));
    CHECK(has(json, "\"field\": \"azimuth\",\n          \"old\": 0,\n          \"new\": 60"));
    CHECK(has(json, "\"old\": null"));  // C3's position before it was added
    CHECK(has(json, "\"label_en\": \"Anhui Measures art. 16(iii)\""));
    CHECK(has(json, "\"status\": \"changed\""));
    CHECK(has(json, "\"covered_fraction\": 0.785"));
    CHECK(has(json, "\"message\": \"lobby | is covered <78.5%>\""));
    CHECK(has(json, "\"fingerprint\": \"" + p.report.diff.new_findings[0].fingerprint + "\""));
    CHECK(report::render_diff_json(p.report, Lang::En) == json);
    CHECK(report::render_diff("json", p.report, {}) == json);
    CHECK_FALSE(report::render_diff("sarif", p.report, {}));
}
