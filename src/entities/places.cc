#include "entities/places.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

#include "entities/word_lists.h"

namespace seismo {
namespace {

// Distances here only decide "near" (tens to hundreds of km), where the
// equirectangular approximation is within a fraction of a percent of the
// great circle and costs no trigonometry but one cosine.
double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlon = std::fabs(lon2 - lon1);
  if (dlon > 180) dlon = 360 - dlon;
  double x = dlon * kRad * std::cos((lat1 + lat2) * 0.5 * kRad), y = (lat2 - lat1) * kRad;
  return 6371.0 * std::sqrt(x * x + y * y);
}

std::string iso2(const PlaceRecord& p) { return std::string(p.country, p.country[0] ? 2 : 0); }

struct Span {
  uint32_t first, end, name_id;
  std::vector<PlaceCandidate> candidates;  // demonym postings removed
};

// Name-level evidence that a span is not a place: it sits inside a longer
// capitalised name ("Edi Rama", "Kosovo Police"), or after a title.
enum class Verdict { kPlace, kAfterGivenName, kBeforeName, kAfterTitle };

Verdict judge(const MatchText& t, const Span& s) {
  const uint32_t n = static_cast<uint32_t>(t.tokens.size());
  if (s.first > 0 && !t.barrier_before(s.first) && is_person_title(t.key_of(s.first - 1))) return Verdict::kAfterTitle;
  bool left = false, right = false;
  // Leftwards: capitalised words glued to the name. A sentence-initial
  // function word ("In Mitrovica") is not part of it. A capitalised
  // function word inside the run means a title-case headline, where
  // capitals say nothing about names.
  for (uint32_t j = s.first; j > 0 && !t.barrier_before(j); --j) {
    const MatchToken& prev = t.tokens[j - 1];
    if (!prev.capitalised) break;
    std::string_view k = t.key_of(j - 1);
    if (is_common_word(k)) {
      if (t.barrier_before(j - 1)) break;
      return Verdict::kPlace;  // title case
    }
    left = true;
  }
  for (uint32_t j = s.end; j < n && !t.barrier_before(j); ++j) {
    if (!t.tokens[j].capitalised) break;
    std::string_view k = t.key_of(j);
    if (is_place_noun(k)) break;
    if (is_common_word(k)) return Verdict::kPlace;  // title case
    right = true;
  }
  return left ? Verdict::kAfterGivenName : right ? Verdict::kBeforeName : Verdict::kPlace;
}

struct Context {
  CountryHints hints;
  std::vector<std::pair<const PlaceRecord*, uint32_t>> anchors;  // resolved places and their name id
};

double score(const PlaceCandidate& c, uint32_t name_id, const Context& ctx, const Gazetteer& gz) {
  const PlaceRecord& p = *c.place;
  double s = std::log10(static_cast<double>(p.population) + 1.0);
  if (p.flags & kCountry) s += (c.name_flags & kMainName) ? 10 : 6;  // "Iraq" is the country, not a town also called so
  if (p.flags & kRegion) s += 4.5;  // a state or province: as likely as a large city
  if (p.flags & kCapital) s += 1.5;
  if (std::strncmp(p.feature_code, "PPLA", 8) == 0) s += 1.0;
  else if (std::strncmp(p.feature_code, "PPLA2", 8) == 0) s += 0.5;
  if (c.name_flags & kMainName) s += 0.5;
  if (p.flags & kCurated) s += 2;  // curated on purpose: the project meant this one
  int mentions = ctx.hints.count(iso2(p));
  if (mentions > 0) s += 3 + 0.5 * std::min(mentions, 4);
  // Near a country the text talks about, even when the gazetteer files the
  // place under another ("Zvečan, Serbia" for a town GeoNames puts in XK).
  else
    for (const auto& [cc, k] : ctx.hints.counts) {
      const PlaceRecord* country = gz.country(cc);
      if (country && distance_km(p.lat, p.lon, country->lat, country->lon) < 400) {
        s += 1.5;
        break;
      }
    }
  double nearest = 1e9;
  for (const auto& [a, id] : ctx.anchors) {
    if (id == name_id || a == c.place) continue;
    nearest = std::min(nearest, distance_km(p.lat, p.lon, a->lat, a->lon));
  }
  if (nearest < 50) s += 3;
  else if (nearest < 150) s += 2;
  else if (nearest < 400) s += 1;
  return s;
}

struct Choice {
  const PlaceRecord* place = nullptr;
  double confidence = 0;
  bool supported = false;  // context, size or rank backs it up
};

Choice choose(const Span& s, const Context& ctx, const Gazetteer& gz) {
  Choice best;
  double top = -1e9, total = 0;
  std::vector<double> scores;
  for (const auto& c : s.candidates) scores.push_back(score(c, s.name_id, ctx, gz));
  for (double x : scores) top = std::max(top, x);
  for (size_t i = 0; i < scores.size(); ++i) {
    total += std::exp(scores[i] - top);
    if (scores[i] == top && !best.place) best.place = s.candidates[i].place;
  }
  if (!best.place) return best;
  best.confidence = 1.0 / total;
  const PlaceRecord& p = *best.place;
  best.supported = (p.flags & (kCountry | kCapital | kCurated | kRegion)) || p.population >= 15000 ||
                   ctx.hints.count(iso2(p)) > 0 || s.end - s.first > 1;
  if (!best.supported)
    for (const auto& [a, id] : ctx.anchors)
      if (id != s.name_id && distance_km(p.lat, p.lon, a->lat, a->lon) < 400) best.supported = true;
  // A name a single small place bears somewhere is weak evidence on its own.
  if (!best.supported) best.confidence *= 0.5;
  return best;
}

bool is_metonym(const MatchText& t, const Span& s, const PlaceRecord& p) {
  if (!(p.flags & (kCapital | kCountry))) return false;
  const uint32_t n = static_cast<uint32_t>(t.tokens.size());
  if (s.end >= n || t.barrier_before(s.end)) return false;
  if (s.first > 0 && !t.barrier_before(s.first) && is_locative_preposition(t.key_of(s.first - 1))) return false;
  std::string_view next = t.key_of(s.end);
  if (next == "s" && s.end + 1 < n) return false;  // possessive: "Belgrade's streets" is not an act
  return !t.tokens[s.end].capitalised && is_agent_verb(next);
}

}  // namespace

