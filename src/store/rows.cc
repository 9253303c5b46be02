#include "store/rows.h"

#include <nlohmann/json.hpp>

namespace seismo {

void bind_abuse(Stmt& s, int col, const AbuseScore& a) {
  const AbuseFlags& f = a.flags;
  s.bind_real(col, f.toxicity).bind_real(col + 1, f.insult).bind_real(col + 2, f.identity_attack);
  s.bind_real(col + 3, f.threat).bind_real(col + 4, f.profanity).bind_real(col + 5, f.sexual);
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& r : a.reasons) reasons.push_back({r.start, r.end, r.category, r.term});
  s.bind(col + 6, reasons.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  s.bind(col + 7, string_array_json(a.targets));
}

std::optional<AbuseScore> read_abuse(const Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  AbuseScore a;
  a.flags = AbuseFlags{s.real(col), s.real(col + 1), s.real(col + 2), s.real(col + 3), s.real(col + 4), s.real(col + 5)};
  auto reasons = nlohmann::json::parse(s.text(col + 6), nullptr, false);
  if (reasons.is_array()) {
    for (const auto& r : reasons) {
      if (r.is_array() && r.size() == 4 && r[0].is_number() && r[1].is_number() && r[2].is_string() && r[3].is_string())
        a.reasons.push_back(AbuseReason{r[0].get<size_t>(), r[1].get<size_t>(), r[2].get<std::string>(), r[3].get<std::string>()});
    }
  }
  a.targets = parse_string_array(s.text(col + 7));
  return a;
}

std::string place_parents_json(const std::vector<PlaceParent>& parents) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& p : parents)
    a.push_back({{"name", p.name}, {"geonameid", p.geonameid ? nlohmann::json(p.geonameid) : nlohmann::json(nullptr)},
                 {"level", p.level}});
  return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<PlaceParent> read_place_parents(std::string_view json) {
  std::vector<PlaceParent> out;
  if (json.empty()) return out;
  auto a = nlohmann::json::parse(json, nullptr, false);
  if (!a.is_array()) return out;
  for (const auto& p : a) {
    if (!p.is_object() || !p.contains("name") || !p["name"].is_string()) continue;
    PlaceParent q;
    q.name = p["name"].get<std::string>();
    if (p.contains("geonameid") && p["geonameid"].is_number_unsigned()) q.geonameid = p["geonameid"].get<uint32_t>();
    if (p.contains("level") && p["level"].is_number_integer()) q.level = p["level"].get<int>();
    out.push_back(std::move(q));
  }
  return out;
}

EntityMention read_entity(const Stmt& e, int col) {
  EntityMention m;
  EntityKind kind = parse_entity_kind(e.text(col));
  m.text = e.text(col + 1);
  m.start = static_cast<size_t>(e.integer(col + 2));
  m.end = static_cast<size_t>(e.integer(col + 3));
  if (kind == EntityKind::kPlace) {
    m.kind = EntityKind::kPlace;
    m.place = ResolvedPlace{e.text(col + 4), static_cast<uint32_t>(e.integer(col + 6)), e.real(col + 7), e.real(col + 8),
                            e.text(col + 9), e.text(col + 10), e.real(col + 11)};
    m.place->role = e.text(col + 14);
    m.place->parents = read_place_parents(e.text(col + 15));
  } else if (kind == EntityKind::kActor) {
    m.kind = EntityKind::kActor;
    m.actor = ActorRef{e.text(col + 4), e.text(col + 5)};
  } else {
    m.kind = EntityKind::kDate;
    m.date = DateRef{e.text(col + 12), parse_date_precision(e.text(col + 13))};
  }
  return m;
}

const char* const kEventColumns =
    "e.sentence, e.sentence_start, e.sentence_end, e.source_text, e.source_code, e.source_start, e.source_end,"
    " e.target_text, e.target_code, e.target_start, e.target_end, e.cameo, e.label, e.goldstein, e.plover,"
    " e.acled_event_type, e.acled_sub_event_type, e.verb, e.pattern, e.place_text, e.place_start, e.place_end,"
    " e.place_name, e.geonameid, e.lat, e.lon, e.country, e.feature_code, e.place_confidence, e.date_value,"
    " e.date_precision, e.date_from_publication, e.attributed_to, e.modality, e.confidence,"
    " e.historical, e.place_parents";

