// Country points from country outlines: the area centroid of each
// country's largest polygon, read from a TopoJSON topology of Natural
// Earth's countries (world-atlas). world-countries' own points are rounded
// to whole degrees and taken from other sources; the United States' is
// 235 km from the centre of its contiguous territory, where gazetteers
// such as GeoNames put it. Internal to the gazetteer build.
#pragma once
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

namespace seismo {

// ISO 3166 numeric code ("840") -> (lat, lon). Problems go to `warn`.
std::unordered_map<std::string, std::pair<double, double>> country_points(
    const std::string& topojson_path, const std::function<void(const std::string&)>& warn);

}  // namespace seismo
