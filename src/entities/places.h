// Place names found in a text and resolved to one gazetteer entry each.
// Internal to the entities stage.
#pragma once
#include <string>
#include <vector>

#include "common/match_text.h"
#include "entities/gazetteer.h"

namespace seismo {

struct PlaceMention {
  uint32_t first_token = 0, end_token = 0;  // tokens of the MatchText
  const PlaceRecord* place = nullptr;
  double confidence = 0;
  // A capital or country standing for its government ("Belgrade asked
  // NATO"): the caller turns it into an actor, not a place.
  bool metonym = false;
};

// What the text says about countries besides naming places: demonyms
// ("Serbian police") and country names, by ISO code. Used as context.
struct CountryHints {
  std::vector<std::pair<std::string, int>> counts;  // iso2 -> mentions
  int count(std::string_view iso2) const;
};

class PlaceResolver {
 public:
  explicit PlaceResolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}
  // `language` (ISO 639-1 or empty) enables inflected-form lookup for
  // Serbian/Croatian/Bosnian and Albanian.
  std::vector<PlaceMention> resolve(const MatchText& text, std::string_view language = {},
                                    CountryHints* hints_out = nullptr) const;

 private:
  const Gazetteer& gazetteer_;
};

}  // namespace seismo
