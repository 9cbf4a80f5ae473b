// camaudit kinds: the zone kinds of the active packs (spec, "Revision 2 of the commands"):
// their names, category, public default, whether 条例 第七条 names the place (and whether the
// government builds it), and the articles that name them.
#include <fmt/format.h>

#include "audit/rule_pack.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"
#include "report/json_writer.hpp"

namespace camaudit::cli {

namespace {

std::string labels(const audit::RuleSet& rules, const audit::KindDef& k, bool zh) {
    std::string out;
    for (const auto& c : k.citations) {
        const audit::Instrument* inst = rules.instrument(c.doc);
        out += (out.empty() ? "" : "; ") + (zh ? c.label_zh(inst ? inst->short_zh : c.doc)
                                               : c.label_en(inst ? inst->short_en : c.doc));
    }
    return out;
}

class KindsCommand : public Command {
  public:
    std::string name() const override { return "kinds"; }
    std::string summary() const override {
        return "List the zone kinds of the active rule packs, with the articles that name them";
    }
    void setup(CLI::App& app) override {
        app.add_option("--region", region_, "ISO 3166-2 region selecting the packs (default CN)")
            ->default_val("CN");
        app.add_option("--pack", packs_,
                       "rule pack (name or file) to list with cn instead of the region's; "
                       "repeatable")
            ->allow_extra_args(false);
        app.add_option("--format", format_, "output format")
            ->check(CLI::IsMember({"text", "json"}))
            ->default_val("text");
        add_lang_option(app, lang_);
    }
    int run() override {
        Diagnostics diag;
        auto rules = audit::load_rule_set(region_, packs_, diag);
        if (print_diagnostics(diag) || !rules) return kInputError;
        const bool zh = choose_lang(lang_, region_) == Lang::Zh;
        std::string out = format_ == "json" ? as_json(*rules) : as_text(*rules, zh);
        return write_output("", out, {}) ? kOk : kInputError;
    }

  private:
    static std::string as_text(const audit::RuleSet& rules, bool zh) {
        std::string out;
        for (const auto& p : rules.packs) out += (out.empty() ? "" : ", ") + p.id;
        out = fmt::format("{}{}\n", zh ? "规则包：" : "packs: ", out);
        for (const audit::KindDef* k : rules.kinds()) {
            std::string flags =
                k->is_public ? (zh ? "公共" : "public") : (zh ? "非公共" : "non-public");
            if (k->article7) flags += zh ? "，第七条场所" : ", article7";
            if (k->government_built) flags += zh ? "，政府建设" : ", government-built";
            out +=
                fmt::format("{:<28} {:<10} {}  {}\n    {}\n", k->id, audit::to_string(k->category),
                            zh ? k->name_zh : k->name_en, "(" + flags + ")", labels(rules, *k, zh));
        }
        return out;
    }
    static std::string as_json(const audit::RuleSet& rules) {
        report::JsonWriter w;
        w.begin_object().key("packs").begin_array();
        for (const auto& p : rules.packs) w.value(p.id);
        w.end_array().key("kinds").begin_array();
        for (const audit::KindDef* k : rules.kinds()) {
            w.begin_object().key("id").value(k->id);
            w.key("name_zh").value(k->name_zh).key("name_en").value(k->name_en);
            w.key("category").value(audit::to_string(k->category));
            w.key("public").value(k->is_public).key("article7").value(k->article7);
            w.key("builder").value(k->government_built ? "government" : "operator");
            w.key("citations").begin_array();
            for (const auto& c : k->citations) {
                const audit::Instrument* inst = rules.instrument(c.doc);
                w.begin_object().key("doc").value(c.doc).key("article").value(c.article);
                w.key("paragraph").value(c.paragraph).key("item").value(c.item);
                w.key("label_zh").value(c.label_zh(inst ? inst->short_zh : c.doc));
                w.key("label_en").value(c.label_en(inst ? inst->short_en : c.doc));
                w.key("text").value(c.text_zh).end_object();
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

std::unique_ptr<Command> make_kinds_command() {
    return std::make_unique<KindsCommand>();
}

}  // namespace camaudit::cli
