// Place names found in a text and resolved to one gazetteer entry each.
// Internal to the entities stage.
#pragma once
#include <string>
#include <vector>

#include "common/match_text.h"
#include "entities/gazetteer.h"
#include "entities/place_ranker.h"

namespace seismo {

// How a mention names its place, beside being a place name.
enum class PlaceRole {
  kPlain,
  kDemonym,         // "Georgian forces", "Palestinians": the country, by its adjective or people
  kInOrganisation,  // "Hopkinton Police Department": a place opening an organisation's name
};

struct PlaceMention {
  uint32_t first_token = 0, end_token = 0;  // tokens of the MatchText
  const PlaceRecord* place = nullptr;
  double confidence = 0;
  // A capital or country standing for its government ("Belgrade asked
  // NATO"): the caller turns it into an actor, not a place.
  bool metonym = false;
  // A capital or country that could stand for its government, whatever
  // word follows: the event coder decides by the sentence's syntax
  // ("China praised Serbia").
  bool state = false;
  PlaceRole role = PlaceRole::kPlain;
};

class PlaceResolver {
 public:
  // `weights`: the ranker's (PlaceRankerWeights::fitted() unless given; the
  // fitting tool resolves with its prior, so a refit never depends on the
  // weights compiled in).
  explicit PlaceResolver(const Gazetteer& gazetteer, const PlaceRankerWeights& weights = PlaceRankerWeights::fitted())
      : gazetteer_(gazetteer), weights_(weights) {}
  // `language` (ISO 639-1 or empty) enables inflected-form lookup for
  // Serbian/Croatian/Bosnian and Albanian.
  // `text` is what `t` was made from (punctuation between names matters:
  // "Fairfield, Conn.").
  std::vector<PlaceMention> resolve(std::string_view text, const MatchText& t, std::string_view language = {}) const;
  // The names of the text that the text itself disambiguates ("Fairfield,
  // Conn."), as training cases for the ranker (tools/fit_place_ranker.cc).
  std::vector<RankingCase> ranking_cases(std::string_view text, const MatchText& t,
                                         std::string_view language = {}) const;

 private:
  std::vector<PlaceMention> resolve_and_learn(std::string_view text, const MatchText& t, std::string_view language,
                                              std::vector<RankingCase>* cases) const;
  const Gazetteer& gazetteer_;
  const PlaceRankerWeights& weights_;
};

}  // namespace seismo
