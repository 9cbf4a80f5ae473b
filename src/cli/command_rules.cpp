// camaudit rules: the rules of the active packs (those a region selects, or --rules).
#include <fmt/format.h>

#include "audit/rule_pack.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"
#include "report/json_writer.hpp"

namespace camaudit::cli {

namespace {

std::string citation_labels(const audit::RuleSet& rules, const audit::Rule& r, bool zh) {
    std::string out;
    for (const auto& c : r.citations) {
        const audit::Instrument* inst = rules.instrument(c.doc);
        out += (out.empty() ? "" : "; ") + (zh ? c.label_zh(inst ? inst->short_zh : c.doc)
                                               : c.label_en(inst ? inst->short_en : c.doc));
    }
    return out;
}

class RulesCommand : public Command {
  public:
    std::string name() const override { return "rules"; }
    std::string summary() const override { return "List the rules of the active rule packs"; }
    void setup(CLI::App& app) override {
        app.add_option("--region", region_, "ISO 3166-2 region selecting the packs (default CN)")
            ->default_val("CN");
        add_rules_option(app, packs_);
        app.add_option("--format", format_, "output format")
            ->check(CLI::IsMember({"text", "json"}))
            ->default_val("text");
        add_lang_option(app, lang_);
    }
    int run() override {
        Diagnostics diag;
        auto rules = audit::load_rule_set(region_, packs_, diag);
        if (print_diagnostics(diag) || !rules) return kInputError;
        bool zh = choose_lang(lang_, region_) == Lang::Zh;
        std::string out = format_ == "json" ? as_json(*rules) : as_text(*rules, zh);
        return write_output("", out, {}) ? kOk : kInputError;
    }

  private:
    static std::string as_text(const audit::RuleSet& rules, bool zh) {
        std::string out;
        for (const auto& pack : rules.packs) {
            out +=
                fmt::format("{} — {} ({})\n", pack.id, zh ? pack.name_zh : pack.name_en, pack.file);
            for (const auto& r : pack.rules)
                out += fmt::format("  {:<32} {:<22} {:<8} {}\n      {}\n", r.id, r.check,
                                   audit::to_string(r.severity), zh ? r.title_zh : r.title_en,
                                   citation_labels(rules, r, zh));
        }
        return out;
    }
    static std::string as_json(const audit::RuleSet& rules) {
        report::JsonWriter w;
        w.begin_object().key("packs").begin_array();
        for (const auto& pack : rules.packs) {
            w.begin_object().key("id").value(pack.id).key("file").value(pack.file);
            w.key("rules").begin_array();
            for (const auto& r : pack.rules) {
                w.begin_object().key("id").value(r.id).key("check").value(r.check);
                w.key("severity").value(audit::to_string(r.severity));
                w.key("title_zh").value(r.title_zh).key("title_en").value(r.title_en);
                w.key("kinds").begin_array();
                for (const auto& k : r.kinds) w.value(k);
                w.end_array().key("params").begin_object();
                for (const auto& [k, v] : r.params) w.key(k).value(v);
                w.end_object().end_object();
            }
            w.end_array().end_object();
        }
        w.end_array().end_object();
        return w.str();
    }

    std::string region_ = "CN";
    std::vector<std::string> packs_;
    std::string format_ = "text", lang_;
};

}  // namespace

std::unique_ptr<Command> make_rules_command() {
    return std::make_unique<RulesCommand>();
}

}  // namespace camaudit::cli
