// How the place stage ranks the places a name may mean: a linear score
// over features of each candidate and of the text around it, turned into
// a share of belief by a softmax over the candidates. The weights are
// fitted (tools/fit_place_ranker.cc, data/models/place_ranker.md) by
// multinomial logistic regression on distant supervision: names the text
// itself disambiguates ("Fairfield, Conn."), scored without that clue.
// Internal to the entities stage.
#pragma once
#include <array>
#include <string>
#include <vector>

namespace seismo {

enum PlaceFeature : int {
  kLogPopulation,      // log10(population + 1)
  kIsCountryMainName,  // a country under its own name ("Iraq")
  kIsCountryOtherName, // a country under another of its names
  kIsRegion,           // a first-level region (state, province)
  kIsDivision,         // a second-level division (county, district)
  kIsCapital,
  kIsFirstOrderSeat,   // PPLA: a region's seat
  kIsSecondOrderSeat,  // PPLA2
  kIsMainName,         // the place's own name, not an alternate
  kIsCurated,          // from seismo's supplement
  kIsArea,             // continents, regions, seas (classes L, H, T)
  kCountryNamed,       // the text names the place's country (or a town in it) elsewhere
  kCountryMentions,    // how often, up to 4
  kNearCountryNamed,   // within 400 km of a country the text names, when its own is not named
  kRegionNamed,        // the text names the place's first-level region elsewhere
  kAnchorWithin50,     // a place the text names confidently is within 50 km
  kAnchorWithin150,    // ... within 50-150 km
  kAnchorWithin400,    // ... within 150-400 km
  kContainerRegion,    // "Town, Region" with the place in that region
  kContainerCountry,   // "Town, Country" with the place in that country
  kTownUnderCountryName,  // a town named by a name that is also a country's own ("Iraq" for Arāk)
  kDivisionNamed,         // the text names the place's second-level division (its county) elsewhere
  kPlaceFeatureCount
};

using PlaceFeatures = std::array<double, kPlaceFeatureCount>;

// The features' names as the weights file writes them.
const char* place_feature_name(int feature);

struct PlaceRankerWeights {
  std::array<double, kPlaceFeatureCount> w{};
  // The weights fitted and committed (data/models/place_ranker.tsv),
  // compiled in, so resolution needs no file at run time.
  static const PlaceRankerWeights& fitted();
  double score(const PlaceFeatures& f) const {
    double s = 0;
    for (int i = 0; i < kPlaceFeatureCount; ++i) s += w[i] * f[i];
    return s;
  }
};

// One disambiguation the text settles itself: every candidate's features
// (without the clue that settled it) and which candidate is meant.
struct RankingCase {
  std::vector<PlaceFeatures> candidates;
  size_t answer = 0;
};

// Fits weights to `cases` by multinomial logistic regression, by
// full-batch gradient descent from `start`: deterministic. The L2 penalty
// pulls each weight towards its value in `start` (the prior), not towards
// zero, so a feature the cases never exercise (countries rarely appear in
// "Town, Region") keeps its prior weight instead of losing it.
// Features in `fixed` keep the weight `start` gives them (the clues the
// cases were labelled by cannot be learned from those cases).
PlaceRankerWeights fit_place_ranker(const std::vector<RankingCase>& cases, const PlaceRankerWeights& start,
                                    const std::vector<int>& fixed, double l2, int iterations);

}  // namespace seismo
