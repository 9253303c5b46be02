#include "cli/query_options.h"

#include <set>
#include <vector>

#include "cli/usage.h"
#include "events/events.h"

namespace seismo::cli {
namespace {

bool digits(const std::string& s, size_t from, size_t n) {
  for (size_t k = from; k < from + n; ++k)
    if (k >= s.size() || s[k] < '0' || s[k] > '9') return false;
  return true;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

bool is_calendar_date(const std::string& s) {
  if (!digits(s, 0, 4)) return false;
  if (s.size() == 4) return true;
  if (s.size() != 7 && s.size() != 10) return false;
  if (s[4] != '-' || !digits(s, 5, 2)) return false;
  int year = std::stoi(s.substr(0, 4)), month = std::stoi(s.substr(5, 2));
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !digits(s, 8, 2)) return false;
  int day = std::stoi(s.substr(8, 2));
  return day >= 1 && day <= days_in_month(year, month);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

CLI::Validator date_option() {
  return CLI::Validator(
      [](std::string& s) {
        return is_calendar_date(s) ? std::string() : "'" + s + "' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD";
      },
      "DATE");
}

std::string until_bound(const std::string& date) {
  if (date.size() == 4) return date + "-99-99";
  if (date.size() == 7) return date + "-99";
  return date;
}

void check_event_type(const std::string& type) {
  std::vector<std::string> warnings;
  std::vector<ActionCode> codes = action_codes({}, warnings);
  if (codes.empty()) return;  // no dictionary to check against: let the store answer
  std::set<std::string> plover, acled, sub;
  std::string key = lower(type);
  bool numeric = digits(type, 0, type.size()) && !type.empty();
  for (const ActionCode& c : codes) {
    if (numeric && c.cameo.rfind(type, 0) == 0) return;
    if (lower(c.plover) == key || lower(c.acled_event_type) == key || lower(c.acled_sub_event_type) == key) return;
    if (!c.plover.empty()) plover.insert(c.plover);
    if (!c.acled_event_type.empty()) acled.insert(c.acled_event_type);
    if (!c.acled_sub_event_type.empty()) sub.insert(c.acled_sub_event_type);
  }
  throw UsageError("--type: '" + type + "' is no event type: give a CAMEO code or prefix (" + codes.front().cameo +
                   " to " + codes.back().cameo + ", e.g. 14 or 145), a PLOVER type (" + joined(plover) +
                   "), an ACLED event type (" + joined(acled) + ") or sub-event type (" + joined(sub) + ")");
}

}  // namespace seismo::cli
