// Place names found in a text and resolved to one gazetteer entry each.
// Internal to the entities stage.
#pragma once
#include <string>
#include <vector>

#include "common/match_text.h"
#include "entities/gazetteer.h"

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
  explicit PlaceResolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}
  // `language` (ISO 639-1 or empty) enables inflected-form lookup for
  // Serbian/Croatian/Bosnian and Albanian.
  // `text` is what `t` was made from (punctuation between names matters:
  // "Fairfield, Conn.").
  std::vector<PlaceMention> resolve(std::string_view text, const MatchText& t, std::string_view language = {}) const;

 private:
  const Gazetteer& gazetteer_;
};

}  // namespace seismo
