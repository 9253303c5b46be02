#include "entities/places.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

#include "entities/place_ranker.h"
#include "entities/word_lists.h"

namespace seismo {
namespace {

// What the text says about countries besides naming places: demonyms
// ("Serbian police") and country names, by ISO code. Used as context.
struct CountryHints {
  std::vector<std::pair<std::string, int>> counts;  // iso2 -> mentions
  int count(std::string_view iso2) const {
    for (const auto& [cc, k] : counts) if (cc == iso2) return k;
    return 0;
  }
};

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

std::string_view iso2(const PlaceRecord& p) { return std::string_view(p.country, p.country[0] ? 2 : 0); }

struct Span {
  uint32_t first, end, name_id;
  std::vector<PlaceCandidate> candidates;  // demonym postings removed
  bool inflected = false;                  // found through base_forms(): needs support
  bool in_organisation = false;            // opens an organisation's name
  bool names_a_country = false;            // one candidate is a country under its own name (set before ranking)
};

// The text between token i - 1 and token i: spaces and punctuation.
std::string_view gap_before(std::string_view text, const MatchText& t, uint32_t i) {
  size_t from = i == 0 ? 0 : t.tokens[i - 1].end, to = i < t.tokens.size() ? t.tokens[i].begin : text.size();
  return to > from && to <= text.size() ? text.substr(from, to - from) : std::string_view();
}

// "Fairfield, Conn.": token i follows a capitalised word and a comma only.
bool after_name_and_comma(std::string_view text, const MatchText& t, uint32_t i) {
  if (i == 0 || !t.tokens[i - 1].capitalised) return false;
  std::string_view g = gap_before(text, t, i);
  return g.find(',') != std::string_view::npos && g.find_first_of(";:!?()\n") == std::string_view::npos &&
         std::count(g.begin(), g.end(), ',') == 1;
}

// A preposition of place ("in", "near", "u", "nga"): is_locative_preposition()
// without "and", "or" and "of", which also join names in a list.
bool is_place_preposition(std::string_view k) {
  return is_locative_preposition(k) && k != "and" && k != "or" && k != "of";
}

// The noun of a first-level division, in the languages seismo reads:
// "state", "province", "oblast", "pokrajina", "krahina"...
bool is_region_noun(std::string_view k) {
  return k == "state" || k == "province" || k == "region" || k == "oblast" || k == "governorate" ||
         k == "prefecture" || k == "territory" || k == "pokrajina" || k == "krahina" || k == "provincia";
}

// Token i follows a preposition of place in the same clause ("in Canadian").
bool after_place_preposition(const MatchText& t, uint32_t i) {
  return i > 0 && !t.barrier_before(i) && is_place_preposition(t.key_of(i - 1));
}

// Where a state's abbreviation names the state: after "Town," ("Fairfield,
// Conn."), after a preposition of place or a direction word ("in Mass.",
// "Western Mass."), and after a party letter ("D-S.C.", "R-Ky."); alone when
// it is long and no everyday word (`everyday_word`: the name's flag).
bool abbreviation_fits(std::string_view text, const MatchText& t, uint32_t i, bool everyday_word) {
  if (after_name_and_comma(text, t, i)) return true;
  // A long abbreviation no everyday word spells names its region alone
  // when written in capitals ("regional NSW") or with its full stop before
  // a lower-case word ("Calif. man arrested", not "Conn. Smith"). "Mass."
  // and "Wash." are words too.
  const MatchToken& w = t.tokens[i];
  if (t.key_of(i).size() >= 3 && w.capitalised && !everyday_word && !is_common_word(t.key_of(i))) {
    if (w.all_caps) return true;
    if (w.end < text.size() && text[w.end] == '.' && i + 1 < t.tokens.size() && !t.tokens[i + 1].capitalised &&
        gap_before(text, t, i + 1) == ". ")
      return true;
  }
  if (i == 0 || (t.barrier_before(i) && gap_before(text, t, i) != "-")) return false;
  std::string_view k = t.key_of(i - 1);
  if (gap_before(text, t, i) == "-") return k == "d" || k == "r" || k == "i";
  return is_direction_word(k) || is_place_preposition(k);
}

// Token i opens a sentence (or a line, or a quote after one): where a
// capital says nothing. A comma or a dash before it is no sentence start
// ("Headington, Oxford").
bool sentence_start(std::string_view text, const MatchText& t, uint32_t i) {
  if (i == 0) return true;
  if (!t.barrier_before(i)) return false;
  return gap_before(text, t, i).find_first_of(".!?:;\n") != std::string_view::npos;
}

// A dateline: a name in capitals opening a line, then a comma or a dash
// ("HUDSON -- Officials said", "FAIRFIELD, Conn. --").
bool is_dateline(std::string_view text, const MatchText& t, const Span& s) {
  std::string_view before = gap_before(text, t, s.first);
  if (s.first > 0 && before.find('\n') == std::string_view::npos) return false;
  for (uint32_t i = s.first; i < s.end; ++i)
    if (!t.tokens[i].all_caps) return false;
  std::string_view after = gap_before(text, t, s.end);
  return after.find(',') != std::string_view::npos || after.find("--") != std::string_view::npos ||
         after.find("\u2014") != std::string_view::npos || after.find("\u2013") != std::string_view::npos;
}

// Nominative forms a folded word may be an inflection of. Serbian, Croatian
// and Bosnian decline place names ("u Kosovskoj Mitrovici", "iz Zvečana",
// "Zvečanom"); Albanian adds definite and case endings ("Prishtinës",
// "Zveçanit"). Candidates only: a form counts when the gazetteer has it.
std::vector<std::string> base_forms(std::string_view k, bool slavic, bool albanian) {
  std::vector<std::string> out;
  auto ends = [&](std::string_view suffix) { return k.size() >= suffix.size() + 4 && k.ends_with(suffix); };
  auto cut = [&](size_t n, std::string_view add) { out.push_back(std::string(k.substr(0, k.size() - n)) += add); };
  if (slavic) {
    if (ends("oj")) cut(2, "a");  // Kosovskoj -> Kosovska
    if (ends("om")) {
      cut(2, "");
      cut(2, "a");
    }
    if (ends("u")) {
      cut(1, "");
      cut(1, "a");
    }
    if (ends("i")) cut(1, "a");
    if (ends("e")) cut(1, "a");
    if (ends("a")) cut(1, "");
  }
  if (albanian) {
    if (ends("it") || ends("in")) cut(2, "");
    if (ends("es") || ends("en")) cut(1, "");
    if (ends("s") || ends("n") || ends("i")) cut(1, "");
  }
  return out;
}


// Name-level evidence that a span is not a place: it sits inside a longer
// capitalised name ("Edi Rama", "Kosovo Police"), or after a title.
enum class Verdict { kPlace, kAfterGivenName, kBeforeName, kAfterTitle, kInOrganisation };

// "Watertown-ML", "Logan-Rogersville", "Athens-Clarke County": a hyphen
// joins two names, it does not make a place a person's given name.
// And a dash between spaced words ("MANSFIELD -- Officials said", "Zvečan –
// Serbs") separates them as a comma would, though the match text, which
// keeps hyphens soft, does not see a barrier there.
bool hyphen_between(std::string_view text, const MatchText& t, uint32_t i) {
  std::string_view g = gap_before(text, t, i);
  return g == "-" || g == "- " || g == " -" || g == "\u2010" || g == "\u2011" || g.find("--") != std::string_view::npos ||
         g.find(" - ") != std::string_view::npos || g.find("\u2013") != std::string_view::npos ||
         g.find("\u2014") != std::string_view::npos;
}

Verdict judge(std::string_view text, const MatchText& t, const Span& s) {
  const uint32_t n = static_cast<uint32_t>(t.tokens.size());
  // "Mayor Smith", and with the abbreviation's full stop, "Gen. Smith", "Rev. Jones".
  if (s.first > 0 && is_person_title(t.key_of(s.first - 1)) &&
      (!t.barrier_before(s.first) || (gap_before(text, t, s.first) == ". " && t.key_of(s.first - 1).size() <= 4)))
    return Verdict::kAfterTitle;
  bool left = false, right = false, left_organisation = false;
  // Leftwards: capitalised words glued to the name. A sentence-initial
  // function word ("In Mitrovica") is not part of it. A capitalised
  // function word inside the run means a title-case headline, where
  // capitals say nothing about names.
  for (uint32_t j = s.first; j > 0 && !t.barrier_before(j); --j) {
    const MatchToken& prev = t.tokens[j - 1];
    if (!prev.capitalised || hyphen_between(text, t, j)) break;
    std::string_view k = t.key_of(j - 1);
    // "Northeast Georgia", "Upper Austria", "Greater Manchester": a part of
    // the place, not a given name.
    if (is_direction_word(k) || is_name_qualifier(k)) break;
    // "United Bank Charleston Market": inside an organisation's name, not
    // after a given name.
    if (is_organisation_noun(k)) {
      left_organisation = true;
      break;
    }
    if (is_common_word(k)) {
      if (t.barrier_before(j - 1)) break;
      return Verdict::kPlace;  // title case
    }
    left = true;
  }
  bool organisation = false;
  for (uint32_t j = s.end; j < n && !t.barrier_before(j); ++j) {
    if (!t.tokens[j].capitalised || hyphen_between(text, t, j)) break;
    std::string_view k = t.key_of(j);
    if (is_place_noun(k)) break;
    if (is_common_word(k)) return Verdict::kPlace;  // title case
    // "Stamford Mayor Dannel Malloy": a place, then a title and a person.
    if (j == s.end && is_person_title(k) && !left) return Verdict::kPlace;
    organisation = organisation || is_organisation_noun(k);
    right = true;
  }
  if (left) return Verdict::kAfterGivenName;
  return organisation || left_organisation ? Verdict::kInOrganisation
         : right                           ? Verdict::kBeforeName
                                           : Verdict::kPlace;
}

struct Context {
  CountryHints hints;
  std::vector<std::pair<const PlaceRecord*, uint32_t>> anchors;  // resolved places and their name id
  std::map<uint32_t, std::string> hinted_by;  // name id -> the country its own first resolution hinted
  // name id -> the regions and countries written right after it ("Fairfield,
  // Conn.", "Paris, Texas"): a place filed under one of them is meant.
  std::map<uint32_t, std::vector<const PlaceRecord*>> containers;
  // First-level regions the text names, and by which names ("Ohio"); the
  // same for second-level divisions ("Walton County").
  std::map<const PlaceRecord*, std::set<uint32_t>> regions_named, divisions_named;

