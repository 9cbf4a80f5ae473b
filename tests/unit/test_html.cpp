// The HTML reports: one self-contained, well-formed page; everything escaped; deterministic;
// the plan inline with page-unique ids and only the findings still reported.
#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "report/html_page.hpp"
#include "report/html_report.hpp"
#include "report/svg_plan.hpp"

using namespace camaudit;
using namespace camaudit::report;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
    return n;
}

// Tags balance (HTML void elements and SVG's self-closed tags aside), attribute values are
// quoted, every '&' starts an entity, no raw '<' or '>' in text. Returns "" or the problem.
std::string html_problem(const std::string& s) {
    static const std::set<std::string> void_elements = {"meta", "br", "col", "hr", "img", "link"};
    std::vector<std::string> open;
    auto entity_ok = [&](std::size_t at) {
        for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&apos;"})
            if (s.compare(at, std::char_traits<char>::length(e), e) == 0) return true;
        return false;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '&' && !entity_ok(i)) return "bare & at " + std::to_string(i);
        if (s[i] == '>') return "stray > at " + std::to_string(i);
        if (s[i] != '<') {
            ++i;
            continue;
        }
        if (s.compare(i, 2, "<!") == 0) {  // <!DOCTYPE html>
            i = s.find('>', i) + 1;
            continue;
        }
        std::size_t j = i + 1;
        char quote = 0;
        for (; j < s.size(); ++j) {
            if (quote) {
                if (s[j] == quote)
                    quote = 0;
                else if (s[j] == '<' || s[j] == '>')
                    return "< or > in attribute at " + std::to_string(j);
                else if (s[j] == '&' && !entity_ok(j))
                    return "bare & in attribute";
            } else if (s[j] == '"') {
                quote = s[j];
            } else if (s[j] == '=' && j + 1 < s.size() && s[j + 1] != '"') {
                return "unquoted attribute at " + std::to_string(j);
            } else if (s[j] == '>' || s[j] == '<') {
                break;
            }
        }
        if (j >= s.size() || s[j] != '>') return "unterminated tag at " + std::to_string(i);
        const std::string tag = s.substr(i + 1, j - i - 1);
        const std::string name = tag.substr(0, tag.find_first_of(" \t\n/"));
        if (tag[0] == '/') {
            if (open.empty() || open.back() != tag.substr(1))
                return "</" + tag.substr(1) + "> closes " +
                       (open.empty() ? "nothing" : open.back());
            open.pop_back();
        } else if (tag.back() != '/' && !void_elements.contains(name)) {
            open.push_back(name);
        }
        i = j + 1;
        if (name == "style") i = s.find("</style>", i);  // CSS is not markup
    }
    if (!open.empty()) return "unclosed <" + open.back() + ">";
    return "";
}

// Only the SVG namespace may look like a URL: the page fetches nothing.
bool fetches_nothing(const std::string& s) {
    for (const char* scheme : {"http://", "https://"})
        for (auto p = s.find(scheme); p != std::string::npos; p = s.find(scheme, p + 1))
            if (s.compare(p, 26, "http://www.w3.org/2000/svg") != 0) return false;
    return s.find("<script") == std::string::npos && s.find("<link") == std::string::npos &&
           s.find("@import") == std::string::npos && s.find("src=") == std::string::npos;
}

const std::string kEvil = "<script>alert(\"x\")</script> & 'q'";

std::shared_ptr<const audit::RuleSet> rules() {
    audit::RulePack pack;
    pack.id = "cn";
    pack.name_zh = "全国";
    pack.name_en = "China";
    audit::Instrument reg;
    reg.id = "cn-regulation-2025";
    reg.title_zh = "公共安全视频图像信息系统管理条例";
    reg.title_en = "Regulations on Public Security Video Image Information Systems";
    reg.short_zh = "条例";
    reg.short_en = "Regulation";
    reg.number = "国务院令第799号";
    pack.instruments.push_back(reg);
    audit::Rule r;
    r.id = "cn-guest-room-view";
    r.check = "forbidden-view";
    r.title_zh = "摄像机拍摄到客房内部";
    r.title_en = "A camera sees into a guest room";
    pack.rules.push_back(r);
    audit::KindDef lobby;
    lobby.id = "hotel.lobby";
    lobby.name_zh = "旅馆大厅";
    lobby.name_en = "hotel lobby";
    lobby.category = audit::KindCategory::Mandatory;
    pack.kinds.push_back(lobby);
    auto set = std::make_shared<audit::RuleSet>();
    set->packs.push_back(pack);
    return set;
}

