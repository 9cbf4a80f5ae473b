// Finding packs, combining them into the active rule set, and the citation labels.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>

#include "audit/rule_pack.hpp"

namespace camaudit::audit {

namespace fs = std::filesystem;

bool kind_glob_match(std::string_view p, std::string_view s) {
    // Iterative matching with one backtrack point for the last '*'.
    std::size_t i = 0, j = 0, star = std::string_view::npos, mark = 0;
    while (j < s.size()) {
        if (i < p.size() && (p[i] == '?' || p[i] == s[j])) {
            ++i;
            ++j;
        } else if (i < p.size() && p[i] == '*') {
            star = i++;
            mark = j;
        } else if (star != std::string_view::npos) {
            i = star + 1;
            j = ++mark;
        } else {
            return false;
        }
    }
    while (i < p.size() && p[i] == '*') ++i;
    return i == p.size();
}

bool Rule::applies_to_kind(const std::string& kind) const {
    if (kinds.empty()) return true;
    return std::any_of(kinds.begin(), kinds.end(),
                       [&](const std::string& k) { return kind_glob_match(k, kind); });
}

std::string zh_numeral(int n) {
    static const char* const digit[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0 || n > 9999) return std::to_string(n);
    if (n < 10) return digit[n];
    if (n < 20) return std::string("十") + (n % 10 ? digit[n % 10] : "");
    static const char* const unit[] = {"千", "百", "十", ""};
    static const int div[] = {1000, 100, 10, 1};
    std::string out;
    bool started = false, zero = false;
    for (int i = 0; i < 4; ++i) {
        int q = n / div[i] % 10;
        if (q == 0) {
            zero = zero || started;
            continue;
        }
        if (zero) out += "零";
        zero = false;
        out += digit[q];
        out += unit[i];
        started = true;
    }
    return out;
}

namespace {

std::string roman_lower(int n) {
    static const std::pair<int, const char*> table[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
        {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    if (n <= 0) return std::to_string(n);
    std::string out;
    for (const auto& [v, s] : table)
        while (n >= v) {
            out += s;
            n -= v;
        }
    return out;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

}  // namespace

std::string Citation::label_zh(const std::string& short_title_zh) const {
    std::string out = short_title_zh + "第" + zh_numeral(article) + "条";
    if (paragraph > 0) out += "第" + zh_numeral(paragraph) + "款";
    if (item > 0) out += "第（" + zh_numeral(item) + "）项";
    return out;
}

std::string Citation::label_en(const std::string& short_title_en) const {
    std::string out = short_title_en.empty() ? "Art. " : short_title_en + " art. ";
    out += std::to_string(article);
    if (paragraph > 0) out += fmt::format("({})", paragraph);
    if (item > 0) out += fmt::format("({})", roman_lower(item));
    return out;
}

bool RulePack::matches_region(const std::string& region) const {
    const std::string site = upper(region.empty() ? "CN" : region);
    return std::any_of(regions.begin(), regions.end(), [&](const std::string& r) {
        const std::string code = upper(r);
        return site == code ||
               (site.size() > code.size() && site.starts_with(code) && site[code.size()] == '-');
    });
}

std::vector<std::string> rule_search_path() {
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("CAMAUDIT_RULES")) {
        std::string_view rest(env);
        while (!rest.empty()) {
            auto colon = rest.find(':');
            auto part = rest.substr(0, colon);
            if (!part.empty()) candidates.emplace_back(part);
            rest = colon == std::string_view::npos ? "" : rest.substr(colon + 1);
        }
    }
#ifdef CAMAUDIT_INSTALL_RULES_DIR
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    fs::path installed = CAMAUDIT_INSTALL_RULES_DIR;
    if (installed.is_absolute())
        candidates.push_back(installed);
    else if (!ec)
        candidates.push_back(exe.parent_path() / ".." / installed);
#endif
#ifdef CAMAUDIT_SOURCE_RULES_DIR
    candidates.emplace_back(CAMAUDIT_SOURCE_RULES_DIR);
#endif
    std::vector<std::string> out;
    std::set<fs::path> seen;
    for (const auto& c : candidates) {
        std::error_code e;
        if (!fs::is_directory(c, e)) continue;
        fs::path canon = fs::weakly_canonical(c, e);
        if (e) canon = c.lexically_normal();
        if (seen.insert(canon).second) out.push_back(canon.string());
    }
    return out;
}

std::optional<std::string> find_pack(const std::string& name_or_file) {
    std::error_code ec;
    const bool path_like = name_or_file.find('/') != std::string::npos ||
                           name_or_file.ends_with(".yaml") || name_or_file.ends_with(".yml");
    if (path_like) {
        if (fs::is_regular_file(name_or_file, ec)) return name_or_file;
        return std::nullopt;
    }
    if (name_or_file.empty()) return std::nullopt;
    for (const auto& dir : rule_search_path()) {
        fs::path p = fs::path(dir) / (name_or_file + ".yaml");
        if (fs::is_regular_file(p, ec)) return p.string();
    }
    if (fs::is_regular_file(name_or_file, ec)) return name_or_file;
    return std::nullopt;
}

const KindDef* RuleSet::kind(const std::string& id) const {
    for (auto p = packs.rbegin(); p != packs.rend(); ++p)
        for (const auto& k : p->kinds)
            if (k.id == id) return &k;
    return nullptr;
}

const Instrument* RuleSet::instrument(const std::string& id) const {
    for (const auto& p : packs)
        for (const auto& i : p.instruments)
            if (i.id == id) return &i;
    return nullptr;
}

const Rule* RuleSet::rule(const std::string& id) const {
    for (const auto& p : packs)
        for (const auto& r : p.rules)
            if (r.id == id) return &r;
    return nullptr;
}

const RulePack* RuleSet::pack(const std::string& id) const {
    for (const auto& p : packs)
        if (p.id == id) return &p;
    return nullptr;
}

std::vector<const Rule*> RuleSet::rules() const {
    std::vector<const Rule*> out;
    for (const auto& p : packs)
        for (const auto& r : p.rules) out.push_back(&r);
    return out;
}

std::vector<const KindDef*> RuleSet::kinds() const {
    std::vector<const KindDef*> out;
    std::map<std::string, std::size_t> index;
    for (const auto& p : packs)
        for (const auto& k : p.kinds) {
            auto [it, fresh] = index.emplace(k.id, out.size());
            if (fresh)
                out.push_back(&k);
            else
                out[it->second] = &k;
        }
    return out;
}

namespace {

std::string canonical(const std::string& file) {
    std::error_code ec;
    auto c = fs::weakly_canonical(file, ec);
    return ec ? file : c.string();
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "none" : out;
}

// What one pack cannot check alone: its `extends`, and the instruments, kinds and rule ids it
// shares with the packs before it.
void check_against_earlier(const RuleSet& set, std::size_t i, Diagnostics& diag) {
    const RulePack& pack = set.packs[i];
    auto earlier_has = [&](auto pred) {
        for (std::size_t j = 0; j < i; ++j)
            if (pred(set.packs[j])) return true;
        return false;
    };
    for (const auto& e : pack.extends)
        if (!earlier_has([&](const RulePack& p) { return p.id == e; }))
            diag.error(pack.loc, fmt::format("pack {} extends {}, which is not loaded before it",
                                             pack.id, e));
    auto has_instrument = [&](const RulePack& p, const std::string& id) {
        return std::any_of(p.instruments.begin(), p.instruments.end(),
                           [&](const Instrument& x) { return x.id == id; });
    };
    for (const auto& ins : pack.instruments)
        if (earlier_has([&](const RulePack& p) { return has_instrument(p, ins.id); }))
            diag.error(ins.loc, fmt::format("instrument \"{}\" is already defined by an earlier "
                                            "pack; cite it with `extends`",
                                            ins.id));
    auto check_citations = [&](const std::vector<Citation>& cs) {
        for (const auto& c : cs)
            if (!has_instrument(pack, c.doc) &&
                !earlier_has([&](const RulePack& p) { return has_instrument(p, c.doc); }))
                diag.error(c.loc, fmt::format("citation of unknown instrument \"{}\"", c.doc));
    };
    for (const auto& k : pack.kinds) check_citations(k.citations);
    for (const auto& r : pack.rules) {
        check_citations(r.citations);
        check_citations(r.penalties);
        if (earlier_has([&](const RulePack& p) {
                return std::any_of(p.rules.begin(), p.rules.end(),
                                   [&](const Rule& x) { return x.id == r.id; });
            }))
            diag.error(r.loc,
                       fmt::format("rule id \"{}\" is already defined by an earlier pack", r.id));
        for (std::size_t k = 0; k < r.kinds.size(); ++k) {
            bool found = false;
            for (std::size_t j = 0; j <= i && !found; ++j)
                for (const auto& kd : set.packs[j].kinds)
                    found = found || kind_glob_match(r.kinds[k], kd.id);
            if (!found) diag.error(r.kind_locs[k], fmt::format("unknown kind \"{}\"", r.kinds[k]));
        }
    }
}

// A stable topological order: each pack after the packs it extends (cn stays first); packs
// whose `extends` cannot be met keep their order at the end, for check_against_earlier.
void order_by_extends(std::vector<RulePack>& packs) {
    std::vector<RulePack> rest(std::make_move_iterator(packs.begin() + 1),
                               std::make_move_iterator(packs.end()));
    packs.erase(packs.begin() + 1, packs.end());
    while (!rest.empty()) {
        auto ready = std::find_if(rest.begin(), rest.end(), [&](const RulePack& p) {
            return std::all_of(p.extends.begin(), p.extends.end(), [&](const std::string& e) {
                return std::any_of(packs.begin(), packs.end(),
                                   [&](const RulePack& q) { return q.id == e; });
            });
        });
        if (ready == rest.end()) ready = rest.begin();
        packs.push_back(std::move(*ready));
        rest.erase(ready);
    }
}

}  // namespace

std::optional<RuleSet> load_rule_set(const std::string& region,
                                     const std::vector<std::string>& explicit_packs,
                                     Diagnostics& diag) {
    const std::size_t before = diag.error_count();
    RuleSet set;
    std::vector<std::string> files;  // canonical paths of the loaded packs
    auto add = [&](const std::string& file, bool discovered) {
        const std::string canon = canonical(file);
        if (std::find(files.begin(), files.end(), canon) != files.end()) return;
        auto pack = load_rule_pack(file, diag);
        if (!pack) return;
        if (discovered && !pack->matches_region(region)) return;
        if (const RulePack* other = set.pack(pack->id)) {
            // A pack found again further down the search path is shadowed, as in $PATH.
            if (!discovered)
                diag.error(pack->loc, fmt::format("pack id \"{}\" is already loaded from {}",
                                                  pack->id, other->file));
            return;
        }
        files.push_back(canon);
        set.packs.push_back(std::move(*pack));
    };
    const auto search = rule_search_path();
    auto cn = find_pack("cn");
    if (!cn) {
        diag.error(
            {"cn", 0, 0},
            fmt::format("rule pack not found (searched: {}; set CAMAUDIT_RULES)", joined(search)));
        return std::nullopt;
    }
    add(*cn, false);
    if (diag.error_count() != before) return std::nullopt;
    if (set.packs.empty() || set.packs.front().id != "cn") {
        diag.error({*cn, 0, 0}, "the pack cn.yaml must have the id \"cn\"");
        return std::nullopt;
    }
    if (!explicit_packs.empty()) {
        for (const auto& name : explicit_packs) {
            if (auto file = find_pack(name))
                add(*file, false);
            else
                diag.error({name, 0, 0},
                           fmt::format("rule pack not found (searched: {})", joined(search)));
        }
    } else {
        for (const auto& dir : search) {
            std::vector<std::string> candidates;
            std::error_code ec;
            for (const auto& entry : fs::directory_iterator(dir, ec))
                if (entry.path().extension() == ".yaml" && entry.is_regular_file(ec))
                    candidates.push_back(entry.path().string());
            std::sort(candidates.begin(), candidates.end());
            for (const auto& f : candidates) add(f, true);
        }
    }
    order_by_extends(set.packs);
    for (std::size_t i = 1; i < set.packs.size(); ++i) check_against_earlier(set, i, diag);
    if (diag.error_count() != before) return std::nullopt;
    return set;
}

}  // namespace camaudit::audit