  // Mentions of a country, not counting the hint a name gave itself.
  int hints_for(std::string_view cc, uint32_t name_id) const {
    int n = hints.count(cc);
    auto it = hinted_by.find(name_id);
    return it != hinted_by.end() && it->second == cc ? n - 1 : n;
  }
};

PlaceFeatures features(const PlaceCandidate& c, const Span& span, const Context& ctx, const Gazetteer& gz) {
  const PlaceRecord& p = *c.place;
  const uint32_t name_id = span.name_id;
  PlaceFeatures f{};
  // A town that bears a country's own name as one of its alternates
  // ("Iraq" for Arāk) has a weak claim on it.
  if (p.feature_class == 'P' && span.names_a_country) f[kTownUnderCountryName] = 1;
  f[kLogPopulation] = std::log10(static_cast<double>(p.population) + 1.0);
  if (p.flags & kCountry) f[(c.name_flags & kMainName) ? kIsCountryMainName : kIsCountryOtherName] = 1;
  f[kIsRegion] = (p.flags & kRegion) ? 1 : 0;
  f[kIsDivision] = (p.flags & kDivision) ? 1 : 0;
  f[kIsCapital] = (p.flags & kCapital) ? 1 : 0;
  f[kIsFirstOrderSeat] = std::strncmp(p.feature_code, "PPLA", 8) == 0 ? 1 : 0;
  f[kIsSecondOrderSeat] = std::strncmp(p.feature_code, "PPLA2", 8) == 0 ? 1 : 0;
  f[kIsMainName] = (c.name_flags & kMainName) ? 1 : 0;
  f[kIsCurated] = (p.flags & kCurated) ? 1 : 0;
  f[kIsArea] = !(p.flags & (kCountry | kRegion | kDivision)) &&
                       (p.feature_class == 'L' || p.feature_class == 'H' || p.feature_class == 'T')
                   ? 1
                   : 0;
  int mentions = ctx.hints_for(iso2(p), name_id);
  if (mentions > 0) {
    f[kCountryNamed] = 1;
    f[kCountryMentions] = std::min(mentions, 4);
  } else {
    // Near a country the text talks about, even when the gazetteer files
    // the place under another ("Zvečan, Serbia" for a town GeoNames puts in XK).
    for (const auto& [cc, k] : ctx.hints.counts) {
      const PlaceRecord* country = gz.country(cc);
      if (country && distance_km(p.lat, p.lon, country->lat, country->lon) < 400) {
        f[kNearCountryNamed] = 1;
        break;
      }
    }
  }
  const PlaceRecord* region = gz.place_at(p.admin1);
  if (region) {
    auto it = ctx.regions_named.find(region);
    if (it != ctx.regions_named.end() && !(it->second.size() == 1 && it->second.count(name_id))) f[kRegionNamed] = 1;
  }
  if (const PlaceRecord* division = gz.place_at(p.admin2)) {
    auto it = ctx.divisions_named.find(division);
    if (it != ctx.divisions_named.end() && !(it->second.size() == 1 && it->second.count(name_id))) f[kDivisionNamed] = 1;
  }
  if (auto it = ctx.containers.find(name_id); it != ctx.containers.end())
    for (const PlaceRecord* w : it->second) {
      if ((w->flags & kRegion) && region == w) f[kContainerRegion] = 1;
      else if ((w->flags & kCountry) && !(p.flags & kCountry) && std::string_view(w->country, 2) == iso2(p))
        f[kContainerCountry] = 1;
    }
  double nearest = 1e9;
  for (const auto& [a, id] : ctx.anchors) {
    if (id == name_id || a == c.place) continue;
    nearest = std::min(nearest, distance_km(p.lat, p.lon, a->lat, a->lon));
  }
  if (nearest < 50) f[kAnchorWithin50] = 1;
  else if (nearest < 150) f[kAnchorWithin150] = 1;
  else if (nearest < 400) f[kAnchorWithin400] = 1;
  return f;
}


struct Choice {
  const PlaceRecord* place = nullptr;
  double confidence = 0;
  bool supported = false;   // context, size or rank backs it up
  bool contextual = false;  // the text itself backs it up: its country, a place near it, or its rank
  bool local = false;       // more than its country: a place near it, its region, "Town, Region"
};

Choice choose(const Span& s, const Context& ctx, const Gazetteer& gz, const PlaceRankerWeights& w) {
  Choice best;
  if (s.candidates.empty()) return best;
  // Each candidate's features once: they score it, and the winner's say
  // what backs it up.
  std::vector<PlaceFeatures> fs;
  std::vector<double> scores;
  fs.reserve(s.candidates.size());
  for (const auto& c : s.candidates) {
    fs.push_back(features(c, s, ctx, gz));
    scores.push_back(w.score(fs.back()));
  }
  size_t top = static_cast<size_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  double total = 0;
  for (double x : scores) total += std::exp(x - scores[top]);
  best.place = s.candidates[top].place;
  best.confidence = 1.0 / total;
  const PlaceRecord& p = *best.place;
  const PlaceFeatures& f = fs[top];
  best.local = f[kAnchorWithin50] + f[kAnchorWithin150] + f[kRegionNamed] + f[kDivisionNamed] + f[kContainerRegion] +
                   f[kContainerCountry] > 0;
  best.contextual = (p.flags & (kCountry | kCapital | kCurated | kRegion | kDivision)) || best.local ||
                    f[kCountryNamed] + f[kAnchorWithin400] > 0;
  best.supported = best.contextual || p.population >= 15000 || s.end - s.first > 1;
  // A name a single small place bears somewhere is weak evidence on its own.
  if (!best.supported) best.confidence *= 0.5;
  // An inflected form is a guess at the name: only with support.
  if (s.inflected && !best.supported) best.place = nullptr;
  return best;
}

// A capital or country not after a locative preposition ("in Belgrade")
// nor before a possessive ("Belgrade's streets"): it may stand for the
// state.
bool may_stand_for_state(const MatchText& t, const Span& s, const PlaceRecord& p) {
  if (!(p.flags & (kCapital | kCountry))) return false;
  const uint32_t n = static_cast<uint32_t>(t.tokens.size());
  // "and" and "or" continue a list ("Croatia and Serbia signed"); the event
  // coder reads the list's syntax.
  if (s.first > 0 && !t.barrier_before(s.first) && is_locative_preposition(t.key_of(s.first - 1)) &&
      t.key_of(s.first - 1) != "and" && t.key_of(s.first - 1) != "or")
    return false;
  if (s.end < n && !t.barrier_before(s.end) && t.key_of(s.end) == "s" && s.end + 1 < n) return false;
  return true;
}

bool is_metonym(const MatchText& t, const Span& s, const PlaceRecord& p) {
  if (!may_stand_for_state(t, s, p)) return false;
  const uint32_t n = static_cast<uint32_t>(t.tokens.size());
  if (s.first > 0 && !t.barrier_before(s.first) && is_locative_preposition(t.key_of(s.first - 1))) return false;
  if (s.end >= n || t.barrier_before(s.end)) return false;
  // Being and having are no acts: "Egypt is poised", "Sudan has oil" name
  // the country (a state still, for the event coder: see `state`).
  std::string_view v = t.key_of(s.end);
  if (v == "is" || v == "was" || v == "has" || v == "have" || v == "had") return false;
  return !t.tokens[s.end].capitalised && is_agent_verb(v);
}

}  // namespace


std::vector<PlaceMention> PlaceResolver::resolve(std::string_view text, const MatchText& t, std::string_view language) const {
  return resolve_and_learn(text, t, language, nullptr);
}

std::vector<RankingCase> PlaceResolver::ranking_cases(std::string_view text, const MatchText& t,
                                                      std::string_view language) const {
  std::vector<RankingCase> cases;
  resolve_and_learn(text, t, language, &cases);
  return cases;
}

std::vector<PlaceMention> PlaceResolver::resolve_and_learn(std::string_view text, const MatchText& t,
                                                           std::string_view language,
                                                           std::vector<RankingCase>* cases) const {
  Context ctx;
  auto hint = [&](const PlaceRecord& p) {
    std::string_view cc = iso2(p);
    if (cc.empty()) return;
    for (auto& [c, k] : ctx.hints.counts)
      if (c == cc) {
        ++k;
        return;
      }
    ctx.hints.counts.emplace_back(cc, 1);
  };

  // 1. Every name the automaton found, with the postings that can apply.
  // A nationality word is its country's demonym mention, not a town of
  // that name ("Canadian", Texas), unless it follows "in", "near"...
  struct Demonym {
    uint32_t first, end;
    const PlaceRecord* country;
  };
  std::vector<Demonym> demonyms;
  std::vector<Span> spans;
  for (const auto& h : gazetteer_.names().scan(t)) {
    Span s{h.first_token, h.end_token, h.id, {}};
    const PlaceRecord* demonym_of = nullptr;
    bool single = s.end - s.first == 1;
    // Capitalised where it counts: a name of several words whose only
    // capital is a function word opening it ("The bridge") is no name.
    bool capitalised = t.tokens[s.end - 1].capitalised ||
                       (t.tokens[s.first].capitalised && (single || !is_common_word(t.key_of(s.first))));
    bool all_caps = true;
    for (uint32_t i = s.first; i < s.end; ++i) all_caps = all_caps && (t.tokens[i].all_caps || t.tokens[i].end - t.tokens[i].begin == 1);
    if (!capitalised || (single && !t.tokens[s.first].capitalised)) continue;
    for (const auto& c : gazetteer_.candidates(h.id)) {
      if (c.name_flags & kDemonym) {
        if (c.place->flags & kCountry) {
          hint(*c.place);
          demonym_of = c.place;
        }
        continue;
      }
      // ("Pa." and "PA" share a key: the abbreviation's own rule decides.)
      if ((c.name_flags & kShortName) && !(c.name_flags & (kMainName | kAbbreviation)) && !all_caps) continue;
      // "Conn.", "KY", "Miss." name a state only after "Town,".
      if ((c.name_flags & kAbbreviation) && !(c.name_flags & kMainName) &&
          !abbreviation_fits(text, t, s.first, c.name_flags & kCommonWord))
        continue;
      s.candidates.push_back(c);
    }
    // With no town of that name, it is the demonym whatever comes before
    // ("rockets fired into Palestinian camps").
    if (demonym_of && t.tokens[s.first].capitalised &&
        (s.candidates.empty() ||
         !after_place_preposition(t, s.first))) {
      demonyms.push_back(Demonym{s.first, s.end, demonym_of});
      continue;
    }
    // "Borno state", "Washington State", "Sindh province": the name
    // before a first-level division's noun is that division.
    if (s.end < t.tokens.size() && !t.barrier_before(s.end) && is_region_noun(t.key_of(s.end)) &&
        std::any_of(s.candidates.begin(), s.candidates.end(),
                    [](const PlaceCandidate& c) { return (c.place->flags & kRegion) != 0; }))
      std::erase_if(s.candidates, [](const PlaceCandidate& c) { return !(c.place->flags & kRegion); });
    // Otherwise a country's capital is what its name means before a region
    // of the same name in that country ("Washington", "Buenos Aires",
    // "Moscow"), except as the region after "Town," ("Olympia, Washington").
    else if (!after_name_and_comma(text, t, s.first)) {
      std::vector<std::string_view> capitals_of;
      for (const auto& c : s.candidates)
        if (c.place->flags & kCapital) capitals_of.push_back(iso2(*c.place));
      std::erase_if(s.candidates, [&](const PlaceCandidate& r) {
        return (r.place->flags & kRegion) &&
               std::find(capitals_of.begin(), capitals_of.end(), iso2(*r.place)) != capitals_of.end();
      });
    }
    if (!s.candidates.empty()) spans.push_back(std::move(s));
  }

  // 1b. In Serbian, Croatian, Bosnian and Albanian text, capitalised words
  // the automaton did not match may be inflected names: one word, or an
  // adjective and a noun ("Kosovskoj Mitrovici" -> "kosovska mitrovica").
  const bool slavic = language == "sr" || language == "hr" || language == "bs" || language == "sh";
  const bool albanian = language == "sq";
  if (slavic || albanian) {
    const uint32_t n = static_cast<uint32_t>(t.tokens.size());
    std::vector<bool> covered(n, false);
    for (const auto& s : spans)
      for (uint32_t i = s.first; i < s.end; ++i) covered[i] = true;
    auto forms = [&](uint32_t i) {
      std::vector<std::string> f{std::string(t.key_of(i))};
      for (auto& b : base_forms(t.key_of(i), slavic, albanian)) f.push_back(std::move(b));
      return f;
    };
    for (uint32_t i = 0; i < n; ++i) {
      if (covered[i] || !t.tokens[i].capitalised || is_common_word(t.key_of(i))) continue;
      bool found = false;
      for (uint32_t len : {2u, 1u}) {
        if (found || i + len > n) continue;
        if (len == 2 && (covered[i + 1] || !t.tokens[i + 1].capitalised || t.barrier_before(i + 1))) continue;
        std::vector<std::string> keys;
        if (len == 1) {
          keys = forms(i);
          keys.erase(keys.begin());  // the word as written was not a name
        } else {
          for (const auto& a : forms(i))
            for (const auto& b : forms(i + 1)) keys.push_back(a + " " + b);
          keys.erase(keys.begin());
        }
        for (const auto& key : keys) {
          int64_t id = gazetteer_.find_name(key);
          if (id < 0) continue;
          Span s{i, i + len, static_cast<uint32_t>(id), {}, true};
          for (const auto& c : gazetteer_.candidates(s.name_id))
            if (!(c.name_flags & (kDemonym | kShortName))) s.candidates.push_back(c);
          if (s.candidates.empty()) continue;
          for (uint32_t k = i; k < i + len; ++k) covered[k] = true;
          spans.push_back(std::move(s));
          found = true;
          break;
        }
      }
    }
  }

  // 1c. "Walton and Oconee counties", "Becker, Clay, Otter Tail and Wilkin
  // counties": each name of a list before a plural division noun is that
  // division ("Clay County"), whatever else the name may be alone.
  {
    static const std::pair<std::string_view, std::string_view> kPlural[] = {
        {"counties", "county"}, {"parishes", "parish"}, {"boroughs", "borough"}};
    const uint32_t n = static_cast<uint32_t>(t.tokens.size());
    // The capitalised run that ends at token `end` (exclusive).
    auto run_start = [&](uint32_t end) {
      uint32_t b = end;
      while (b > 0 && t.tokens[b - 1].capitalised && (b == end || !t.barrier_before(b))) --b;
      return b;
    };
    std::vector<Span> listed;
    for (uint32_t i = 1; i < n; ++i) {
      std::string_view singular;
      for (const auto& [plural, one] : kPlural)
        if (t.key_of(i) == plural) singular = one;
      if (singular.empty() || t.barrier_before(i)) continue;
      uint32_t end = i;
      for (int names = 0; names < 16 && end > 0; ++names) {
        uint32_t start = run_start(end);
        if (start == end) break;
        std::string key;
        for (uint32_t k = start; k < end; ++k) key.append(t.key_of(k)).push_back(' ');
        key.append(singular);
        if (int64_t id = gazetteer_.find_name(key); id >= 0) {
          Span d{start, end, static_cast<uint32_t>(id), {}};
          for (const auto& c : gazetteer_.candidates(d.name_id))
            if (c.place->flags & kDivision) d.candidates.push_back(c);
          if (!d.candidates.empty()) listed.push_back(std::move(d));
        }
        if (start == 0) break;
        std::string_view sep = t.key_of(start - 1);
        if ((sep == "and" || sep == "or") && !t.barrier_before(start)) {
          end = start - 1;
        } else if (t.barrier_before(start) && gap_before(text, t, start).find(',') != std::string_view::npos) {
          end = start;
        } else {
          break;
        }
      }
    }
    if (!listed.empty()) {
      std::erase_if(spans, [&](const Span& x) {
        return std::any_of(listed.begin(), listed.end(), [&](const Span& d) { return x.first < d.end && d.first < x.end; });
      });
      for (auto& d : listed) spans.push_back(std::move(d));
    }
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
    // "The Rev. Roy Jones", "Gen. Smith": a title is never a town of that name.
    if (single && is_person_title(k) && !t.tokens[s.first].all_caps &&
        !after_place_preposition(t, s.first))
      continue;
    // "the Republic of Vyosa Osmani", "University of Kentucky": the head of
    // a longer name, which names what follows "of" if anything.
    if (single && is_common_noun(k) && s.end + 1 < t.tokens.size() && !t.barrier_before(s.end) &&
        t.key_of(s.end) == "of" && !t.barrier_before(s.end + 1) && t.tokens[s.end + 1].capitalised)
      continue;
    // Two letters alone ("Va", "Wa") name a place only as a country code in capitals.
    if (single && k.size() <= 2) {
      bool code = t.tokens[s.first].all_caps &&
                  std::any_of(s.candidates.begin(), s.candidates.end(), [](const PlaceCandidate& c) {
                    return (c.place->flags & kCountry) != 0 || (c.name_flags & kAbbreviation) != 0;
                  });
      // "Harrisburg, Pa.", "Newton County, Ga.": a state's abbreviation
      // where one fits (step 1 kept it only there), in any case.
      code = code || std::any_of(s.candidates.begin(), s.candidates.end(),
                                 [](const PlaceCandidate& c) { return (c.name_flags & kAbbreviation) != 0; });
      if (!code) continue;
    }
    Verdict v = judge(text, t, s);
    // A state or country before other capitalised words opens a name more
    // often than it is a given name ("Tennessee Senior Olympics", "Georgia
    // Environmental Protection Division"; "Virginia Woolf" is the price).
    if (v == Verdict::kBeforeName &&
        std::any_of(s.candidates.begin(), s.candidates.end(),
                    [](const PlaceCandidate& c) { return (c.place->flags & (kRegion | kCountry | kDivision)) != 0; }))
      v = Verdict::kInOrganisation;
    if (v == Verdict::kInOrganisation) {
      s.in_organisation = true;
      kept.push_back(std::move(s));
      continue;
    }
    if (v != Verdict::kPlace) {
      bool country = std::any_of(s.candidates.begin(), s.candidates.end(),
                                 [](const PlaceCandidate& c) { return c.place->flags & kCountry; });
      if (country) {
        for (const auto& c : s.candidates) if (c.place->flags & kCountry) hint(*c.place);
      } else if (single && v == Verdict::kAfterGivenName && !sentence_start(text, t, s.first - 1)) {
        // "Edi Rama": a surname here. Not from a word that opens a
        // sentence, whose capital says nothing ("Another Gainesville
        // business"): that would strike the town from the whole text.
        person_names.insert(s.name_id);
      }
      continue;
    }
    kept.push_back(std::move(s));
  }
  // A surname once is a surname throughout, unless the text also puts the
  // name where only a place goes: "in Sochi", a dateline ("Freemason
  // Bogdanov Joins Sochi Mayor Race" is a headline's capitals).
  std::set<uint32_t> placed_names;
  for (const auto& s : kept)
    if (after_place_preposition(t, s.first) || is_dateline(text, t, s)) placed_names.insert(s.name_id);
  std::erase_if(kept, [&](const Span& s) {
    return s.end - s.first == 1 && person_names.count(s.name_id) && !placed_names.count(s.name_id);
  });
  // A country's own name is that country, not a town abroad that bears it
  // as one of its alternate names ("Iraq" for Arāk): only a town whose own
  // name it is competes ("Jordan", Minnesota; "Lebanon", Pennsylvania).
  for (auto& s : kept) {
    s.names_a_country = std::any_of(s.candidates.begin(), s.candidates.end(), [](const PlaceCandidate& c) {
      return (c.place->flags & kCountry) && (c.name_flags & kMainName);
    });
    if (s.names_a_country)
      std::erase_if(s.candidates, [](const PlaceCandidate& c) {
        return c.place->feature_class == 'P' && !(c.name_flags & kMainName);
      });
  }
  for (const auto& s : kept)
    for (const auto& c : s.candidates)
      if ((c.place->flags & kCountry) && s.candidates.size() == 1) hint(*c.place);

  // 3b. "Town, Region" and "Town, Country": the second name says which
  // town the first is.
  std::map<uint32_t, uint32_t> container_name;  // name id -> the name id of the region after it
  for (size_t i = 0; i + 1 < kept.size(); ++i) {
    const Span &a = kept[i], &b = kept[i + 1];
    if (b.first != a.end || !after_name_and_comma(text, t, b.first) || ctx.containers.count(a.name_id)) continue;
    std::vector<const PlaceRecord*> wider;
    for (const auto& c : b.candidates)
      if (c.place->flags & (kRegion | kCountry)) wider.push_back(c.place);
    if (!wider.empty()) {
      ctx.containers[a.name_id] = std::move(wider);
      container_name[a.name_id] = b.name_id;
    }
  }
  for (const auto& s : kept)
    for (const auto& c : s.candidates)
      if (c.place->flags & kRegion) ctx.regions_named[c.place].insert(s.name_id);
      else if (c.place->flags & kDivision) ctx.divisions_named[c.place].insert(s.name_id);
  // Names written at least once where a capital says something (not
  // opening a sentence): the text itself shows they are names.
  std::set<uint32_t> named_mid_sentence;
  for (const auto& s : kept)
    if (!sentence_start(text, t, s.first)) named_mid_sentence.insert(s.name_id);

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
        // A town resolved confidently says which country the text is about
        // (to the other names: not to itself).
        if (ch.confidence >= 0.8) {
          hint(*ch.place);
          ctx.hinted_by[id] = iso2(*ch.place);
        }
      }
    }
    std::set<uint32_t> done;
    for (const auto& s : kept)
      if (done.insert(s.name_id).second) by_name[s.name_id] = choose(s, ctx, gazetteer_, weights_);
  }

  // What the ranker learns from: each name "Town, Region" settles, with the
  // features its candidates would have without that clue.
  if (cases) {
    std::set<uint32_t> done;
    for (const auto& s : kept) {
      auto it = container_name.find(s.name_id);
      if (it == container_name.end() || s.candidates.size() < 2 || !done.insert(s.name_id).second) continue;
      RankingCase rc;
      size_t answers = 0;
      for (size_t k = 0; k < s.candidates.size(); ++k) {
        PlaceFeatures f = features(s.candidates[k], s, ctx, gazetteer_);
        if (f[kContainerRegion] > 0 || f[kContainerCountry] > 0) {
          rc.answer = k;
          ++answers;
        }
      }
      if (answers != 1) continue;
      Context probe = ctx;
      probe.containers.erase(s.name_id);
      for (auto r = probe.regions_named.begin(); r != probe.regions_named.end();) {
        r->second.erase(it->second);
        r = r->second.empty() ? probe.regions_named.erase(r) : std::next(r);
      }
      for (const auto& c : s.candidates) rc.candidates.push_back(features(c, s, probe, gazetteer_));
      cases->push_back(std::move(rc));
    }
    // And each ambiguous name exactly one of whose candidates lies within
    // 50 km of a town the text names unambiguously (a name of one place
    // only): the text's places cluster. Scored without the spatial
    // features, which label these cases.
    std::vector<const PlaceRecord*> sure;
    for (const auto& s : kept)
      if (s.candidates.size() == 1 && s.candidates[0].place->feature_class == 'P') sure.push_back(s.candidates[0].place);
    for (const auto& s : kept) {
      if (s.candidates.size() < 2 || container_name.count(s.name_id) || !done.insert(s.name_id).second) continue;
      RankingCase rc;
      size_t answers = 0;
      for (size_t k = 0; k < s.candidates.size(); ++k) {
        const PlaceRecord* p = s.candidates[k].place;
        bool near = false;
        for (const PlaceRecord* q : sure) near = near || (q != p && distance_km(p->lat, p->lon, q->lat, q->lon) < 50);
        if (near) {
          rc.answer = k;
          ++answers;
        }
      }
      if (answers != 1) continue;
      Context probe = ctx;
      probe.anchors.clear();
      for (const auto& c : s.candidates) rc.candidates.push_back(features(c, s, probe, gazetteer_));
      cases->push_back(std::move(rc));
    }
  }

  std::vector<PlaceMention> out;
  for (const auto& s : kept) {
    const Choice& ch = by_name[s.name_id];
    // A one-word name of a small place nothing else in the text supports
    // is taken only where the sentence says it is a place: "in Peći", not
    // "Peci said" or "according to Peci" (a surname), "Tito's Yugoslavia".
    if (!ch.place) continue;
    // At the start of a sentence a capital says nothing: a one-word town
    // there ("Policija je...", "Police said") needs the text's own support.
    const bool dateline = is_dateline(text, t, s);
    const bool locative = after_place_preposition(t, s.first);
    // "Vice Mayor", "Parks and Recreation": an everyday word is a town only
    // where the sentence or the places around it say so.
    // "ARB" (a review board) is one of Ann Arbor's codes: a town's code
    // in capitals names it only with local support or after "in".
    if (s.end - s.first == 1 && !locative && !ch.local && !(ch.place->flags & (kCountry | kRegion | kCapital)) &&
        std::any_of(s.candidates.begin(), s.candidates.end(), [&](const PlaceCandidate& c) {
          return c.place == ch.place && (c.name_flags & kShortName) && !(c.name_flags & kMainName);
        }))
      continue;
    if (s.end - s.first == 1 && !t.tokens[s.first].all_caps && !locative && !dateline && !ch.local &&
        !(ch.place->flags & (kCountry | kRegion | kCapital)) &&
        std::any_of(s.candidates.begin(), s.candidates.end(),
                    [](const PlaceCandidate& c) { return (c.name_flags & kCommonWord) != 0; }))
      continue;
    if (s.end - s.first == 1 && sentence_start(text, t, s.first) && !ch.contextual && !dateline &&
        !named_mid_sentence.count(s.name_id))
      continue;
    if (!ch.supported && s.end - s.first == 1 && !dateline) {
      bool locative = s.first > 0 && !t.barrier_before(s.first) && is_locative_preposition(t.key_of(s.first - 1)) &&
                      !(s.first > 1 && t.key_of(s.first - 2) == "according");
      if (!locative) continue;
    }
    PlaceMention m;
    m.first_token = s.first;
    m.end_token = s.end;
    m.place = ch.place;
    m.confidence = ch.confidence;
    if (s.in_organisation) {
      m.role = PlaceRole::kInOrganisation;
    } else {
      m.metonym = is_metonym(t, s, *ch.place);
      m.state = may_stand_for_state(t, s, *ch.place);
    }
    out.push_back(m);
  }
  // Demonyms where no place name covers them ("Russian Federation" is the
  // country's name, not its adjective and a noun).
  std::vector<bool> covered(t.tokens.size(), false);
  for (const auto& s : kept)
    for (uint32_t i = s.first; i < s.end; ++i) covered[i] = true;
  for (const auto& d : demonyms) {
    bool free = true;
    for (uint32_t i = d.first; i < d.end; ++i) free = free && !covered[i];
    if (!free) continue;
    for (uint32_t i = d.first; i < d.end; ++i) covered[i] = true;
    PlaceMention m;
    m.first_token = d.first;
    m.end_token = d.end;
    m.place = d.country;
    m.confidence = 1;
    m.role = PlaceRole::kDemonym;
    out.push_back(m);
  }
  std::sort(out.begin(), out.end(), [](const PlaceMention& a, const PlaceMention& b) { return a.first_token < b.first_token; });
  return out;
}

}  // namespace seismo
