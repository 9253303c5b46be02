// Calendar dates written in text: numeric (2022-12-13, 13.12.2022.,
// 12/13/2022) and with month names in English and the languages seismo
// meets most (de, fr, es, it, pt, nl, pl, sr/hr/bs in both scripts, sq, ru).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seismo {

enum class DatePrecision { kYear, kMonth, kDay };

struct CalendarDate {
  int year = 0;
  int month = 0;  // 0 when unknown
  int day = 0;    // 0 when unknown
  int hour = -1;  // -1 when no time was written
  int minute = -1;
  DatePrecision precision = DatePrecision::kDay;

  // "YYYY-MM-DD", "YYYY-MM" or "YYYY"; with time "YYYY-MM-DDTHH:MM".
  std::string iso(bool with_time = false) const;
  bool operator<(const CalendarDate& o) const;
};

struct DateMatch {
  CalendarDate date;
  size_t begin = 0;  // byte offsets of the match in the searched text
  size_t end = 0;
};

// Every date found in `text`, in order. Month-only dates ("March 2025") are
// reported with month precision; bare years are not reported.
std::vector<DateMatch> find_dates(std::string_view text);

// A machine date as found in metadata: ISO 8601 with optional time, or any
// form find_dates understands. Day precision required.
std::optional<CalendarDate> parse_machine_date(std::string_view s);

// "2 years ago", "3 days ago", "yesterday" against `reference` (day precision).
std::optional<CalendarDate> parse_relative_age(std::string_view s, const CalendarDate& reference);

bool plausible_date(const CalendarDate& d);
int days_from_civil(int y, int m, int d);
CalendarDate civil_from_days(int z);

}  // namespace seismo

namespace seismo {

// PETRARCH/TABARI dates: YYMMDD or YYYYMMDD as days since 1970-01-01.
// Two-digit years up to 40 are 20xx.
std::optional<int> parse_yymmdd(std::string_view s);
// A PETRARCH/TABARI date restriction: "<D" (until D), ">D" (from D) or a
// range "A-B"; blanks inside are ignored. Sets the bounds it names and
// leaves the others; false when malformed. Empty: no restriction.
bool parse_cameo_date_range(std::string_view s, int& from, int& to);

}  // namespace seismo
