// Reading one rule pack (the format is documented in rules/README.md).
#include "audit/rule_pack.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "audit/check_def.hpp"
#include "audit/rule_pack_yaml.hpp"

namespace camaudit::audit {

namespace fs = std::filesystem;
using packyaml::FieldReader;
using packyaml::Node;

std::string_view to_string(KindCategory c) {
    switch (c) {
        case KindCategory::Forbidden:
            return "forbidden";
        case KindCategory::Mandatory:
            return "mandatory";
        case KindCategory::Classified:
            return "classified";
        case KindCategory::Neutral:
            return "neutral";
    }
    return "neutral";
}

std::optional<KindCategory> parse_kind_category(std::string_view s) {
    for (auto c : {KindCategory::Forbidden, KindCategory::Mandatory, KindCategory::Classified,
                   KindCategory::Neutral})
        if (to_string(c) == s) return c;
    return std::nullopt;
}

namespace {

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}
bool is_kind_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// pack, instrument and rule ids: lower-case letters, digits and '-', not starting with '-'.
bool valid_id(const std::string& s) {
    if (s.empty() || s.front() == '-') return false;
    for (char c : s)
        if (!is_id_char(c)) return false;
    return true;
}

// place.part; with `glob`, '*' and '?' may stand for characters of either part.
bool valid_kind(const std::string& s, bool glob) {
    auto dot = s.find('.');
    if (s == "*" && glob) return true;
    if (dot == std::string::npos || dot == 0 || dot + 1 == s.size()) return false;
    if (s.find('.', dot + 1) != std::string::npos) return false;
    for (char c : s)
        if (c != '.' && !is_kind_char(c) && !(glob && (c == '*' || c == '?'))) return false;
    return true;
}

class PackReader : FieldReader {
  public:
    PackReader(std::string file, Diagnostics& diag) : FieldReader(std::move(file), diag) {}

    std::optional<RulePack> read(const Node& root);

  private:
    void read_pack(const Node& n, RulePack& pack);
    void read_instrument(const Node& n, RulePack& pack);
    void read_kind(const Node& n, RulePack& pack);
    void read_rule(const Node& n, RulePack& pack);
    std::vector<Citation> citations(const Node& owner, const RulePack& pack);
    void check_unique(const std::string& id, const Node& at, std::string_view what,
                      std::map<std::string, int>& seen) {
        auto [it, fresh] = seen.emplace(id, at.line);
        if (!fresh)
            error(at,
                  fmt::format("duplicate {} id \"{}\" (first at line {})", what, id, it->second));
    }
    const Node& id_node(const Node& map) {
        const Node* n = map.find("id");
        return n ? *n : map;
    }

