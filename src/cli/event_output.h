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
// "Mitrovicë"), or an event's place written or resolved under that name.
class PlaceFilter {
 public:
  PlaceFilter() = default;  // matches everything
  explicit PlaceFilter(const std::string& name);
  bool matches(const Event& e) const;

 private:
  std::string key_;  // match_key() of the name; empty: no filter
  std::unordered_set<uint32_t> geonameids_;
};

// Prints the events `query` selects at the places `places` allows, at most
// `limit` (negative: all), in `format` (table, jsonl, csv or geojson).
// Returns how many were printed.
size_t print_events(const Database& store, const EventQuery& query, const PlaceFilter& places,
                    const std::string& format, long limit);

}  // namespace seismo::cli
