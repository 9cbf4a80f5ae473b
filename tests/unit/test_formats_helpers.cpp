#include "test_formats_helpers.hpp"

#include <cmath>
#include <cstdlib>

namespace camaudit::test_formats {

bool Json::has(const std::string& key) const {
    for (const auto& [k, v] : members)
        if (k == key) return true;
    return false;
}

const Json& Json::operator[](const std::string& key) const {
    static const Json null;
    for (const auto& [k, v] : members)
        if (k == key) return v;
    return null;
}

namespace {

class Reader {
  public:
    explicit Reader(const std::string& s) : s_(s) {}

    std::optional<Json> document() {
        Json v;
        if (!value(v, 0)) return std::nullopt;
        space();
        if (i_ != s_.size()) {
            fail("text after the value");
            return std::nullopt;
        }
        return v;
    }
    std::string error;

  private:
    bool fail(const std::string& why) {
        if (error.empty()) error = why + " at byte " + std::to_string(i_);
        return false;
    }
    void space() {
        while (i_ < s_.size() &&
               (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
            ++i_;
    }
    bool literal(const char* word) {
        std::string w(word);
        if (s_.compare(i_, w.size(), w) != 0) return false;
        i_ += w.size();
        return true;
    }
    bool value(Json& v, int depth) {
        if (depth > 64) return fail("too deep");
        space();
        if (i_ >= s_.size()) return fail("unexpected end");
        char c = s_[i_];
        if (c == '{') return object(v, depth);
        if (c == '[') return array(v, depth);
        if (c == '"') {
            v.type = Json::Type::String;
            return string(v.string);
        }
        if (literal("null")) return true;
        if (literal("true") || literal("false")) {
            v.type = Json::Type::Bool;
            v.boolean = s_[i_ - 1] == 'e' && s_[i_ - 2] == 'u';
            return true;
        }
        return number(v);
    }
    bool number(Json& v) {
        std::size_t start = i_;
        if (i_ < s_.size() && s_[i_] == '-') ++i_;
        if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_])))
            return fail("not a value");
        if (s_[i_] == '0' && i_ + 1 < s_.size() &&
            std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))
            return fail("leading zero");
        while (i_ < s_.size() &&
               (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                s_[i_] == 'e' || s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-'))
            ++i_;
        std::string text = s_.substr(start, i_ - start);
        char* end = nullptr;
        v.type = Json::Type::Number;
        v.number = std::strtod(text.c_str(), &end);
        if (*end != '\0' || !std::isfinite(v.number)) return fail("bad number");
        return true;
    }
    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    bool string(std::string& out) {
        ++i_;  // the opening quote
        while (i_ < s_.size() && s_[i_] != '"') {
            auto c = static_cast<unsigned char>(s_[i_]);
            if (c < 0x20) return fail("raw control character in a string");
            if (c != '\\') {
                out += static_cast<char>(c);
                ++i_;
                continue;
            }
            if (++i_ >= s_.size()) break;
            char e = s_[i_++];
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    if (i_ + 4 > s_.size()) return fail("short \\u escape");
                    append_utf8(out,
                                static_cast<unsigned>(std::stoul(s_.substr(i_, 4), nullptr, 16)));
                    i_ += 4;
                    break;
                }
                default:
                    return fail("bad escape");
            }
        }
        if (i_ >= s_.size()) return fail("unterminated string");
        ++i_;
        return true;
    }
    bool array(Json& v, int depth) {
        v.type = Json::Type::Array;
        ++i_;
        space();
        if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
        while (true) {
            Json item;
            if (!value(item, depth + 1)) return false;
            v.items.push_back(std::move(item));
            space();
            if (i_ < s_.size() && s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
            return fail("expected , or ]");
        }
    }
    bool object(Json& v, int depth) {
        v.type = Json::Type::Object;
        ++i_;
        space();
        if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
        while (true) {
            space();
            if (i_ >= s_.size() || s_[i_] != '"') return fail("expected a key");
            std::string key;
            if (!string(key)) return false;
            if (v.has(key)) return fail("duplicate key " + key);
            space();
            if (i_ >= s_.size() || s_[i_] != ':') return fail("expected :");
            ++i_;
            Json item;
            if (!value(item, depth + 1)) return false;
            v.members.emplace_back(std::move(key), std::move(item));
            space();
            if (i_ < s_.size() && s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
            return fail("expected , or }");
        }
    }

    const std::string& s_;
    std::size_t i_ = 0;
};

}  // namespace

std::optional<Json> parse_json(const std::string& text, std::string* error) {
    Reader r(text);
    auto v = r.document();
    if (!v && error) *error = r.error;
    return v;
}

