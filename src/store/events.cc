#include "store/events.h"

#include "store/rows.h"

namespace seismo {

void for_each_event(const Database& db, const EventQuery& q, const std::function<void(const StoredEvent&)>& f) {
  // Dates compare as ISO text: a month or year overlaps `since` when its
  // padded end ("2022-12-99") is not before it, and `until` when its start
  // is not after it; an interval ("2022-12-10/2022-12-12") by its ends.
  // Codes compare by prefix with substr, not LIKE, so '_' and '%' in a code
  // are themselves.
  std::string sql = std::string("SELECT e.document_id, e.ordinal, d.published, s.name, d.title, ") + kEventColumns +
                    " FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN sources s ON s.id = d.source_id"
                    " WHERE (?1 = '' OR (e.date_value GLOB '[0-9]*' AND"
                    "   (CASE WHEN instr(e.date_value, '/') > 0 THEN substr(e.date_value, instr(e.date_value, '/') + 1)"
                    "    ELSE e.date_value END) || '-99-99' >= ?1))"
                    " AND (?2 = '' OR (e.date_value GLOB '[0-9]*' AND substr(e.date_value, 1, 10) <= ?2))"
                    " AND (?3 = '' OR substr(e.source_code, 1, length(?3)) = ?3 OR substr(e.target_code, 1, length(?3)) = ?3)"
                    " AND (?4 = '' OR (?4 GLOB '[0-9]*' AND substr(e.cameo, 1, length(?4)) = ?4)"
                    "   OR lower(e.acled_event_type) = lower(?4) OR lower(e.acled_sub_event_type) = lower(?4)"
                    "   OR lower(e.plover) = lower(?4))"
                    " AND (?5 = '' OR instr(?5, ',' || e.modality || ',') > 0)"
                    " AND (?6 = 0 OR (?6 = 1 AND e.historical = 0) OR (?6 = 2 AND e.historical = 1))"
                    " ORDER BY e.date_value IS NULL, substr(e.date_value, 1, 10), d.published, d.rowid, e.ordinal";
  Stmt s(db, sql);
  std::string modalities;
  for (const auto& m : q.modalities) modalities += "," + m;
  if (!modalities.empty()) modalities += ",";
  s.bind(1, q.since).bind(2, q.until).bind(3, q.actor).bind(4, q.type).bind(5, modalities);
  s.bind(6, int64_t(static_cast<int>(q.historical)));
  while (s.step()) {
    StoredEvent row;
    row.doc_id = s.text(0);
    row.ordinal = static_cast<size_t>(s.integer(1));
    row.published = s.text(2);
    row.source = s.text(3);
    row.title = s.text(4);
    row.event = read_event(s, 5);
    f(row);
  }
}

int count_events(const Database& db) {
  Stmt s(db, "SELECT count(*) FROM events");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

}  // namespace seismo
