#include "entities/actors.h"

#include <algorithm>

namespace seismo {
namespace {

using Kind = ActorDictionary::Kind;

struct Found {
  uint32_t first, end;
  ActorDictionary::Phrase target;
};

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
  std::vector<Found> chosen = longest_non_overlapping(std::move(found), t.tokens.size());

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
        if (t.barrier_before(k)) adjacent = false;
        else if (k < g.first && !is_agent_modifier(t.key_of(k))) adjacent = false;
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
