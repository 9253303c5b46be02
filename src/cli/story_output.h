// The JSON of a story, as `seismo stories --format jsonl`, `seismo story`
// and `seismo export stories` print it (docs/json-output.md).
#pragma once
#include <nlohmann/json.hpp>

#include "store/stories.h"

namespace seismo::cli {

// id, title, first_seen, last_seen, documents, outlets, docs (ids),
// events (ids of its occurrences' first reports), reports; with
// `members`, each document's title, outlet, date and how it joined.
nlohmann::json story_to_json(const StoryDetail& s, bool members);

}  // namespace seismo::cli
