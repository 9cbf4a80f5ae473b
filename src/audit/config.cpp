#include "audit/config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <system_error>

#include "audit/baseline.hpp"
#include "audit/check_def.hpp"
#include "io/yaml_read.hpp"
#include "util/paths.hpp"

namespace camaudit::audit {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxGlobDepth = 64;

std::vector<std::string> segments(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        std::string_view seg = path.substr(start, end - start);
        if (!seg.empty() && seg != ".") out.emplace_back(seg);
        start = end + 1;
    }
    return out;
}

bool has_wildcard(std::string_view s) {
    return s.find_first_of("*?") != std::string_view::npos;
}

// One segment against one name: `*` any run, `?` one character (a whole UTF-8 sequence).
bool segment_match(std::string_view pat, std::string_view name) {
    if (!name.empty() && name[0] == '.' && (pat.empty() || pat[0] != '.')) return false;
    std::size_t p = 0, n = 0, star = std::string_view::npos, resume = 0;
    auto next_char = [&](std::size_t i) {
        ++i;
        while (i < name.size() && (static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) ++i;
        return i;
    };
    while (n < name.size()) {
        if (p < pat.size() && pat[p] == '*') {
            star = p++;
            resume = n;
        } else if (p < pat.size() && (pat[p] == '?' || pat[p] == name[n])) {
            n = pat[p] == '?' ? next_char(n) : n + 1;
            ++p;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = resume = next_char(resume);
        } else {
            return false;
        }
    }
    while (p < pat.size() && pat[p] == '*') ++p;
    return p == pat.size();
}

bool match_segments(const std::vector<std::string>& pat, std::size_t i,
                    const std::vector<std::string>& path, std::size_t j) {
    if (i == pat.size()) return j == path.size();
    if (pat[i] == "**") {
        for (std::size_t k = j; k <= path.size(); ++k) {
            if (match_segments(pat, i + 1, path, k)) return true;
            if (k < path.size() && path[k].starts_with('.')) return false;  // not into hidden
        }
        return false;
    }
    return j < path.size() && segment_match(pat[i], path[j]) &&
           match_segments(pat, i + 1, path, j + 1);
}

std::string child(const std::string& rel, const std::string& name) {
    if (rel.empty()) return name;
    return rel.back() == '/' ? rel + name : rel + "/" + name;
}

void walk(const fs::path& dir, const std::string& rel, const std::vector<std::string>& segs,
          std::size_t i, int depth, std::set<std::string>& out) {
    std::error_code ec;
    if (i == segs.size()) {
        if (fs::is_regular_file(dir, ec)) out.insert(rel);
        return;
    }
    if (depth > kMaxGlobDepth) return;
    const std::string& seg = segs[i];
    if (!has_wildcard(seg)) {
        walk(dir / seg, child(rel, seg), segs, i + 1, depth + 1, out);
        return;
    }
    const bool any_dirs = seg == "**";
    if (any_dirs) walk(dir, rel, segs, i + 1, depth, out);
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (any_dirs) {
            if (name.starts_with('.')) continue;
            if (it->is_directory(ec) && !it->is_symlink(ec))
                walk(it->path(), child(rel, name), segs, i, depth + 1, out);
            else if (i + 1 == segs.size() && it->is_regular_file(ec))
                out.insert(child(rel, name));  // a trailing `**`: the files too
        } else if (segment_match(seg, name)) {
            walk(it->path(), child(rel, name), segs, i + 1, depth + 1, out);
        }
    }
}

// `p` (relative to the config's folder) as a path from the current folder.
std::string resolve(const fs::path& dir, const std::string& p) {
    fs::path path(p);
    if (path.is_absolute() || dir.empty()) return path.lexically_normal().string();
    return (dir / path).lexically_normal().string();
}

bool path_like(const std::string& pack) {
    return pack.find('/') != std::string::npos || pack.ends_with(".yaml") || pack.ends_with(".yml");
}

