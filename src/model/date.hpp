// A calendar date (ISO 8601, proleptic Gregorian), enough for filing deadlines.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace camaudit {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    friend auto operator<=>(const Date&, const Date&) = default;

    // Parses YYYY-MM-DD; nullopt when malformed or not a real day.
    static std::optional<Date> parse(std::string_view text);
    // Days since 1970-01-01.
    long days_since_epoch() const;
    std::string str() const;
};

// b - a in days.
inline long days_between(const Date& a, const Date& b) {
    return b.days_since_epoch() - a.days_since_epoch();
}

}  // namespace camaudit
