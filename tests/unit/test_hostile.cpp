// Hostile input (issue #19): angles, JSON numbers, escaping, paths (model/angle.hpp, util/).
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "model/angle.hpp"
#include "report/json_writer.hpp"
#include "report/svg_common.hpp"
#include "util/escape.hpp"
#include "util/paths.hpp"

using namespace camaudit;

TEST_CASE("input angles: finite and within two turns either way") {
    CHECK(input_angle_ok(0));
    CHECK(input_angle_ok(720));
    CHECK(input_angle_ok(-720));
    CHECK_FALSE(input_angle_ok(720.0000001));
    CHECK_FALSE(input_angle_ok(-721));
    CHECK_FALSE(input_angle_ok(1e308));  // issue #19: hid a camera as a pan value
    CHECK_FALSE(input_angle_ok(std::numeric_limits<double>::infinity()));
    CHECK_FALSE(input_angle_ok(std::numeric_limits<double>::quiet_NaN()));
}

TEST_CASE("normalize_bearing maps every accepted angle to [0, 360)") {
    CHECK(normalize_bearing(0) == 0);
    CHECK(normalize_bearing(360) == 0);
    CHECK(normalize_bearing(720) == 0);
    CHECK(normalize_bearing(-720) == 0);
    CHECK(normalize_bearing(420) == 60);
    CHECK(normalize_bearing(-45) == 315);
    CHECK(normalize_bearing(-90.5) == 269.5);
    // A tiny negative remainder: -1e-20 + 360 rounds to 360, which is 0.
    CHECK(normalize_bearing(-1e-20) == 0);
    for (double a = -720; a <= 720; a += 0.37) {
        const double n = normalize_bearing(a);
        CHECK((n >= 0 && n < 360));
    }
}

TEST_CASE("the JSON writer never writes a non-JSON number") {
    auto one = [](double d) {
        report::JsonWriter w(false);
        w.value(d);
        return w.str();
    };
    // 1e308 · 10⁶ overflows: rounding it to six places once gave "inf" (issue #19).
    CHECK(one(1e308) == "1e+308\n");
    CHECK(one(-1e308) == "-1e+308\n");
    CHECK(one(1e15) == "1000000000000000\n");
    CHECK(one(123456789012.5) == "123456789012.5\n");
    CHECK(one(std::numeric_limits<double>::infinity()) == "null\n");
    CHECK(one(std::numeric_limits<double>::quiet_NaN()) == "null\n");
}

TEST_CASE("escape: control characters are shown, everything else kept") {
    CHECK(util::visible_controls("C1") == "C1");
    CHECK(util::visible_controls("a\\b 摄像机") == "a\\b 摄像机");
    CHECK(util::visible_controls("a\r\n\tb") == "a\\r\\n\\tb");
    CHECK(util::visible_controls("\x1b]0;t\x07") == "\\x1b]0;t\\x07");
    CHECK(util::visible_controls("\x7f") == "\\x7f");
    CHECK(util::visible_controls("x\xc2\x9b"
                                 "31m") == "x\\u009b31m");    // C1 CSI
    CHECK(util::visible_controls("\xc2\xa0") == "\xc2\xa0");  // U+00A0 is text
    CHECK(util::has_controls("a\nb"));
    CHECK_FALSE(util::has_controls("摄像机 C1"));
}

TEST_CASE("escape: CSV cells no spreadsheet runs") {
    CHECK(util::csv_cell("plain") == "plain");
    CHECK(util::csv_cell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
    CHECK(util::csv_cell("+1") == "'+1");
    CHECK(util::csv_cell("-2+3") == "'-2+3");
    CHECK(util::csv_cell("@SUM(1+1)") == "'@SUM(1+1)");
    CHECK(util::csv_cell("\tx") == "'\tx");
    CHECK(util::csv_cell("\rx") == "\"'\rx\"");
    CHECK(util::csv_cell("=HYPERLINK(\"a\",\"b\")") == "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"");
    CHECK(util::csv_cell("a,b") == "\"a,b\"");
    CHECK(util::csv_cell("") == "");
}

TEST_CASE("escape: Markdown text, cells and code spans") {
    CHECK(util::md_backslash("a|b*c_d`e") == "a\\|b\\*c\\_d\\`e");
    CHECK(util::md_backslash("x\r## y\nz") == "x \\#\\# y z");
    CHECK(util::md_html("<img src=x>&", false) == "&lt;img src=x&gt;&amp;");
    CHECK(util::md_html("a|b\r\nc", true) == "a\\|b  c");
    CHECK(util::md_code_span("C1", false) == "`C1`");
    CHECK(util::md_code_span("a`b", false) == "``a`b``");
    CHECK(util::md_code_span("``x", false) == "``` ``x ```");
    CHECK(util::md_code_span("a|b", true) == "`a\\|b`");
    CHECK(util::md_code_span("a\nb\x1b", false) == "`a b\\x1b`");
}

TEST_CASE("within_folder: .. and symlinks resolved before the check") {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / fmt::format("camaudit-within-{}", ::getpid());
    fs::remove_all(root);
    fs::create_directories(root / "repo" / "sites");
    fs::create_directories(root / "repobis");
    std::ofstream(root / "secret.txt") << "x";
    fs::create_symlink("../../secret.txt", root / "repo" / "sites" / "out.yaml");
    fs::create_symlink("../sites", root / "repo" / "sites" / "in");
    const fs::path repo = root / "repo";
    CHECK(util::within_folder(repo, "sites/a.yaml"));             // need not exist
    CHECK(util::within_folder(repo, "sites/../b.yaml"));          // still inside
    CHECK(util::within_folder(repo, "sites/in/x.yaml"));          // a symlink inside
    CHECK_FALSE(util::within_folder(repo, "../secret.txt"));      // climbs out
    CHECK_FALSE(util::within_folder(repo, "sites/out.yaml"));     // a symlink out
    CHECK_FALSE(util::within_folder(repo, "/etc/passwd"));        // absolute, elsewhere
    CHECK_FALSE(util::within_folder(repo, "../repobis/x"));       // a sibling sharing a prefix
    CHECK(util::within_folder(repo, (repo / "sites").string()));  // absolute, inside
    fs::remove_all(root);
}

TEST_CASE("svg wrap: a 200,000-character name is cut with its ellipsis in one pass") {
    // Quadratic before (issue #19, 6): the width of the whole line measured again per token
    // and per glyph the ellipsis removed. The same lines as a short name's, to the glyph.
    const std::string huge(200'000, 'r');
    const auto lines = report::svg::wrap(huge + " tail", 60, 10, 1);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].ends_with("…"));
    CHECK(report::svg::text_width(lines[0], 10) <= 60);
    const auto short_lines = report::svg::wrap(huge.substr(0, 40) + " tail", 60, 10, 1);
    CHECK(short_lines == lines);
}