Event read_event(const Stmt& s, int col) {
  Event e;
  e.sentence = s.text(col);
  e.sentence_start = static_cast<size_t>(s.integer(col + 1));
  e.sentence_end = static_cast<size_t>(s.integer(col + 2));
  auto participant = [&](int c) -> std::optional<EventParticipant> {
    if (s.is_null(c)) return std::nullopt;
    return EventParticipant{s.text(c), s.text(c + 1), static_cast<size_t>(s.integer(c + 2)),
                            static_cast<size_t>(s.integer(c + 3))};
  };
  e.source = participant(col + 3);
  e.target = participant(col + 7);
  e.action = ActionCode{s.text(col + 11), s.text(col + 12), s.real(col + 13), s.text(col + 14), s.text(col + 15),
                        s.text(col + 16)};
  e.verb = s.text(col + 17);
  e.pattern = s.text(col + 18);
  if (!s.is_null(col + 19)) {
    EntityMention m;
    m.kind = EntityKind::kPlace;
    m.text = s.text(col + 19);
    m.start = static_cast<size_t>(s.integer(col + 20));
    m.end = static_cast<size_t>(s.integer(col + 21));
    m.place = ResolvedPlace{s.text(col + 22), static_cast<uint32_t>(s.integer(col + 23)), s.real(col + 24),
                            s.real(col + 25), s.text(col + 26), s.text(col + 27), s.real(col + 28)};
    m.place->parents = read_place_parents(s.text(col + 36));
    e.place = std::move(m);
  }
  if (!s.is_null(col + 29)) e.date = DateRef{s.text(col + 29), parse_date_precision(s.text(col + 30))};
  e.date_from_publication = s.integer(col + 31) != 0;
  e.attributed_to = s.text(col + 32);
  e.modality = parse_modality(s.text(col + 33));
  e.confidence = s.real(col + 34);
  e.historical = s.integer(col + 35) != 0;
  return e;
}

CommentRecord read_comment(const Stmt& c, int col) {
  CommentRecord r{c.text(col), c.text(col + 1), c.text(col + 2), c.text(col + 3), static_cast<int>(c.integer(col + 4)),
                  -1, read_abuse(c, col + 6)};
  if (!c.is_null(col + 5)) r.parent = static_cast<int>(c.integer(col + 5));
  return r;
}

DocumentRecord read_record(const Database& db, const Stmt& s) {
  DocumentRecord d;
  d.id = s.text(0);
  d.source = s.text(1);
  d.site = s.text(2);
  d.title = s.text(3);
  d.authors = parse_string_array(s.text(4));
  d.published = s.text(5);
  d.published_from = s.text(6);
  d.published_estimated = s.integer(7) != 0;
  d.language = s.text(8);
  d.script = s.text(9);
  d.body = s.text(10);
  d.republished_from = s.text(11);
  d.canonical_url = s.text(12);
  d.format = s.text(13);
  d.raw_bytes = static_cast<size_t>(s.integer(14));
  d.entities_truncated = s.integer(15) != 0;
  d.events_truncated = s.integer(16) != 0;
  d.events_not_coded = s.text(17);
  Stmt u(db, "SELECT uri FROM document_uris WHERE document_id = ? ORDER BY rowid");
  u.bind(1, d.id);
  while (u.step()) d.uris.push_back(u.text(0));
  Stmt c(db, std::string("SELECT ") + kCommentColumns + " FROM comments c WHERE c.document_id = ? ORDER BY c.ordinal");
  c.bind(1, d.id);
  while (c.step()) d.comments.push_back(read_comment(c, 0));
  Stmt e(db, std::string("SELECT ") + kEntityColumns + " FROM entities e WHERE e.document_id = ? ORDER BY e.ordinal");
  e.bind(1, d.id);
  while (e.step()) d.entities.push_back(read_entity(e, 0));
  Stmt coded(db, "SELECT 1 FROM events_coded WHERE document_id = ?");
  coded.bind(1, d.id);
  d.events_coded = coded.step();
  Stmt ev(db, std::string("SELECT ") + kEventColumns + " FROM events e WHERE e.document_id = ? ORDER BY e.ordinal");
  ev.bind(1, d.id);
  while (ev.step()) d.events.push_back(read_event(ev, 0));
  return d;
}

}  // namespace seismo
