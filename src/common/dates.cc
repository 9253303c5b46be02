#include "common/dates.h"

#include <array>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <charconv>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "common/fold.h"

namespace seismo {
namespace {

// Folded month names (fold_for_matching: Latin script, no diacritics, lower
// case). Only abbreviations that are not also common words are listed.
const std::unordered_map<std::string, int>& month_names() {
  static const std::unordered_map<std::string, int> names = [] {
    std::unordered_map<std::string, int> m;
    const char* table[12] = {
        "january jan januar janner jaenner janvier janv enero ene gennaio gen janeiro januari stycznia styczen januara janar sijecanj sijecnja siječanj",
        "february feb februar fevrier fevr febrero febbraio fevereiro februari lutego luty februara shkurt veljaca veljace",
        "march mar maerz marz mars marzo marco maart marca marzec mart marta ozujak ozujka",
        "april apr avril avr abril abr aprile kwietnia kwiecien aprila prill travanj travnja",
        "may mai mayo maggio mag maio mei maja maj svibanj svibnja",
        "june jun juni juin junio giugno giu junho czerwca czerwiec juna qershor lipanj lipnja",
        "july jul juli juillet juil julio luglio lug julho lipca lipiec jula korrik srpanj srpnja",
        "august aug aout agosto augustus sierpnia sierpien avgust avgusta augusta gusht kolovoz kolovoza",
        "september sep sept septembre septiembre setiembre settembre setembro wrzesnia wrzesien septembar septembra shtator rujan rujna",
        "october oct oktober okt octobre octubre ottobre ott outubro pazdziernika pazdziernik oktobar oktobra tetor listopad listopada",
        "november nov novembre noviembre novembro listopadzie novembar novembra nentor studeni studenog studenoga",
        "december dec dezember dez decembre diciembre dicembre dic dezembro grudnia grudzien decembar decembra dhjetor prosinac prosinca",
    };
    for (int i = 0; i < 12; ++i) {
      std::string_view row = table[i];
      size_t p = 0;
      while (p < row.size()) {
        size_t q = row.find(' ', p);
        if (q == std::string_view::npos) q = row.size();
        m.emplace(fold_for_matching(row.substr(p, q - p)), i + 1);
        p = q + 1;
      }
    }
    return m;
  }();
  return names;
}

enum class Kind { kNumber, kWord, kPunct };

struct Token {
  Kind kind;
  size_t begin, end;
  bool space_before;
  int value = 0;      // number value, or month for month words
  int digits = 0;     // digits in a number
  char punct = 0;
  std::string_view text;
};

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> toks;
  toks.reserve(s.size() / 5 + 4);  // about a token per five bytes of prose
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(std::min<size_t>(s.size(), 1u << 30));
  int32_t i = 0;
  bool space = true;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || (c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : (u_isUWhiteSpace(c) || c == 0xA0))) {
      space = true;
      continue;
    }
    if (c >= '0' && c <= '9') {
      int32_t j = start;
      long v = 0;
      while (j < n && p[j] >= '0' && p[j] <= '9') {
        if (v < 100000000) v = v * 10 + (p[j] - '0');
        ++j;
      }
      toks.push_back({Kind::kNumber, size_t(start), size_t(j), space, int(v), j - start, 0, s.substr(start, j - start)});
      i = j;
    } else if (c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : u_isalpha(c)) {
      int32_t j = i;
      while (j < n) {
        if (p[j] < 0x80) {  // ASCII letters without ICU: nearly every letter of most news
          if (((p[j] | 32) >= 'a' && (p[j] | 32) <= 'z')) {
            ++j;
            continue;
          }
          break;
        }
        int32_t k = j;
        UChar32 d;
        U8_NEXT(p, k, n, d);
        if (d < 0 || !u_isalpha(d)) break;
        j = k;
      }
      Token t{Kind::kWord, size_t(start), size_t(j), space, 0, 0, 0, s.substr(start, j - start)};
      if (j - start >= 3 && j - start <= 24) {
        // ASCII words (nearly all) are lower-cased in a reused buffer:
        // no ICU and no allocation per word.
        thread_local std::string lowered;
        lowered.clear();
        bool ascii = true;
        for (char ch : t.text) {
          if (static_cast<unsigned char>(ch) >= 0x80) {
            ascii = false;
            break;
          }
          lowered.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch);
        }
        // Most words are no month: a word whose first two letters no month
        // name starts with is not looked up (one bit of a 64 KiB-bit table).
        static const std::vector<bool> opening = [] {
          std::vector<bool> f(1 << 16);
          for (const auto& [name, month] : month_names())
            f[static_cast<unsigned char>(name[0]) << 8 | static_cast<unsigned char>(name[1])] = true;
          return f;
        }();
        if (!ascii || opening[static_cast<unsigned char>(lowered[0]) << 8 | static_cast<unsigned char>(lowered[1])]) {
          auto& names = month_names();
          auto it = names.find(ascii ? lowered : fold_for_matching(t.text));
          if (it != names.end()) t.value = it->second;
        }
      }
      toks.push_back(t);
      i = j;
    } else {
      toks.push_back({Kind::kPunct, size_t(start), size_t(i), space, 0, 0, c < 0x80 ? char(c) : '\x01', s.substr(start, i - start)});
    }
    space = false;
  }
  return toks;
}

