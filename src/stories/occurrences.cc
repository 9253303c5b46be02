#include <cmath>
#include <cstdlib>

#include "common/dates.h"
#include "stories/stories.h"

namespace seismo {
namespace {

// Days since 1970-01-01 of a civil date.
int day_number(int y, int m, int d) { return days_from_civil(y, m, d); }

bool digits(std::string_view s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(std::string_view s, size_t from, size_t n) { return std::atoi(std::string(s.substr(from, n)).c_str()); }

int days_in_month(int y, int m) { return m == 12 ? 31 : day_number(y, m + 1, 1) - day_number(y, m, 1); }

// The country part of an actor code ("KSV" of "KSVCOP", "IGO" of
// "IGONAT"): what two tellings agree on when one says "Pristina" and the
// other "the Kosovo police".
std::string_view base_of(std::string_view code) { return code.substr(0, 3); }

// Great-circle distance in km.
double km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::sqrt(std::min(1.0, h)));
}

// How two tellings' actors in one slot agree: 1 the same code, 0.7 the
// same country, 0 one untold, -1 different countries.
double slot(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  if (a == b) return 1;
  return base_of(a) == base_of(b) ? 0.7 : -1;
}

// Whether two CAMEO codes can name one act: the same base code ("1712" and
// "171" are both a seizure), or one is the other's bare root, a telling
// less precise ("17", coerce, and "173", arrest). Two base codes of one
// root are two acts: an arrest is not a raid.
bool same_action(const std::string& a, const std::string& b) {
  if (a.size() < 2 || b.size() < 2 || a.compare(0, 2, b, 0, 2) != 0) return false;
  if (a.size() == 2 || b.size() == 2) return true;
  return a.compare(0, 3, b, 0, 3) == 0;
}

}  // namespace

std::optional<std::pair<int, int>> iso_days(std::string_view s) {
  if (size_t slash = s.find('/'); slash != std::string_view::npos) {
    auto from = iso_days(s.substr(0, slash)), to = iso_days(s.substr(slash + 1));
    if (!from || !to || to->second < from->first) return std::nullopt;
    return std::make_pair(from->first, to->second);
  }
  if (!digits(s, 0, 4)) return std::nullopt;
  int y = number(s, 0, 4);
  if (s.size() >= 7 && s[4] == '-' && digits(s, 5, 2)) {
    int m = number(s, 5, 2);
    if (m < 1 || m > 12) return std::nullopt;
    if (s.size() >= 10 && s[7] == '-' && digits(s, 8, 2)) {
      int d = number(s, 8, 2);
      if (d < 1 || d > days_in_month(y, m)) return std::nullopt;
      int n = day_number(y, m, d);
      return std::make_pair(n, n);
    }
    return std::make_pair(day_number(y, m, 1), day_number(y, m, days_in_month(y, m)));
  }
  if (s.size() > 4 && s[4] != 'T') return std::nullopt;
  return std::make_pair(day_number(y, 1, 1), day_number(y, 12, 31));
}

OccurrenceKey occurrence_key(const Event& e, std::string_view published, const StoryOptions& o) {
  OccurrenceKey k;
  k.cameo = e.action.cameo;
  if (e.source) k.source = e.source->code;
  if (e.target) k.target = e.target->code;
  k.modality = modality_name(e.modality);
  k.historical = e.historical;
  if (e.place && e.place->place) {
    const ResolvedPlace& p = *e.place->place;
    k.has_place = true;
    k.geonameid = p.geonameid;
    k.lat = p.lat;
    k.lon = p.lon;
    k.place_is_area = p.feature_code.rfind("PCL", 0) == 0 || p.feature_code == "ADM1" || p.feature_code == "TERR";
  }
  if (e.date && !e.date_from_publication) {
    k.days = iso_days(e.date->value);
  } else if (auto pub = iso_days(published.substr(0, std::min<size_t>(10, published.size())))) {
    // Told with no date of its own: it happened before the article, lately.
    k.days = std::make_pair(pub->first - o.publication_lag_days, pub->second);
  }
  return k;
}

double same_occurrence(const OccurrenceKey& a, const OccurrenceKey& b, const StoryOptions& o) {
  if (!same_action(a.cameo, b.cameo)) return 0;
  if (a.modality != b.modality || a.historical != b.historical) return 0;
  double source = slot(a.source, b.source), target = slot(a.target, b.target);
  if (source < 0 || target < 0) return 0;
  if (source == 0 && target == 0) return 0;  // no actor told by both: nothing says it is the same act
  double score = 1 + (a.cameo == b.cameo ? 0.5 : 0) + source + target;
  if (a.has_place && b.has_place) {
    if (a.geonameid && a.geonameid == b.geonameid) {
      score += 1;
    } else if (!a.place_is_area && !b.place_is_area) {
      double d = km(a.lat, a.lon, b.lat, b.lon);
      if (d > 100) return 0;  // two towns far apart: two acts
      if (d <= 25) score += 0.5;
    }
  }
  if (a.days && b.days) {
    int gap = std::max(a.days->first, b.days->first) - std::min(a.days->second, b.days->second);
    if (gap > o.event_window_days) return 0;
    if (a.days->first == a.days->second && *a.days == *b.days) score += 0.5;
  }
  return score;
}

}  // namespace seismo
