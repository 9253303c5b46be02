// Actor mentions: dictionary actors coded with the role valid on the
// article's date, and countries composed with agents ("Serbian police" ->
// SRBCOP). Internal to entities.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/match_text.h"
#include "entities/actor_dictionary.h"

namespace seismo {

struct ActorMatch {
  uint32_t first_token = 0, end_token = 0;
  std::string name;
  std::string code;
};

std::vector<ActorMatch> find_actor_mentions(const MatchText& text, const ActorDictionary& dictionary,
                                            std::optional<int> day);

}  // namespace seismo
