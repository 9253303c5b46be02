#include "entities/labels.h"

#include <algorithm>
#include <map>

namespace seismo {
namespace {

using WordSet = std::vector<std::string_view>;

bool in(const WordSet& s, std::string_view k) { return std::find(s.begin(), s.end(), k) != s.end(); }

// Words that make a common noun a loaded label ("narco-terrorist" is two
// tokens, "narco" and "terrorist"). Lists of kinds of word, not of names.
const WordSet kLoadedWords{"narco",   "terrorist", "terror",        "puppet",       "criminal", "illegitimate",
                           "fascist", "nazi",      "neo",           "separatist",   "so",       "called",
                           "self",    "proclaimed", "pseudo",       "occupation",   "occupying", "mafia",
                           "rogue",   "genocidal", "secessionist", "extremist",    "illegal",  "usurping"};
// Words that may stand inside a label: "the NATO-backed puppet regime".
const WordSet kLabelFillers{"backed", "installed", "led", "sponsored", "controlled", "style", "and"};
// Nouns for a state that are labels by themselves, and nouns that are
// labels only after a loaded word.
const WordSet kStateLabels{"regime", "junta"};
const WordSet kStateNouns{"entity", "government", "authorities", "administration", "state", "leadership",
                          "institutions"};
// Labels a state gives those who broke away from it: in their capital they
// are its government, elsewhere rebels. ("Terrorists in Kabul" is no
// government: terrorists are read only as what the dictionary knows.)
const WordSet kGroupLabels{"separatists", "secessionists"};
const WordSet kDeterminers{"the", "this", "that", "its", "their"};

// Institutions of the state where they are: police, government,
// parliament, courts.
bool is_domestic_agent(std::string_view code) { return code == "COP" || code == "GOV" || code == "LEG" || code == "JUD"; }

const CountryEntry* country_of(const ActorDictionary& d, const PlaceRecord& p) {
  return d.country_by_iso2(std::string_view(p.country, p.country[0] ? 2 : 0));
}

}  // namespace

std::string dominant_country(const std::vector<PlaceMention>& places) {
  // The towns, villages and crossings a text names say where it happens
  // more than the countries and capitals it names: a text about northern
  // Kosovo names Serbia as often as Kosovo, but its villages are Kosovo's.
  // Those places first, when three or more of them agree; then all.
  for (bool local_only : {true, false}) {
    std::map<std::string, int> counts;
    int total = 0;
    for (const auto& p : places) {
      if (!p.place || !p.place->country[0]) continue;
      if (local_only && (p.state || p.metonym)) continue;
      ++counts[std::string(p.place->country, 2)];
      ++total;
    }
    std::string best;
    int top = 0;
    for (const auto& [cc, n] : counts)
      if (n > top) {
        top = n;
        best = cc;
      }
    if (top >= 3 && top * 2 > total) return best;
  }
  return {};
}

std::vector<ActorMatch> find_label_mentions(const MatchText& t, const ActorDictionary& dict,
                                            const std::vector<PlaceMention>& places,
                                            const std::vector<ActorMatch>& actors, const std::string& dominant) {
  std::vector<ActorMatch> out;
  const uint32_t n = static_cast<uint32_t>(t.tokens.size());
  std::vector<bool> covered(n, false);
  for (const auto& a : actors)
    for (uint32_t k = a.first_token; k < a.end_token && k < n; ++k) covered[k] = true;
  std::vector<int> place_at(n, -1);
  for (size_t i = 0; i < places.size(); ++i) place_at[places[i].first_token] = static_cast<int>(i);

  for (uint32_t k = 0; k < n; ++k) {
    std::string_view noun = t.key_of(k);
    const bool state_label = in(kStateLabels, noun), state_noun = in(kStateNouns, noun);
    const bool group = in(kGroupLabels, noun);
    if ((!state_label && !state_noun && !group) || covered[k]) continue;
    // Leftwards over the label's words: "the NATO-backed puppet regime".
    uint32_t first = k;
    bool loaded = false;
    for (uint32_t j = k; j > 0 && k - j < 5 && !t.barrier_before(j) && !covered[j - 1]; --j) {
      std::string_view w = t.key_of(j - 1);
      if (in(kLoadedWords, w)) loaded = true;
      else if (!in(kLabelFillers, w)) break;
      first = j - 1;
    }
    if (state_noun && !loaded) continue;
    // "The regime" is a label; "the visa regime", "a sanctions regime" are
    // systems of rules.
    if (!group && !loaded && (first == 0 || t.barrier_before(first) || !in(kDeterminers, t.key_of(first - 1)))) continue;
    // The place right after it: "in Pristina", "of Kosovo".
    const PlaceMention* where = nullptr;
    if (k + 2 < n && !t.barrier_before(k + 1) && !t.barrier_before(k + 2) &&
        (t.key_of(k + 1) == "in" || t.key_of(k + 1) == "of") && place_at[k + 2] >= 0)
      where = &places[place_at[k + 2]];
    const CountryEntry* c = nullptr;
    std::string role = "GOV";
    if (where) {
      c = country_of(dict, *where->place);
      bool seat = where->place->flags & (kCapital | kCountry);
      if (group && !seat) role = "REB";
    } else if (!group && !dominant.empty()) {
      c = dict.country_by_iso2(dominant);
    }
    if (!c) continue;
    // The label's own words are left out of the neutral name seismo gives.
    std::string name = (role == "GOV" ? "Government of " : "Armed groups in ") + c->name;
    out.push_back(ActorMatch{first, k + 1, name, c->cameo + role, static_cast<int>(c - dict.countries().data()), role, -1});
  }
  return out;
}

std::vector<ActorMatch> find_agents_in_places(const MatchText& t, const ActorDictionary& dict,
                                              const std::vector<PlaceMention>& places,
                                              const std::vector<ActorMatch>& lone_agents) {
  std::vector<ActorMatch> out;
  const uint32_t n = static_cast<uint32_t>(t.tokens.size());
  for (const auto& a : lone_agents) {
    if (!is_domestic_agent(a.agent)) continue;
    const uint32_t k = a.end_token;
    if (k + 1 >= n || t.barrier_before(k) || t.barrier_before(k + 1) || t.key_of(k) != "in") continue;
    auto p = std::find_if(places.begin(), places.end(), [&](const PlaceMention& m) { return m.first_token == k + 1; });
    if (p == places.end() || !p->place) continue;
    const CountryEntry* c = country_of(dict, *p->place);
    if (!c) continue;
    out.push_back(ActorMatch{a.first_token, a.end_token, a.name + " of " + c->name, c->cameo + a.agent,
                             static_cast<int>(c - dict.countries().data()), a.agent, -1});
  }
  return out;
}

void resolve_nationalities(std::vector<ActorMatch>& actors, const ActorDictionary& dict,
                           const std::vector<PlaceMention>& places, const std::string& dominant) {
  if (dominant.empty()) return;
  const CountryEntry* where = dict.country_by_iso2(dominant);
  if (!where) return;
  for (auto& a : actors) {
    if (a.country < 0 || !is_domestic_agent(a.agent)) continue;
    const CountryEntry& own = dict.countries()[a.country];
    if (own.cameo == where->cameo) continue;
    // Its own country named anywhere as a place ("Albania", "Tirana",
    // "Albania's police"): the text means that country.
    bool named = std::any_of(places.begin(), places.end(), [&](const PlaceMention& p) {
      return p.place && std::string_view(p.place->country, 2) == own.iso2;
    });
    if (named) continue;
    bool shared = std::any_of(own.languages.begin(), own.languages.end(), [&](const std::string& l) {
      return std::find(where->languages.begin(), where->languages.end(), l) != where->languages.end();
    });
    if (!shared) continue;
    const std::string agent_name = a.name.substr(0, a.name.find(" of "));
    a.name = agent_name + " of " + where->name;
    a.code = where->cameo + a.agent;
    a.country = static_cast<int>(where - dict.countries().data());
  }
}

}  // namespace seismo
