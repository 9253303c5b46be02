#include "entities/actors.h"

#include <algorithm>
#include <climits>

#include "entities/word_lists.h"

namespace seismo {
namespace {

using Kind = ActorDictionary::Kind;

using Found = ActorSpan;

// Words that may stand between a country and its agent: "Serbian special
// police", "Kosovo's police", "the Serbian and Kosovo police" is left alone.
bool is_agent_modifier(std::string_view k) {
  return k == "s" || k == "special" || k == "local" || k == "regional" || k == "national" || k == "state" ||
         k == "armed" || k == "security" || k == "border" || k == "riot" || k == "federal" || k == "central" ||
         k == "top" || k == "senior" || k == "ethnic" || k == "acting" || k == "interim" || k == "new" ||
         k == "former" || k == "then" || k == "chief";
}

// The agents a leader's name makes his government: "the Bush
// administration", "the Kurti government", "Putin's cabinet".
bool is_government_noun(std::string_view k) {
  return k == "administration" || k == "government" || k == "cabinet" || k == "regime";
}

// Whether token `k` may be part of a personal name after a title:
// capitalised, in the same clause, not a function word ("President Vučić
// Said", a title-case headline, is not "Vučić Said").
bool may_be_name_word(const MatchText& t, uint32_t k) {
  return k < t.tokens.size() && !t.barrier_before(k) && t.tokens[k].capitalised && !is_common_word(t.key_of(k)) &&
         !is_agent_verb(t.key_of(k));
}

}  // namespace

std::vector<ActorSpan> scan_actor_phrases(const MatchText& t, const ActorDictionary& dict) {
  if (!dict.phrases()) return {};
  std::vector<Found> found;
  for (const auto& h : dict.phrases()->scan(t)) {
    const auto& all_targets = dict.phrase_targets(h.id);
    bool in_capitals = true;
    for (uint32_t i = h.first_token; i < h.end_token; ++i) {
      const MatchToken& tok = t.tokens[i];
      in_capitals = in_capitals && (tok.all_caps || (tok.capitalised && tok.end - tok.begin == 1));
    }
    std::vector<ActorDictionary::Phrase> kept;
    const std::vector<ActorDictionary::Phrase>* chosen_targets = &all_targets;
    if (!in_capitals && std::any_of(all_targets.begin(), all_targets.end(), [](const auto& x) { return x.acronym; })) {
      for (const auto& tg : all_targets) if (!tg.acronym) kept.push_back(tg);
      if (kept.empty()) continue;
      chosen_targets = &kept;
    }
    const auto& targets = *chosen_targets;
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
  return longest_non_overlapping(std::move(found), t.tokens.size());
}

std::vector<ActorMatch> compose_actor_mentions(const std::vector<ActorSpan>& chosen, const MatchText& t,
                                               const ActorDictionary& dict, std::optional<int> day,
                                               std::string_view text, std::vector<ActorMatch>* lone_agents) {
  std::vector<ActorMatch> out;

  auto adjacent = [&](const Found& f, const Found& g) {
    if (g.first < f.end || g.first - f.end > 2) return false;
    for (uint32_t k = f.end; k <= g.first; ++k) {
      if (t.barrier_before(k)) return false;
      if (k < g.first && !is_agent_modifier(t.key_of(k))) return false;
    }
    return true;
  };
  auto words = [&](uint32_t first, uint32_t end) {
    return std::string(text.substr(t.tokens[first].begin, t.tokens[end - 1].end - t.tokens[first].begin));
  };

  // The personal name after a title at token `after`: a dictionary actor
  // right there, or up to four capitalised words ("Abd-Rabbu Mansour
  // Hadi"). Steps `i` past an actor it takes.
  auto take_name = [&](size_t& i, uint32_t after, ActorMatch& m) {
    if (text.empty()) return;
    if (i + 1 < chosen.size() && chosen[i + 1].target.kind == Kind::kActor && chosen[i + 1].first == after &&
        !t.barrier_before(after)) {
      m.name = dict.actors()[chosen[i + 1].target.index].name;
      m.actor = static_cast<int>(chosen[i + 1].target.index);
      m.end_token = chosen[i + 1].end;
      ++i;
      return;
    }
    uint32_t k = after;
    const uint32_t next_start = i + 1 < chosen.size() ? chosen[i + 1].first : UINT32_MAX;
    while (k < after + 4 && k < next_start && may_be_name_word(t, k)) ++k;
    if (k > after) {
      m.name = words(after, k);
      m.end_token = k;
    }
  };
  auto title_words = [&](const Found& g) {
    std::string role;
    for (uint32_t k = g.first; k < g.end; ++k) (role += role.empty() ? "" : " ") += t.key_of(k);
    return role;
  };

  for (size_t i = 0; i < chosen.size(); ++i) {
    const Found& f = chosen[i];
    const bool next_is_agent = i + 1 < chosen.size() && chosen[i + 1].target.kind == Kind::kAgent;
    // A country, or a dictionary actor coded as a bare country, followed
    // by an agent: one composed actor.
    std::string country_code, country_name;
    int country_index = -1;
    if (f.target.kind == Kind::kCountry) {
      const auto& c = dict.countries()[f.target.index];
      country_code = c.cameo;
      country_name = c.name;
      country_index = static_cast<int>(f.target.index);
    } else if (f.target.kind == Kind::kActor) {
      const auto& a = dict.actors()[f.target.index];
      const ActorRole* r = a.role_at(day);
      if (r && r->code.size() == 3) {
        country_code = r->code;
        country_name = a.name;
      } else if (r && next_is_agent && r->code.size() == 6 && r->code.ends_with("GOV") && adjacent(f, chosen[i + 1]) &&
                 is_government_noun(t.key_of(chosen[i + 1].first))) {
        // A leader's name and "administration": his government.
        const Found& g = chosen[i + 1];
        std::string noun = text.empty() ? dict.agents()[g.target.index].name : words(g.first, g.end);
        out.push_back(ActorMatch{f.first, g.end, a.name + " " + noun, r->code, -1, {}, static_cast<int>(f.target.index)});
        ++i;
        continue;
      } else if (r && next_is_agent && dict.agents()[chosen[i + 1].target.index].title && adjacent(f, chosen[i + 1])) {
        // An organisation's (or a leader's) titled person: "UN envoy
        // Ismail Ould Cheikh Ahmed", "Hamas leader Ismail Haniyeh", "the
        // NATO chief" are coded as the organisation.
        const Found& g = chosen[i + 1];
        ActorMatch m{f.first, g.end, title_words(g) + " of " + a.name, r->code, -1, {}, static_cast<int>(f.target.index)};
        ++i;
        take_name(i, g.end, m);
        out.push_back(std::move(m));
        continue;
      }
    }
    // A country inside a longer capitalised name is not the country:
    // "New Jersey police", "Northern Ireland police". At the start of a
    // sentence a capital says nothing ("Former Serbian president"); there
    // the place stage's longer name decides (entities.cc).
    bool inside_name = f.first > 0 && !t.barrier_before(f.first) && t.tokens[f.first - 1].capitalised &&
                       !t.barrier_before(f.first - 1);
    if (!country_code.empty() && !inside_name && next_is_agent && adjacent(f, chosen[i + 1])) {
      const Found& g = chosen[i + 1];
      const auto& agent = dict.agents()[g.target.index];
      // Titles share a code ("president", "mayor", "envoy": GOV): the
      // title as written names the role.
      std::string role = agent.title ? title_words(g) : agent.name;
      ActorMatch m{f.first, g.end, role + " of " + country_name, country_code + agent.code, country_index, agent.code, -1};
      ++i;
      // "Israeli Prime Minister Ehud Barak": the person is the actor, in
      // the role the text gives him.
      if (agent.title) take_name(i, g.end, m);
      out.push_back(std::move(m));
      continue;
    }
    if (f.target.kind == Kind::kAgent && lone_agents) {
      const auto& agent = dict.agents()[f.target.index];
      lone_agents->push_back(ActorMatch{f.first, f.end, agent.name, agent.code, -1, agent.code, -1});
    }
    if (f.target.kind != Kind::kActor) continue;  // a lone country is a place; a lone agent says too little
    const auto& a = dict.actors()[f.target.index];
    const ActorRole* r = a.role_at(day);
    if (!r) continue;
    out.push_back(ActorMatch{f.first, f.end, a.name, r->code, -1, {}, static_cast<int>(f.target.index)});
  }
  return out;
}

std::optional<int> day_of_actors(const std::vector<ActorMatch>& actors, const ActorDictionary& dict) {
  std::vector<const ActorEntry*> named;
  for (const auto& m : actors) {
    if (m.actor < 0) continue;
    const ActorEntry* a = &dict.actors()[m.actor];
    bool dated = std::any_of(a->roles.begin(), a->roles.end(), [](const ActorRole& r) { return r.from != INT_MIN || r.to != INT_MAX; });
    if (dated && std::find(named.begin(), named.end(), a) == named.end()) named.push_back(a);
  }
  // The count can only change at a role's first or last day.
  std::vector<int> candidates;
  for (const ActorEntry* a : named)
    for (const auto& r : a->roles) {
      if (r.from != INT_MIN) candidates.push_back(r.from);
      if (r.to != INT_MAX) candidates.push_back(r.to);
    }
  std::optional<int> best;
  size_t top = 0;
  for (int day : candidates) {
    size_t n = 0;
    for (const ActorEntry* a : named)
      n += std::any_of(a->roles.begin(), a->roles.end(), [&](const ActorRole& r) { return r.from <= day && day <= r.to; });
    if (n > top || (n == top && best && day > *best)) {
      top = n;
      best = day;
    }
  }
  return best;
}

}  // namespace seismo
