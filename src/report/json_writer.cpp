#include "report/json_writer.hpp"

#include <fmt/format.h>

#include <cmath>

namespace camaudit::report {

std::string JsonWriter::escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20)
                    out += fmt::format("\\u{:04x}", c);
                else
                    out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

void JsonWriter::newline() {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(has_member_.size() * 2, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!has_member_.empty()) {
        if (has_member_.back()) out_ += ',';
        has_member_.back() = true;
        newline();
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    has_member_.push_back(false);
    return *this;
}

void JsonWriter::close(char bracket) {
    bool any = has_member_.back();
    has_member_.pop_back();
    if (any) newline();
    out_ += bracket;
}

JsonWriter& JsonWriter::end_object() {
    close('}');
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    has_member_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    before_value();
    out_ += escape(k);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    before_value();
    out_ += escape(s);
    return *this;
}

JsonWriter& JsonWriter::value(double d, int decimals) {
    before_value();
    if (!std::isfinite(d)) {
        out_ += "null";  // JSON has no NaN or infinity
        return *this;
    }
    if (std::fabs(d) >= 1e15) {        // nothing to round, and d * scale could overflow to inf
        out_ += fmt::format("{}", d);  // shortest form, finite: 1e+308 is a JSON number
        return *this;
    }
    double scale = std::pow(10.0, decimals);
    double r = std::round(d * scale) / scale;
    if (r == 0) r = 0;  // no "-0"
    if (r == std::trunc(r) && std::fabs(r) < 1e15)
        out_ += fmt::format("{:.0f}", r);
    else
        out_ += fmt::format("{}", r);
    return *this;
}

JsonWriter& JsonWriter::value(long long i) {
    before_value();
    out_ += fmt::format("{}", i);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    before_value();
    out_ += json;
    return *this;
}

}  // namespace camaudit::report
