// Who a text's loaded labels and nationality words denote, read from the
// text itself. "The narco-terrorist regime", "the puppet regime in
// Pristina", "the separatists in Pristina" name a government the writer
// will not name; "Albanian police" in a text whose places are all in
// Kosovo are Kosovo's police. seismo codes whom they denote, under its own
// neutral names ("Government of Kosovo"). Internal to entities.
#pragma once
#include <string>
#include <vector>

#include "common/match_text.h"
#include "entities/actor_dictionary.h"
#include "entities/actors.h"
#include "entities/places.h"

namespace seismo {

// The state a text's places are in: the country (ISO alpha-2) of at least
// three of its place mentions and of more than half of them; empty when no
// country dominates.
std::string dominant_country(const std::vector<PlaceMention>& places);

// Actors behind loaded labels, on tokens no actor in `actors` covers:
//  - a label for a state ("regime", "junta"; "entity", "government",
//    "authorities", "administration" after a loaded word such as
//    "narco-terrorist", "puppet", "so-called"), resolved to the government
//    of the capital or country named right after it ("in Pristina") or, with
//    none, of `dominant` (the state the text is about);
//  - a label for a group ("separatists", "terrorists", "narco-terrorists",
//    "extremists") with a place right after it: in a capital or a country,
//    its government; in another place, the rebels of that place's country.
std::vector<ActorMatch> find_label_mentions(const MatchText& t, const ActorDictionary& dictionary,
                                            const std::vector<PlaceMention>& places,
                                            const std::vector<ActorMatch>& actors, const std::string& dominant);

// A domestic institution with no country before it and a place right after
// it ("the court in Pristina", "police in Tbilisi", "officials in Sana'a"):
// that place's country's. Troops in a place are often foreign; they are
// left alone. `lone_agents` come from find_actor_mentions().
std::vector<ActorMatch> find_agents_in_places(const MatchText& t, const ActorDictionary& dictionary,
                                              const std::vector<PlaceMention>& places,
                                              const std::vector<ActorMatch>& lone_agents);

// A nationality's domestic institution (police, government, parliament,
// courts) in a text whose places are in another state that shares the
// nationality's language, and none in the nationality's own country, is
// that state's: "Albanian police" at Jarinje are Kosovo's (KSVCOP). Troops
// and other agents that cross borders keep their country. Recodes `actors`
// in place.
void resolve_nationalities(std::vector<ActorMatch>& actors, const ActorDictionary& dictionary,
                           const std::vector<PlaceMention>& places, const std::string& dominant);

}  // namespace seismo
