#include "entities/gazetteer_divisions.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

namespace seismo {

std::unordered_map<std::string, std::string> read_division_names(const std::string& path,
                                                                 const std::function<void(const std::string&)>& warn) {
  std::unordered_map<std::string, std::string> out;
  std::ifstream in(path);
  if (!in) {
    warn(path + ": cannot open; divisions not named");
    return out;
  }
  nlohmann::json all = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!all.is_array()) {
    warn(path + ": not a JSON array of {code, name}");
    return out;
  }
  size_t index = 0;
  for (const auto& d : all) {
    ++index;
    if (!d.is_object() || !d.contains("code") || !d["code"].is_string() || !d.contains("name") || !d["name"].is_string()) {
      warn(path + ": entry " + std::to_string(index) + ": no code or name");
      continue;
    }
    std::string code = d["code"].get<std::string>(), name = d["name"].get<std::string>();
    // "CC.A1" or "CC.A1.A2": a two-letter country and one or two codes.
    size_t dots = static_cast<size_t>(std::count(code.begin(), code.end(), '.'));
    if (code.size() < 4 || code[2] != '.' || dots < 1 || dots > 2 || name.empty()) {
      warn(path + ": entry " + std::to_string(index) + ": malformed admin code '" + code + "'");
      continue;
    }
    out.emplace(std::move(code), std::move(name));
  }
  return out;
}

std::vector<Division> second_level_divisions(const std::vector<TownFiling>& towns,
                                             const std::unordered_map<std::string, std::string>& names) {
  // Longitudes are averaged as unit vectors, so a division across the
  // antimeridian (Fiji's, the Aleutians') is not placed on the far side of
  // the globe.
  struct Sum {
    double lat = 0, x = 0, y = 0;
    size_t n = 0;
  };
  std::map<std::string, Sum> sums;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  for (const auto& t : towns) {
    if (t.country.size() != 2 || t.admin1.empty() || t.admin2.empty()) continue;
    Sum& s = sums[t.country + "." + t.admin1 + "." + t.admin2];
    s.lat += t.lat;
    s.x += std::cos(t.lon * kRad);
    s.y += std::sin(t.lon * kRad);
    ++s.n;
  }
  std::vector<Division> out;
  for (const auto& [key, s] : sums) {
    auto it = names.find(key);
    if (it == names.end()) continue;
    Division d;
    d.key = key;
    d.name = it->second;
    d.lat = s.lat / static_cast<double>(s.n);
    d.lon = std::atan2(s.y, s.x) / kRad;
    d.towns = s.n;
    out.push_back(std::move(d));
  }
  return out;
}

std::pair<double, double> middle_of_extent(const std::vector<std::pair<double, double>>& towns) {
  if (towns.empty()) return {0, 0};
  std::vector<double> lats, lons;
  for (const auto& [lat, lon] : towns) {
    lats.push_back(lat);
    lons.push_back(lon);
  }
  auto middle = [](std::vector<double>& v) {
    std::sort(v.begin(), v.end());
    const size_t lo = v.size() * 2 / 100, hi = v.size() - 1 - v.size() * 2 / 100;
    return std::pair<double, double>{(v[lo] + v[hi]) / 2, v[hi] - v[lo]};
  };
  auto [lat, lat_span] = middle(lats);
  auto [lon, lon_span] = middle(lons);
  if (lon_span > 180) {
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    double x = 0, y = 0;
    for (const auto& t : towns) {
      x += std::cos(t.second * kRad);
      y += std::sin(t.second * kRad);
    }
    lon = std::atan2(y, x) / kRad;
  }
  return {lat, lon};
}

}  // namespace seismo
