#include "entities/place_ranker.h"

#include <algorithm>
#include <cmath>

namespace seismo {

const char* place_feature_name(int feature) {
  static const char* const kNames[kPlaceFeatureCount] = {
      "log_population", "country_main_name", "country_other_name", "region", "division", "capital",
      "first_order_seat", "second_order_seat", "main_name", "curated", "area", "country_named", "country_mentions",
      "near_country_named", "region_named", "anchor_within_50km", "anchor_within_150km", "anchor_within_400km",
      "container_region", "container_country", "town_under_country_name",
      "division_named"};
  return feature >= 0 && feature < kPlaceFeatureCount ? kNames[feature] : "?";
}

const PlaceRankerWeights& PlaceRankerWeights::fitted() {
  static const PlaceRankerWeights w{{
#include "entities/place_ranker_weights.inc"
  }};
  return w;
}

PlaceRankerWeights fit_place_ranker(const std::vector<RankingCase>& cases, const PlaceRankerWeights& start,
                                    const std::vector<int>& fixed, double l2, int iterations) {
  PlaceRankerWeights w = start;
  std::array<bool, kPlaceFeatureCount> frozen{};
  for (int f : fixed) frozen[f] = true;
  if (cases.empty()) return w;
  // Features are of different scales (log population up to 7, indicators
  // 0/1): a step per feature scaled by its mean square keeps plain
  // gradient descent stable without a line search.
  std::array<double, kPlaceFeatureCount> scale{};
  size_t rows = 0;
  for (const auto& c : cases)
    for (const auto& f : c.candidates) {
      for (int i = 0; i < kPlaceFeatureCount; ++i) scale[i] += f[i] * f[i];
      ++rows;
    }
  // Capped, so a feature the cases barely exercise takes no giant steps.
  for (auto& s : scale) s = s > 0 ? std::min(20.0, static_cast<double>(rows) / s) : 0;
  const double rate = 0.1, n = static_cast<double>(cases.size());
  std::vector<double> scores;
  for (int it = 0; it < iterations; ++it) {
    std::array<double, kPlaceFeatureCount> grad{};
    for (const auto& c : cases) {
      scores.assign(c.candidates.size(), 0);
      double top = -1e300;
      for (size_t k = 0; k < c.candidates.size(); ++k) top = std::max(top, scores[k] = w.score(c.candidates[k]));
      double z = 0;
      for (double& s : scores) z += (s = std::exp(s - top));
      for (size_t k = 0; k < c.candidates.size(); ++k) {
        double p = scores[k] / z - (k == c.answer ? 1.0 : 0.0);
        for (int i = 0; i < kPlaceFeatureCount; ++i) grad[i] += p * c.candidates[k][i];
      }
    }
    for (int i = 0; i < kPlaceFeatureCount; ++i) {
      if (frozen[i]) continue;
      double g = grad[i] / n + l2 * (w.w[i] - start.w[i]);
      w.w[i] -= rate * scale[i] * g;
    }
  }
  return w;
}

}  // namespace seismo
