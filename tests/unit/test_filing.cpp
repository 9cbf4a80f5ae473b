// The filing sheet (公安部 规定 第六条): its items, their completeness, the credit code's check
// character, the counts by function type and kind, and the renderers.
#include <doctest/doctest.h>

#include "audit/filing_sheet.hpp"
#include "report/inspection_report.hpp"
#include "test_inspect_helpers.hpp"

using namespace camaudit;
using inspect_test::SiteText;
using State = audit::FilingItem::State;

namespace {

audit::FilingSheet sheet_of(const std::string& yaml) {
    Diagnostics diag;
    auto loaded = inspect_test::load_text(yaml, diag);
    for (const auto& d : diag.all()) MESSAGE(d.str());
    REQUIRE(loaded.has_value());
    return audit::build_filing_sheet(loaded->site);
}

const audit::FilingItem& item(const audit::FilingSheet& s, const std::string& key) {
    for (const auto& i : s.items)
        if (i.key == key) return i;
    FAIL("no item " << key);
    return s.items.front();
}

bool has_item(const audit::FilingSheet& s, const std::string& key) {
    for (const auto& i : s.items)
        if (i.key == key) return true;
    return false;
}

std::size_t count(const std::vector<audit::CameraCount>& v, const std::string& key) {
    for (const auto& c : v)
        if (c.key == key) return c.count;
    return 0;
}

}  // namespace

TEST_CASE("the example hotel's sheet is complete, in the order of 第六条") {
    const std::string path = std::string(CAMAUDIT_SOURCE_DIR) + "/data/examples/hotel-anhui.yaml";
    Diagnostics diag;
    auto loaded = audit::load_site_for_audit(path, {}, diag);
    REQUIRE(loaded.has_value());
    auto s = audit::build_filing_sheet(loaded->site);
    CHECK(s.complete());
    std::vector<std::string> keys;
    for (const auto& i : s.items) keys.push_back(i.key);
    CHECK(keys == std::vector<std::string>{"operator.name", "operator.type", "operator.credit_code",
                                           "site.address", "cameras.count", "cameras.purpose",
                                           "cameras.kind", "system.retention_days", "filing.filed",
                                           "filing.date", "filing.record_no"});
    CHECK(item(s, "operator.type").display_zh == "企业");
    CHECK(item(s, "operator.credit_code").value == "91340104MA2TQ7R18X");
    CHECK(item(s, "site.address").value == "安徽省合肥市蜀山区长江西路（示例地址）");
    CHECK(item(s, "cameras.count").value == "11");
    CHECK(item(s, "system.retention_days").display_zh == "30 日");
    CHECK(item(s, "filing.record_no").value == "340104-2025-0137");
    CHECK(count(s.by_purpose, "entrance") == 1);
    CHECK(count(s.by_purpose, "lobby") == 4);
    CHECK(count(s.by_purpose, "passage") == 3);
    CHECK(count(s.by_purpose, "general") == 3);
    CHECK(count(s.by_kind, "fixed") == 8);
    CHECK(count(s.by_kind, "ptz") == 1);
    CHECK(count(s.by_kind, "panoramic") == 2);
    CHECK(item(s, "cameras.kind").display_zh == "固定 8，云台 1，全景 2");
    REQUIRE(s.cameras.size() == 11);
    CHECK(s.cameras[0].id == "C01");
    CHECK(s.cameras[0].kind == "panoramic");
    CHECK(s.cameras[0].x == 20);
    CHECK(s.cameras[0].y == 1.5);
    CHECK(s.crs == "local");
}

TEST_CASE("an invalid credit code is invalid, at the code's line:column") {
    SiteText t;
    t.op =
        "operator:\n  id: op\n  name: 测试单位\n  type: enterprise\n"
        "  credit_code: 91310110666007217X\n  responsible: true\n";
    auto s = sheet_of(t.str());
    const auto& code = item(s, "operator.credit_code");
    CHECK(code.state == State::Invalid);
    CHECK(code.loc.line == 7);
    CHECK(code.loc.column == 16);
    CHECK(code.problem_en.find("GB 32100-2015") != std::string::npos);
    CHECK_FALSE(s.complete());
    // Characters outside the code's alphabet (I, O, S, V, Z) are invalid too.
    t.op = "operator: {id: op, name: 单位, type: enterprise, credit_code: 9131011066600721IO}\n";
    CHECK(item(sheet_of(t.str()), "operator.credit_code").state == State::Invalid);
}

TEST_CASE("missing items: address, function types, cameras, retention") {
    SiteText t;
    t.site = "site: {id: t, region: CN}\n";
    t.cameras +=
        "  - {id: C2, position: [5, 5], azimuth: 0, hfov: 60, range: 5, signage: true}\n"
        "  - {id: C3, position: [6, 5], azimuth: 0, hfov: 60, range: 5, signage: true}\n";
    t.system = "system: {delivered: 2025-06-01}\n";
    t.measures.clear();
    auto s = sheet_of(t.str());
    CHECK(item(s, "site.address").state == State::Missing);
    CHECK(item(s, "site.address").loc.line == 2);
    const auto& purpose = item(s, "cameras.purpose");
    CHECK(purpose.state == State::Missing);
    CHECK(purpose.problem_en == "2 cameras without a function type (purpose): C2, C3");
    CHECK(purpose.loc.line == 9);
    CHECK(count(s.by_purpose, "") == 2);
    CHECK(item(s, "system.retention_days").state == State::Missing);
    CHECK_FALSE(has_item(s, "filing.filed"));
    CHECK_FALSE(s.complete());

    SiteText none;
    none.system.clear();
    none.cameras = "cameras: []\n";
    auto n = sheet_of(none.str());
    CHECK(item(n, "cameras.count").state == State::Missing);
    CHECK(item(n, "system.retention_days").state == State::Missing);
    CHECK(item(n, "system.retention_days").problem_en.find("not built yet") != std::string::npos);
}

