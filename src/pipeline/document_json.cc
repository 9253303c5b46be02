#include "pipeline/document_json.h"

#include <cmath>

namespace seismo {
namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

}  // namespace

nlohmann::json document_to_json(const DocumentRecord& d) {
  nlohmann::json j;
  j["id"] = d.id;
  j["uri"] = d.uris.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.uris.front());
  j["uris"] = d.uris;
  j["source"] = or_null(d.source);
  j["site"] = or_null(d.site);
  j["title"] = or_null(d.title);
  j["authors"] = d.authors;
  j["published"] = or_null(d.published);
  j["published_estimated"] = d.published_estimated;
  j["published_from"] = or_null(d.published_from);
  j["language"] = or_null(d.language == "und" ? std::string() : d.language);
  j["script"] = or_null(d.script);
  j["canonical_url"] = or_null(d.canonical_url);
  j["republished_from"] = or_null(d.republished_from);
  j["body"] = d.body;
  nlohmann::json comments = nlohmann::json::array();
  for (const auto& c : d.comments) comments.push_back(comment_to_json(c));
  j["comments"] = std::move(comments);
  nlohmann::json entities = nlohmann::json::array();
  for (const auto& m : d.entities) entities.push_back(entity_to_json(m));
  j["entities"] = std::move(entities);
  j["entities_truncated"] = d.entities_truncated;
  nlohmann::json events = nlohmann::json::array();
  for (size_t i = 0; i < d.events.size(); ++i) events.push_back(event_to_json(d.events[i], event_id(d.id, i)));
  j["events"] = std::move(events);
  j["events_truncated"] = d.events_truncated;
  return j;
}

std::string event_id(const std::string& doc_id, size_t ordinal) { return doc_id + "-e" + std::to_string(ordinal + 1); }

nlohmann::json event_to_json(const Event& e, const std::string& id) {
  auto participant = [](const std::optional<EventParticipant>& p) {
    if (!p) return nlohmann::json(nullptr);
    return nlohmann::json{{"text", p->text}, {"code", or_null(p->code)}, {"start", p->start}, {"end", p->end}};
  };
  nlohmann::json j;
  j["id"] = id;
  j["sentence"] = e.sentence;
  j["sentence_start"] = e.sentence_start;
  j["sentence_end"] = e.sentence_end;
  j["source"] = participant(e.source);
  j["target"] = participant(e.target);
  j["action"] = {{"cameo", e.action.cameo},
                 {"label", e.action.label},
                 {"goldstein", e.action.goldstein},
                 {"plover", or_null(e.action.plover)},
                 {"acled_event_type", or_null(e.action.acled_event_type)},
                 {"acled_sub_event_type", or_null(e.action.acled_sub_event_type)}};
  j["place"] = e.place ? entity_to_json(*e.place) : nlohmann::json(nullptr);
  if (e.date) {
    j["date"] = {{"value", e.date->value},
                 {"precision", date_precision_name(e.date->precision)},
                 {"from", e.date_from_publication ? "publication" : "sentence"}};
  } else {
    j["date"] = nullptr;
  }
  j["attributed_to"] = or_null(e.attributed_to);
  j["modality"] = modality_name(e.modality);
  j["confidence"] = std::round(e.confidence * 100) / 100;
  j["verb"] = e.verb;
  j["pattern"] = e.pattern;
  return j;
}

nlohmann::json comment_to_json(const CommentRecord& c) {
  nlohmann::json j = {{"author", or_null(c.author)},
                      {"posted", or_null(c.posted)},
                      {"text", c.text},
                      {"language", or_null(c.language == "und" ? std::string() : c.language)},
                      {"depth", c.depth},
                      {"parent", c.parent < 0 ? nlohmann::json(nullptr) : nlohmann::json(c.parent)}};
  if (c.abuse) {
    nlohmann::json a = abuse_to_json(*c.abuse);
    j["flags"] = std::move(a["flags"]);
    j["reasons"] = std::move(a["reasons"]);
    j["targets"] = std::move(a["targets"]);
  }
  return j;
}

nlohmann::json abuse_to_json(const AbuseScore& s) {
  auto r2 = [](double v) { return std::round(v * 100) / 100; };
  const AbuseFlags& f = s.flags;
  nlohmann::json reasons = nlohmann::json::array();
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

nlohmann::json entity_to_json(const EntityMention& m) {
  nlohmann::json j;
  j["kind"] = entity_kind_name(m.kind);
  j["text"] = m.text;
  j["start"] = m.start;
  j["end"] = m.end;
  if (m.place) {
    const auto& p = *m.place;
    j["place"] = {{"name", p.name},
                  {"geonameid", p.geonameid ? nlohmann::json(p.geonameid) : nlohmann::json(nullptr)},
                  {"lat", std::round(p.lat * 1e5) / 1e5},
                  {"lon", std::round(p.lon * 1e5) / 1e5},
                  {"country", or_null(p.country)},
                  {"feature_code", or_null(p.feature_code)},
                  {"confidence", p.confidence}};
  }
  if (m.actor) j["actor"] = {{"name", m.actor->name}, {"code", m.actor->code}};
  if (m.date) {
    j["date"] = {{"value", m.date->value}, {"precision", date_precision_name(m.date->precision)}};
  }
  return j;
}

}  // namespace seismo
