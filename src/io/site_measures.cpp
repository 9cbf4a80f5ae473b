// system.measures: each measure is a mapping {attested: bool (required), date: YYYY-MM-DD,
// by: text, note: text}; the measures are the fixed names of kMeasures.
#include "io/site_measures.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace camaudit::io {

namespace {

using Slot = std::optional<Measure> Measures::*;

constexpr std::array<std::pair<std::string_view, Slot>, 10> kMeasures = {{
    {"operation", &Measures::operation},
    {"staff", &Measures::staff},
    {"access_log", &Measures::access_log},
    {"standards", &Measures::standards},
    {"archives", &Measures::archives},
    {"products", &Measures::products},
    {"security", &Measures::security},
    {"maintenance", &Measures::maintenance},
    {"access_control", &Measures::access_control},
    {"contractor", &Measures::contractor},
}};

std::optional<Measure> read_measure(SiteLoader& s, const YNode& node, std::string_view name) {
    const std::string what = fmt::format("measures.{}", name);
    auto f = s.r.mapping(node, what, {"attested", "date", "by", "note"});
    if (!f) return std::nullopt;
    Measure m;
    m.loc = f->loc();
    if (const YNode* v = s.r.require(*f, "attested", what)) {
        auto b = s.r.boolean(*v, what + ".attested");
        if (!b) return std::nullopt;
        m.attested = *b;
    } else {
        return std::nullopt;
    }
    if (const YNode* v = (*f)["date"]) {
        m.date_loc = v->loc;
        m.date = s.r.date(*v, what + ".date");
    }
    for (auto [key, out] : {std::pair{"by", &m.by}, std::pair{"note", &m.note}})
        if (const YNode* v = (*f)[key])
            if (auto t = s.r.text(*v, what + "." + key)) *out = *t;
    return m;
}

}  // namespace

void read_measures(SiteLoader& s, const YNode& node, Measures& out) {
    auto f = s.r.mapping(node, "measures",
                         {"operation", "staff", "access_log", "standards", "archives", "products",
                          "security", "maintenance", "access_control", "contractor"});
    if (!f) return;
    out.loc = f->loc();
    for (const auto& [name, slot] : kMeasures)
        if (const YNode* v = (*f)[name]) out.*slot = read_measure(s, *v, name);
}

}  // namespace camaudit::io