audit::Finding finding(std::string rule, std::string camera, std::string zone,
                       audit::Severity severity, int line) {
    audit::Finding f;
    f.rule = rule;
    f.rules = {rule};
    f.check = "forbidden-view";
    f.severity = severity;
    f.site = "s1";
    f.loc = {"site.yaml", line, 5};
    f.camera = camera;
    f.zone = zone;
    f.message_en = "camera " + camera + " sees " + zone;
    f.message_zh = "摄像机 " + camera + " 拍摄到 " + zone;
    f.metrics = {{"overlap_m2", 3.25}, {"overlap_fraction", 0.09}};
    f.fingerprint = "fp-" + camera + "-" + zone;
    audit::Citation c;
    c.doc = "cn-regulation-2025";
    c.article = 8;
    c.paragraph = 1;
    c.item = 1;
    c.text_zh = "（一）旅馆、饭店、宾馆、招待所、民宿等经营接待食宿场所的客房或者包间内部；";
    f.citations = {c};
    return f;
}

Polygon rect(double x0, double y0, double x1, double y1) {
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

audit::SiteResult site(const std::shared_ptr<const audit::RuleSet>& set) {
    audit::SiteResult s;
    s.file = "site.yaml";
    s.id = "s1";
    s.name = kEvil;
    s.cameras = 2;
    s.zones = 2;
    s.rules = set;
    s.region = "CN-AH";
    s.regime = "article7";
    s.findings = {finding("cn-guest-room-view", "C01", "room-101", audit::Severity::Error, 10),
                  finding("cn-guest-room-view", "C02", "room-102", audit::Severity::Warning, 20),
                  finding("cn-guest-room-view", "C03", "room-103", audit::Severity::Info, 30)};
    s.findings[1].message_zh = s.findings[1].message_en = kEvil;
    auto plan = std::make_shared<audit::Plan>();
    plan->title = "s1";
    plan->lang = Lang::Zh;
    audit::PlanFloor floor;
    audit::PlanZone z;
    z.id = "room-101";
    z.label = "客房";
    z.category = audit::ZoneCategory::Forbidden;
    z.area = {rect(0, 0, 10, 10)};
    floor.zones.push_back(z);
    for (const char* id : {"C01", "C02"}) {
        audit::PlanCamera c;
        c.id = id;
        c.eye = c.position = {1, 1};
        c.viewshed = {rect(1, 1, 8, 8)};
        floor.cameras.push_back(c);
    }
    plan->floors.push_back(floor);
    for (std::size_t i = 0; i < 2; ++i) {  // info findings are not drawn
        audit::PlanFinding pf;
        pf.rule = s.findings[i].rule;
        pf.camera = *s.findings[i].camera;
        pf.zone = *s.findings[i].zone;
        pf.message = s.findings[i].message_zh;
        pf.severity = s.findings[i].severity;
        pf.area = {rect(2, 2, 4, 4)};
        pf.marker = Point{3, 3};
        plan->findings.push_back(pf);
    }
    s.plan = plan;
    return s;
}

}  // namespace

