// Stored events printed as a table, JSON Lines, CSV or GeoJSON: what
// `seismo events` and `seismo export events` share.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_set>

#include "store/store.h"

namespace seismo::cli {

// Which places an event must be at: every place the name may refer to in
// the gazetteer (so that "Kosovska Mitrovica" finds events coded at
// "Mitrovicë") and every place inside one of them ("Kosovo", "Kosova",
// "Косово" find Zvečan and Jarinje; "Tennessee" its towns and counties), or
// an event's place written or resolved under that name; or, by code, the
// places of a country.
class PlaceFilter {
 public:
  PlaceFilter() = default;  // matches everything
  // Throws std::runtime_error when the gazetteer knows no place by `name`.
  explicit PlaceFilter(const std::string& name, const std::string& country = "");
  bool matches(const Event& e) const;

 private:
  bool active_ = false;
  std::string key_;  // match_key() of the name; empty: by country only
  std::unordered_set<uint32_t> geonameids_;
  std::unordered_set<std::string> countries_;       // ISO codes whose every place is inside
  std::unordered_set<std::string> division_names_;  // match keys of regions and divisions
  std::unordered_set<uint32_t> division_ids_;
  std::string country_;  // --country: ISO alpha-2, upper case
};

// Prints the events `query` selects at the places `places` allows, at most
// `limit` (negative: all), in `format` (table, jsonl, csv or geojson).
// Returns how many were printed.
size_t print_events(const Database& store, const EventQuery& query, const PlaceFilter& places,
                    const std::string& format, long limit);

}  // namespace seismo::cli
