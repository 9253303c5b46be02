// The JSON contract for documents (docs/json-output.md). Fields are added by
// later stages, never renamed.
#pragma once
#include <nlohmann/json.hpp>

#include "pipeline/document.h"

namespace seismo {

// Keys sorted: the compact lines of `analyze` and `export docs`.
nlohmann::json document_to_json(const DocumentRecord& d);
// The same fields in the contract's order, ids and metadata first, then the
// body, comments, entities and events: indented output for people to read,
// where sorted keys put the id after thousands of lines of entities.
nlohmann::ordered_json document_to_ordered_json(const DocumentRecord& d);
// One entity mention as in `export entities` (without doc_id).
nlohmann::json entity_to_json(const EntityMention& m);
// One coded event as in `export events` (without doc_id); `id` is the
// document id and the event's ordinal in it.
nlohmann::json event_to_json(const Event& e, const std::string& id);
std::string event_id(const std::string& doc_id, size_t ordinal);
// One comment as in the contract's `comments` array (with its abuse flags,
// reasons and targets when it was scored).
nlohmann::json comment_to_json(const CommentRecord& c);
// A comment's abuse score as in the contract: {flags: {...}, reasons: [...]}
// plus the groups attacked.
nlohmann::json abuse_to_json(const AbuseScore& s);

}  // namespace seismo