TEST_CASE("html escape: markup, quotes, invalid UTF-8 and control characters") {
    CHECK(html::escape("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
    CHECK(html::escape("中文\tok\n") == "中文\tok\n");
    CHECK(html::escape("a\xff"
                       "b") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(html::escape("\x01") == "\xEF\xBF\xBD");
    CHECK(html::escape("\xe4\xb8") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // truncated 中
    CHECK(html::escape("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
    CHECK(html::percent(0.795) == "79.5%");
    CHECK(html::fixed(-0.001, 1) == "0.0");
}

TEST_CASE("html inline_svg: no prolog, no fixed size, ids prefixed, text untouched") {
    const std::string svg =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
        "width=\"297mm\" height=\"210mm\" viewBox=\"0 0 10 10\"><defs><pattern id=\"h\"/>"
        "</defs><rect stroke-width=\"2\" data-id=\"k\" fill=\"url(#h)\"/><use href=\"#h\"/>"
        "<text>id=&quot;x&quot; url(#y)</text></svg>";
    const std::string out = html::inline_svg(svg, "s2-", "Plan <1>");
    CHECK(out.starts_with("<svg class=\"plan-svg\" role=\"img\" aria-label=\"Plan &lt;1&gt;\""));
    CHECK(out.find("<?xml") == std::string::npos);
    CHECK(out.find("297mm") == std::string::npos);
    CHECK(out.find("viewBox=\"0 0 10 10\"") != std::string::npos);
    CHECK(out.find("stroke-width=\"2\"") != std::string::npos);
    CHECK(out.find("<pattern id=\"s2-h\"/>") != std::string::npos);
    CHECK(out.find("fill=\"url(#s2-h)\"") != std::string::npos);
    CHECK(out.find("href=\"#s2-h\"") != std::string::npos);
    CHECK(out.find("data-id=\"k\"") != std::string::npos);
    CHECK(out.find("<text>id=&quot;x&quot; url(#y)</text>") != std::string::npos);
}

TEST_CASE("html check report: self-contained, escaped, one row per finding, deterministic") {
    const auto set = rules();
    audit::AuditReport report;
    report.sites = {site(set), site(set)};
    for (Lang lang : {Lang::Zh, Lang::En}) {
        const std::string page = render_html(report, lang);
        CAPTURE(lang == Lang::Zh);
        CHECK(html_problem(page) == "");
        CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\""));
        CHECK(page.find(lang == Lang::Zh ? "<html lang=\"zh-CN\">" : "<html lang=\"en\">") !=
              std::string::npos);
        CHECK(page.find("<meta charset=\"utf-8\">") != std::string::npos);
        CHECK(page.find("camaudit " CAMAUDIT_VERSION) != std::string::npos);
        CHECK(page.find("@page") != std::string::npos);
        CHECK(fetches_nothing(page));
        CHECK(page.find(kEvil) == std::string::npos);
        CHECK(page.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;") !=
              std::string::npos);
        CHECK(count(page, "<tr class=\"finding ") == 6);
        CHECK(count(page, "<svg ") == 2);
        CHECK(page.find("id=\"s1-f1\"") != std::string::npos);
        CHECK(page.find("id=\"s2-f3\"") != std::string::npos);
        // The quoted article: its label and verbatim text, under each finding.
        const auto& c = report.sites[0].findings[0].citations[0];
        CHECK(page.find(
                  html::escape(lang == Lang::Zh ? c.label_zh("条例") : c.label_en("Regulation"))) !=
              std::string::npos);
        CHECK(count(page, c.text_zh) == 6);
        CHECK(page.find("国务院令第799号") != std::string::npos);
        CHECK(page == render_html(report, lang));
    }
    CHECK(render_html(report, Lang::En, "2025-06-01").find("2025-06-01") != std::string::npos);
}

TEST_CASE("html check report: the plan leaves out the findings a baseline hid") {
    const auto set = rules();
    audit::AuditReport report;
    report.sites = {site(set)};
    report.sites[0].findings[0].message_zh = "UNIQUE-FIRST";
    const std::string all = render_html(report, Lang::Zh);
    CHECK(all.find(">1</text>") != std::string::npos);
    CHECK(all.find(">2</text>") != std::string::npos);
    report.sites[0].findings.erase(report.sites[0].findings.begin());  // the first, hidden
    const std::string page = render_html(report, Lang::Zh);
    CHECK(html_problem(page) == "");
    CHECK(count(page, "<tr class=\"finding ") == 2);
    CHECK(page.find(">2</text>") == std::string::npos);  // one finding left on the plan
    CHECK(page.find(">1</text>") != std::string::npos);

    report.sites[0].plan.reset();  // not drawn: no picture, the rest as before
    const std::string bare = render_html(report, Lang::Zh);
    CHECK(bare.find("<svg") == std::string::npos);
    CHECK(count(bare, "<tr class=\"finding ") == 2);
}

TEST_CASE("html coverage report: every zone and camera, mandatory zones marked") {
    const auto set = rules();
    CoverageReport cov;
    SiteCoverage s{"site.yaml", "s1", {}, {}};
    s.cameras.push_back({"C01", "F1", 12.5, false, 1.5});
    s.cameras.push_back({"C02", "F1", 0, true, std::nullopt});
    s.zones.push_back({"lobby", "hotel.lobby", "F1", 100, 79.5, 0.795, {"C01"}, 130, "recognise"});
    s.zones.push_back({kEvil, "generic.room", "F1", 10, 0, 0, {}, std::nullopt, ""});
    cov.sites.push_back(s);
    audit::SiteResult summary = site(set);
    summary.findings.clear();
    const std::string page = render_coverage_html(cov, {summary}, Lang::En);
    CHECK(html_problem(page) == "");
    CHECK(fetches_nothing(page));
    CHECK(count(page, "<tr class=\"zone") == 2);
    CHECK(count(page, "<tr class=\"camera\"") == 2);
    CHECK(page.find("must be watched") != std::string::npos);
    CHECK(page.find("79.5%") != std::string::npos);
    CHECK(page.find("recognise") != std::string::npos);  // 130 px/m, IEC 62676-4:2014
    CHECK(render_coverage_html(cov, {summary}, Lang::Zh).find("识别") != std::string::npos);
    CHECK(page.find(kEvil) == std::string::npos);
    CHECK(html_problem(render_coverage_html(cov, {}, Lang::Zh)) == "");
}

TEST_CASE("html inspection: the checklist links its failures to the findings") {
    const auto set = rules();
    const audit::SiteResult audit = site(set);
    audit::Inspection insp;
    insp.site_id = "s1";
    insp.site_name = kEvil;
    insp.file = "site.yaml";
    insp.scope = "all";
    insp.today = "2025-06-01";
    for (int n = 1; n <= 13; ++n) {
        audit::InspectionItem item;
        item.number = n;
        item.text_zh = "第" + std::to_string(n) + "项";
        item.title_en = "item " + std::to_string(n);
        item.general = n <= 7;
        item.professional = n > 7;
        item.status = n == 3 ? audit::ItemStatus::Fail : audit::ItemStatus::Pass;
        item.evidence_en = {kEvil};
        if (n == 3) item.findings = {audit.findings[1].fingerprint, "unknown-fp"};
        insp.items.push_back(item);
    }
    audit::FilingSheet sheet;
    sheet.site_id = "s1";
    sheet.file = "site.yaml";
    sheet.crs = "local";
    audit::FilingItem name;
    name.key = "operator.name";
    name.label_zh = "单位名称";
    name.label_en = "Unit name";
    name.value = kEvil;
    audit::FilingItem code = name;
    code.key = "operator.credit_code";
    code.value = "";
    code.state = audit::FilingItem::State::Missing;
    code.problem_en = "no credit code";
    sheet.items = {name, code};
    sheet.by_kind = {{"fixed", "固定", "fixed", 2}};
    sheet.cameras = {{"C01", "F1", "entrance", "fixed", 1.5, 2.25}};

    for (Lang lang : {Lang::Zh, Lang::En}) {
        const std::string page = render_inspection_html(insp, &sheet, &audit, lang);
        CHECK(html_problem(page) == "");
        CHECK(fetches_nothing(page));
        CHECK(count(page, "<tr class=\"item ") == 13);
        CHECK(page.find("href=\"#s1-f2\"") != std::string::npos);  // the warning, numbered 2
        CHECK(page.find("<code>unknown-fp</code>") != std::string::npos);
        CHECK(count(page, "<tr class=\"filing-item\"") == 2);
        CHECK(page.find(kEvil) == std::string::npos);
        CHECK(page.find("<svg ") != std::string::npos);
        CHECK(page == render_inspection_html(insp, &sheet, &audit, lang));
    }
    // Without the audit: the inspection's own findings, no plan.
    insp.findings = audit.findings;
    const std::string bare = render_inspection_html(insp, nullptr, nullptr, Lang::En);
    CHECK(html_problem(bare) == "");
    CHECK(bare.find("<svg") == std::string::npos);
    CHECK(count(bare, "<tr class=\"finding ") == 3);
    CHECK(bare.find("href=\"#s1-f2\"") != std::string::npos);
}
