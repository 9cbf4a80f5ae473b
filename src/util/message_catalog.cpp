#include "util/message_catalog.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <cctype>
#include <vector>

namespace camaudit::messages {

namespace {

constexpr std::string_view kPlaceholder = "{}";

// The literal parts of an English template: n placeholders give n + 1 parts.
std::vector<std::string_view> literals(std::string_view tmpl) {
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    for (auto at = tmpl.find(kPlaceholder); at != std::string_view::npos;
         at = tmpl.find(kPlaceholder, from)) {
        parts.push_back(tmpl.substr(from, at - from));
        from = at + kPlaceholder.size();
    }
    parts.push_back(tmpl.substr(from));
    return parts;
}

// Matches `text` against the parts, each placeholder taking at least one character and the
// middle literals taken at their first occurrence; the arguments go to `args`.
bool match(std::string_view text, const std::vector<std::string_view>& parts,
           std::vector<std::string_view>& args) {
    args.clear();
    if (!text.starts_with(parts.front())) return false;
    if (parts.size() == 1) return text.size() == parts.front().size();
    std::size_t pos = parts.front().size();
    for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
        const auto at = text.find(parts[i], pos + 1);
        if (at == std::string_view::npos) return false;
        args.push_back(text.substr(pos, at - pos));
        pos = at + parts[i].size();
    }
    const std::string_view last = parts.back();
    if (text.size() < pos + 1 + last.size() || !text.ends_with(last)) return false;
    args.push_back(text.substr(pos, text.size() - last.size() - pos));
    return true;
}

std::size_t literal_size(const std::vector<std::string_view>& parts) {
    std::size_t n = 0;
    for (auto p : parts) n += p.size();
    return n;
}

struct Match {
    const Entry* entry = nullptr;
    std::vector<std::string_view> args;
    std::vector<bool> quoted;  // per argument: written in quotes in the template ('{}', "{}")
};

// Whether the placeholder between parts[i] and parts[i + 1] stands in quotes: then its argument
// is data (an id, a key, a value), never a phrase, even where it reads like one ('camera').
std::vector<bool> quoted_placeholders(const std::vector<std::string_view>& parts) {
    std::vector<bool> out;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        const auto before = parts[i];
        const auto after = parts[i + 1];
        out.push_back(!before.empty() && !after.empty() && before.back() == after.front() &&
                      (after.front() == '\'' || after.front() == '"'));
    }
    return out;
}

// The most specific template that matches: the one with the most literal text.
Match best_match(std::string_view text, std::span<const Entry> entries) {
    Match best;
    std::size_t best_size = 0;
    std::vector<std::string_view> args;
    for (const auto& e : entries) {
        const auto parts = literals(e.en);
        if (!match(text, parts, args)) continue;
        const auto size = literal_size(parts);
        if (best.entry && size <= best_size) continue;
        best = {&e, args, quoted_placeholders(parts)};
        best_size = size;
    }
    return best;
}

class Translator {
  public:
    Translator(std::span<const Entry> messages, std::span<const Entry> phrases)
        : messages_(messages), phrases_(phrases) {}

    std::optional<std::string> message(std::string_view text, int depth = 0) const {
        const Match m = best_match(text, messages_);
        // A template that starts with a placeholder ("{} must be > 0, got {}") also matches
        // "camera 'C1': range must be > 0, got 0", its argument swallowing the element: where
        // an argument outside quotes holds ": ", the element and the rest translated on their own
        // come first.
        bool swallowed = false;
        for (std::size_t i = 0; i < m.args.size(); ++i)
            swallowed =
                swallowed || (!m.quoted[i] && m.args[i].find(": ") != std::string_view::npos);
        if (m.entry && !swallowed) return fill(m);
        if (depth <= 4) {
            // "<element>: <what is wrong>": the element as a phrase or a key, then the rest.
            for (auto at = text.find(": "); at != std::string_view::npos;
                 at = text.find(": ", at + 1)) {
                auto subject = element(text.substr(0, at));
                if (!subject) continue;
                if (auto rest = message(text.substr(at + 2), depth + 1))
                    return *subject + "：" + *rest;
            }
        }
        if (m.entry) return fill(m);
        return std::nullopt;
    }

  private:
    // A phrase of the catalogue, translated; nullopt if it is not one.
    std::optional<std::string> phrase(std::string_view text) const {
        if (auto m = best_match(text, phrases_); m.entry) return fill(m);
        return std::nullopt;
    }

    // What a message is about: a catalogued phrase, or a key as the file writes it
    // (`hfov`, `ptz.pan`, `system.filing.date`, an OpenStreetMap tag such as `camera:angle`),
    // which stays as written.
    std::optional<std::string> element(std::string_view text) const {
        if (auto p = phrase(text)) return p;
        if (text.empty()) return std::nullopt;
        for (char c : text)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' ||
                  c == '[' || c == ']' || c == ':'))
                return std::nullopt;
        return std::string(text);
    }

    std::string fill(const Match& m) const {
        fmt::dynamic_format_arg_store<fmt::format_context> store;
        for (std::size_t i = 0; i < m.args.size(); ++i) {
            auto p = m.quoted[i] ? std::nullopt : phrase(m.args[i]);
            store.push_back(p ? *p : std::string(m.args[i]));
        }
        try {
            return fmt::vformat(m.entry->zh, store);
        } catch (const fmt::format_error&) {
            // A catalogue entry with a bad placeholder: the test of the catalogue catches it;
            // never lose the message because of it.
            return std::string(m.entry->zh);
        }
    }

    std::span<const Entry> messages_;
    std::span<const Entry> phrases_;
};

}  // namespace

std::optional<std::string> translate(std::string_view english, std::span<const Entry> messages,
                                     std::span<const Entry> phrases) {
    return Translator(messages, phrases).message(english);
}

std::optional<std::string> to_chinese(std::string_view english) {
    return translate(english, zh_messages(), zh_phrases());
}

}  // namespace camaudit::messages
