// The JSON of a related pair, as `seismo reuse --format jsonl` and
// `seismo export reuse` print it (docs/json-output.md).
#pragma once
#include <nlohmann/json.hpp>

#include "store/reuse.h"

namespace seismo::cli {

nlohmann::json reuse_pair_to_json(const StoredReusePair& p);
nlohmann::json sighting_to_json(const Sighting& s);

}  // namespace seismo::cli
