#include "entities/country_shapes.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <vector>

namespace seismo {
namespace {

using Ring = std::vector<std::pair<double, double>>;  // (lon, lat)

// A quantized topology's arcs are delta-encoded integers scaled by its
// transform; arc ~i is arc i reversed.
std::vector<Ring> decode_arcs(const nlohmann::json& topology) {
  double sx = 1, sy = 1, tx = 0, ty = 0;
  if (topology.contains("transform")) {
    const auto& t = topology["transform"];
    sx = t["scale"][0].get<double>();
    sy = t["scale"][1].get<double>();
    tx = t["translate"][0].get<double>();
    ty = t["translate"][1].get<double>();
  }
  // Only a quantized topology (one with a transform) is delta-encoded.
  const bool quantized = topology.contains("transform");
  std::vector<Ring> arcs;
  for (const auto& arc : topology["arcs"]) {
    Ring r;
    double x = 0, y = 0;
    for (const auto& p : arc) {
      x = (quantized ? x : 0) + p[0].get<double>();
      y = (quantized ? y : 0) + p[1].get<double>();
      r.emplace_back(x * sx + tx, y * sy + ty);
    }
    arcs.push_back(std::move(r));
  }
  return arcs;
}

Ring ring_of(const nlohmann::json& arc_indexes, const std::vector<Ring>& arcs) {
  Ring out;
  for (const auto& a : arc_indexes) {
    long i = a.get<long>();
    bool reversed = i < 0;
    size_t k = static_cast<size_t>(reversed ? ~i : i);
    if (k >= arcs.size()) continue;
    Ring r = arcs[k];
    if (reversed) std::reverse(r.begin(), r.end());
    // A ring across the antimeridian (Chukotka, Fiji) continues past ±180
    // instead of jumping to the other side, so its centroid is on it.
    double prev = out.empty() || r.empty() ? (r.empty() ? 0 : r[0].first) : out.back().first;
    for (auto& p : r) {
      while (p.first - prev > 180) p.first -= 360;
      while (prev - p.first > 180) p.first += 360;
      prev = p.first;
    }
    // Consecutive arcs share their end point.
    out.insert(out.end(), r.begin() + (out.empty() ? 0 : 1), r.end());
  }
  return out;
}

// Area (in km²-proportional units) and centroid of a ring, on a plane
// whose x axis is shrunk by the cosine of the ring's mean latitude, so a
// polygon in the far north is not weighed as if it were at the equator.
struct Centroid {
  double area = 0, lat = 0, lon = 0;
};
Centroid centroid(const Ring& r) {
  Centroid c;
  if (r.size() < 3) return c;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double mean_lat = 0;
  for (const auto& p : r) mean_lat += p.second;
  mean_lat /= static_cast<double>(r.size());
  double k = std::cos(mean_lat * kRad), a = 0, cx = 0, cy = 0;
  for (size_t i = 0; i + 1 < r.size(); ++i) {
    double x0 = r[i].first * k, y0 = r[i].second, x1 = r[i + 1].first * k, y1 = r[i + 1].second;
    double cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a == 0) return c;
  c.area = std::fabs(a / 2);
  c.lon = cx / (3 * a) / k;
  c.lat = cy / (3 * a);
  return c;
}

}  // namespace

std::unordered_map<std::string, std::pair<double, double>> country_points(
    const std::string& path, const std::function<void(const std::string&)>& warn) {
  std::unordered_map<std::string, std::pair<double, double>> out;
  std::ifstream in(path);
  if (!in) {
    warn(path + ": cannot open; country points from world-countries");
    return out;
  }
  nlohmann::json topology = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!topology.is_object() || !topology.contains("arcs") || !topology["arcs"].is_array() ||
      !topology.contains("objects") || !topology["objects"].contains("countries")) {
    warn(path + ": not a TopoJSON topology with a 'countries' object");
    return out;
  }
  try {
    std::vector<Ring> arcs = decode_arcs(topology);
    std::unordered_map<std::string, double> largest_of;
    for (const auto& g : topology["objects"]["countries"]["geometries"]) {
      if (!g.contains("id") || !g["id"].is_string() || !g.contains("arcs")) continue;
      std::string type = g.value("type", "");
      std::vector<const nlohmann::json*> polygons;
      if (type == "Polygon") polygons.push_back(&g["arcs"]);
      else if (type == "MultiPolygon")
        for (const auto& p : g["arcs"]) polygons.push_back(&p);
      // The country's main land: its largest polygon and those at least a
      // quarter of its size (New Zealand's two islands, not Alaska beside
      // the contiguous United States), weighed by area.
      std::vector<Centroid> parts;
      double largest = 0;
      for (const auto* p : polygons) {
        if (!p->is_array() || p->empty()) continue;
        parts.push_back(centroid(ring_of((*p)[0], arcs)));  // the outer ring; holes are small beside it
        largest = std::max(largest, parts.back().area);
      }
      double area = 0, lat = 0, x = 0, y = 0;
      constexpr double kRad = 3.14159265358979323846 / 180.0;
      for (const auto& c : parts) {
        if (c.area < largest / 4) continue;
        area += c.area;
        lat += c.lat * c.area;
        x += std::cos(c.lon * kRad) * c.area;
        y += std::sin(c.lon * kRad) * c.area;
      }
      // Natural Earth gives some dependencies their sovereign's code
      // (Ashmore and Cartier Islands are "036", as Australia): the
      // largest outline of a code is the country.
      std::string id = g["id"].get<std::string>();
      if (area > 0 && area > largest_of[id]) {
        largest_of[id] = area;
        out[id] = {lat / area, std::atan2(y, x) / kRad};
      }
    }
  } catch (const nlohmann::json::exception& e) {
    warn(path + ": malformed topology: " + e.what());
  }
  return out;
}

}  // namespace seismo
