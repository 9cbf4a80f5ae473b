#include <doctest/doctest.h>

#include "report/render.hpp"
#include "report/report.hpp"
#include "test_formats_helpers.hpp"

using namespace camaudit;
using namespace camaudit::report;
using test_formats::count;

TEST_CASE("junit: xml_escape escapes markup, keeps text, replaces what XML cannot hold") {
    CHECK(xml_escape("a<b>&c", false) == "a&lt;b&gt;&amp;c");
    CHECK(xml_escape("say \"hi\" 'x'", false) == "say \"hi\" 'x'");
    CHECK(xml_escape("say \"hi\" 'x'", true) == "say &quot;hi&quot; 'x'");
    CHECK(xml_escape("a\nb\tc\rd", false) == "a\nb\tc&#13;d");
    CHECK(xml_escape("a\nb\tc\rd", true) == "a&#10;b&#9;c&#13;d");
    CHECK(xml_escape("中文 ok", true) == "中文 ok");
    CHECK(xml_escape(std::string("x\x01y\x1Fz"), false) == "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
    CHECK(xml_escape("bad \xFF byte", false) == "bad \xEF\xBF\xBD byte");
    CHECK(xml_escape("cut \xE4\xB8", false) == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(xml_escape("\xEF\xBF\xBF", false) == "\xEF\xBF\xBD");  // U+FFFF
    CHECK(xml_escape("]]>", false) == "]]&gt;");
}

TEST_CASE("junit: one testsuite per site, a testcase per finding, well-formed") {
    auto s = test_formats::sample_report();
    const std::string xml = render_junit(s->report, Lang::En);
    CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
    CHECK(test_formats::xml_problem(xml) == "");
    CHECK(count(xml, "<testsuite ") == 3);
    CHECK(count(xml, "</testsuite>") == 3);
    // alpha: 3 findings; beta: none, so one passing testcase; gamma: 1.
    CHECK(count(xml, "<testcase ") == 5);
    CHECK(xml.find("<testsuites name=\"camaudit\" tests=\"5\" failures=\"3\" errors=\"0\"") !=
          std::string::npos);
    CHECK(xml.find("<testsuite name=\"alpha\" tests=\"3\" failures=\"2\" errors=\"0\"") !=
          std::string::npos);
    CHECK(xml.find("<testsuite name=\"beta\" tests=\"1\" failures=\"0\"") != std::string::npos);
    CHECK(xml.find("<testcase name=\"no findings\" classname=\"beta\" file=\"beta.yaml\" "
                   "time=\"0\"/>") != std::string::npos);
    CHECK(xml.find("<property name=\"name\" value=\"Alpha &amp; &lt;Co&gt;\"/>") !=
          std::string::npos);
}

TEST_CASE("junit: failures for errors and warnings, passing info with its text") {
    auto s = test_formats::sample_report();
    const std::string xml = render_junit(s->report, Lang::En);
    CHECK(count(xml, "<failure ") == 3);
    CHECK(count(xml, "type=\"error\"") == 2);
    CHECK(count(xml, "type=\"warning\"") == 1);
    CHECK(count(xml, "type=\"info\"") == 0);
    CHECK(count(xml, "<system-out>") == 1);
    CHECK(count(xml, "<skipped") == 0);

    // The testcase of the error finding: its name, classname, message and body.
    CHECK(xml.find("<testcase name=\"cn-guest-room-view: camera C&lt;1&gt;, zone room&amp;1\" "
                   "classname=\"alpha.forbidden-view\" file=\"alpha.yaml\"") != std::string::npos);
    const std::string message = xml_escape(s->report.sites[0].findings[0].message_en, true);
    CHECK(xml.find("<failure message=\"" + message + "\" type=\"error\">") != std::string::npos);
    CHECK(message.find("&#10;") != std::string::npos);  // the newline survives in the attribute
    CHECK(xml.find("alpha.yaml:10:3: error [cn-guest-room-view] en a \"q\"") != std::string::npos);
    CHECK(xml.find("Regulation art. 8(1)(i): （一）旅馆……客房&lt;内部&gt;&amp;；") !=
          std::string::npos);
    // The info finding passes, its text in system-out.
    CHECK(xml.find("alpha.yaml:30:3: info [cn-guest-room-view]") != std::string::npos);
}

TEST_CASE("junit: Chinese, deterministic, in the table of formats") {
    auto s = test_formats::sample_report();
    const std::string zh = render_junit(s->report, Lang::Zh);
    CHECK(test_formats::xml_problem(zh) == "");
    CHECK(zh.find("<testcase name=\"无问题\"") != std::string::npos);
    CHECK(zh.find("条例第八条第一款第（一）项") != std::string::npos);
    CHECK(zh == render_junit(s->report, Lang::Zh));
    RenderOptions options;
    options.lang = Lang::Zh;
    auto out = render_report("junit", s->report, options);
    REQUIRE(out);
    CHECK(*out == zh);

    audit::AuditReport empty;
    const std::string none = render_junit(empty, Lang::En);
    CHECK(test_formats::xml_problem(none) == "");
    CHECK(none.find("tests=\"0\" failures=\"0\"") != std::string::npos);
}
