// The rule-pack API: labels, kind patterns, regions, the search path and the rule set.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "audit/rule_pack.hpp"

namespace fs = std::filesystem;
using namespace camaudit;
using namespace camaudit::audit;

namespace {

const std::string kRules = std::string(CAMAUDIT_SOURCE_DIR) + "/rules";

// Sets CAMAUDIT_RULES for the lifetime of the object, then restores it.
class ScopedRulesEnv {
  public:
    explicit ScopedRulesEnv(const std::string& value) {
        if (const char* old = std::getenv("CAMAUDIT_RULES")) old_ = old;
        setenv("CAMAUDIT_RULES", value.c_str(), 1);
    }
    ~ScopedRulesEnv() {
        if (old_)
            setenv("CAMAUDIT_RULES", old_->c_str(), 1);
        else
            unsetenv("CAMAUDIT_RULES");
    }

  private:
    std::optional<std::string> old_;
};

// A fresh folder under the system's temporary folder, removed at the end.
class TempDir {
  public:
    explicit TempDir(const std::string& name)
        : path_(fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path_ / name) << text;
        return (path_ / name).string();
    }

  private:
    fs::path path_;
};

Citation cite(int article, int paragraph = 0, int item = 0) {
    Citation c;
    c.article = article;
    c.paragraph = paragraph;
    c.item = item;
    return c;
}

std::vector<std::string> pack_ids(const RuleSet& set) {
    std::vector<std::string> ids;
    for (const auto& p : set.packs) ids.push_back(p.id);
    return ids;
}

std::string small_pack(const std::string& id, const std::string& regions,
                       const std::string& extends) {
    std::string kind = id;
    for (char& c : kind)
        if (c == '-') c = '_';
    return "camaudit_rules: 1\n"
           "pack: {id: " +
           id + ", name_zh: 测试, name_en: test, regions: " + regions + ", extends: " + extends +
           "}\n"
           "kinds:\n"
           "  - {id: test." +
           kind +
           ", name_zh: 测试, name_en: test, category: mandatory}\n"
           "rules:\n"
           "  - {id: " +
           id + "-coverage, check: mandatory-coverage, kinds: [test." + kind +
           ", hotel.lobby], title_zh: 测试, title_en: test,\n"
           "     citations: [{doc: cn-regulation-2025, article: 7, text: 公共安全}]}\n";
}

}  // namespace

TEST_CASE("zh_numeral writes Chinese numerals") {
    CHECK(zh_numeral(1) == "一");
    CHECK(zh_numeral(8) == "八");
    CHECK(zh_numeral(10) == "十");
    CHECK(zh_numeral(14) == "十四");
    CHECK(zh_numeral(20) == "二十");
    CHECK(zh_numeral(34) == "三十四");
    CHECK(zh_numeral(100) == "一百");
    CHECK(zh_numeral(105) == "一百零五");
    CHECK(zh_numeral(110) == "一百一十");
    CHECK(zh_numeral(2005) == "二千零五");
}

TEST_CASE("citation labels in Chinese and English") {
    Citation c = cite(8, 1, 1);
    CHECK(c.label_zh("条例") == "条例第八条第一款第（一）项");
    CHECK(c.label_en("Regulation") == "Regulation art. 8(1)(i)");
    CHECK(c.label_zh("") == "第八条第一款第（一）项");
    CHECK(c.label_en("") == "Art. 8(1)(i)");

    Citation ah = cite(7, 1, 14);
    CHECK(ah.label_zh("安徽办法") == "安徽办法第七条第一款第（十四）项");
    CHECK(ah.label_en("Anhui Measures") == "Anhui Measures art. 7(1)(xiv)");

    Citation item_only = cite(8, 0, 4);
    CHECK(item_only.label_zh("安徽办法") == "安徽办法第八条第（四）项");
    CHECK(item_only.label_en("Anhui Measures") == "Anhui Measures art. 8(iv)");

    Citation para = cite(7, 3);
    CHECK(para.label_zh("条例") == "条例第七条第三款");
    CHECK(para.label_en("Regulation") == "Regulation art. 7(3)");

    Citation whole = cite(33);
    CHECK(whole.label_zh("条例") == "条例第三十三条");
    CHECK(whole.label_en("Regulation") == "Regulation art. 33");
}