TEST_CASE("an individual files no credit code; every type has its Chinese name") {
    SiteText t;
    t.op = "operator: {id: op, name: 张三, type: individual, responsible: true}\n";
    auto s = sheet_of(t.str());
    const auto& code = item(s, "operator.credit_code");
    CHECK(code.state == State::Ok);
    CHECK(code.note_zh == "个人无需填写");
    CHECK(s.complete());
    CHECK(audit::party_type_name("enterprise", true) == "企业");
    CHECK(audit::party_type_name("government", true) == "机关");
    CHECK(audit::party_type_name("institution", true) == "事业单位");
    CHECK(audit::party_type_name("social_org", true) == "社会组织");
    CHECK(audit::party_type_name("individual", true) == "个人");
    CHECK(audit::party_type_name("nonsense", true).empty());
}

TEST_CASE("function types and kinds") {
    CHECK(audit::purpose_name("entrance", true) == "出入口");
    CHECK(audit::purpose_name("perimeter", true) == "周界");
    CHECK(audit::purpose_name("parking", false) == "parking");
    CHECK(audit::purpose_name("traffic", true) == "交通");
    CHECK(audit::purpose_name("收银台", false) == "收银台");
    CHECK(audit::purpose_name("", true) == "未注明");
    Camera c;
    c.hfov = 90;
    CHECK(audit::camera_kind(c) == "fixed");
    c.ptz = Ptz{false, 90, 90};  // equal: no panning
    CHECK(audit::camera_kind(c) == "fixed");
    c.ptz = Ptz{false, 350, 10};
    CHECK(audit::camera_kind(c) == "ptz");
    c.ptz = Ptz{true, 0, 0};
    CHECK(audit::camera_kind(c) == "ptz");
    c.hfov = 360;
    CHECK(audit::camera_kind(c) == "panoramic");
    CHECK(audit::camera_kind_name("ptz", true) == "云台");
    CHECK(audit::camera_kind_name("panoramic", false) == "panoramic");
}

TEST_CASE("free-text function types are counted after the known ones, in order of use") {
    SiteText t;
    t.cameras =
        "cameras:\n"
        "  - {id: A, position: [1, 1], azimuth: 0, hfov: 60, range: 5, signage: true, purpose: "
        "收银台}\n"
        "  - {id: B, position: [2, 1], azimuth: 0, hfov: 60, range: 5, signage: true, purpose: "
        "general}\n"
        "  - {id: C, position: [3, 1], azimuth: 0, hfov: 60, range: 5, signage: true, purpose: "
        "收银台}\n";
    auto s = sheet_of(t.str());
    REQUIRE(s.by_purpose.size() == 2);
    CHECK(s.by_purpose[0].key == "general");
    CHECK(s.by_purpose[1].key == "收银台");
    CHECK(s.by_purpose[1].count == 2);
    CHECK(item(s, "cameras.purpose").display_zh == "通用 1，收银台 2");
}

TEST_CASE("renderers: text, JSON, CSV, Markdown") {
    SiteText t;
    t.op =
        "operator: {id: op, name: \"某公司, 分部 \\\"甲\\\"\", type: enterprise, credit_code: "
        "91310110666007217T}\n";
    t.site = "site: {id: t, region: CN}\n";
    auto s = sheet_of(t.str());
    CHECK_FALSE(report::render_filing("pdf", s, Lang::Zh));
    CHECK(report::filing_formats() == std::vector<std::string>{"text", "json", "csv", "markdown"});

    auto csv = *report::render_filing("csv", s, Lang::En);
    CHECK(csv.starts_with("unit_name,unit_type,credit_code,address,retention_days,camera,"));
    CHECK(csv.find("\r\n\"某公司, 分部 \"\"甲\"\"\",enterprise,91310110666007217T,,30,C1,,"
                   "perimeter,perimeter,fixed,fixed,1.00,1.00,local\r\n") != std::string::npos);
    CHECK(report::render_filing("csv", s, Lang::Zh)->starts_with("单位名称,单位类型,"));

    auto json = *report::render_filing("json", s, Lang::Zh);
    CHECK(json.find("\"complete\": false") != std::string::npos);
    CHECK(json.find("\"state\": \"missing\"") != std::string::npos);

    auto text = *report::render_filing("text", s, Lang::Zh);
    CHECK(text.find("系统建设位置") != std::string::npos);
    CHECK(text.find("结论：1 项缺项或无效") != std::string::npos);
    auto md = *report::render_filing("markdown", s, Lang::En);
    CHECK(md.find("| Location of the system | — | missing: site.address is not given |") !=
          std::string::npos);
}
