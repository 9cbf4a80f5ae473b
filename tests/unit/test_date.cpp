#include <doctest/doctest.h>

#include "model/date.hpp"

using camaudit::Date;

TEST_CASE("Date::parse accepts real days and rejects the rest") {
    CHECK(Date::parse("2025-04-01") == Date{2025, 4, 1});
    CHECK(Date::parse("2024-02-29").has_value());
    CHECK_FALSE(Date::parse("2025-02-29").has_value());
    CHECK_FALSE(Date::parse("2025-13-01").has_value());
    CHECK_FALSE(Date::parse("2025-4-1").has_value());
    CHECK_FALSE(Date::parse("20250401").has_value());
    CHECK_FALSE(Date::parse("2025-04-0x").has_value());
}

TEST_CASE("days_between counts calendar days") {
    CHECK(days_between(*Date::parse("2025-04-01"), *Date::parse("2025-06-30")) == 90);
    CHECK(days_between(*Date::parse("2025-06-01"), *Date::parse("2025-07-01")) == 30);
    CHECK(days_between(*Date::parse("2024-12-31"), *Date::parse("2025-01-01")) == 1);
    CHECK(Date::parse("1970-01-01")->days_since_epoch() == 0);
}
