// Every file of tests/malformed/rules/ is a broken rule pack whose first line says what the
// loader must report: `# expect: 2 LINE:COL substring` (2 is the exit status of the command
// line tool on it).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "audit/rule_pack.hpp"

namespace fs = std::filesystem;
using camaudit::Diagnostics;
using camaudit::audit::load_rule_pack;

namespace {

struct Expectation {
    int status = 0;
    int line = 0;
    int column = 0;
    std::string substring;
};

bool parse_expectation(const std::string& first_line, Expectation& e) {
    const std::string prefix = "# expect: ";
    if (!first_line.starts_with(prefix)) return false;
    std::string rest = first_line.substr(prefix.size());
    char colon = 0;
    int consumed = 0;
    if (std::sscanf(rest.c_str(), "%d %d%c%d %n", &e.status, &e.line, &colon, &e.column,
                    &consumed) < 4 ||
        colon != ':' || consumed == 0)
        return false;
    e.substring = rest.substr(static_cast<std::size_t>(consumed));
    return !e.substring.empty();
}

}  // namespace

TEST_CASE("every malformed rule pack gives its expected diagnostic") {
    const fs::path dir = fs::path(CAMAUDIT_TEST_DATA) / "malformed" / "rules";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 12);
    for (const auto& file : files) {
        CAPTURE(file.filename().string());
        std::ifstream in(file);
        std::string first;
        std::getline(in, first);
        Expectation e;
        REQUIRE_MESSAGE(parse_expectation(first, e), "bad `# expect:` line: ", first);
        CHECK(e.status == 2);
        Diagnostics diag;
        auto pack = load_rule_pack(file.string(), diag);
        CHECK_FALSE(pack.has_value());
        CHECK(diag.has_errors());
        bool found = false;
        std::string all;
        for (const auto& d : diag.sorted()) {
            all += d.str() + "\n";
            found = found ||
                    (d.loc.file == file.string() && d.loc.line == e.line &&
                     d.loc.column == e.column && d.message.find(e.substring) != std::string::npos);
        }
        CHECK_MESSAGE(found, "expected ", e.line, ":", e.column, " ", e.substring, "; got:\n", all);
    }
}
