#include "entities/actors.h"

#include <algorithm>

namespace seismo {
namespace {

using Kind = ActorDictionary::Kind;

struct Found {
  uint32_t first, end;
  ActorDictionary::Phrase target;
};

bool barrier_before(const MatchText& t, uint32_t i) { return i == 0 || t.key[t.tokens[i].key_begin - 2] == '#'; }

std::string_view key_of(const MatchText& t, uint32_t i) {
  return std::string_view(t.key).substr(t.tokens[i].key_begin, t.tokens[i].key_end - t.tokens[i].key_begin);
}

// Words that may stand between a country and its agent: "Serbian special
// police", "Kosovo's police", "the Serbian and Kosovo police" is left alone.
bool is_agent_modifier(std::string_view k) {
  return k == "s" || k == "special" || k == "local" || k == "regional" || k == "national" || k == "state" ||
         k == "armed" || k == "security" || k == "border" || k == "riot" || k == "federal" || k == "central" ||
         k == "top" || k == "senior" || k == "ethnic";
}

}  // namespace

std::vector<ActorMatch> find_actor_mentions(const MatchText& t, const ActorDictionary& dict, std::optional<int> day) {
  std::vector<ActorMatch> out;
  if (!dict.phrases()) return out;
  std::vector<Found> found;
  for (const auto& h : dict.phrases()->scan(t)) {
    const auto& targets = dict.phrase_targets(h.id);
    // Agents are common nouns; names of actors and countries are written
    // with a capital ("the EU", "Kurti", "KFOR").
    const auto* pick = &targets.front();
    for (const auto& tg : targets) if (tg.kind != Kind::kAgent) { pick = &tg; break; }
    // "local Serbs", "the EU": one capitalised word is enough.
    bool capitalised = false;
    for (uint32_t i = h.first_token; i < h.end_token; ++i) capitalised = capitalised || t.tokens[i].capitalised;
    if (pick->kind != Kind::kAgent && !capitalised) {
      auto agent = std::find_if(targets.begin(), targets.end(), [](const auto& x) { return x.kind == Kind::kAgent; });
      if (agent == targets.end()) continue;
      pick = &*agent;
    }
    found.push_back(Found{h.first_token, h.end_token, *pick});
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.end - a.first != b.end - b.first ? a.end - a.first > b.end - b.first : a.first < b.first;
  });
  std::vector<bool> taken(t.tokens.size(), false);
  std::vector<Found> chosen;
  for (const auto& f : found) {
    bool free = true;
    for (uint32_t i = f.first; i < f.end && free; ++i) free = !taken[i];
    if (!free) continue;
    for (uint32_t i = f.first; i < f.end; ++i) taken[i] = true;
    chosen.push_back(f);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Found& a, const Found& b) { return a.first < b.first; });

  for (size_t i = 0; i < chosen.size(); ++i) {
    const Found& f = chosen[i];
    // A country, or a dictionary actor coded as a bare country, followed
    // by an agent: one composed actor.
    std::string country_code, country_name;
    if (f.target.kind == Kind::kCountry) {
      const auto& c = dict.countries()[f.target.index];
      country_code = c.cameo;
      country_name = c.name;
    } else if (f.target.kind == Kind::kActor) {
      const auto& a = dict.actors()[f.target.index];
      const ActorRole* r = a.role_at(day);
      if (r && r->code.size() == 3) {
        country_code = r->code;
        country_name = a.name;
      }
    }
    if (!country_code.empty() && i + 1 < chosen.size() && chosen[i + 1].target.kind == Kind::kAgent) {
      const Found& g = chosen[i + 1];
      bool adjacent = g.first >= f.end && g.first - f.end <= 2;
      for (uint32_t k = f.end; adjacent && k <= g.first; ++k) {
        if (barrier_before(t, k)) adjacent = false;
        else if (k < g.first && !is_agent_modifier(key_of(t, k))) adjacent = false;
      }
      if (adjacent) {
        const auto& agent = dict.agents()[g.target.index];
        out.push_back(ActorMatch{f.first, g.end, agent.name + " of " + country_name, country_code + agent.code});
        ++i;
        continue;
      }
    }
    if (f.target.kind != Kind::kActor) continue;  // a lone country is a place; a lone agent says too little
    const auto& a = dict.actors()[f.target.index];
    const ActorRole* r = a.role_at(day);
    if (!r) continue;
    out.push_back(ActorMatch{f.first, f.end, a.name, r->code});
  }
  return out;
}

}  // namespace seismo
