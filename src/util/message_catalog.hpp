// The Chinese of camaudit's input-error messages.
//
// Readers write their messages in English with fmt (`fmt::format("hfov must be in (0, 360], got
// {}", v)`); inspectors read them in Chinese. Rather than carrying two strings through every
// reader, the catalog (message_catalog_zh.cpp) pairs each English format string with its Chinese
// one, as a gettext catalogue pairs msgid and msgstr; translation matches a finished message
// against the English templates and fills the Chinese template with the same arguments, which
// may come in another order ({0}, {1}, …). An unquoted argument that is itself a catalogued
// phrase ("a list", "the top level") is translated too; an argument the template quotes ('{}'
// or "{}") and everything else (ids, keys, values, numbers) is kept as written.
//
// A message the catalog does not know stays in English: never a wrong translation. The test
// tests/unit/test_message_catalog.cpp runs the malformed-input corpora and requires a Chinese
// line for every message they give.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace camaudit::messages {

// One entry: an English fmt format string with `{}` placeholders (never two side by side) and
// its Chinese with positional `{N}` placeholders (N counts the English ones from 0).
struct Entry {
    std::string_view en;
    std::string_view zh;
};

// The catalogue: whole messages, and phrases that appear as arguments or as the part of a
// message before ": " (the element a message is about: "camera 'C1'", "the top level").
std::span<const Entry> zh_messages();
std::span<const Entry> zh_phrases();

// The Chinese of `english`, or nullopt when the catalog has no template for it.
std::optional<std::string> to_chinese(std::string_view english);

// The same against a given catalogue (for tests).
std::optional<std::string> translate(std::string_view english, std::span<const Entry> messages,
                                     std::span<const Entry> phrases);

}  // namespace camaudit::messages
