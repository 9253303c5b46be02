#include "cli/reuse_output.h"

namespace seismo::cli {
namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

}  // namespace

nlohmann::json sighting_to_json(const Sighting& s) {
  return {{"outlet", or_null(s.outlet)}, {"url", s.url}, {"published", or_null(s.published)},
          {"republished_from", or_null(s.republished_from)}};
}

nlohmann::json reuse_pair_to_json(const StoredReusePair& p) {
  nlohmann::json passages = nlohmann::json::array();
  for (const auto& s : p.passages)
    passages.push_back({{"a_start", s.a_start}, {"a_end", s.a_end}, {"b_start", s.b_start}, {"b_end", s.b_end},
                        {"words", s.words}, {"similarity", s.similarity}, {"text", s.text}});
  return {{"a", p.a},
          {"b", p.b},
          {"kind", reuse_kind_name(p.kind)},
          {"score", p.score},
          {"direction", p.direction == ReuseDirection::kAToB   ? nlohmann::json("a->b")
                        : p.direction == ReuseDirection::kBToA ? nlohmann::json("b->a")
                                                               : nlohmann::json()},
          {"a_seen", sighting_to_json(p.a_seen)},
          {"b_seen", sighting_to_json(p.b_seen)},
          {"passages", passages}};
}

}  // namespace seismo::cli
