// Internal to the store: how a record's parts map to table rows and back,
// shared by the writer and the read queries of each area.
#pragma once
#include <optional>
#include <string>

#include "pipeline/document.h"
#include "store/statement.h"

namespace seismo {

// Abuse scores in eight columns from `col`: the six flags, the reasons and
// the targets (JSON arrays).
void bind_abuse(Stmt& s, int col, const AbuseScore& a);
std::optional<AbuseScore> read_abuse(const Stmt& s, int col);  // null when not scored

// An entity from columns kind, text, start, end, name, code, geonameid,
// lat, lon, country, feature_code, confidence, date_value, date_precision.
constexpr const char* kEntityColumns =
    "e.kind, e.text, e.start, e.\"end\", e.name, e.code, e.geonameid, e.lat, e.lon, e.country, e.feature_code,"
    " e.confidence, e.date_value, e.date_precision, e.role, e.parents";
constexpr int kEntityColumnCount = 16;
EntityMention read_entity(const Stmt& s, int col);
// A place's parents as the store keeps them: the JSON contract's
// [{name, geonameid, level}]. Unreadable or NULL text gives none.
std::string place_parents_json(const std::vector<PlaceParent>& parents);
std::vector<PlaceParent> read_place_parents(std::string_view json);

// An event from kEventColumns (table alias e).
extern const char* const kEventColumns;
constexpr int kEventColumnCount = 37;
Event read_event(const Stmt& s, int col);

// A comment from kCommentColumns (table alias c).
constexpr const char* kCommentColumns =
    "c.author, c.posted, c.text, c.language, c.depth, c.parent, c.toxicity, c.insult, c.identity_attack, c.threat,"
    " c.profanity, c.sexual, c.reasons, c.targets";
CommentRecord read_comment(const Stmt& s, int col);

// The document columns of kDocumentColumns (documents d, sources s).
constexpr const char* kDocumentSelect =
    "SELECT d.id, s.name, s.site, d.title, d.authors, d.published, d.published_from, d.published_estimated,"
    " d.language, d.script, d.body, d.republished_from, d.canonical_url, d.format, d.raw_bytes,"
    " d.entities_truncated, d.events_truncated, d.events_not_coded FROM documents d LEFT JOIN sources s ON s.id = d.source_id";
// The whole record of the row `s` is on (from kDocumentSelect): its URLs,
// comments, entities and events read from their tables.
DocumentRecord read_record(const Database& db, const Stmt& s);

}  // namespace seismo
