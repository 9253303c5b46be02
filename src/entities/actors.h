// Actor mentions: dictionary actors coded with the role valid on the
// article's date, and countries composed with agents ("Serbian police" ->
// SRBCOP, "Israeli Prime Minister Ehud Barak" -> ISRGOV), and leaders with
// their governments ("the Bush administration" -> USAGOV). Internal to
// entities.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/match_text.h"
#include "entities/actor_dictionary.h"

namespace seismo {

struct ActorMatch {
  uint32_t first_token = 0, end_token = 0;
  std::string name;
  std::string code;
  // Set when the actor is a country composed with an agent: the country
  // (index into ActorDictionary::countries()) and the agent's code, so that
  // later rules may re-read whose agent it is.
  int country = -1;
  std::string agent;
  int actor = -1;  // the dictionary actor named (index into ActorDictionary::actors()), if one is
};

// The day a text that names no date of its own is most likely of, read
// from the actors it names: the day on which most of them hold one of their
// dated roles (the latest such day among equals). Blinken, Secretary of
// State 2021-2025, and Stoltenberg, NATO's Secretary General 2014-2024 and
// Norway's finance minister from 2025, date a text to 2024-09-30. None when
// no named actor has a dated role.
std::optional<int> day_of_actors(const std::vector<ActorMatch>& actors, const ActorDictionary& dictionary);

// A dictionary phrase found in a text: the longest, non-overlapping, in
// text order, before composition.
struct ActorSpan {
  uint32_t first, end;
  ActorDictionary::Phrase target;
};

// The automaton's pass over a text; what depends on the date is composed
// after it, so that a text's actors can be read under two dates for the
// cost of one scan.
std::vector<ActorSpan> scan_actor_phrases(const MatchText& t, const ActorDictionary& dictionary);

// `text` (the text `t` was made from) gives the personal names after titles;
// without it those are not read. Agents named with no country before them
// ("the court in Pristina") go to `lone_agents` when given, with the
// agent's code and no country, for rules that find their country elsewhere.
std::vector<ActorMatch> compose_actor_mentions(const std::vector<ActorSpan>& spans, const MatchText& t,
                                               const ActorDictionary& dictionary, std::optional<int> day,
                                               std::string_view text = {},
                                               std::vector<ActorMatch>* lone_agents = nullptr);

inline std::vector<ActorMatch> find_actor_mentions(const MatchText& t, const ActorDictionary& dictionary,
                                                   std::optional<int> day, std::string_view text = {},
                                                   std::vector<ActorMatch>* lone_agents = nullptr) {
  return compose_actor_mentions(scan_actor_phrases(t, dictionary), t, dictionary, day, text, lone_agents);
}

}  // namespace seismo
