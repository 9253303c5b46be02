#include <gtest/gtest.h>

#include "common/dates.h"

namespace seismo {
namespace {

std::string first(std::string_view s, bool with_time = false) {
  auto found = find_dates(s);
  return found.empty() ? "" : found.front().date.iso(with_time);
}

TEST(Dates, EnglishForms) {
  EXPECT_EQ(first("Global Research, December 13, 2022"), "2022-12-13");
  EXPECT_EQ(first("on 10 December 2022 police"), "2022-12-10");
  EXPECT_EQ(first("Dec. 8th, 2022"), "2022-12-08");
  EXPECT_EQ(first("MARCH 2025"), "2025-03");
}

TEST(Dates, NumericForms) {
  EXPECT_EQ(first("2022-12-13T10:15:00+01:00", true), "2022-12-13T10:15");
  EXPECT_EQ(first("10.12.2022."), "2022-12-10");
  EXPECT_EQ(first("12/13/2022"), "2022-12-13");
  EXPECT_EQ(first("13/12/2022"), "2022-12-13");
  EXPECT_EQ(first("2022/12/13"), "2022-12-13");
}

TEST(Dates, RegionalLanguages) {
  EXPECT_EQ(first("13. Dezember 2022"), "2022-12-13");
  EXPECT_EQ(first("13 décembre 2022"), "2022-12-13");
  EXPECT_EQ(first("13. decembar 2022."), "2022-12-13");
  EXPECT_EQ(first("13. децембар 2022."), "2022-12-13");
  EXPECT_EQ(first("13 dhjetor 2022"), "2022-12-13");
  EXPECT_EQ(first("13 de diciembre de 2022"), "2022-12-13");
}

TEST(Dates, CommentTimestamps) {
  EXPECT_EQ(first("Sasha Veter (Alexander) 11 December 2022 07:47", true), "2022-12-11T07:47");
  EXPECT_EQ(first("November 3, 2022 at 5:04 pm", true), "2022-11-03T17:04");
}

TEST(Dates, RejectsNonDates) {
  EXPECT_EQ(first("2,500 $"), "");
  EXPECT_EQ(first("Resolution 1244 of 1999"), "");
  EXPECT_EQ(first("31.02.2022"), "");
  EXPECT_FALSE(parse_machine_date("yesterday").has_value());
}

TEST(Dates, RelativeAges) {
  CalendarDate ref;
  ref.year = 2024; ref.month = 3; ref.day = 1;
  auto d = parse_relative_age("3 days ago", ref);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso(), "2024-02-27");
  auto y = parse_relative_age("Last edited 2 years ago by X", ref);
  ASSERT_TRUE(y);
  EXPECT_EQ(y->iso(), "2022");
}

TEST(Dates, CivilDayArithmetic) {
  for (int z : {-1000, 0, 19000, 20000}) {
    CalendarDate d = civil_from_days(z);
    EXPECT_EQ(days_from_civil(d.year, d.month, d.day), z);
  }
}

}  // namespace
}  // namespace seismo
