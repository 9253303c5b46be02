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
  // Events of one story only (0: any).
  int64_t story = 0;
  // Every report of an occurrence (each document's telling), instead of
  // one event per occurrence: its first report, which carries the count.
  bool each_report = false;
};

struct StoredEvent {
  std::string doc_id;
  size_t ordinal = 0;                    // in its document
  std::string published, source, title;  // of its document
  Event event;
  // Its story and occurrence (0 when the document is in none yet), how
  // many documents told the occurrence, and at how many known outlets.
  int64_t story_id = 0, occurrence = 0;
  int reports = 1, outlets = 0;
};

// The other reports of an occurrence than `except` (document, ordinal),
// first published first: what the event's `reported_by` lists.
std::vector<StoredEvent> occurrence_reports(const Database& db, int64_t occurrence, const std::string& except_doc,
                                            size_t except_ordinal);

// In event-date order (undated last), filtered in SQL; one per occurrence
// unless the query asks for each report.
void for_each_event(const Database& db, const EventQuery& query, const std::function<void(const StoredEvent&)>& f);
int count_events(const Database& db);

}  // namespace seismo
