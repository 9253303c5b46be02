#include "common/fold.h"
#include "reuse/reuse.h"

namespace seismo {
namespace {

// "AntiWar", "Antiwar.com" and "antiwar" are one outlet.
std::string outlet_key(std::string_view name) {
  std::string k = fold_for_matching(name);
  for (const char* suffix : {".com", ".org", ".net", ".info"}) {
    std::string_view s(suffix);
    if (k.size() > s.size() && k.compare(k.size() - s.size(), s.size(), s) == 0) k.resize(k.size() - s.size());
  }
  std::string out;
  for (char c : k)
    if (c != ' ' && c != '-' && c != '.') out.push_back(c);
  return out;
}

bool names(const std::string& republished_from, const std::string& outlet) {
  return !republished_from.empty() && !outlet.empty() && outlet_key(republished_from) == outlet_key(outlet);
}

}  // namespace

ReuseDirection reuse_direction(const ReuseSide& a, const ReuseSide& b) {
  // 1. The page says where it came from.
  if (names(b.republished_from, a.outlet) && !names(a.republished_from, b.outlet)) return ReuseDirection::kAToB;
  if (names(a.republished_from, b.outlet) && !names(b.republished_from, a.outlet)) return ReuseDirection::kBToA;
  // 2. The earlier day was first (ISO dates compare as strings; a day
  // against a month compares on what both give).
  if (!a.published.empty() && !b.published.empty()) {
    size_t common = std::min(a.published.size(), b.published.size());
    int c = a.published.compare(0, common, b.published, 0, common);
    if (c < 0) return ReuseDirection::kAToB;
    if (c > 0) return ReuseDirection::kBToA;
  }
  // 3. The copier trims: the side with clearly more of the shared text
  // carries the original.
  if (a.passage_words > b.passage_words + b.passage_words / 10 + 2) return ReuseDirection::kAToB;
  if (b.passage_words > a.passage_words + a.passage_words / 10 + 2) return ReuseDirection::kBToA;
  return ReuseDirection::kUnknown;
}

}  // namespace seismo
