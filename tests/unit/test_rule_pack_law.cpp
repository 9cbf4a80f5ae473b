// The packs quote the law: every citation's text is copied verbatim from the law file of its
// instrument (rules/law/), and lies in the article, paragraph and item that it names.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "audit/rule_pack.hpp"

using namespace camaudit;
using namespace camaudit::audit;

namespace {

const std::string kRules = std::string(CAMAUDIT_SOURCE_DIR) + "/rules";

struct Paragraph {
    std::string lead;                // the paragraph's own text
    std::vector<std::string> items;  // its items: （一）… in the 条例, (一)… in the others
};

struct Article {
    std::string text;  // from its heading "第N条" up to the next article's heading
    std::vector<Paragraph> paragraphs;
};

struct Law {
    std::string whole;
    std::map<int, Article> articles;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// "第八条 " (条例, 公安部规定: with a space) or "第八条" (安徽: without) at the start of a line:
// the article number and the heading's length in bytes.
std::optional<std::pair<int, std::size_t>> heading(const std::string& line) {
    static const std::map<std::string, int> numbers = [] {
        std::map<std::string, int> m;
        for (int n = 1; n < 300; ++n) m[zh_numeral(n)] = n;
        return m;
    }();
    const std::string di = "第", tiao = "条";
    if (!line.starts_with(di)) return std::nullopt;
    auto end = line.find(tiao, di.size());
    if (end == std::string::npos) return std::nullopt;
    auto it = numbers.find(line.substr(di.size(), end - di.size()));
    if (it == numbers.end()) return std::nullopt;
    std::size_t len = end + tiao.size();
    if (len < line.size() && line[len] == ' ') ++len;
    return std::pair{it->second, len};
}

// An item starts with its number in brackets, full-width （一） or half-width (一).
bool is_item(const std::string& line) {
    for (auto [open, close] : {std::pair{"（", "）"}, std::pair{"(", ")"}}) {
        if (!line.starts_with(open)) continue;
        auto end = line.find(close);
        if (end != std::string::npos && end < 20) return true;
    }
    return false;
}

Law parse_law(const std::string& path) {
    Law law;
    law.whole = read_file(path);
    std::istringstream in(law.whole);
    Article* cur = nullptr;
    for (std::string line; std::getline(in, line);) {
        if (auto h = heading(line)) {
            cur = &law.articles[h->first];
            cur->text = line;
            cur->paragraphs.push_back({line.substr(h->second), {}});
            continue;
        }
        if (!cur) continue;
        cur->text += "\n" + line;
        if (line.empty()) continue;
        if (is_item(line) && !cur->paragraphs.empty())
            cur->paragraphs.back().items.push_back(line);
        else
            cur->paragraphs.push_back({line, {}});
    }
    return law;
}

// "" when `c` is verbatim and in the place it names; else what is wrong.
std::string check_citation(const Law& law, const Citation& c) {
    if (law.whole.find(c.text_zh) == std::string::npos) return "text is not verbatim in the law";
    auto a = law.articles.find(c.article);
    if (a == law.articles.end()) return "no such article";
    const Article& art = a->second;
    if (art.text.find(c.text_zh) == std::string::npos) return "text is not in that article";
    const std::string* scope = &art.text;
    std::vector<std::string> items;
    if (c.paragraph > 0) {
        if (c.paragraph > static_cast<int>(art.paragraphs.size())) return "no such paragraph";
        const Paragraph& p = art.paragraphs[c.paragraph - 1];
        scope = &p.lead;
        items = p.items;
    } else {
        int with_items = 0;
        for (const auto& p : art.paragraphs) {
            with_items += p.items.empty() ? 0 : 1;
            items.insert(items.end(), p.items.begin(), p.items.end());
        }
        if (c.item > 0 && with_items != 1)
            return "an item of an article of several paragraphs "
                   "needs its paragraph";
        if (c.item == 0 && art.paragraphs.size() != 1) return "cite the paragraph";
    }
    if (c.item > 0) {
        if (c.item > static_cast<int>(items.size())) return "no such item";
        scope = &items[c.item - 1];
    }
    if (scope->find(c.text_zh) == std::string::npos) return "text is not in that paragraph/item";
    return "";
}

struct Fixture {
    RuleSet set;
    std::map<std::string, Law> laws;  // by instrument id