    std::map<std::string, int> instrument_ids_, kind_ids_, rule_ids_;
};

std::optional<RulePack> PackReader::read(const Node& root) {
    const std::size_t before = diag_.error_count();
    if (!expect_map(root, "a rule pack")) return std::nullopt;
    check_keys(root, {"camaudit_rules", "pack", "instruments", "kinds", "rules"}, "rule pack");
    const Node* version = root.find("camaudit_rules");
    if (!version) {
        error(root, "a rule pack starts with \"camaudit_rules: 1\"");
    } else if (auto v = integer(*version, "camaudit_rules"); v && *v != 1) {
        error(*version,
              fmt::format("unsupported rule pack version {} (this camaudit reads 1)", *v));
    }
    RulePack pack;
    pack.file = file_;
    pack.loc = {file_, 1, 1};
    if (const Node* p = root.find("pack"); !p) {
        error(root, "a rule pack needs \"pack\"");
    } else if (expect_map(*p, "\"pack\"")) {
        read_pack(*p, pack);
    }
    if (const Node* s = seq(root, "instruments"))
        for (const auto& n : s->items) read_instrument(n, pack);
    if (const Node* s = seq(root, "kinds"))
        for (const auto& n : s->items) read_kind(n, pack);
    if (const Node* s = seq(root, "rules"))
        for (const auto& n : s->items) read_rule(n, pack);
    if (diag_.error_count() != before) return std::nullopt;
    return pack;
}

void PackReader::read_pack(const Node& n, RulePack& pack) {
    check_keys(n, {"id", "name_zh", "name_en", "regions", "extends"}, "pack");
    pack.loc = loc(n);
    pack.id = text(n, "id", true, "pack");
    if (!pack.id.empty() && !valid_id(pack.id))
        error(id_node(n), fmt::format("invalid pack id \"{}\" (use a-z, 0-9 and -)", pack.id));
    pack.name_zh = text(n, "name_zh", true, "pack");
    pack.name_en = text(n, "name_en", true, "pack");
    for (auto& [r, l] : strings(n, "regions")) pack.regions.push_back(r);
    for (auto& [e, l] : strings(n, "extends")) pack.extends.push_back(e);
}

void PackReader::read_instrument(const Node& n, RulePack& pack) {
    if (!expect_map(n, "an instrument")) return;
    check_keys(n,
               {"id", "title_zh", "title_en", "short_zh", "short_en", "issuer_zh", "issuer_en",
                "number", "promulgated", "effective", "text"},
               "instrument");
    Instrument ins;
    ins.loc = loc(n);
    ins.id = text(n, "id", true, "an instrument");
    if (!ins.id.empty()) {
        if (!valid_id(ins.id))
            error(id_node(n),
                  fmt::format("invalid instrument id \"{}\" (use a-z, 0-9 and -)", ins.id));
        check_unique(ins.id, id_node(n), "instrument", instrument_ids_);
    }
    ins.title_zh = text(n, "title_zh", true, "an instrument");
    ins.title_en = text(n, "title_en", true, "an instrument");
    ins.short_zh = text(n, "short_zh", true, "an instrument");
    ins.short_en = text(n, "short_en", true, "an instrument");
    ins.issuer_zh = text(n, "issuer_zh", false, "");
    ins.issuer_en = text(n, "issuer_en", false, "");
    ins.number = text(n, "number", false, "");
    ins.promulgated = date(n, "promulgated");
    ins.effective = date(n, "effective");
    ins.text_file = text(n, "text", false, "");
    if (!ins.text_file.empty())
        ins.text_path = (fs::path(file_).parent_path() / ins.text_file).lexically_normal().string();
    pack.instruments.push_back(std::move(ins));
}

std::vector<Citation> PackReader::citations(const Node& owner, const RulePack& pack) {
    std::vector<Citation> out;
    const Node* s = seq(owner, "citations");
    if (!s) return out;
    for (const auto& n : s->items) {
        if (!expect_map(n, "a citation")) continue;
        check_keys(n, {"doc", "article", "paragraph", "item", "text"}, "citation");
        Citation c;
        c.loc = loc(n);
        c.doc = text(n, "doc", true, "a citation");
        bool known = false;
        for (const auto& ins : pack.instruments) known = known || ins.id == c.doc;
        // With `extends`, the instrument may come from a pack loaded before: load_rule_set
        // checks it then.
        if (!c.doc.empty() && !known && pack.extends.empty())
            error(*n.find("doc"), fmt::format("citation of unknown instrument \"{}\"", c.doc));
        const Node* article = n.find("article");
        if (!article) {
            error(n, "a citation needs \"article\"");
        } else if (auto a = integer(*article, "article")) {
            if (*a < 1 || *a > 9999) error(*article, "\"article\" must be from 1 to 9999");
            c.article = static_cast<int>(*a);
        }
        for (const char* key : {"paragraph", "item"}) {
            const Node* v = n.find(key);
            if (!v) continue;
            if (auto x = integer(*v, key)) {
                if (*x < 0 || *x > 999) error(*v, fmt::format("\"{}\" must be from 0 to 999", key));
                (std::string_view(key) == "item" ? c.item : c.paragraph) = static_cast<int>(*x);
            }
        }
        c.text_zh = text(n, "text", true, "a citation");
        out.push_back(std::move(c));
    }
    return out;
}

void PackReader::read_kind(const Node& n, RulePack& pack) {
    if (!expect_map(n, "a kind")) return;
    check_keys(n, {"id", "name_zh", "name_en", "public", "category", "article7", "citations"},
               "kind");
    KindDef k;
    k.loc = loc(n);
    k.id = text(n, "id", true, "a kind");
    if (!k.id.empty()) {
        if (!valid_kind(k.id, false))
            error(id_node(n),
                  fmt::format("invalid kind id \"{}\" (place.part: a-z, 0-9 and _)", k.id));
        check_unique(k.id, id_node(n), "kind", kind_ids_);
    }
    k.name_zh = text(n, "name_zh", true, "a kind");
    k.name_en = text(n, "name_en", true, "a kind");
    k.is_public = boolean(n, "public").value_or(true);
    k.article7 = boolean(n, "article7").value_or(false);
    if (auto c = str(n, "category", false, "")) {
        if (auto cat = parse_kind_category(*c))
            k.category = *cat;
        else
            error(*n.find("category"),
                  fmt::format(
                      "unknown category \"{}\" (forbidden, mandatory, classified or neutral)", *c));
    }
    k.citations = citations(n, pack);
    pack.kinds.push_back(std::move(k));
}

void PackReader::read_rule(const Node& n, RulePack& pack) {
    if (!expect_map(n, "a rule")) return;
    check_keys(
        n,
        {"id", "check", "kinds", "key_part_only", "params", "severity", "regimes", "title_zh",
         "title_en", "explain_zh", "explain_en", "fix_zh", "fix_en", "example", "citations"},
        "rule");
    Rule r;
    r.loc = loc(n);
    r.pack = pack.id;
    r.id = text(n, "id", true, "a rule");
    if (!r.id.empty()) {
        if (!valid_id(r.id))
            error(id_node(n), fmt::format("invalid rule id \"{}\" (use a-z, 0-9 and -)", r.id));
        check_unique(r.id, id_node(n), "rule", rule_ids_);
    }
    const CheckDef* check = nullptr;
    if (auto c = str(n, "check", true, "a rule")) {
        r.check = *c;
        check = find_check(*c);
        if (!check) {
            std::string known;
            for (const CheckDef* ci : check_defs())
                known += (known.empty() ? "" : ", ") + std::string(ci->name);
            error(*n.find("check"), fmt::format("unknown check \"{}\" (known: {})", *c, known));
        }
    }
    for (auto& [k, l] : strings(n, "kinds")) {
        if (!valid_kind(k, true)) {
            diag_.error(l, fmt::format("invalid kind pattern \"{}\"", k));
            continue;
        }
        r.kinds.push_back(k);
        r.kind_locs.push_back(l);
    }
    if (const Node* k = n.find("kinds"); check && check->needs_kinds && r.kinds.empty() &&
                                         (!k || k->is_null() || (k->is_seq() && k->items.empty())))
        error(k ? *k : n, fmt::format("rule \"{}\": check {} needs \"kinds\"", r.id, r.check));
    if (pack.extends.empty()) {  // else load_rule_set checks them against every pack
        for (std::size_t i = 0; i < r.kinds.size(); ++i) {
            bool found = false;
            for (const auto& k : pack.kinds) found = found || kind_glob_match(r.kinds[i], k.id);
            if (!found) diag_.error(r.kind_locs[i], fmt::format("unknown kind \"{}\"", r.kinds[i]));
        }
    }
    if (auto kp = boolean(n, "key_part_only")) {
        r.key_part_only = *kp;
        if (*kp && r.check != "mandatory-coverage")
            error(*n.find("key_part_only"), "\"key_part_only\" is for mandatory-coverage rules");
    }
    if (const Node* p = n.find("params"); p && !p->is_null() && expect_map(*p, "\"params\"")) {
        for (const auto& [k, v] : p->entries) {
            const ParamSpec* spec = check ? check->param(k.value) : nullptr;
            if (check && !spec) {
                std::string known;
                for (const ParamSpec* ps : check->params)
                    known += (known.empty() ? "" : ", ") + std::string(ps->name);
                error(k, fmt::format("unknown parameter \"{}\" for check {} (known: {})", k.value,
                                     r.check, known.empty() ? "none" : known));
                continue;
            }
            auto x = number(v, k.value);
            if (!x) continue;
            if (spec ? !spec->allows(*x) : *x < 0)
                error(v, fmt::format("parameter \"{}\" out of range: {}", k.value, v.value));
            r.params[k.value] = *x;
        }
    }
    if (check) r.severity = check->default_severity;
    if (auto s = str(n, "severity", false, "")) {
        if (auto sev = parse_severity(*s))
            r.severity = *sev;
        else
            error(*n.find("severity"),
                  fmt::format("unknown severity \"{}\" (error, warning or info)", *s));
    }
    for (auto& [g, l] : strings(n, "regimes")) {
        if (g != "article7" && g != "article9" && g != "non_public")
            diag_.error(l,
                        fmt::format("unknown regime \"{}\" (article7, article9 or non_public)", g));
        r.regimes.push_back(g);
    }
    r.title_zh = text(n, "title_zh", true, "a rule");
    r.title_en = text(n, "title_en", true, "a rule");
    r.explain_zh = text(n, "explain_zh", false, "");
    r.explain_en = text(n, "explain_en", false, "");
    r.fix_zh = text(n, "fix_zh", false, "");
    r.fix_en = text(n, "fix_en", false, "");
    r.example = text(n, "example", false, "");
    r.citations = citations(n, pack);
    pack.rules.push_back(std::move(r));
}

}  // namespace

std::optional<RulePack> load_rule_pack(const std::string& path, Diagnostics& diag) {
    const std::size_t before = diag.error_count();
    auto root = packyaml::parse_file(path, diag);
    if (!root) return std::nullopt;
    PackReader reader(path, diag);
    auto pack = reader.read(*root);
    if (diag.error_count() != before) return std::nullopt;
    return pack;
}

}  // namespace camaudit::audit