// A list of non-empty strings, or one string as a list of one.
std::optional<std::vector<std::pair<std::string, SourceLocation>>> strings(io::Reader& r,
                                                                           const io::YNode& node,
                                                                           std::string_view what) {
    std::vector<std::pair<std::string, SourceLocation>> out;
    if (node.is_scalar()) {
        if (auto s = r.id(node, what)) return decltype(out){{*s, node.loc}};
        return std::nullopt;
    }
    if (!r.sequence(node, what)) return std::nullopt;
    for (const io::YNode& item : node.items)
        if (auto s = r.id(item, what)) out.emplace_back(*s, item.loc);
    return out;
}

std::optional<std::string> one_of(io::Reader& r, const io::YNode& node, std::string_view what,
                                  const std::vector<std::string>& allowed) {
    auto s = r.text(node, what);
    if (!s || std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) return s;
    std::vector<std::string_view> views(allowed.begin(), allowed.end());
    const std::string hint = io::suggest(*s, views);
    r.error(node.loc, fmt::format("{}: unknown value '{}' (expected one of: {}){}", what, *s,
                                  fmt::join(allowed, ", "),
                                  hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
    return std::nullopt;
}

void read_rule_params(io::Reader& r, const io::YNode& rp, Config& c) {
    if (!rp.is_mapping()) {
        r.error(rp.loc, fmt::format("rule_params: expected a mapping of check names or rule "
                                    "ids, got {}",
                                    io::describe(rp)));
        return;
    }
    for (std::size_t i = 0; i < rp.pair_count(); ++i) {
        auto name = r.id(rp.key(i), "rule_params");
        if (!name || name->starts_with("x-")) continue;
        if (auto [it, fresh] = c.name_loc.emplace(*name, rp.key(i).loc); !fresh) {
            r.error(rp.key(i).loc, fmt::format("duplicate key '{}' (first given at {}:{})", *name,
                                               it->second.line, it->second.column));
            continue;
        }
        const io::YNode& values = rp.val(i);
        auto& params = c.rule_params[*name];
        auto& locs = c.param_loc[*name];
        if (!values.is_mapping()) {
            r.error(values.loc, fmt::format("rule_params.{}: expected a mapping of parameter "
                                            "names to numbers, got {}",
                                            *name, io::describe(values)));
            continue;
        }
        for (std::size_t j = 0; j < values.pair_count(); ++j) {
            auto param = r.id(values.key(j), "parameter");
            if (!param || param->starts_with("x-")) continue;
            if (auto [it, fresh] = locs.emplace(*param, values.key(j).loc); !fresh) {
                r.error(values.key(j).loc, fmt::format("duplicate key '{}' (first given at {}:{})",
                                                       *param, it->second.line, it->second.column));
                continue;
            }
            if (auto v = r.number(values.val(j), *param)) params[*param] = *v;
        }
    }
}

void read_sites(io::Reader& r, const io::Fields& f, Config& c) {
    std::vector<std::pair<std::string, SourceLocation>> excludes;
    if (const io::YNode* x = f["exclude"])
        if (auto list = strings(r, *x, "exclude")) excludes = std::move(*list);
    const io::YNode* node = f["sites"];
    if (!node) return;
    auto patterns = strings(r, *node, "sites");
    if (!patterns) return;
    // Never the config itself, nor the baseline, whatever the globs say.
    std::set<std::string> skip{resolve({}, c.file)};
    if (c.baseline) skip.insert(*c.baseline);
    std::set<std::string> found;
    for (const auto& [pattern, loc] : *patterns) {
        auto matches = expand_glob(c.dir.empty() ? fs::path(".") : c.dir, pattern);
        if (matches.empty())
            r.error(loc, fmt::format("sites: '{}' matches no file (in {})", pattern,
                                     c.dir.empty() ? "." : c.dir.string()));
        for (const auto& m : matches) {
            // A `../` pattern or a symlink out of the folder: not read, not quoted.
            if (c.confined && !util::within_folder(c.dir, m)) {
                r.error(loc, fmt::format("sites: '{}' is outside the folder of camaudit.yaml "
                                         "(through '..' or a symlink); not read",
                                         m));
                continue;
            }
            const bool excluded = std::any_of(excludes.begin(), excludes.end(), [&](const auto& e) {
                return glob_match(e.first, m);
            });
            if (!excluded && !skip.contains(resolve(c.dir, m))) found.insert(resolve(c.dir, m));
        }
    }
    if (found.empty() && !r.diag().has_errors())
        r.error(node->loc, "sites: the patterns leave no site file to audit");
    c.sites = std::vector<std::string>(found.begin(), found.end());
}

std::optional<Config> parse_config_tree(const std::string& path,
                                        const std::optional<io::YNode>& root,
                                        const std::vector<std::string>& formats, Diagnostics& diag,
                                        bool confined = true) {
    if (!root) return std::nullopt;
    Config c;
    c.file = path;
    c.confined = confined;
    c.dir = fs::path(path).parent_path();
    if (root->is_null()) return c;  // an empty camaudit.yaml: no defaults, but a project root
    io::Reader r(diag);
    if (root->is_mapping())
        for (std::size_t i = 0; i < root->pair_count(); ++i)
            if (root->key(i).value == "camaudit" && root->key(i).is_scalar()) {
                r.error(root->key(i).loc,
                        "this is a site file ('camaudit: 1'), not a "
                        "camaudit.yaml of project settings; see "
                        "camaudit.yaml(5)");
                return std::nullopt;
            }
    auto f = r.mapping(*root, kConfigName,
                       {"sites", "exclude", "rules", "fail_on", "format", "output", "baseline",
                        "lang", "rule_params", "disable"});
    if (!f) return std::nullopt;
    // What camaudit.yaml names is read or written inside its folder only (issue #19, 5).
    auto inside = [&](const io::YNode& v, std::string_view key, const std::string& p) {
        if (!c.confined || util::within_folder(c.dir, p)) return true;
        r.error(v.loc, fmt::format("{}: '{}' is outside the folder of camaudit.yaml", key, p));
        return false;
    };
    if (const io::YNode* v = (*f)["baseline"])
        if (auto s = r.id(*v, "baseline"); s && inside(*v, "baseline", *s))
            c.baseline = resolve(c.dir, *s);
    if (const io::YNode* v = (*f)["output"])
        if (auto s = r.id(*v, "output"); s && (*s == "-" || inside(*v, "output", *s)))
            c.output = *s == "-" ? *s : resolve(c.dir, *s);
    if (const io::YNode* v = (*f)["rules"]) {
        if (auto list = strings(r, *v, "rules")) {
            c.rules.emplace();
            for (const auto& [pack, loc] : *list)
                if (!path_like(pack))
                    c.rules->push_back(pack);
                else if (!c.confined || util::within_folder(c.dir, pack))
                    c.rules->push_back(resolve(c.dir, pack));
                else
                    r.error(loc, fmt::format("rules: '{}' is outside the folder of camaudit.yaml",
                                             pack));
        }
    }
    if (const io::YNode* v = (*f)["fail_on"])
        c.fail_on = one_of(r, *v, "fail_on", {"error", "warning", "never"});
    if (const io::YNode* v = (*f)["format"]) c.format = one_of(r, *v, "format", formats);
    if (const io::YNode* v = (*f)["lang"]) c.lang = one_of(r, *v, "lang", {"zh", "en"});
    if (const io::YNode* v = (*f)["rule_params"]) read_rule_params(r, *v, c);
    if (const io::YNode* v = (*f)["disable"]) {
        if (auto list = strings(r, *v, "disable"))
            for (const auto& [name, loc] : *list) {
                c.disable.push_back(name);
                c.disable_loc.push_back(loc);
            }
    }
    read_sites(r, *f, c);
    if (diag.has_errors()) return std::nullopt;
    return c;
}

// Every pack in the rule search path; those that do not load are left out (a run that uses
// one reports its errors).
std::vector<RulePack> available_packs() {
    std::vector<RulePack> out;
    Diagnostics ignored;
    for (const auto& dir : rule_search_path()) {
        std::vector<fs::path> files;
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".yaml") files.push_back(it->path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files)
            if (auto pack = load_rule_pack(f.string(), ignored)) out.push_back(*pack);
    }
    return out;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    return match_segments(segments(pattern), 0, segments(path), 0);
}

std::vector<std::string> expand_glob(const fs::path& base, std::string_view pattern) {
    std::set<std::string> out;
    const bool absolute = pattern.starts_with('/');
    walk(absolute ? fs::path("/") : base, absolute ? "/" : "", segments(pattern), 0, 0, out);
    return {out.begin(), out.end()};
}

std::optional<std::string> find_config(const fs::path& start) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    if (ec) return std::nullopt;
    std::string up;
    for (int i = 0; i < 256; ++i) {
        if (fs::is_regular_file(dir / kConfigName, ec)) return up + kConfigName;
        if (!dir.has_relative_path()) return std::nullopt;  // the root
        dir = dir.parent_path();
        up += "../";
    }
    return std::nullopt;
}