TEST_CASE("kind patterns") {
    CHECK(kind_glob_match("*", "hotel.lobby"));
    CHECK(kind_glob_match("hotel.*", "hotel.lobby"));
    CHECK_FALSE(kind_glob_match("hotel.*", "homestay.room"));
    CHECK(kind_glob_match("*.key_part", "school.key_part"));
    CHECK(kind_glob_match("military.*", "military.restricted_zone"));
    CHECK(kind_glob_match("hotel.lobb?", "hotel.lobby"));
    CHECK_FALSE(kind_glob_match("hotel.lobby", "hotel.lobby2"));
    CHECK(kind_glob_match("*room*", "public.changing_room"));

    Rule r;
    CHECK(r.applies_to_kind("anything.at_all"));  // no kinds: every kind
    r.kinds = {"military.*", "classified.unit"};
    CHECK(r.applies_to_kind("military.management_zone"));
    CHECK(r.applies_to_kind("classified.unit"));
    CHECK_FALSE(r.applies_to_kind("classified.units"));
}

TEST_CASE("regions match exactly or as a prefix ending at '-'") {
    RulePack p;
    p.regions = {"CN-AH"};
    CHECK(p.matches_region("CN-AH"));
    CHECK(p.matches_region("cn-ah"));
    CHECK_FALSE(p.matches_region("CN"));
    CHECK_FALSE(p.matches_region("CN-AHX"));
    CHECK_FALSE(p.matches_region("MC"));
    p.regions = {"CN"};
    CHECK(p.matches_region("CN-AH"));
    CHECK(p.matches_region(""));  // the default region is CN
    CHECK_FALSE(p.matches_region("CNX"));
}

TEST_CASE("the search path and find_pack") {
    ScopedRulesEnv env("/nonexistent-camaudit-dir:" + kRules);
    auto path = rule_search_path();
    REQUIRE_FALSE(path.empty());
    CHECK(fs::equivalent(path.front(), kRules));  // missing folders are left out
    REQUIRE(find_pack("cn").has_value());
    CHECK(fs::equivalent(*find_pack("cn"), kRules + "/cn.yaml"));
    CHECK(find_pack("cn-ah").has_value());
    CHECK_FALSE(find_pack("cn-zz").has_value());
    CHECK(find_pack(kRules + "/cn-ah.yaml") == kRules + "/cn-ah.yaml");
    CHECK_FALSE(find_pack(kRules + "/missing.yaml").has_value());
}

TEST_CASE("load_rule_set picks cn and the packs of the region") {
    ScopedRulesEnv env(kRules);
    Diagnostics diag;
    auto ah = load_rule_set("CN-AH", {}, diag);
    REQUIRE_MESSAGE(ah.has_value(), (diag.all().empty() ? "" : diag.all().front().str()));
    CHECK(pack_ids(*ah) == std::vector<std::string>{"cn", "cn-ah"});
    CHECK_FALSE(diag.has_errors());

    auto mc = load_rule_set("MC", {}, diag);
    REQUIRE(mc.has_value());
    CHECK(pack_ids(*mc) == std::vector<std::string>{"cn"});
    for (const char* region : {"", "CN", "CN-BJ", "CN-AHX"}) {
        auto s = load_rule_set(region, {}, diag);
        REQUIRE(s.has_value());
        CHECK(pack_ids(*s) == std::vector<std::string>{"cn"});
    }
    CHECK_FALSE(diag.has_errors());

    // Explicit packs: cn plus those, whatever the region.
    auto ex = load_rule_set("MC", {"cn-ah"}, diag);
    REQUIRE(ex.has_value());
    CHECK(pack_ids(*ex) == std::vector<std::string>{"cn", "cn-ah"});
    auto by_file = load_rule_set("MC", {kRules + "/cn-ah.yaml", "cn"}, diag);
    REQUIRE(by_file.has_value());
    CHECK(pack_ids(*by_file) == std::vector<std::string>{"cn", "cn-ah"});
    CHECK_FALSE(diag.has_errors());

    auto missing = load_rule_set("CN-AH", {"cn-zz"}, diag);
    CHECK_FALSE(missing.has_value());
    REQUIRE(diag.error_count() == 1);
    CHECK(diag.all().front().str().starts_with("cn-zz: rule pack not found"));
}