bool valid_ymd(int y, int m, int d) {
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

struct Parser {
  const std::vector<Token>& t;
  size_t i;

  const Token* at(size_t k) const { return k < t.size() ? &t[k] : nullptr; }
  bool is_num(size_t k, int min_digits, int max_digits) const {
    auto* x = at(k);
    return x && x->kind == Kind::kNumber && x->digits >= min_digits && x->digits <= max_digits;
  }
  bool is_punct(size_t k, char c, bool adjacent = true) const {
    auto* x = at(k);
    return x && x->kind == Kind::kPunct && x->punct == c && (!adjacent || !x->space_before);
  }
  bool is_month(size_t k) const {
    auto* x = at(k);
    return x && x->kind == Kind::kWord && x->value > 0;
  }
  bool is_word(size_t k, std::string_view w) const {
    auto* x = at(k);
    if (!x || x->kind != Kind::kWord || x->text.size() != w.size()) return false;
    for (size_t j = 0; j < w.size(); ++j) {
      char a = x->text[j];
      if (a >= 'A' && a <= 'Z') a = char(a + 32);
      if (a != w[j]) return false;
    }
    return true;
  }
  static int year_of(const Token& x) {
    if (x.digits == 4) return x.value;
    if (x.digits == 2) return 2000 + x.value;
    return 0;
  }

  // Optional "HH:MM" (also "HH: MM", "HHhMM") after a date, with am/pm.
  void parse_time(size_t& k, CalendarDate& d) const {
    size_t j = k;
    if (is_punct(j, ',', false) || is_word(j, "at") || is_word(j, "um") || is_word(j, "a") || is_punct(j, '|', false) ||
        is_word(j, "u") || is_word(j, "alle") || is_word(j, "ore") || is_word(j, "kl") || is_punct(j, '-', false) ||
        is_word(j, "t"))
      ++j;
    if (!is_num(j, 1, 2)) return;
    int h = t[j].value;
    size_t m = j + 1;
    if (!(is_punct(m, ':') || is_punct(m, '.') || is_word(m, "h"))) return;
    if (!is_num(m + 1, 2, 2)) return;
    int mi = t[m + 1].value;
    size_t e = m + 2;
    if (is_punct(e, ':') && is_num(e + 1, 2, 2)) e += 2;
    if (is_word(e, "pm") && h < 12) { h += 12; ++e; }
    else if (is_word(e, "am")) { if (h == 12) h = 0; ++e; }
    if (h > 23 || mi > 59) return;
    d.hour = h;
    d.minute = mi;
    k = e;
  }

  std::optional<DateMatch> try_at() {
    size_t k = i;
    CalendarDate d;
    // Weekday names and "de" are skipped by the patterns below naturally:
    // they start at the number or the month.
    if (is_num(k, 4, 4) && (is_punct(k + 1, '-') || is_punct(k + 1, '/') || is_punct(k + 1, '.')) &&
        is_num(k + 2, 1, 2) && is_punct(k + 3, t[k + 1].punct) && is_num(k + 4, 1, 2)) {
      d.year = t[k].value; d.month = t[k + 2].value; d.day = t[k + 4].value;
      if (!valid_ymd(d.year, d.month, d.day)) return std::nullopt;
      size_t e = k + 5;
      parse_time(e, d);
      return finish(d, k, e);
    }
    if (is_num(k, 1, 2) && (is_punct(k + 1, '.') || is_punct(k + 1, '/') || is_punct(k + 1, '-')) &&
        is_num(k + 2, 1, 2) && is_punct(k + 3, t[k + 1].punct) &&
        (is_num(k + 4, 4, 4) || (t[k + 1].punct == '.' && is_num(k + 4, 2, 2)))) {
      int a = t[k].value, b = t[k + 2].value, y = year_of(t[k + 4]);
      char sep = t[k + 1].punct;
      if (sep == '/' && a <= 12 && b > 12) std::swap(a, b);          // unambiguous M/D/Y
      else if (sep == '/' && a <= 12 && b <= 12) std::swap(a, b);    // ambiguous slash: US order
      d.year = y; d.month = b; d.day = a;
      if (!valid_ymd(d.year, d.month, d.day)) return std::nullopt;
      size_t e = k + 5;
      if (is_punct(e, '.')) ++e;
      parse_time(e, d);
      return finish(d, k, e);
    }
    if (is_month(k)) {
      int month = t[k].value;
      size_t j = k + 1;
      if (is_punct(j, '.')) ++j;
      if (is_num(j, 1, 2)) {
        int day = t[j].value;
        size_t e = j + 1;
        if (at(e) && at(e)->kind == Kind::kWord && !at(e)->space_before &&
            (is_word(e, "st") || is_word(e, "nd") || is_word(e, "rd") || is_word(e, "th")))
          ++e;
        if (is_punct(e, ',', false)) ++e;
        if (is_num(e, 4, 4)) {
          d.year = t[e].value; d.month = month; d.day = day;
          if (!valid_ymd(d.year, d.month, d.day)) return std::nullopt;
          ++e;
          parse_time(e, d);
          return finish(d, k, e);
        }
      }
      size_t e = k + 1;
      if (is_punct(e, '.')) ++e;
      if (is_punct(e, ',', false)) ++e;
      if (is_num(e, 4, 4) && t[e].value >= 1900 && t[e].value <= 2100) {
        d.year = t[e].value; d.month = month; d.day = 0;
        d.precision = DatePrecision::kMonth;
        return finish(d, k, e + 1);
      }
      return std::nullopt;
    }
    if (is_num(k, 1, 2)) {
      size_t j = k + 1;
      if (is_punct(j, '.')) ++j;
      if (at(j) && (is_word(j, "st") || is_word(j, "nd") || is_word(j, "rd") || is_word(j, "th"))) ++j;
      if (is_word(j, "of") || is_word(j, "de")) ++j;
      if (is_month(j)) {
        int month = t[j].value;
        size_t e = j + 1;
        if (is_punct(e, '.')) ++e;
        if (is_punct(e, ',', false)) ++e;
        if (is_word(e, "de") || is_word(e, "del")) ++e;
        if (is_num(e, 4, 4)) {
          d.year = t[e].value; d.month = month; d.day = t[k].value;
          if (!valid_ymd(d.year, d.month, d.day)) return std::nullopt;
          ++e;
          if (is_punct(e, '.')) ++e;  // Serbian/Croatian write "13. prosinca 2022."
          parse_time(e, d);
          return finish(d, k, e);
        }
      }
    }
    return std::nullopt;
  }

  std::optional<DateMatch> finish(const CalendarDate& d, size_t first, size_t past_last) {
    DateMatch m;
    m.date = d;
    m.begin = t[first].begin;
    m.end = t[past_last - 1].end;
    i = past_last;
    return m;
  }
};

}  // namespace

