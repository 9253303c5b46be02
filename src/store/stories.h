// The stories area of the store: documents placed into stories across
// outlets and days, and their events merged into occurrences (the stage's
// rules: stories/stories.h). `update_stories` places each stored document
// not yet placed, after the reuse update, so an ingest of tomorrow's pages
// extends today's stories without recomputing them.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "stories/stories.h"

namespace seismo {

struct StoryUpdate {
  int documents = 0;   // documents placed by this update
  int stories = 0;     // stories they opened
  int merged = 0;      // events that joined an occurrence another document told
  int skipped = 0;     // documents with no words to compare, noted, in no story
};

// Places every stored document not yet placed, in the order stored, in
// short write transactions (each skips what another ingest placed
// meanwhile, so no document is placed twice). Needs a writable store.
StoryUpdate update_stories(const Database& db, const StoryOptions& options,
                           const std::function<void(int, int)>& progress = nullptr);

struct StorySummary {
  int64_t id = 0;
  std::string title;
  std::string first_seen, last_seen;  // ISO dates of its members; empty when none is dated
  int documents = 0, outlets = 0;
  int events = 0;   // occurrences
  int reports = 0;  // events its documents coded
};

struct StoryQuery {
  std::string since, until;  // ISO dates: stories seen on some day in [since, until]; undated ones match neither
  int min_documents = 1;
  int limit = -1;
};

// Newest last seen first (undated last), the larger first on a tie.
std::vector<StorySummary> list_stories(const Database& db, const StoryQuery& query);

struct StoryMember {
  std::string id, title, outlet, published;
  std::string joined_by;  // new, similarity or reuse
  double score = 0;       // the likeness it joined with
};

struct StoryDetail {
  StorySummary summary;
  std::vector<StoryMember> documents;  // in the order they joined
  // Its occurrences, each by its first report (document id, ordinal), in
  // the order they were first told.
  std::vector<std::pair<std::string, size_t>> events;
};
std::optional<StoryDetail> get_story(const Database& db, int64_t id);
// The story of a document (id or unique prefix), if placed.
std::optional<int64_t> story_of(const Database& db, const std::string& document);

}  // namespace seismo