TEST_CASE("RuleSet lookups: the last definition of a kind wins") {
    ScopedRulesEnv env(kRules);
    Diagnostics diag;
    auto cn = load_rule_set("CN", {}, diag);
    auto ah = load_rule_set("CN-AH", {}, diag);
    REQUIRE(cn.has_value());
    REQUIRE(ah.has_value());
    REQUIRE(cn->kind("hotel.lobby") != nullptr);
    CHECK(cn->kind("hotel.lobby")->category == KindCategory::Neutral);
    CHECK(ah->kind("hotel.lobby")->category == KindCategory::Mandatory);
    // 条例 8 ¶1 (四) nationally (issue #14 point 5), 安徽 8 (四) in Anhui
    CHECK(cn->kind("polling.booth")->category == KindCategory::Forbidden);
    CHECK(ah->kind("polling.booth")->category == KindCategory::Forbidden);
    CHECK(ah->kind("hotel.guest_room")->category == KindCategory::Forbidden);
    CHECK(ah->kind("no.such_kind") == nullptr);
    CHECK(cn->kinds().size() == ah->kinds().size());  // cn-ah adds no new kind ids
    REQUIRE(ah->rule("ah-guest-room-view") != nullptr);
    CHECK(ah->rule("ah-guest-room-view")->pack == "cn-ah");
    CHECK(ah->rule("cn-guest-room-view")->pack == "cn");
    CHECK(cn->rule("ah-guest-room-view") == nullptr);
    CHECK(ah->instrument("cn-ah-measures") != nullptr);
    CHECK(ah->instrument("cn-regulation-2025")->short_zh == "条例");
    CHECK(ah->pack("cn-ah")->extends == std::vector<std::string>{"cn"});
    auto rules = ah->rules();
    REQUIRE(rules.size() == cn->rules().size() + ah->pack("cn-ah")->rules.size());
    CHECK(rules.front()->pack == "cn");
    CHECK(rules.back()->pack == "cn-ah");
}

TEST_CASE("a pack found in the search path extends the packs before it") {
    TempDir dir("camaudit-rules-test");
    dir.write("cn-ah-hf.yaml", small_pack("cn-ah-hf", "[CN-AH-HF]", "[cn-ah]"));
    dir.write("zz-region.yaml", small_pack("zz-region", "[ZZ]", "[cn]"));
    ScopedRulesEnv env(dir.path().string() + ":" + kRules);
    Diagnostics diag;
    // The local pack comes first in the search path, but after cn-ah, which it extends.
    auto s = load_rule_set("CN-AH-HF", {}, diag);
    REQUIRE_MESSAGE(s.has_value(), (diag.all().empty() ? "" : diag.all().front().str()));
    CHECK(pack_ids(*s) == std::vector<std::string>{"cn", "cn-ah", "cn-ah-hf"});
    auto zz = load_rule_set("ZZ", {}, diag);
    REQUIRE(zz.has_value());
    CHECK(pack_ids(*zz) == std::vector<std::string>{"cn", "zz-region"});
    CHECK_FALSE(diag.has_errors());
    // Without cn-ah, the pack that extends it cannot load.
    auto alone = load_rule_set("MC", {"cn-ah-hf"}, diag);
    CHECK_FALSE(alone.has_value());
    REQUIRE(diag.has_errors());
    CHECK(diag.all().front().message.find("extends cn-ah") != std::string::npos);
}

TEST_CASE("load_rule_set reports what one pack cannot check alone") {
    TempDir dir("camaudit-rules-bad");
    const std::string dup = dir.write(
        "dup.yaml",
        "camaudit_rules: 1\n"
        "pack: {id: dup, name_zh: 重复, name_en: dup, extends: [cn]}\n"
        "rules:\n"
        "  - {id: cn-signage, check: missing-signage, title_zh: 重复, title_en: dup}\n"
        "  - {id: dup-view, check: forbidden-view, kinds: [hotel.guestroom], title_zh: 视, "
        "title_en: view,\n"
        "     citations: [{doc: no-such-law, article: 1, text: 文本}]}\n");
    ScopedRulesEnv env(kRules);
    Diagnostics diag;
    CHECK_FALSE(load_rule_set("CN", {dup}, diag).has_value());
    std::string all;
    for (const auto& d : diag.sorted()) all += d.str() + "\n";
    CAPTURE(all);
    CHECK(all.find("dup.yaml:4:5: rule id \"cn-signage\" is already defined") != std::string::npos);
    CHECK(all.find("dup.yaml:5:51: unknown kind \"hotel.guestroom\"") != std::string::npos);
    CHECK(all.find("dup.yaml:6:18: citation of unknown instrument \"no-such-law\"") !=
          std::string::npos);
}
