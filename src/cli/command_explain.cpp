// camaudit explain RULE: what a rule checks, why (its articles, quoted), an example, the fix.
// RULE may also be a check name: then the check and every rule that runs it; or a zone kind:
// its classification, articles and the pack's judgment call.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "audit/check_def.hpp"
#include "audit/rule_pack.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"

namespace camaudit::cli {

namespace {

// Every pack in the search path (the first folder that has a name wins).
std::vector<std::string> all_packs() {
    std::set<std::string> seen;
    std::vector<std::string> files;
    for (const auto& dir : audit::rule_search_path()) {
        std::error_code ec;
        std::vector<std::filesystem::path> here;
        for (const auto& e : std::filesystem::directory_iterator(dir, ec))
            if (e.path().extension() == ".yaml") here.push_back(e.path());
        std::sort(here.begin(), here.end());
        for (const auto& p : here)
            if (seen.insert(p.stem().string()).second) files.push_back(p.string());
    }
    return files;
}

std::string explain_rule(const audit::RuleSet& rules, const audit::Rule& r, bool zh) {
    const audit::CheckDef* check = audit::find_check(r.check);
    std::string out;
    out += fmt::format("{}  {}\n  {}\n\n", r.id, r.title_zh, r.title_en);
    out += fmt::format("{}: {} ({})\n", zh ? "检查" : "check", r.check,
                       zh ? check->summary_zh : check->summary_en);
    out += fmt::format("{}: {}\n", zh ? "严重程度" : "severity", audit::to_string(r.severity));
    if (!r.kinds.empty()) {
        std::string kinds;
        for (const auto& k : r.kinds) {
            const audit::KindDef* def = rules.kind(k);
            kinds += (kinds.empty() ? "" : ", ") + k +
                     (def ? fmt::format(" ({})", zh ? def->name_zh : def->name_en) : "");
        }
        out += fmt::format("{}: {}\n", zh ? "区域类型" : "zone kinds", kinds);
    }
    if (!r.regimes.empty()) {
        std::string regimes;
        for (const auto& g : r.regimes) regimes += (regimes.empty() ? "" : ", ") + g;
        out += fmt::format("{}: {}\n", zh ? "适用情形" : "applies to regimes", regimes);
    }
    if (!check->params.empty()) {
        out += zh ? "参数:\n" : "parameters:\n";
        for (const audit::ParamSpec* p : check->params) {
            auto it = r.params.find(std::string(p->name));
            std::string value = it != r.params.end() ? fmt::format("{}", it->second)
                                : p->default_value.has_value()
                                    ? fmt::format("{}", *p->default_value)
                                    : (zh ? "未设置" : "unset");
            out += fmt::format("  {} = {}  ({})\n", p->name, value, zh ? p->doc_zh : p->doc_en);
        }
    }
    out += fmt::format("\n{}\n{}\n",
                       zh ? "说明:" : "What it checks and why:", zh ? r.explain_zh : r.explain_en);
    out += fmt::format("\n{}\n", zh ? "法律依据:" : "Legal basis:");
    for (const auto& c : r.citations) {
        const audit::Instrument* inst = rules.instrument(c.doc);
        out += fmt::format("  {} / {}\n", c.label_zh(inst ? inst->short_zh : c.doc),
                           c.label_en(inst ? inst->short_en : c.doc));
        if (inst) out += fmt::format("  {} ({})\n", inst->title_zh, inst->title_en);
        out += fmt::format("    「{}」\n", c.text_zh);
    }
    if (!r.penalties.empty()) {  // spec, "Revision 2: the precise rules" 8
        out += fmt::format("\n{}\n", zh ? "罚则:" : "Penalties:");
        for (const auto& c : r.penalties) {
            const audit::Instrument* inst = rules.instrument(c.doc);
            out += fmt::format("  {} / {}\n    「{}」\n", c.label_zh(inst ? inst->short_zh : c.doc),
                               c.label_en(inst ? inst->short_en : c.doc), c.text_zh);
        }
    }
    if (!r.example.empty()) out += fmt::format("\n{}\n{}\n", zh ? "示例:" : "Example:", r.example);
    out += fmt::format("\n{}\n{}\n", zh ? "如何改正:" : "How to fix:", zh ? r.fix_zh : r.fix_en);
    return out;
}

// A zone kind: its names, classification, the articles that name it, and the pack's judgment
// call where the law leaves one (issue #14, "Missing places").
std::string explain_kind(const audit::RuleSet& rules, const audit::KindDef& k, bool zh) {
    std::string out = fmt::format("{}  {}\n  {}\n\n", k.id, k.name_zh, k.name_en);
    out += fmt::format("{}: {}\n", zh ? "类别" : "category", audit::to_string(k.category));
    out += fmt::format("{}: {}\n", zh ? "默认公共" : "public by default",
                       k.is_public ? (zh ? "是" : "yes") : (zh ? "否" : "no"));
    out += fmt::format("{}: {}\n", zh ? "条例第七条所列场所" : "a place of Regulation art. 7",
                       k.article7 ? (zh ? "是" : "yes") : (zh ? "否" : "no"));
    if (k.government_built)
        out += zh ? "建设主体: 县级以上地方人民政府（条例第七条第一款）\n"
                  : "built by: the local government (Regulation art. 7(1))\n";
    std::string used;
    for (const audit::Rule* r : rules.rules())
        if (!r->kinds.empty() && r->applies_to_kind(k.id))
            used += (used.empty() ? "" : ", ") + r->id;
    if (!used.empty()) out += fmt::format("{}: {}\n", zh ? "规则" : "rules", used);
    out += fmt::format("\n{}\n", zh ? "法律依据:" : "Legal basis:");
    for (const auto& c : k.citations) {
        const audit::Instrument* inst = rules.instrument(c.doc);
        out += fmt::format("  {} / {}\n    「{}」\n", c.label_zh(inst ? inst->short_zh : c.doc),
                           c.label_en(inst ? inst->short_en : c.doc), c.text_zh);
    }
    const std::string& why = zh ? k.why_zh : k.why_en;
    if (!why.empty())
        out += fmt::format("\n{}\n{}\n", zh ? "规则包的判断:" : "The pack's judgment:", why);
    return out;
}

class ExplainCommand : public Command {
  public:
    std::string name() const override { return "explain"; }
    std::string summary() const override {
        return "Explain a rule: what it checks, its legal citations, an example, the fix";
    }
    void setup(CLI::App& app) override {
        app.add_option("rule", rule_, "a rule id (or a check name, or a zone kind)")->required();
        add_rules_option(app, packs_, "rule packs to search (default: all installed)");
        add_lang_option(app, lang_);
    }
    int run() override {
        Diagnostics diag;
        auto rules = audit::load_rule_set("CN", packs_.empty() ? all_packs() : packs_, diag);
        if (print_diagnostics(diag) || !rules) return kInputError;
        bool zh = choose_lang(lang_, "CN") == Lang::Zh;
        std::string out;
        if (const audit::Rule* r = rules->rule(rule_)) {
            out = explain_rule(*rules, *r, zh);
        } else if (audit::find_check(rule_)) {
            for (const audit::Rule* r : rules->rules())
                if (r->check == rule_) out += explain_rule(*rules, *r, zh) + "\n";
        } else if (const audit::KindDef* k = rules->kind(rule_)) {
            out = explain_kind(*rules, *k, zh);
        }
        if (out.empty()) {
            fmt::print(stderr, "camaudit explain: unknown rule '{}'; see 'camaudit rules'\n",
                       rule_);
            return kInputError;
        }
        return write_output("", out, {}) ? kOk : kInputError;
    }

  private:
    std::string rule_;
    std::vector<std::string> packs_;
    std::string lang_;
};

}  // namespace

std::unique_ptr<Command> make_explain_command() {
    return std::make_unique<ExplainCommand>();
}

}  // namespace camaudit::cli
