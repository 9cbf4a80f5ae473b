// camaudit.yaml: discovery (the nearest wins), reading and its errors, globs, and the rule
// names checked against the loaded packs.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "audit/config.hpp"
#include "report/render.hpp"

using namespace camaudit;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kFormats = report::report_formats();

class TempTree {
  public:
    TempTree()
        : root_(fs::temp_directory_path() / ("camaudit-config-" + std::to_string(::getpid()))) {
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    ~TempTree() {
        std::error_code ec;
        fs::remove_all(root_, ec);
    }
    const fs::path& root() const { return root_; }
    fs::path file(const std::string& rel, const std::string& text = "x: 1\n") const {
        const fs::path p = root_ / rel;
        fs::create_directories(p.parent_path());
        std::ofstream(p) << text;
        return p;
    }

  private:
    fs::path root_;
};

std::string first_error(const Diagnostics& diag) {
    auto all = diag.sorted();
    if (all.empty()) return "";
    const auto& d = all.front();
    return std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " + d.message;
}

}  // namespace

TEST_CASE("glob: *, ?, ** and hidden names") {
    using audit::glob_match;
    CHECK(glob_match("*.yaml", "a.yaml"));
    CHECK_FALSE(glob_match("*.yaml", "d/a.yaml"));  // `*` stays within a segment
    CHECK(glob_match("sites/*.y?ml", "sites/a.yaml"));
    CHECK(glob_match("sites/*.y?ml", "sites/a.yml") == false);
    CHECK(glob_match("**/*.yaml", "a.yaml"));  // none or more folders
    CHECK(glob_match("**/*.yaml", "x/y/z/a.yaml"));
    CHECK(glob_match("sites/**", "sites/x/a.yaml"));
    CHECK(glob_match("a/**/b/*.yaml", "a/b/c.yaml"));
    CHECK(glob_match("a/**/b/*.yaml", "a/x/y/b/c.yaml"));
    CHECK_FALSE(glob_match("a/**/b/*.yaml", "a/x/y/c.yaml"));
    CHECK_FALSE(glob_match("*", ".hidden"));
    CHECK_FALSE(glob_match("**/*.yaml", ".git/a.yaml"));
    CHECK(glob_match(".*", ".hidden"));
    CHECK(glob_match("?层.yaml", "一层.yaml"));  // `?` is one character, not one byte
    CHECK(glob_match("a*b*c", "aXbYbZc"));
    CHECK_FALSE(glob_match("a*b*c", "aXbYbZ"));
    CHECK(glob_match("./sites//a.yaml", "sites/a.yaml"));
}

TEST_CASE("glob: expanded over the folder tree, sorted") {
    TempTree t;
    for (const char* f : {"sites/b.yaml", "sites/a.yaml", "sites/sub/c.yml", "sites/sub/d.txt",
                          "sites/.hidden/e.yaml", "other/f.yaml"})
        t.file(f);
    using V = std::vector<std::string>;
    CHECK(audit::expand_glob(t.root(), "sites/*.yaml") == V{"sites/a.yaml", "sites/b.yaml"});
    CHECK(audit::expand_glob(t.root(), "**/*.y*ml") ==
          V{"other/f.yaml", "sites/a.yaml", "sites/b.yaml", "sites/sub/c.yml"});
    CHECK(audit::expand_glob(t.root(), "sites/**") ==
          V{"sites/a.yaml", "sites/b.yaml", "sites/sub/c.yml", "sites/sub/d.txt"});
    CHECK(audit::expand_glob(t.root(), "sites/sub/c.yml") == V{"sites/sub/c.yml"});
    CHECK(audit::expand_glob(t.root(), "sites/none.yaml").empty());
    CHECK(audit::expand_glob(t.root(), "sites").empty());  // a folder is not a file
}

TEST_CASE("config: the nearest camaudit.yaml wins") {
    TempTree t;
    t.file("camaudit.yaml", "fail_on: never\n");
    t.file("a/camaudit.yaml", "fail_on: warning\n");
    fs::create_directories(t.root() / "a/b/c");
    fs::create_directories(t.root() / "d");
    CHECK(audit::find_config(t.root() / "a/b/c") == "../../camaudit.yaml");
    CHECK(audit::find_config(t.root() / "a") == "camaudit.yaml");
    CHECK(audit::find_config(t.root() / "d") == "../camaudit.yaml");

    Diagnostics diag;
    auto near =
        audit::read_config((t.root() / "a/b/c" / "../../camaudit.yaml").string(), kFormats, diag);
    REQUIRE(near);
    CHECK(near->fail_on == "warning");
}

