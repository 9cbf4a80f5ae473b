// JUnit XML, the subset that GitLab and Jenkins read: <testsuites>, a <testsuite> per site, a
// <testcase> per finding. Errors and warnings fail (<failure message type>, the body giving
// file:line:column, the rules and the quoted articles); info findings pass, their text in
// <system-out> (they report, they do not fail). A site with no findings gets one passing
// testcase, so that it shows. No times or timestamps: the output is deterministic.
#include <fmt/format.h>

#include "report/report.hpp"

namespace camaudit::report {

namespace {

// The length of the UTF-8 sequence starting at s[i], or 0 if it is not a valid one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

// The reference that stands for `c`, or nullptr where it may stand as it is.
const char* reference(char c, bool attribute) {
    if (c == '&') return "&amp;";
    if (c == '<') return "&lt;";
    if (c == '>') return "&gt;";
    if (c == '\r') return "&#13;";  // else read back as a newline
    if (!attribute) return nullptr;
    if (c == '"') return "&quot;";
    if (c == '\n') return "&#10;";  // else normalised to a space in an attribute value
    if (c == '\t') return "&#9;";
    return nullptr;
}

}  // namespace

std::string xml_escape(std::string_view s, bool attribute) {
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (const char* ref = reference(s[i], attribute)) {
            out += ref;
            ++i;
            continue;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = utf8_length(s, i);
        const std::string_view seq = s.substr(i, n);
        // Not characters of XML 1.0: C0 controls but tab and newline, bytes that are not
        // UTF-8, U+FFFE and U+FFFF.
        if (n == 0 || (c < 0x20 && c != '\n' && c != '\t') || seq == "\xEF\xBF\xBE" ||
            seq == "\xEF\xBF\xBF")
            out += kReplacement;
        else
            out += seq;
        i += n == 0 ? 1 : n;
    }
    return out;
}

namespace {

std::string attr(std::string_view s) {
    return xml_escape(s, true);
}
std::string text(std::string_view s) {
    return xml_escape(s, false);
}

bool fails(const audit::Finding& f) {
    return f.severity != audit::Severity::Info;
}

// "ah-guest-room-view: camera C03, zone room-101": stable across runs, unique in a site.
std::string testcase_name(const audit::Finding& f) {
    std::string name = f.rule;
    std::string what;
    if (f.camera) what += "camera " + *f.camera;
    if (f.zone) what += (what.empty() ? "" : ", ") + ("zone " + *f.zone);
    return what.empty() ? name : name + ": " + what;
}

// The body: where, what, which rules and the law they quote.
std::string details(const audit::Finding& f, const audit::SiteResult& site, Lang lang) {
    const bool zh = lang == Lang::Zh;
    std::string out = fmt::format("{}:{}:{}: {} [{}] {}\n", site.file, f.loc.line, f.loc.column,
                                  audit::to_string(f.severity), f.rule, f.message(zh));
    std::string rules;
    for (const auto& r : f.rules) rules += (rules.empty() ? "" : ", ") + r;
    out += fmt::format("{}: {}\n{}: {}\n", zh ? "规则" : "rules", rules, zh ? "检查" : "check",
                       f.check);
    for (const auto& c : f.citations) {
        const audit::Instrument* inst = site.rules ? site.rules->instrument(c.doc) : nullptr;
        std::string label = zh ? c.label_zh(inst ? inst->short_zh : c.doc)
                               : c.label_en(inst ? inst->short_en : c.doc);
        out += fmt::format("{}: {}\n", label, c.text_zh);
    }
    out += fmt::format("fingerprint: {}\n", f.fingerprint);
    return out;
}

void write_testcase(std::string& out, const audit::Finding& f, const audit::SiteResult& site,
                    Lang lang) {
    out += fmt::format(R"(    <testcase name="{}" classname="{}" file="{}" time="0">)",
                       attr(testcase_name(f)), attr(site.id + "." + f.check), attr(site.file));
    out += "\n";
    const std::string body = text(details(f, site, lang));
    if (fails(f))
        out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                           attr(f.message(lang == Lang::Zh)), audit::to_string(f.severity), body);
    else
        out += fmt::format("      <system-out>{}</system-out>\n", body);
    out += "    </testcase>\n";
}

}  // namespace

std::string render_junit(const audit::AuditReport& report, Lang lang) {
    std::size_t tests = 0, failures = 0;
    std::string suites;
    for (const auto& site : report.sites) {
        std::size_t site_tests = std::max<std::size_t>(site.findings.size(), 1);
        std::size_t site_failures = 0;
        for (const auto& f : site.findings) site_failures += fails(f) ? 1 : 0;
        tests += site_tests;
        failures += site_failures;
        suites += fmt::format(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" "
            "time=\"0\">\n",
            attr(site.id.empty() ? site.file : site.id), site_tests, site_failures);
        suites += "    <properties>\n";
        suites += fmt::format("      <property name=\"file\" value=\"{}\"/>\n", attr(site.file));
        if (!site.name.empty())
            suites +=
                fmt::format("      <property name=\"name\" value=\"{}\"/>\n", attr(site.name));
        suites += "    </properties>\n";
        for (const auto& f : site.findings) write_testcase(suites, f, site, lang);
        if (site.findings.empty())
            suites += fmt::format(
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" time=\"0\"/>\n",
                lang == Lang::Zh ? "无问题" : "no findings", attr(site.id), attr(site.file));
        suites += "  </testsuite>\n";
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format(
        "<testsuites name=\"camaudit\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" "
        "time=\"0\">\n",
        tests, failures);
    out += suites;
    out += "</testsuites>\n";
    return out;
}

}  // namespace camaudit::report
