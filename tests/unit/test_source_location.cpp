// SourceFile: an interned path; equal paths share one string, from any thread, and order
// and print by their text.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "model/source_location.hpp"

using camaudit::SourceFile;
using camaudit::SourceLocation;

TEST_CASE("source file: interned, ordered and printed by its text") {
    const std::string a = "/tmp/city/district-01.yaml";
    SourceFile f1(a), f2(std::string("/tmp/city/") + "district-01.yaml"), g("b.yaml");
    CHECK(&f1.str() == &f2.str());  // one copy
    CHECK(f1 == f2);
    CHECK(f1 != g);
    CHECK(f1.str() == a);
    CHECK((SourceFile("a.yaml") < SourceFile("b.yaml")));  // by text, not by address
    CHECK((SourceFile("b.yaml") > SourceFile("a.yaml")));
    CHECK(SourceFile().empty());
    CHECK(SourceFile() == SourceFile(""));
    CHECK(fmt::format("{}:{}", SourceFile("x.yaml"), 3) == "x.yaml:3");
    SourceLocation loc{"site.yaml", 4, 2};
    const std::string& as_string = loc.file;
    CHECK(as_string == "site.yaml");
}

TEST_CASE("source file: the same string from several threads") {
    std::vector<const std::string*> seen(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i)
        threads.emplace_back([&seen, i] {
            for (int k = 0; k < 1000; ++k) {
                SourceFile other("other-" + std::to_string(k % 7) + ".yaml");  // a busy table
                seen[i] = &SourceFile("shared.yaml").str();
            }
        });
    for (auto& t : threads) t.join();
    CHECK(std::all_of(seen.begin(), seen.end(), [&](auto* p) { return p == seen[0]; }));
}
