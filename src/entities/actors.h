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
};

// `text` (the text `t` was made from) gives the personal names after titles;
// without it those are not read.
std::vector<ActorMatch> find_actor_mentions(const MatchText& t, const ActorDictionary& dictionary,
                                            std::optional<int> day, std::string_view text = {});

}  // namespace seismo