TEST_CASE("config: keys, and paths relative to the config's folder") {
    TempTree t;
    t.file("repo/sites/one.yaml");
    t.file("repo/sites/f2/two.yaml");
    t.file("repo/sites/skip.yaml");
    t.file("repo/sites/baseline.yaml");
    const auto cfg = t.file("repo/camaudit.yaml",
                            "sites: ['sites/**/*.yaml', '*.yaml']\n"
                            "exclude: [sites/skip.yaml]\n"
                            "baseline: sites/baseline.yaml\n"
                            "rules: [cn-ah, packs/mine.yaml]\n"
                            "fail_on: warning\nformat: json\noutput: out/report.json\n"
                            "lang: zh\n"
                            "rule_params:\n  mandatory-coverage: {min_fraction: 0.9}\n"
                            "disable: [missing-signage]\n");
    Diagnostics diag;
    auto c = audit::read_config(cfg.string(), kFormats, diag);
    REQUIRE_MESSAGE(c, first_error(diag));
    const std::string dir = (t.root() / "repo").string();
    REQUIRE(c->sites);
    // The config itself, the baseline and the excluded file are not sites.
    CHECK(*c->sites ==
          std::vector<std::string>{dir + "/sites/f2/two.yaml", dir + "/sites/one.yaml"});
    CHECK(c->baseline == dir + "/sites/baseline.yaml");
    CHECK(c->output == dir + "/out/report.json");
    CHECK(*c->rules == std::vector<std::string>{"cn-ah", dir + "/packs/mine.yaml"});
    CHECK(c->fail_on == "warning");
    CHECK(c->format == "json");
    CHECK(c->lang == "zh");
    CHECK(c->rule_params.at("mandatory-coverage").at("min_fraction") == 0.9);
    CHECK(c->disable == std::vector<std::string>{"missing-signage"});

    // From a subfolder: found as ../camaudit.yaml, its sites are ../sites/...
    fs::create_directories(t.root() / "repo/docs");
    const fs::path was = fs::current_path();
    fs::current_path(t.root() / "repo/docs");
    auto found = audit::find_config(fs::current_path());
    Diagnostics d2;
    auto rel = found ? audit::read_config(*found, kFormats, d2) : std::nullopt;
    fs::current_path(was);
    CHECK(found == "../camaudit.yaml");
    REQUIRE_MESSAGE(rel, first_error(d2));
    CHECK(*rel->sites == std::vector<std::string>{"../sites/f2/two.yaml", "../sites/one.yaml"});
    CHECK(rel->baseline == "../sites/baseline.yaml");
}

TEST_CASE("config: an empty file is a config without defaults") {
    Diagnostics diag;
    auto c = audit::parse_config("camaudit.yaml", "# project root\n", kFormats, diag);
    REQUIRE(c);
    CHECK_FALSE(c->sites);
    CHECK_FALSE(diag.has_errors());
}

TEST_CASE("config: errors with line and column") {
    auto error = [](const std::string& text) {
        Diagnostics diag;
        CHECK_FALSE(audit::parse_config("camaudit.yaml", text, kFormats, diag).has_value());
        return first_error(diag);
    };
    CHECK(error("fail-on: warning\n") ==
          "1:1: unknown key 'fail-on' in camaudit.yaml; did you mean 'fail_on'?");
    CHECK(error("fail_on: warnings\n") ==
          "1:10: fail_on: unknown value 'warnings' (expected one of: error, warning, never); "
          "did you mean 'warning'?");
    CHECK(error("format: pdf\n").starts_with("1:9: format: unknown value 'pdf'"));
    CHECK(error("lang: fr\n").starts_with("1:7: lang: unknown value 'fr'"));
    CHECK(error("rule_params:\n  forbidden-view: {min_overlap_m2: big}\n") ==
          "2:36: min_overlap_m2: expected a number, got 'big'");
    CHECK(error("rule_params:\n  a: {x: 1}\n  a: {x: 2}\n") ==
          "3:3: duplicate key 'a' (first given at 2:3)");
    CHECK(error("disable: {a: 1}\n").starts_with("1:10: disable: expected a list"));
    CHECK(error("lang: en\nlang: zh\n") == "2:1: duplicate key 'lang' (first given at 1:1)");
    CHECK(error("sites: ['no-such-dir/*.yaml']\n") ==
          "1:9: sites: 'no-such-dir/*.yaml' matches no file (in .)");
    CHECK(error("camaudit: 1\nsite: {id: x}\n").starts_with("1:1: this is a site file"));
    CHECK(error("- a\n") == "1:1: camaudit.yaml: expected a mapping, got a list");
    CHECK(error("lang: [en\n").find("YAML syntax error") != std::string::npos);
}

TEST_CASE("config: rule names checked against the loaded packs, kept per site") {
    Diagnostics diag;
    auto c = audit::parse_config("camaudit.yaml",
                                 "rule_params:\n"
                                 "  forbidden-view: {min_overlap_m2: 0.5}\n"
                                 "  ah-guest-room-view: {min_overlap_m2: 0.1}\n"
                                 "  mandatory-coverage: {min_fractoin: 0.9}\n"
                                 "  no-such-rule: {x: 1}\n"
                                 "disable: [missing-signage, missing-signge]\n",
                                 kFormats, diag);
    REQUIRE(c);
    auto cn = audit::load_rule_set("CN", {}, diag);
    auto ah = audit::load_rule_set("CN-AH", {}, diag);
    REQUIRE(cn);
    REQUIRE(ah);
    Diagnostics names;
    audit::validate_config_names(*c, {&*cn, &*ah}, names);
    auto all = names.sorted();
    REQUIRE(all.size() == 3);
    CHECK(all[0].loc.line == 4);
    CHECK(all[0].message.find("no parameter 'min_fractoin'; did you mean 'min_fraction'?") !=
          std::string::npos);
    CHECK(all[1].loc.line == 5);
    CHECK(all[1].message.find("'no-such-rule' is neither a check nor a rule of any") !=
          std::string::npos);
    CHECK(all[2].loc.line == 6);
    CHECK(all[2].loc.column == 28);
    CHECK(all[2].message.find("did you mean 'missing-signage'?") != std::string::npos);

    // A rule of the Anhui pack is a known name when no Anhui site is audited (a run over some
    // of the files), and applies to the Anhui sites only.
    Diagnostics none;
    audit::validate_config_names(*c, {&*cn}, none);
    CHECK(none.sorted().size() == 3);
    auto for_cn = audit::config_options_for(*c, *cn);
    auto for_ah = audit::config_options_for(*c, *ah);
    CHECK_FALSE(for_cn.rule_params.contains("ah-guest-room-view"));
    CHECK(for_ah.rule_params.at("ah-guest-room-view").at("min_overlap_m2") == 0.1);
    CHECK(for_cn.rule_params.contains("forbidden-view"));
    CHECK(for_cn.disable == std::vector<std::string>{"missing-signage"});
}
