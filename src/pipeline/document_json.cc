#include "pipeline/document_json.h"

#include <cmath>

namespace seismo {
namespace {

// Each object is built once, for either JSON type: nlohmann::json keeps its
// keys sorted (the compact lines scripts grep), ordered_json keeps them as
// inserted here, which is the contract's order (docs/json-output.md).
template <class Json>
Json or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

template <class Json>
Json abuse_json(const AbuseScore& s) {
  auto r2 = [](double v) { return std::round(v * 100) / 100; };
  const AbuseFlags& f = s.flags;
  Json reasons = Json::array();
  for (const auto& r : s.reasons) {
    reasons.push_back({{"start", r.start}, {"end", r.end}, {"category", r.category}, {"term", r.term}});
  }
  return {{"flags",
           {{"toxicity", r2(f.toxicity)},
            {"insult", r2(f.insult)},
            {"identity_attack", r2(f.identity_attack)},
            {"threat", r2(f.threat)},
            {"profanity", r2(f.profanity)},
            {"sexual", r2(f.sexual)}}},
          {"reasons", std::move(reasons)},
          {"targets", s.targets},
          {"flagged", s.flagged()}};
}

template <class Json>
Json comment_json(const CommentRecord& c) {
  Json j = {{"author", or_null<Json>(c.author)},
            {"posted", or_null<Json>(c.posted)},
            {"text", c.text},
            {"language", or_null<Json>(c.language == "und" ? std::string() : c.language)},
            {"depth", c.depth},
            {"parent", c.parent < 0 ? Json(nullptr) : Json(c.parent)}};
  if (c.abuse) {
    Json a = abuse_json<Json>(*c.abuse);
    j["flags"] = std::move(a["flags"]);
    j["reasons"] = std::move(a["reasons"]);
    j["targets"] = std::move(a["targets"]);
  }
  return j;
}

template <class Json>
Json entity_json(const EntityMention& m) {
  Json j;
  j["kind"] = entity_kind_name(m.kind);
  j["text"] = m.text;
  j["start"] = m.start;
  j["end"] = m.end;
  if (m.place) {
    const auto& p = *m.place;
    j["place"] = {{"name", p.name},
                  {"geonameid", p.geonameid ? Json(p.geonameid) : Json(nullptr)},
                  {"lat", std::round(p.lat * 1e5) / 1e5},
                  {"lon", std::round(p.lon * 1e5) / 1e5},
                  {"country", or_null<Json>(p.country)},
                  {"feature_code", or_null<Json>(p.feature_code)},
                  {"confidence", p.confidence},
                  {"role", or_null<Json>(p.role)}};
    Json parents = Json::array();
    for (const auto& q : p.parents)
      parents.push_back(Json{{"name", q.name},
                             {"geonameid", q.geonameid ? Json(q.geonameid) : Json(nullptr)},
                             {"level", q.level}});
    j["place"]["parents"] = std::move(parents);
  }
  if (m.actor) j["actor"] = {{"name", m.actor->name}, {"code", m.actor->code}};
  if (m.date) {
    j["date"] = {{"value", m.date->value}, {"precision", date_precision_name(m.date->precision)}};
  }
  return j;
}

template <class Json>
Json event_json(const Event& e, const std::string& id) {
  auto participant = [](const std::optional<EventParticipant>& p) {
    if (!p) return Json(nullptr);
    return Json{{"text", p->text}, {"code", or_null<Json>(p->code)}, {"start", p->start}, {"end", p->end}};
  };
  Json j;
  j["id"] = id;
  j["sentence"] = e.sentence;
  j["sentence_start"] = e.sentence_start;
  j["sentence_end"] = e.sentence_end;
  j["source"] = participant(e.source);
  j["target"] = participant(e.target);
  j["action"] = {{"cameo", e.action.cameo},
                 {"label", e.action.label},
                 {"goldstein", e.action.goldstein},
                 {"plover", or_null<Json>(e.action.plover)},
                 {"acled_event_type", or_null<Json>(e.action.acled_event_type)},
                 {"acled_sub_event_type", or_null<Json>(e.action.acled_sub_event_type)}};
  j["place"] = e.place ? entity_json<Json>(*e.place) : Json(nullptr);
  if (e.date) {
    j["date"] = {{"value", e.date->value},
                 {"precision", date_precision_name(e.date->precision)},
                 {"from", e.date_from_publication ? "publication" : "sentence"}};
  } else {
    j["date"] = nullptr;
  }
  j["attributed_to"] = or_null<Json>(e.attributed_to);
  j["modality"] = modality_name(e.modality);
  j["historical"] = e.historical;
  j["confidence"] = std::round(e.confidence * 100) / 100;
  j["verb"] = e.verb;
  j["pattern"] = e.pattern;
  return j;
}

template <class Json>
Json document_json(const DocumentRecord& d) {
  Json j;
  j["id"] = d.id;
  j["uri"] = d.uris.empty() ? Json(nullptr) : Json(d.uris.front());
  j["uris"] = d.uris;
  j["source"] = or_null<Json>(d.source);
  j["site"] = or_null<Json>(d.site);
  j["title"] = or_null<Json>(d.title);
  j["authors"] = d.authors;
  j["published"] = or_null<Json>(d.published);
  j["published_estimated"] = d.published_estimated;
  j["published_from"] = or_null<Json>(d.published_from);
  j["language"] = or_null<Json>(d.language == "und" ? std::string() : d.language);
  j["script"] = or_null<Json>(d.script);
  j["canonical_url"] = or_null<Json>(d.canonical_url);
  j["republished_from"] = or_null<Json>(d.republished_from);
  j["body"] = d.body;
  Json comments = Json::array();
  for (const auto& c : d.comments) comments.push_back(comment_json<Json>(c));
  j["comments"] = std::move(comments);
  Json entities = Json::array();
  for (const auto& m : d.entities) entities.push_back(entity_json<Json>(m));
  j["entities"] = std::move(entities);
  j["entities_truncated"] = d.entities_truncated;
  Json events = Json::array();
  for (size_t i = 0; i < d.events.size(); ++i) events.push_back(event_json<Json>(d.events[i], event_id(d.id, i)));
  j["events"] = std::move(events);
  j["events_truncated"] = d.events_truncated;
  j["events_not_coded"] = or_null<Json>(d.events_not_coded);
  return j;
}

}  // namespace

std::string event_id(const std::string& doc_id, size_t ordinal) { return doc_id + "-e" + std::to_string(ordinal + 1); }

nlohmann::json document_to_json(const DocumentRecord& d) { return document_json<nlohmann::json>(d); }
nlohmann::ordered_json document_to_ordered_json(const DocumentRecord& d) { return document_json<nlohmann::ordered_json>(d); }
nlohmann::json entity_to_json(const EntityMention& m) { return entity_json<nlohmann::json>(m); }
nlohmann::json event_to_json(const Event& e, const std::string& id) { return event_json<nlohmann::json>(e, id); }
nlohmann::json comment_to_json(const CommentRecord& c) { return comment_json<nlohmann::json>(c); }
nlohmann::json abuse_to_json(const AbuseScore& s) { return abuse_json<nlohmann::json>(s); }

}  // namespace seismo