int CountryHints::count(std::string_view iso) const {
  for (const auto& [cc, k] : counts) if (cc == iso) return k;
  return 0;
}

std::vector<PlaceMention> PlaceResolver::resolve(const MatchText& t, CountryHints* hints_out) const {
  Context ctx;
  auto hint = [&](const PlaceRecord& p) {
    std::string cc = iso2(p);
    if (cc.empty()) return;
    for (auto& [c, k] : ctx.hints.counts)
      if (c == cc) {
        ++k;
        return;
      }
    ctx.hints.counts.emplace_back(cc, 1);
  };

  // 1. Every name the automaton found, with the postings that can apply.
  std::vector<Span> spans;
  for (const auto& h : gazetteer_.names().scan(t)) {
    Span s{h.first_token, h.end_token, h.id, {}};
    bool single = s.end - s.first == 1;
    bool capitalised = t.tokens[s.first].capitalised || t.tokens[s.end - 1].capitalised;
    bool all_caps = true;
    for (uint32_t i = s.first; i < s.end; ++i) all_caps = all_caps && (t.tokens[i].all_caps || t.tokens[i].end - t.tokens[i].begin == 1);
    if (!capitalised || (single && !t.tokens[s.first].capitalised)) continue;
    for (const auto& c : gazetteer_.candidates(h.id)) {
      if (c.name_flags & kDemonym) {
        if (c.place->flags & kCountry) hint(*c.place);
        continue;
      }
      if ((c.name_flags & kShortName) && !(c.name_flags & kMainName) && !all_caps) continue;
      s.candidates.push_back(c);
    }
    if (!s.candidates.empty()) spans.push_back(std::move(s));
  }

  // 2. Longest names first; a shorter name inside a longer one yields
  // ("Sremska Mitrovica" is not also "Mitrovica").
  std::vector<Span> chosen = longest_non_overlapping(std::move(spans), t.tokens.size());

  // 3. Words that are not places here: common words, parts of longer names,
  // names after a title. A surname once seen as such is a surname in the
  // whole text ("Edi Rama" ... "Rama said").
  std::set<uint32_t> person_names;
  std::vector<Span> kept;
  for (auto& s : chosen) {
    bool single = s.end - s.first == 1;
    std::string_view k = t.key_of(s.first);
    if (single && is_common_word(k) && !t.tokens[s.first].all_caps) continue;
    if (single && is_common_noun(k) && t.barrier_before(s.first)) continue;
    // Two letters alone ("Va", "Wa") name a place only as a country code in capitals.
    if (single && k.size() <= 2) {
      bool code = t.tokens[s.first].all_caps &&
                  std::any_of(s.candidates.begin(), s.candidates.end(),
                              [](const PlaceCandidate& c) { return (c.place->flags & kCountry) != 0; });
      if (!code) continue;
    }
    Verdict v = judge(t, s);
    if (v != Verdict::kPlace) {
      bool country = std::any_of(s.candidates.begin(), s.candidates.end(),
                                 [](const PlaceCandidate& c) { return c.place->flags & kCountry; });
      if (country) {
        for (const auto& c : s.candidates) if (c.place->flags & kCountry) hint(*c.place);
      } else if (single && v == Verdict::kAfterGivenName) {
        person_names.insert(s.name_id);  // "Edi Rama": a surname here
      }
      continue;
    }
    kept.push_back(std::move(s));
  }
  std::erase_if(kept, [&](const Span& s) { return s.end - s.first == 1 && person_names.count(s.name_id); });
  for (const auto& s : kept)
    for (const auto& c : s.candidates)
      if ((c.place->flags & kCountry) && s.candidates.size() == 1) hint(*c.place);

  // 4. Resolve each distinct name once (one sense per text), first on
  // country context alone, then again with the places that came out
  // confidently as spatial context.
  std::map<uint32_t, Choice> by_name;
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      ctx.anchors.clear();
      for (const auto& [id, ch] : by_name) {
        if (!ch.place || ch.confidence < 0.5 || (ch.place->flags & kCountry)) continue;
        ctx.anchors.emplace_back(ch.place, id);
        // A town resolved confidently says which country the text is about.
        if (ch.confidence >= 0.8) hint(*ch.place);
      }
    }
    std::set<uint32_t> done;
    for (const auto& s : kept)
      if (done.insert(s.name_id).second) by_name[s.name_id] = choose(s, ctx, gazetteer_);
  }

  std::vector<PlaceMention> out;
  for (const auto& s : kept) {
    const Choice& ch = by_name[s.name_id];
    // A one-word name of a small place nothing else in the text supports
    // is taken only where the sentence says it is a place: "in Peći", not
    // "Peci said" or "according to Peci" (a surname), "Tito's Yugoslavia".
    if (!ch.place) continue;
    if (!ch.supported && s.end - s.first == 1) {
      bool locative = s.first > 0 && !t.barrier_before(s.first) && is_locative_preposition(t.key_of(s.first - 1)) &&
                      !(s.first > 1 && t.key_of(s.first - 2) == "according");
      if (!locative) continue;
    }
    PlaceMention m;
    m.first_token = s.first;
    m.end_token = s.end;
    m.place = ch.place;
    m.confidence = ch.confidence;
    m.metonym = is_metonym(t, s, *ch.place);
    out.push_back(m);
  }
  if (hints_out) *hints_out = ctx.hints;
  return out;
}

}  // namespace seismo
