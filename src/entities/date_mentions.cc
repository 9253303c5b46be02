#include "entities/date_mentions.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace seismo {
namespace {

bool joined(const MatchText& t, size_t i) {  // no punctuation between token i-1 and i
  return !t.barrier_before(i);
}

// The tables are string_views: each comparison checks the length first,
// with no strlen (this runs for every capitalised word of every text).
int month_of(std::string_view k) {
  static constexpr std::string_view names[] = {"january", "february", "march",     "april",   "may",      "june",
                                               "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::string_view abbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                              "jul", "aug", "sep", "oct", "nov", "dec"};
  if (k.size() < 3 || k.size() > 9) return 0;
  for (int m = 0; m < 12; ++m)
    if (k == names[m] || k == abbr[m] || (m == 8 && k == "sept")) return m + 1;
  return 0;
}

int weekday_of(std::string_view k) {  // 0 = Sunday
  static constexpr std::string_view names[] = {"sunday",   "monday", "tuesday", "wednesday",
                                               "thursday", "friday", "saturday"};
  if (k.size() < 6 || k.size() > 9 || k.compare(k.size() - 3, 3, "day") != 0) return -1;
  for (int d = 0; d < 7; ++d) if (k == names[d]) return d;
  return -1;
}

int season_start(std::string_view k) {
  if (k == "spring") return 3;
  if (k == "summer") return 6;
  if (k == "autumn" || k == "fall") return 9;
  if (k == "winter") return 12;
  return 0;
}

int number_of(std::string_view k) {
  int v = -1;
  if (k.empty() || k.size() > 4) return -1;
  auto r = std::from_chars(k.data(), k.data() + k.size(), v);
  return r.ec == std::errc() && r.ptr == k.data() + k.size() ? v : -1;
}

// Between tokens a and a+1 only a dash (with spaces or not) or "to".
bool is_range_gap(std::string_view text, const MatchText& t, size_t a) {
  if (a + 1 >= t.tokens.size()) return false;
  std::string_view gap = text.substr(t.tokens[a].end, t.tokens[a + 1].begin - t.tokens[a].end);
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  return gap == "-" || gap == "\u2013" || gap == "\u2014";
}

int day_number(const CalendarDate& d) { return days_from_civil(d.year, d.month, d.day); }

std::string format_day(int y, int m, int d) {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
  return b;
}
std::string format_month(int y, int m) {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d", y, m);
  return b;
}

DateRef day_ref(int days) {
  CalendarDate c = civil_from_days(days);
  return DateRef{format_day(c.year, c.month, c.day), DatePrecision::kDay};
}

// The most recent (year, month) not after the reference month: "back in
// November" written in December 2022 is November 2022, written in March
// 2023 it is November 2022 as well.
int year_of_past_month(const CalendarDate& ref, int month) { return month <= ref.month ? ref.year : ref.year - 1; }

}  // namespace

std::vector<DateMention> find_date_mentions(std::string_view text, const MatchText& t,
                                            const std::optional<CalendarDate>& published) {
  // 1. Absolute dates with a year: the shared date finder, in text order
  // and without overlaps. A range found later may drop some of them.
  std::vector<DateMention> absolute;
  for (const auto& m : find_dates(text)) {
    DateMention d{m.begin, m.end, {}};
    d.ref.precision = m.date.precision;
    d.ref.value = m.date.iso();
    absolute.push_back(d);
  }
  std::vector<bool> dropped(absolute.size(), false);
  // The others, added as the loop below walks the tokens: each ends at or
  // after the one before, so those a new span can overlap are at the back.
  // Both checks look only there and in the absolute dates around the span,
  // so the pass stays linear in a text of thousands of dates.
  std::vector<DateMention> relative;
  auto first_absolute_ending_after = [&](size_t offset) {
    return std::partition_point(absolute.begin(), absolute.end(), [&](const DateMention& d) { return d.end <= offset; }) -
           absolute.begin();
  };
  auto covered = [&](size_t begin, size_t end) {
    for (size_t k = first_absolute_ending_after(begin); k < absolute.size() && absolute[k].begin < end; ++k)
      if (!dropped[k]) return true;
    for (size_t k = relative.size(); k > 0 && relative[k - 1].end > begin; --k)
      if (relative[k - 1].begin < end) return true;
    return false;
  };
  // A range replaces what was found inside it.
  auto drop_inside = [&](size_t begin, size_t end) {
    for (size_t k = first_absolute_ending_after(begin); k < absolute.size() && absolute[k].begin < end; ++k)
      if (absolute[k].begin >= begin && absolute[k].end <= end) dropped[k] = true;
    size_t keep = relative.size();
    while (keep > 0 && relative[keep - 1].end > begin) --keep;
    relative.erase(std::remove_if(relative.begin() + static_cast<std::ptrdiff_t>(keep), relative.end(),
                                  [&](const DateMention& d) { return d.begin >= begin && d.end <= end; }),
                   relative.end());
  };
  auto add = [&](size_t first_tok, size_t last_tok, DateRef ref) {
    size_t b = t.tokens[first_tok].begin, e = t.tokens[last_tok].end;
    if (!covered(b, e)) relative.push_back(DateMention{b, e, std::move(ref)});
  };
  const size_t n = t.tokens.size();
  const bool have_ref = published.has_value() && published->precision == DatePrecision::kDay;
  const int ref_day = have_ref ? day_number(*published) : 0;

  for (size_t i = 0; i < n; ++i) {
    std::string_view k = t.key_of(i);
    bool cap = t.tokens[i].capitalised;
    // 2. Day and month without a year: "December 10", "10 December".
    int month = cap ? month_of(k) : 0;
    if (month) {
      int day = -1;
      size_t last = i;
      if (i + 1 < n && joined(t, i + 1) && (day = number_of(t.key_of(i + 1))) >= 1 && day <= 31) last = i + 1;
      else if (i > 0 && joined(t, i) && (day = number_of(t.key_of(i - 1))) >= 1 && day <= 31) last = i;
      else day = -1;
      if (day > 0) {
        size_t first = last == i ? i - 1 : i;
        // A range of days: "December 10-12", "10–12 December".
        int to_day = -1;
        if (last == i + 1 && last + 1 < n && is_range_gap(text, t, last) &&
            (to_day = number_of(t.key_of(last + 1))) > day && to_day <= 31)
          last = last + 1;
        else if (last == i && first >= 2 && is_range_gap(text, t, first - 1) &&
                 number_of(t.key_of(first - 1)) >= 1 && number_of(t.key_of(first - 1)) < day) {
          to_day = day;
          day = number_of(t.key_of(first - 1));
          first = first - 1;
        } else {
          to_day = -1;
        }
        bool year_follows = last + 1 < n && number_of(t.key_of(last + 1)) >= 1900;
        if (year_follows && to_day < 0) continue;  // found by the absolute pass
        int year = 0;
        if (year_follows) {
          year = number_of(t.key_of(last + 1));
          ++last;
        } else if (have_ref) {
          // The occurrence nearest the publication date, looking back up to
          // ten months and ahead up to two (announced events).
          year = published->year;
          int cand = days_from_civil(year, month, day);
          if (cand - ref_day > 61) --year;
          else if (ref_day - cand > 305) ++year;
        }
        char b[32];
        if (year == 0) std::snprintf(b, sizeof b, "--%02d-%02d", month, day);
        else std::snprintf(b, sizeof b, "%04d-%02d-%02d", year, month, day);
        std::string value = b;
        if (to_day > 0) {  // an ISO 8601 interval
          if (year == 0) std::snprintf(b, sizeof b, "/--%02d-%02d", month, to_day);
          else std::snprintf(b, sizeof b, "/%04d-%02d-%02d", year, month, to_day);
          value += b;
        }
        drop_inside(t.tokens[first].begin, t.tokens[last].end);
        add(first, last, DateRef{value, DatePrecision::kDay});
        i = last;
        continue;
      }
      // A month alone after "in", "since", "back in", "last", "early", "late", "mid".
      if (i > 0 && joined(t, i)) {
        std::string_view prev = t.key_of(i - 1);
        if (prev == "in" || prev == "since" || prev == "last" || prev == "early" || prev == "late" || prev == "mid" ||
            prev == "until" || prev == "by" || prev == "from") {
          bool year_follows = i + 1 < n && number_of(t.key_of(i + 1)) >= 1900;
          if (year_follows) continue;
          size_t first = (i >= 2 && prev == "in" && t.key_of(i - 2) == "back") ? i - 2 : i - 1;
          if (have_ref) {
            int y = year_of_past_month(*published, month);
            if (prev == "last" && month == published->month) --y;
            add(first, i, DateRef{format_month(y, month), DatePrecision::kMonth});
          } else {
            char b[16];
            std::snprintf(b, sizeof b, "--%02d", month);
            add(first, i, DateRef{b, DatePrecision::kMonth});
          }
          continue;
        }
      }
    }
    if (!have_ref) continue;
    // 3. Words relative to the publication date.
    if (k == "yesterday") add(i, i, day_ref(ref_day - 1));
    else if (k == "today") add(i, i, day_ref(ref_day));
    else if (k == "tomorrow") add(i, i, day_ref(ref_day + 1));
    else if (int wd = weekday_of(k); wd >= 0 && cap) {
      std::string_view prev = i > 0 && joined(t, i) ? t.key_of(i - 1) : std::string_view();
      int ref_wd = ((ref_day % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday
      int back = (ref_wd - wd + 7) % 7;
      int day;
      if (prev == "next") day = ref_day + ((wd - ref_wd + 7) % 7 == 0 ? 7 : (wd - ref_wd + 7) % 7);
      else day = ref_day - (prev == "last" && back == 0 ? 7 : back);
      size_t first = (prev == "on" || prev == "last" || prev == "next" || prev == "this") ? i - 1 : i;
      add(first, i, day_ref(day));
    } else if (i + 1 < n && joined(t, i + 1) &&
               (t.key_of(i + 1) == "week" || t.key_of(i + 1) == "month" || t.key_of(i + 1) == "year") &&
               (k == "last" || k == "this" || k == "next")) {
      std::string_view unit = t.key_of(i + 1);
      size_t first = (k == "this" && i > 0 && joined(t, i) && t.key_of(i - 1) == "earlier") ? i - 1 : i;
      CalendarDate r = *published;
      int dir = k == "last" ? -1 : k == "next" ? 1 : 0;
      if (unit == "week") {
        CalendarDate c = civil_from_days(ref_day + 7 * dir);
        add(first, i + 1, DateRef{format_month(c.year, c.month), DatePrecision::kMonth});
      } else if (unit == "month") {
        int months = r.year * 12 + (r.month - 1) + dir;
        add(first, i + 1, DateRef{format_month(months / 12, months % 12 + 1), DatePrecision::kMonth});
      } else {
        add(first, i + 1, DateRef{std::to_string(r.year + dir), DatePrecision::kYear});
      }
      ++i;
    } else if (int s = season_start(k); s && i > 0 && joined(t, i)) {
      std::string_view prev = t.key_of(i - 1);
      if (prev != "the" && prev != "this" && prev != "last") continue;
      size_t first = i - 1;
      if (prev == "the" && i >= 2 && joined(t, i - 1) && (t.key_of(i - 2) == "since" || t.key_of(i - 2) == "in"))
        first = i - 2;
      int y = published->year;
      int start_day = days_from_civil(y, s, 1);
      if (start_day > ref_day) --y;  // the season has not begun yet this year: the last one
      if (prev == "last" && days_from_civil(y, s, 1) + 90 > ref_day) --y;
      add(first, i, DateRef{format_month(y, s), DatePrecision::kMonth});
    } else if (k == "ago" && i >= 2 && joined(t, i) && joined(t, i - 1)) {
      int count = number_of(t.key_of(i - 2));
      std::string_view unit = t.key_of(i - 1);
      if (count < 0) {
        static const char* words[] = {"a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        for (int w = 0; w < 11; ++w) if (t.key_of(i - 2) == words[w]) count = w == 0 ? 1 : w;
      }
      if (count < 0) continue;
      std::string phrase = std::to_string(count) + " " + std::string(unit) + " ago";
      if (auto d = parse_relative_age(phrase, *published)) add(i - 2, i, DateRef{d->iso(), d->precision});
    }
  }
  std::vector<DateMention> out;
  out.reserve(absolute.size() + relative.size());
  for (size_t k = 0; k < absolute.size(); ++k)
    if (!dropped[k]) out.push_back(std::move(absolute[k]));
  for (auto& d : relative) out.push_back(std::move(d));
  std::sort(out.begin(), out.end(), [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace seismo
