#include "cli/story_output.h"

#include <cmath>

#include "pipeline/document_json.h"

namespace seismo::cli {
namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

}  // namespace

nlohmann::json story_to_json(const StoryDetail& s, bool members) {
  nlohmann::json docs = nlohmann::json::array(), events = nlohmann::json::array();
  for (const auto& m : s.documents) docs.push_back(m.id);
  for (const auto& [doc, ordinal] : s.events) events.push_back(event_id(doc, ordinal));
  nlohmann::json j = {{"id", s.summary.id},
                      {"title", s.summary.title},
                      {"first_seen", or_null(s.summary.first_seen)},
                      {"last_seen", or_null(s.summary.last_seen)},
                      {"documents", s.summary.documents},
                      {"outlets", s.summary.outlets},
                      {"reports", s.summary.reports},
                      {"docs", std::move(docs)},
                      {"events", std::move(events)}};
  if (members) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& m : s.documents) {
      list.push_back({{"id", m.id}, {"title", or_null(m.title)}, {"outlet", or_null(m.outlet)},
                      {"published", or_null(m.published)}, {"joined_by", m.joined_by},
                      {"score", std::round(m.score * 1000) / 1000}});
    }
    j["members"] = std::move(list);
  }
  return j;
}

}  // namespace seismo::cli