    Fixture() {
        Diagnostics diag;
        auto s = load_rule_set("MC", {kRules + "/cn-ah.yaml"}, diag);
        REQUIRE_MESSAGE(s.has_value(), (diag.all().empty() ? "" : diag.all().front().str()));
        set = std::move(*s);
        for (const auto& p : set.packs)
            for (const auto& i : p.instruments) laws[i.id] = parse_law(i.text_path);
    }
};

using Place = std::tuple<std::string, int, int, int>;

}  // namespace

TEST_CASE("the law parser knows the three texts") {
    Law reg = parse_law(kRules + "/law/cn-regulation-2025.md");
    Law ah = parse_law(kRules + "/law/cn-ah-measures.md");
    Law mps = parse_law(kRules + "/law/cn-mps-supervision-2025.md");
    CHECK(reg.articles.size() == 34);
    CHECK(ah.articles.size() == 27);
    CHECK(mps.articles.size() == 22);
    CHECK(reg.articles[7].paragraphs.size() == 3);
    CHECK(reg.articles[7].paragraphs[1].items.size() == 4);
    CHECK(reg.articles[8].paragraphs[0].lead ==
          "禁止在公共场所的下列区域、部位安装图像采集设备及相关设施：");
    CHECK(ah.articles[7].paragraphs[0].items.size() == 14);
    CHECK(ah.articles[7].paragraphs[0].items[13].starts_with("(十四)"));
    CHECK(ah.articles[8].paragraphs.size() == 1);
    CHECK(ah.articles[17].paragraphs[1].items[2] ==
          "(三)有效存储信息资料的期限不少于30日,法律、法规另有规定的,从其规定。");
    CHECK(mps.articles[10].paragraphs[0].items.size() == 13);
}

TEST_CASE("every citation is verbatim and in the place it names") {
    Fixture f;
    int checked = 0;
    auto check_all = [&](const std::string& owner, const std::vector<Citation>& cs) {
        CHECK_MESSAGE(!cs.empty(), owner, " cites nothing");
        for (const auto& c : cs) {
            REQUIRE_MESSAGE(f.laws.count(c.doc) == 1, owner, ": unknown instrument ", c.doc);
            const Instrument* ins = f.set.instrument(c.doc);
            std::string problem = check_citation(f.laws.at(c.doc), c);
            CHECK_MESSAGE(problem.empty(), owner, " cites ", c.label_en(ins->short_en), ": ",
                          problem, "\n  ", c.text_zh);
            ++checked;
        }
    };
    for (const auto& p : f.set.packs) {
        for (const auto& k : p.kinds) check_all(p.id + " kind " + k.id, k.citations);
        for (const auto& r : p.rules) {
            check_all("rule " + r.id, r.citations);
            if (!r.penalties.empty()) check_all("rule " + r.id + " penalty", r.penalties);
        }
    }
    CHECK(checked > 150);
}

TEST_CASE("the law that a site file can evidence is covered by rules") {
    Fixture f;
    std::set<Place> cited;
    for (const Rule* r : f.set.rules())
        for (const auto& c : r->citations) cited.insert({c.doc, c.article, c.paragraph, c.item});
    const std::string reg = "cn-regulation-2025", ah = "cn-ah-measures";
    std::vector<Place> needed = {{reg, 7, 1, 0},
                                 {reg, 7, 2, 0},
                                 {reg, 7, 3, 0},
                                 {reg, 8, 1, 1},
                                 {reg, 8, 1, 2},
                                 {reg, 8, 1, 3},
                                 {reg, 8, 1, 4},
                                 {reg, 9, 1, 0},
                                 {reg, 9, 2, 0},
                                 {reg, 10, 0, 0},
                                 {reg, 13, 0, 0},
                                 {reg, 14, 1, 0},
                                 {reg, 17, 0, 0},
                                 {reg, 33, 1, 0},
                                 {ah, 7, 2, 0},
                                 {ah, 8, 0, 1},
                                 {ah, 8, 0, 2},
                                 {ah, 8, 0, 3},
                                 {ah, 8, 0, 4},
                                 {ah, 8, 0, 5},
                                 {ah, 9, 1, 0},
                                 {ah, 9, 2, 0},
                                 {ah, 9, 3, 0},
                                 {ah, 13, 2, 0},
                                 // not 13 ¶3: its 60 days for old systems are not applied
                                 // (spec, "Revision 2: the precise rules" 3)
                                 {ah, 14, 0, 0},
                                 {ah, 17, 2, 3},
                                 {"cn-mps-supervision-2025", 6, 0, 1},
                                 {"cn-mps-supervision-2025", 6, 0, 2}};
    for (int i = 1; i <= 4; ++i) needed.push_back({reg, 7, 2, i});
    for (int i = 1; i <= 14; ++i) needed.push_back({ah, 7, 1, i});
    for (const auto& p : needed) {
        CAPTURE(std::get<0>(p));
        CAPTURE(std::get<1>(p));
        CAPTURE(std::get<2>(p));
        CAPTURE(std::get<3>(p));
        CHECK(cited.count(p) == 1);
    }
}

TEST_CASE("the packs ship the law texts they cite") {
    Fixture f;
    for (const auto& p : f.set.packs)
        for (const auto& i : p.instruments) {
            CAPTURE(i.id);
            CHECK(i.text_path.starts_with(kRules + "/law/"));
            CHECK(f.laws[i.id].articles.size() > 10);
            CHECK_FALSE(i.short_zh.empty());
            CHECK_FALSE(i.short_en.empty());
        }
    const Instrument* reg = f.set.instrument("cn-regulation-2025");
    REQUIRE(reg != nullptr);
    CHECK(reg->number == "国务院令第799号");
    CHECK(reg->effective == Date{2025, 4, 1});
}
