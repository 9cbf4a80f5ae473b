// Rule packs: the law as data (rules/*.yaml). A pack names the instruments it cites, the zone
// kinds it knows and the rules that run checks on them. A province adds a pack, not code.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/severity.hpp"
#include "model/date.hpp"
#include "model/diagnostics.hpp"

namespace camaudit::audit {

// One place in an instrument: 第`article`条 第`paragraph`款 第`item`项 (0 = not narrowed).
struct Citation {
    std::string doc;  // instrument id, e.g. "cn-regulation-2025"
    int article = 0;
    int paragraph = 0;
    int item = 0;
    std::string text_zh;  // the verbatim Chinese text of that place
    SourceLocation loc;

    // "条例第八条第一款第（一）项" in Chinese; "Regulation art. 8(1)(i)" in English: the
    // paragraph in arabic, the item in lower-case roman numerals, so that "art. 8(i)" (an item
    // of an article of one paragraph) cannot be read as a paragraph. An empty short title
    // gives "第八条第一款第（一）项" and "Art. 8(1)(i)".
    std::string label_zh(const std::string& short_title_zh) const;
    std::string label_en(const std::string& short_title_en) const;
};

struct Instrument {
    std::string id;
    std::string title_zh, title_en;
    std::string short_zh, short_en;  // "条例", "Regulation"
    std::string issuer_zh, issuer_en;
    std::string number;  // 国务院令第799号
    std::optional<Date> promulgated, effective;
    std::string text_file;  // the full text, relative to the pack (rules/law/...), for tests
    std::string text_path;  // text_file resolved against the pack's folder ("" without one)
    SourceLocation loc;
};

enum class KindCategory { Forbidden, Mandatory, Classified, Neutral };
std::string_view to_string(KindCategory c);
std::optional<KindCategory> parse_kind_category(std::string_view s);

struct KindDef {
    std::string id;  // place.part
    std::string name_zh, name_en;
    bool is_public = true;
    KindCategory category = KindCategory::Neutral;
    bool article7 = false;  // a place that 条例 第七条 names (selects the legal regime)
    // `builder: government`: a place whose system the local government builds (条例 7 ¶1;
    // 安徽 9 ¶1); a camera there owned by a non-government party is unauthorized whatever
    // its `responsible` says (spec, "Revision 2: the precise rules" 1).
    bool government_built = false;
    // The pack's judgment call on the kind, where the law leaves one (which article, and why):
    // shown by `camaudit explain KIND` and `camaudit kinds`. Empty for most kinds.
    std::string why_zh, why_en;
    std::vector<Citation> citations;
    SourceLocation loc;
};

struct Rule {
    std::string id;                  // stable, e.g. "ah-guest-room-view"
    std::string check;               // the name of a check (audit/check_def.hpp)
    std::vector<std::string> kinds;  // kind ids or `*` patterns; empty: every kind / none needed
    std::vector<SourceLocation> kind_locs;  // where each of `kinds` is written
    // mandatory-coverage only: consider only zones with `key_part: true` (not the zones whose
    // kind is mandatory), for the rules that implement "key parts must be watched".
    bool key_part_only = false;
    std::map<std::string, double> params;  // pack defaults, on top of the check's defaults
    Severity severity = Severity::Error;
    std::string title_zh, title_en;
    std::string explain_zh, explain_en;  // what it checks and why
    std::string fix_zh, fix_en;
    std::string example;               // a site-file snippet that triggers it
    std::vector<std::string> regimes;  // empty: all; else article7 | article9 | non_public
    std::vector<Citation> citations;
    // The articles that punish the breach (spec, "Revision 2: the precise rules" 8), in the
    // citations' shape; empty where the law attaches no penalty to it.
    std::vector<Citation> penalties;
    std::string pack;  // id of the pack that defines it
    SourceLocation loc;

    bool applies_to_kind(const std::string& kind) const;
};

struct RulePack {
    std::string id;  // "cn", "cn-ah"
    std::string name_zh, name_en;
    std::vector<std::string> regions;  // ISO 3166-2 codes or prefixes ("CN-AH"); cn: ["CN"]
    // Packs this one builds on (cn-ah: [cn]): its citations and rules may use their
    // instruments and kinds; load_rule_set checks that they are loaded before it.
    std::vector<std::string> extends;
    std::vector<Instrument> instruments;
    std::vector<KindDef> kinds;
    std::vector<Rule> rules;
    std::string file;
    SourceLocation loc;

    // The site's region is one of `regions`, or starts with one of them and a '-'
    // (case-insensitive): "CN-AH" matches [CN-AH] and [CN].
    bool matches_region(const std::string& region) const;
};

// A kind pattern: `*` stands for any run of characters, `?` for one ("hotel.*", "*").
bool kind_glob_match(std::string_view pattern, std::string_view kind);

// 1 → 一, 10 → 十, 14 → 十四, 21 → 二十一, 100 → 一百 (1..9999).
std::string zh_numeral(int n);

// Reads and validates one pack; every problem goes to `diag` as file:line:column.
std::optional<RulePack> load_rule_pack(const std::string& path, Diagnostics& diag);

// The folders searched for packs by name: $CAMAUDIT_RULES (colon-separated), then
// <exe dir>/../share/camaudit/rules, then the source tree's rules/ (for an uninstalled build).
std::vector<std::string> rule_search_path();
// A pack name ("cn-ah") or a path to a pack file → the file; nullopt if none.
std::optional<std::string> find_pack(const std::string& name_or_file);

// The active packs and the kind vocabulary they give.
class RuleSet {
  public:
    std::vector<RulePack> packs;  // in order: cn first, then regional/user packs

    const KindDef* kind(const std::string& id) const;  // the last pack that defines it wins
    const Instrument* instrument(const std::string& id) const;
    const Rule* rule(const std::string& id) const;
    const RulePack* pack(const std::string& id) const;
    // Every kind once, the last definition winning, in the order of first definition.
    std::vector<const KindDef*> kinds() const;
    // Rules in pack order.
    std::vector<const Rule*> rules() const;
};

// The packs for a site: `cn`, plus every pack in the search path whose `regions` contains the
// region or a prefix of it (CN-AH matches "CN-AH"). With `explicit_packs`, `cn` plus those.
std::optional<RuleSet> load_rule_set(const std::string& region,
                                     const std::vector<std::string>& explicit_packs,
                                     Diagnostics& diag);

}  // namespace camaudit::audit
