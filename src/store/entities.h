// The entities area of the store: place, actor and date mentions of the
// articles, with their resolutions.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "entities/entities.h"
#include "store/database.h"

namespace seismo {

// Mentions with their document, in document order; `kind` is "place",
// "actor", "date" or empty for all.
void for_each_entity(const Database& db, const std::string& kind,
                     const std::function<void(const std::string& doc_id, const EntityMention&)>& f);

// What the store knows, with counts: places by resolved place, actors by
// code and name, most mentioned first.
struct EntityCount {
  EntityMention entity;  // the resolution, with the most frequent surface form as text
  int mentions = 0, documents = 0;
};
std::vector<EntityCount> count_entities(const Database& db, const std::string& kind, int limit);

// Place mentions grouped by the division they lie in: by country (`level`
// 0: its ISO code and name) or by first-level region (1: "Tennessee",
// "Kosovo" for places whose region is not known). A country or region
// mentioned itself counts for itself. Demonyms and names inside
// organisations' names are left out unless `with_roles`.
struct DivisionCount {
  std::string country;  // ISO alpha-2
  std::string name;     // the country's or region's name
  int mentions = 0, documents = 0, places = 0;
};
std::vector<DivisionCount> count_places_by_division(const Database& db, int level, bool with_roles, int limit);

}  // namespace seismo
