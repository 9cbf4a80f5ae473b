// A small streaming JSON writer: correct escaping, deterministic number formatting, optional
// indentation. Enough for reports; no DOM.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace camaudit::report {

class JsonWriter {
  public:
    explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    // Rounded to `decimals` places, shortest form that reads back the same ("3.2", "100").
    JsonWriter& value(double d, int decimals = 6);
    JsonWriter& value(long long i);
    JsonWriter& value(int i) { return value(static_cast<long long>(i)); }
    JsonWriter& value(std::size_t i) { return value(static_cast<long long>(i)); }
    JsonWriter& value(bool b);
    JsonWriter& null();
    // Inserts already-serialised JSON as a value.
    JsonWriter& raw(std::string_view json);

    // The document, with a final newline.
    std::string str() const { return out_ + "\n"; }

    static std::string escape(std::string_view s);

  private:
    void before_value();
    void newline();
    void close(char bracket);

    bool pretty_;
    std::string out_;
    // Per open container: whether it has a member yet.
    std::vector<bool> has_member_;
    bool after_key_ = false;
};

}  // namespace camaudit::report
