// The malformed-input corpus (tests/malformed/site) through the reader itself: each file
// fails with its expected first diagnostic (tests/cli/malformed.sh runs it through the CLI).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "io/site_reader.hpp"

using namespace camaudit;
namespace fs = std::filesystem;

namespace {

std::string first_line(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

TEST_CASE("loader: the malformed corpus") {
    const fs::path dir = fs::path(CAMAUDIT_TEST_DATA) / "malformed" / "site";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    CHECK(files.size() >= 45);
    const std::regex expect_re(R"(^# expect: (\d+) (\d+):(\d+) (.+)$)");
    for (const auto& file : files) {
        fs::path sidecar = file;
        sidecar.replace_extension(".expect");
        const std::string spec = first_line(fs::exists(sidecar) ? sidecar : file);
        std::smatch m;
        INFO(file.filename().string());
        REQUIRE(std::regex_match(spec, m, expect_re));
        Diagnostics diag;
        auto site = io::load_site(file.string(), diag);
        CHECK_FALSE(site.has_value());
        const std::string pos = file.string() + ":" + m[2].str() + ":" + m[3].str() + ": ";
        bool found = false;
        for (const auto& d : diag.all()) {
            const std::string s = d.str();
            found = found || (s.starts_with(pos) && s.find(m[4].str()) != std::string::npos);
        }
        std::string all;
        for (const auto& d : diag.all()) all += d.str() + "\n";
        INFO(all);
        CHECK(found);
    }
}