std::string xml_problem(const std::string& s) {
    std::vector<std::string> open;
    auto entity_ok = [&](std::size_t at) {
        for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"})
            if (s.compare(at, std::char_traits<char>::length(e), e) == 0) return true;
        if (s.compare(at, 2, "&#") != 0) return false;
        std::size_t j = at + 2;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        return j > at + 2 && j < s.size() && s[j] == ';';
    };
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '&' && !entity_ok(i)) return "bare & at " + std::to_string(i);
        if (s[i] == '>') return "stray > at " + std::to_string(i);
        if (static_cast<unsigned char>(s[i]) < 0x20 && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
            return "control character at " + std::to_string(i);
        if (s[i] != '<') {
            ++i;
            continue;
        }
        if (s.compare(i, 2, "<?") == 0) {
            auto end = s.find("?>", i);
            if (end == std::string::npos) return "unclosed <?";
            i = end + 2;
            continue;
        }
        if (s.compare(i, 4, "<!--") == 0) {
            auto end = s.find("-->", i);
            if (end == std::string::npos) return "unclosed comment";
            i = end + 3;
            continue;
        }
        std::size_t j = i + 1;
        char quote = 0;
        for (; j < s.size(); ++j) {
            if (quote) {
                if (s[j] == quote)
                    quote = 0;
                else if (s[j] == '<')
                    return "< in attribute at " + std::to_string(j);
                else if (s[j] == '&' && !entity_ok(j))
                    return "bare & in attribute";
                else if (s[j] == '\n')
                    return "raw newline in attribute at " + std::to_string(j);
            } else if (s[j] == '"' || s[j] == '\'') {
                quote = s[j];
            } else if (s[j] == '=' && j + 1 < s.size() && s[j + 1] != '"' && s[j + 1] != '\'') {
                return "unquoted attribute at " + std::to_string(j);
            } else if (s[j] == '>') {
                break;
            }
        }
        if (j >= s.size()) return "unclosed tag at " + std::to_string(i);
        std::string tag = s.substr(i + 1, j - i - 1);
        bool closing = !tag.empty() && tag[0] == '/';
        bool self = !tag.empty() && tag.back() == '/';
        std::string name = tag.substr(closing ? 1 : 0);
        name = name.substr(0, name.find_first_of(" \t\n/"));
        if (closing) {
            if (open.empty() || open.back() != name) return "mismatched </" + name + ">";
            open.pop_back();
        } else if (!self) {
            open.push_back(name);
        }
        i = j + 1;
    }
    return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + needle.size()))
        ++n;
    return n;
}

namespace {

audit::Finding finding(const std::string& rule, const std::string& check, audit::Severity s,
                       const std::string& site, int line) {
    audit::Finding f;
    f.rule = rule;
    f.rules = {rule};
    f.check = check;
    f.severity = s;
    f.site = site;
    f.loc = {site + ".yaml", line, 3};
    f.fingerprint =
        audit::fingerprint_of(site, check, std::nullopt, std::nullopt) + "-" + std::to_string(line);
    f.message_en = "en " + kNasty;
    f.message_zh = "中文消息 " + kNasty;
    return f;
}

}  // namespace

std::unique_ptr<SampleReport> sample_report() {
    auto out = std::make_unique<SampleReport>();
    audit::RulePack pack;
    pack.id = "cn";
    audit::Instrument inst;
    inst.id = "cn-regulation-2025";
    inst.title_zh = "公共安全视频图像信息系统管理条例";
    inst.title_en = "Regulations <on> & \"video\"";
    inst.short_zh = "条例";
    inst.short_en = "Regulation";
    pack.instruments.push_back(inst);
    audit::Citation cite;
    cite.doc = inst.id;
    cite.article = 8;
    cite.paragraph = 1;
    cite.item = 1;
    cite.text_zh = "（一）旅馆……客房<内部>&；";
    for (const char* id : {"cn-guest-room-view", "cn-private-overreach"}) {
        audit::Rule r;
        r.id = id;
        r.check = id == std::string("cn-guest-room-view") ? "forbidden-view" : "private-overreach";
        r.severity =
            r.check == "forbidden-view" ? audit::Severity::Error : audit::Severity::Warning;
        r.title_en = std::string("Title of ") + id + " <&>";
        r.title_zh = std::string("标题 ") + id;
        r.explain_en = "Explain " + kNasty;
        r.explain_zh = "说明 " + kNasty;
        r.fix_en = "Fix it";
        r.fix_zh = "改正";
        r.pack = "cn";
        r.citations = {cite};
        pack.rules.push_back(r);
    }
    out->rules->packs.push_back(pack);

    audit::SiteResult alpha;
    alpha.file = "alpha.yaml";
    alpha.id = "alpha";
    alpha.name = "Alpha & <Co>";
    alpha.rules = out->rules;
    alpha.crs = "local";
    auto view =
        finding("cn-guest-room-view", "forbidden-view", audit::Severity::Error, "alpha", 10);
    view.camera = "C<1>";
    view.zone = "room&1";
    view.citations = {cite};
    view.metrics = {{"overlap_m2", 3.25}, {"overlap_fraction", 0.5}};
    view.area = {Polygon{{{0, 0}, {2, 0}, {2, 1}}, {}}};
    view.where = Point{1, 1};
    auto overreach =
        finding("cn-private-overreach", "private-overreach", audit::Severity::Warning, "alpha", 20);
    overreach.camera = "C2";
    overreach.where = Point{5.5, -2};
    auto note = finding("cn-guest-room-view", "forbidden-view", audit::Severity::Info, "alpha", 30);
    note.zone = "lobby";
    note.where = Point{7, 8};
    alpha.findings = {view, overreach, note};

    audit::SiteResult beta;
    beta.file = "beta.yaml";
    beta.id = "beta";
    beta.rules = out->rules;

    audit::SiteResult gamma;
    gamma.file = "dir/gamma site.yaml";
    gamma.id = "gamma";
    gamma.rules = out->rules;
    gamma.crs = "EPSG:4326";
    // A rule that the rule set does not know: the SARIF still describes it.
    gamma.findings = {
        finding("x-retention", "retention-too-short", audit::Severity::Error, "gamma", 1)};
    gamma.findings[0].loc.file = gamma.file;

    out->report.sites = {alpha, beta, gamma};
    return out;
}

}  // namespace camaudit::test_formats