std::string CalendarDate::iso(bool with_time) const {
  char buf[32];
  if (precision == DatePrecision::kYear) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (precision == DatePrecision::kMonth) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else if (with_time && hour >= 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

bool CalendarDate::operator<(const CalendarDate& o) const {
  if (year != o.year) return year < o.year;
  if (month != o.month) return month < o.month;
  if (day != o.day) return day < o.day;
  if (hour != o.hour) return hour < o.hour;
  return minute < o.minute;
}

std::vector<DateMatch> find_dates(std::string_view text) {
  std::vector<DateMatch> out;
  auto toks = tokenize(text);
  Parser p{toks, 0};
  while (p.i < toks.size()) {
    size_t before = p.i;
    if (auto m = p.try_at()) {
      out.push_back(*m);
    }
    if (p.i == before) ++p.i;
  }
  return out;
}

std::optional<CalendarDate> parse_machine_date(std::string_view s) {
  // Compact ISO forms first: "20221213" and "20221213T101500".
  if (s.size() >= 8) {
    bool digits = true;
    for (int k = 0; k < 8; ++k) digits = digits && s[k] >= '0' && s[k] <= '9';
    if (digits && (s.size() == 8 || s[8] == 'T')) {
      CalendarDate d;
      d.year = std::stoi(std::string(s.substr(0, 4)));
      d.month = std::stoi(std::string(s.substr(4, 2)));
      d.day = std::stoi(std::string(s.substr(6, 2)));
      if (valid_ymd(d.year, d.month, d.day)) return d;
    }
  }
  auto found = find_dates(s.substr(0, 200));
  for (const auto& m : found) {
    if (m.date.precision == DatePrecision::kDay) return m.date;
  }
  return std::nullopt;
}

int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

CalendarDate civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  CalendarDate out;
  out.year = y + (m <= 2);
  out.month = static_cast<int>(m);
  out.day = static_cast<int>(d);
  return out;
}

std::optional<CalendarDate> parse_relative_age(std::string_view s, const CalendarDate& reference) {
  auto toks = tokenize(s);
  for (size_t k = 0; k + 2 < toks.size() + 1; ++k) {
    if (toks[k].kind == Kind::kWord && (toks[k].text == "yesterday" || toks[k].text == "Yesterday")) {
      return civil_from_days(days_from_civil(reference.year, reference.month, reference.day) - 1);
    }
    if (k + 2 < toks.size() && toks[k].kind == Kind::kNumber && toks[k + 1].kind == Kind::kWord &&
        toks[k + 2].kind == Kind::kWord && (toks[k + 2].text == "ago")) {
      std::string unit = fold_for_matching(toks[k + 1].text);
      if (!unit.empty() && unit.back() == 's') unit.pop_back();
      int n = toks[k].value;
      int ref = days_from_civil(reference.year, reference.month, reference.day);
      CalendarDate d;
      if (unit == "day") d = civil_from_days(ref - n);
      else if (unit == "week") d = civil_from_days(ref - 7 * n);
      else if (unit == "hour" || unit == "minute" || unit == "second") d = reference;
      else if (unit == "month") {
        d = reference;
        int months = d.year * 12 + (d.month - 1) - n;
        d.year = months / 12; d.month = months % 12 + 1; d.day = 0;
        d.precision = DatePrecision::kMonth;
      } else if (unit == "year") {
        d = reference; d.year -= n; d.month = 0; d.day = 0; d.precision = DatePrecision::kYear;
      } else {
        continue;
      }
      return d;
    }
  }
  return std::nullopt;
}

bool plausible_date(const CalendarDate& d) { return d.year >= 1995 && d.year <= 2100; }

}  // namespace seismo

namespace seismo {

std::optional<int> parse_yymmdd(std::string_view s) {
  if (s.size() != 6 && s.size() != 8) return std::nullopt;
  long v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  int year = static_cast<int>(v / 10000), mm = static_cast<int>(v / 100 % 100), dd = static_cast<int>(v % 100);
  if (s.size() == 6) year = year <= 40 ? 2000 + year : 1900 + year;
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return std::nullopt;
  return days_from_civil(year, mm, dd);
}

bool parse_cameo_date_range(std::string_view raw, int& from, int& to) {
  std::string s;
  for (char c : raw)
    if (c != ' ' && c != '\t') s.push_back(c);
  if (s.empty()) return true;
  std::string_view v = s;
  if (v[0] == '<' || v[0] == '>') {
    auto d = parse_yymmdd(v.substr(1));
    if (!d) return false;
    (v[0] == '<' ? to : from) = *d;
    return true;
  }
  size_t dash = v.find('-');
  if (dash == std::string_view::npos) return false;
  auto a = parse_yymmdd(v.substr(0, dash)), b = parse_yymmdd(v.substr(dash + 1));
  if (!a || !b) return false;
  from = *a;
  to = *b;
  return true;
}

}  // namespace seismo