std::optional<Config> parse_config(const std::string& path, const std::string& text,
                                   const std::vector<std::string>& formats, Diagnostics& diag) {
    Diagnostics local;
    auto root = parse_yaml_text(path, text, "config file", local);
    auto c = parse_config_tree(path, root, formats, local);
    diag.merge(local);
    return c;
}

std::optional<Config> read_config(const std::string& path, const std::vector<std::string>& formats,
                                  Diagnostics& diag, bool confined) {
    Diagnostics local;
    auto root = read_yaml_file(path, "config file", local);
    auto c = parse_config_tree(path, root, formats, local, confined);
    diag.merge(local);
    return c;
}

void validate_config_names(const Config& config, const std::vector<const RuleSet*>& sets,
                           Diagnostics& diag) {
    std::vector<std::string> names;
    for (const CheckDef* check : check_defs()) names.emplace_back(check->name);
    for (const auto* set : sets)
        for (const auto* rule : set->rules()) names.push_back(rule->id);
    // A rule of a pack that no audited site uses (another region's) is still a known name.
    std::optional<std::vector<RulePack>> others;
    auto check_of = [&](const std::string& name) -> const CheckDef* {
        for (const auto* set : sets)
            if (const Rule* rule = set->rule(name)) return find_check(rule->check);
        if (const auto* check = find_check(name)) return check;
        if (!others) others = available_packs();
        for (const auto& pack : *others)
            for (const auto& rule : pack.rules)
                if (rule.id == name) return find_check(rule.check);
        return nullptr;
    };
    auto unknown = [&](const SourceLocation& loc, std::string_view what, const std::string& name) {
        const std::string hint =
            io::suggest(name, std::vector<std::string_view>(names.begin(), names.end()));
        diag.error(loc, fmt::format("{}: '{}' is neither a check nor a rule of any rule "
                                    "pack{}",
                                    what, name,
                                    hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
    };
    for (const auto& [key, params] : config.rule_params) {
        const CheckDef* check = check_of(key);
        if (!check) {
            unknown(config.name_loc.at(key), "rule_params", key);
            continue;
        }
        std::vector<std::string_view> known;
        for (const ParamSpec* p : check->params) known.push_back(p->name);
        for (const auto& [param, value] : params) {
            if (const ParamSpec* spec = check->param(param)) {
                if (!spec->allows(value))
                    diag.error(config.param_loc.at(key).at(param),
                               fmt::format("rule_params.{}: parameter '{}' must be in [0, {}], "
                                           "got {}",
                                           key, param, spec->upper(), value));
                continue;
            }
            const std::string hint = io::suggest(param, known);
            diag.error(
                config.param_loc.at(key).at(param),
                fmt::format("rule_params.{}: check '{}' has no parameter '{}'{}", key, check->name,
                            param, hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
        }
    }
    for (std::size_t i = 0; i < config.disable.size(); ++i)
        if (!check_of(config.disable[i]))
            unknown(config.disable_loc[i], "disable", config.disable[i]);
}

AuditOptions config_options_for(const Config& config, const RuleSet& rules) {
    auto known = [&](const std::string& name) {
        return find_check(name) != nullptr || rules.rule(name) != nullptr;
    };
    AuditOptions options;
    for (const auto& [key, params] : config.rule_params)
        if (known(key)) options.rule_params[key] = params;
    for (const auto& name : config.disable)
        if (known(name)) options.disable.push_back(name);
    return options;
}

}  // namespace camaudit::audit
