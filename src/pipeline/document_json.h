// The JSON contract for documents (docs/json-output.md). Fields are added by
// later stages, never renamed.
#pragma once
#include <nlohmann/json.hpp>

#include "pipeline/document.h"

namespace seismo {

nlohmann::json document_to_json(const DocumentRecord& d);
// One entity mention as in `export entities` (without doc_id).
nlohmann::json entity_to_json(const EntityMention& m);

}  // namespace seismo
