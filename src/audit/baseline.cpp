#include "audit/baseline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <tuple>

#include "io/site_reader.hpp"
#include "io/text_check.hpp"
#include "io/yaml_read.hpp"

namespace camaudit::audit {

namespace {

constexpr std::string_view kEntry = "baseline entry";

bool is_fingerprint(const std::string& s) {
    return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A YAML double-quoted scalar.
std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
            out += {'\\', c};
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (u < 0x20 || u == 0x7f)
            out += fmt::format("\\x{:02x}", u);
        else
            out += c;
    }
    return out + "\"";
}

std::string quote_opt(const std::optional<std::string>& s) {
    return s ? quote(*s) : "null";
}

// An optional id (camera, zone): null or absent is none.
void optional_id(io::Reader& r, const io::Fields& f, std::string_view key,
                 std::optional<std::string>& out) {
    if (const io::YNode* v = f[key])
        if (!v->is_null()) out = r.id(*v, key);
}

void read_entry(io::Reader& r, const io::YNode& item, bool for_update, Baseline& b,
                std::map<std::string, SourceLocation>& seen) {
    auto f = r.mapping(
        item, kEntry,
        {"fingerprint", "rule", "site", "camera", "zone", "message", "reason", "expires"});
    if (!f) return;
    BaselineEntry e;
    e.loc = item.loc;
    if (const io::YNode* fp = r.require(*f, "fingerprint", kEntry)) {
        if (auto s = r.id(*fp, "fingerprint")) {
            if (!is_fingerprint(*s)) {
                r.error(fp->loc, fmt::format("fingerprint: '{}' is not a fingerprint (16 "
                                             "lower-case hexadecimal digits, as written by "
                                             "--write-baseline)",
                                             *s));
            } else if (auto [it, fresh] = seen.emplace(*s, fp->loc); !fresh) {
                r.error(fp->loc, fmt::format("duplicate fingerprint '{}' (first given at {}:{})",
                                             *s, it->second.line, it->second.column));
            }
            e.fingerprint = *s;
        }
    }
    r.get(*f, "rule", e.rule);
    r.get(*f, "site", e.site);
    r.get(*f, "message", e.message);
    optional_id(r, *f, "camera", e.camera);
    optional_id(r, *f, "zone", e.zone);
    if (const io::YNode* reason = r.require(*f, "reason", kEntry)) {
        auto s = reason->is_null() ? std::optional<std::string>("") : r.text(*reason, "reason");
        if (s && trimmed(*s).empty()) {
            r.error(reason->loc, "reason: empty; write why this finding is accepted");
        } else if (s && !for_update && trimmed(*s).starts_with("TODO")) {
            r.error(reason->loc, fmt::format("reason: still the placeholder '{}'; write why this "
                                             "finding is accepted",
                                             trimmed(*s)));
        }
        if (s) e.reason = *s;
    }
    if (const io::YNode* x = (*f)["expires"]) {
        e.expires_loc = x->loc;
        e.expires = r.date(*x, "expires");
    }
    b.entries.push_back(std::move(e));
}

}  // namespace

std::optional<io::YNode> parse_yaml_text(const std::string& path, const std::string& text,
                                         std::string_view what, Diagnostics& diag) {
    Diagnostics local;
    auto checked = io::check_text(path, text, local);
    std::optional<io::YNode> root;
    if (checked) root = io::parse_yaml(path, *checked, local);
    bool empty = false;
    for (const auto& d : local.all()) {
        if (d.message.starts_with("the file is empty")) {
            empty = true;
            continue;
        }
        // The site reader's messages, told of the kind of file that this is.
        std::string m = d.message;
        if (auto at = m.find("site file"); at != std::string::npos)
            m.replace(at, 9, std::string(what));
        diag.error(d.loc, std::move(m));
    }
    if (empty && local.error_count() == 1) {
        io::YNode null;
        null.loc = SourceLocation{path, 1, 1};
        return null;
    }
    return root;
}

std::optional<io::YNode> read_yaml_file(const std::string& path, std::string_view what,
                                        Diagnostics& diag) {
    auto bytes = io::read_input_file(path, what, diag);
    if (!bytes) return std::nullopt;
    return parse_yaml_text(path, std::move(*bytes), what, diag);
}

namespace {

std::optional<Baseline> baseline_from(const std::string& path, const std::optional<io::YNode>& root,
                                      Diagnostics& local, bool for_update) {
    Baseline b;
    b.file = path;
    io::Reader r(local);
    if (root && root->is_null()) {
        r.error(root->loc, "the file is empty; a baseline file starts with 'camaudit_baseline: 1'");
    } else if (root) {
        if (auto f = r.mapping(*root, "baseline", {"camaudit_baseline", "entries"})) {
            if (const io::YNode* v = r.require(*f, "camaudit_baseline", "baseline"))
                if (auto n = r.integer(*v, "camaudit_baseline"); n && *n != 1)
                    r.error(v->loc, fmt::format("camaudit_baseline: version {} is not supported "
                                                "(this camaudit reads version 1)",
                                                *n));
            const io::YNode* entries = r.require(*f, "entries", "baseline");
            if (entries && !entries->is_null() && r.sequence(*entries, "entries")) {
                std::map<std::string, SourceLocation> seen;
                for (const io::YNode& item : entries->items)
                    read_entry(r, item, for_update, b, seen);
            }
        }
    }
    if (local.has_errors()) return std::nullopt;
    return b;
}

}  // namespace

