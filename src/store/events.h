// The events area of the store: coded events with their sentences.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "events/events.h"
#include "store/database.h"

namespace seismo {

struct EventQuery {
  std::string since, until;  // ISO dates: events whose date overlaps [since, until]; undated events never match
  std::string actor;         // a code prefix of the source or the target ("SRB" matches SRBGOV), taken literally
  std::string type;          // a CAMEO code prefix ("14", "145"), an ACLED event or sub-event type, or a PLOVER type
  std::vector<std::string> modalities;  // empty: any; else one of these ("asserted", "planned", ...)
  // Events told as background (Event::historical): kept, left out, or the only ones.
  enum class Historical { kInclude, kExclude, kOnly } historical = Historical::kInclude;
};

struct StoredEvent {
  std::string doc_id;
  size_t ordinal = 0;                    // in its document
  std::string published, source, title;  // of its document
  Event event;
};

// In event-date order (undated last), filtered in SQL.
void for_each_event(const Database& db, const EventQuery& query, const std::function<void(const StoredEvent&)>& f);
int count_events(const Database& db);

}  // namespace seismo
