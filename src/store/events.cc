#include "store/events.h"

#include "store/rows.h"

namespace seismo {
namespace {

// The columns both queries start with: document id, ordinal, its date,
// outlet and title, then kEventColumns.
constexpr const char* kStoredEventColumns = "e.document_id, e.ordinal, coalesce(d.published, ''), coalesce(so.name, ''),"
                                            " coalesce(d.title, ''), ";

StoredEvent read_stored_event(const Stmt& s) {
  StoredEvent row;
  row.doc_id = s.text(0);
  row.ordinal = static_cast<size_t>(s.integer(1));
  row.published = s.text(2);
  row.source = s.text(3);
  row.title = s.text(4);
  row.event = read_event(s, 5);
  return row;
}

}  // namespace

void for_each_event(const Database& db, const EventQuery& q, const std::function<void(const StoredEvent&)>& f) {
  // Dates compare as ISO text: a month or year overlaps `since` when its
  // padded end ("2022-12-99") is not before it, and `until` when its start
  // is not after it; an interval ("2022-12-10/2022-12-12") by its ends.
  // Codes compare by prefix with substr, not LIKE, so '_' and '%' in a code
  // are themselves.
  // An event of a placed document reports an occurrence; only the
  // occurrence's first report stands for it unless each report is asked.
  std::string sql = std::string("SELECT ") + kStoredEventColumns + kEventColumns +
                    ", coalesce(o.story_id, 0), coalesce(o.id, 0), coalesce(o.reports, 1),"
                    " (SELECT count(DISTINCT g.source_id) FROM event_reports r2 JOIN sightings g ON g.document_id = r2.document_id"
                    "  WHERE r2.occurrence_id = o.id)"
                    " FROM events e JOIN documents d ON d.id = e.document_id LEFT JOIN sources so ON so.id = d.source_id"
                    " LEFT JOIN event_reports r ON r.document_id = e.document_id AND r.ordinal = e.ordinal"
                    " LEFT JOIN occurrences o ON o.id = r.occurrence_id"
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
                    " AND (?7 = 1 OR o.id IS NULL OR (o.document_id = e.document_id AND o.ordinal = e.ordinal))"
                    " AND (?8 = 0 OR o.story_id = ?8)"
                    " ORDER BY e.date_value IS NULL, substr(e.date_value, 1, 10), d.published, d.rowid, e.ordinal";
  Stmt s(db, sql);
  std::string modalities;
  for (const auto& m : q.modalities) modalities += "," + m;
  if (!modalities.empty()) modalities += ",";
  s.bind(1, q.since).bind(2, q.until).bind(3, q.actor).bind(4, q.type).bind(5, modalities);
  s.bind(6, int64_t(static_cast<int>(q.historical))).bind(7, int64_t(q.each_report ? 1 : 0)).bind(8, q.story);
  while (s.step()) {
    StoredEvent row = read_stored_event(s);
    int more = 5 + kEventColumnCount;
    row.story_id = s.integer(more);
    row.occurrence = s.integer(more + 1);
    row.reports = static_cast<int>(s.integer(more + 2));
    row.outlets = static_cast<int>(s.integer(more + 3));
    f(row);
  }
}

std::vector<StoredEvent> occurrence_reports(const Database& db, int64_t occurrence, const std::string& except_doc,
                                            size_t except_ordinal) {
  Stmt s(db, std::string("SELECT ") + kStoredEventColumns + kEventColumns +
                 " FROM event_reports r JOIN events e ON e.document_id = r.document_id AND e.ordinal = r.ordinal"
                 " JOIN documents d ON d.id = r.document_id LEFT JOIN sources so ON so.id = d.source_id"
                 " WHERE r.occurrence_id = ?1 AND NOT (r.document_id = ?2 AND r.ordinal = ?3)"
                 " ORDER BY d.published IS NULL, d.published, d.rowid, e.ordinal");
  s.bind(1, occurrence).bind(2, except_doc).bind(3, int64_t(except_ordinal));
  std::vector<StoredEvent> out;
  while (s.step()) {
    StoredEvent row = read_stored_event(s);
    row.occurrence = occurrence;
    out.push_back(std::move(row));
  }
  return out;
}

int count_events(const Database& db) {
  Stmt s(db, "SELECT count(*) FROM events");
  return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

}  // namespace seismo