std::optional<Baseline> parse_baseline(const std::string& path, const std::string& text,
                                       Diagnostics& diag, bool for_update) {
    Diagnostics local;
    auto b =
        baseline_from(path, parse_yaml_text(path, text, "baseline file", local), local, for_update);
    diag.merge(local);
    return b;
}

std::optional<Baseline> read_baseline(const std::string& path, Diagnostics& diag, bool for_update) {
    Diagnostics local;
    auto b = baseline_from(path, read_yaml_file(path, "baseline file", local), local, for_update);
    diag.merge(local);
    return b;
}

BaselineFilter::BaselineFilter(const Baseline& baseline, const Date& today)
    : baseline_(baseline),
      today_(today),
      used_(baseline.entries.size()),
      expired_match_(baseline.entries.size()) {
    for (std::size_t i = 0; i < baseline.entries.size(); ++i)
        index_.emplace(baseline.entries[i].fingerprint, i);
}

std::size_t BaselineFilter::filter(std::vector<Finding>& findings) {
    const auto hidden = std::erase_if(findings, [&](const Finding& f) {
        auto it = index_.find(f.fingerprint);
        if (it == index_.end()) return false;
        const BaselineEntry& e = baseline_.entries[it->second];
        if (e.expires && today_ > *e.expires) {
            expired_match_[it->second] = true;
            return false;
        }
        used_[it->second] = true;
        return true;
    });
    return hidden;
}

void BaselineFilter::report(const std::set<std::string>& audited_sites, Diagnostics& diag) const {
    for (std::size_t i = 0; i < baseline_.entries.size(); ++i) {
        const BaselineEntry& e = baseline_.entries[i];
        if (!e.site.empty() && !audited_sites.contains(e.site)) continue;
        const std::string what =
            fmt::format("{}{}{}{}", e.rule.empty() ? "fingerprint " + e.fingerprint : e.rule,
                        e.site.empty() ? "" : ", site " + e.site,
                        e.camera ? ", camera " + *e.camera : "", e.zone ? ", zone " + *e.zone : "");
        if (e.expires && today_ > *e.expires) {
            diag.warning(e.expires_loc,
                         expired_match_[i]
                             ? fmt::format("baseline entry ({}) expired on {}; its finding is "
                                           "reported again",
                                           what, e.expires->str())
                             : fmt::format("baseline entry ({}) expired on {} and matches no "
                                           "finding; remove it",
                                           what, e.expires->str()));
        } else if (!used_[i]) {
            diag.warning(e.loc, fmt::format("unused baseline entry ({}): no finding has "
                                            "fingerprint {}; remove it",
                                            what, e.fingerprint));
        }
    }
}

std::string write_baseline(const std::vector<const Finding*>& findings, const Baseline* previous,
                           bool zh) {
    std::map<std::string, const BaselineEntry*> kept;
    if (previous)
        for (const auto& e : previous->entries) kept.emplace(e.fingerprint, &e);
    std::vector<const Finding*> list;
    std::set<std::string> seen;
    for (const Finding* f : findings)
        if (seen.insert(f->fingerprint).second) list.push_back(f);
    std::sort(list.begin(), list.end(), [](const Finding* a, const Finding* b) {
        return std::tie(a->site, a->rule, a->camera, a->zone, a->fingerprint) <
               std::tie(b->site, b->rule, b->camera, b->zone, b->fingerprint);
    });
    std::string out =
        "# camaudit baseline: findings accepted on purpose (see camaudit-check(1), --baseline).\n"
        "# An entry is matched by its fingerprint (site id, check, camera id, zone id); the other\n"
        "# fields are for people. Replace every TODO reason with why the finding is accepted: a\n"
        "# baseline with a TODO or empty reason is refused. An optional `expires: YYYY-MM-DD`\n"
        "# lets an entry hide its finding up to and including that day only.\n"
        "camaudit_baseline: 1\n";
    out += list.empty() ? "entries: []\n" : "entries:\n";
    for (const Finding* f : list) {
        auto old = kept.find(f->fingerprint);
        const BaselineEntry* e = old == kept.end() ? nullptr : old->second;
        out += fmt::format("  - fingerprint: {}\n", quote(f->fingerprint));
        out += fmt::format("    rule: {}\n", quote(f->rule));
        out += fmt::format("    site: {}\n", quote(f->site));
        out += fmt::format("    camera: {}\n", quote_opt(f->camera));
        out += fmt::format("    zone: {}\n", quote_opt(f->zone));
        out += fmt::format("    message: {}\n", quote(f->message(zh)));
        out += fmt::format("    reason: {}\n", quote(e ? e->reason : kReasonPlaceholder));
        if (e && e->expires) out += fmt::format("    expires: {}\n", e->expires->str());
    }
    return out;
}

std::optional<Date> baseline_today(Diagnostics& diag) {
    if (const char* env = std::getenv("CAMAUDIT_TODAY"); env && *env) {
        if (auto d = Date::parse(env)) return d;
        diag.error({"CAMAUDIT_TODAY", 0, 0},
                   fmt::format("'{}' is not a date (expected YYYY-MM-DD, a real day)", env));
        return std::nullopt;
    }
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace camaudit::audit
