#include "cli/event_output.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "cli/console.h"
#include "cli/table.h"
#include "common/match_text.h"
#include "entities/gazetteer.h"
#include "pipeline/document_json.h"

namespace seismo::cli {
namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

// The contract's event object with what makes it traceable on its own:
// its document, the outlet and the document's date; its story, and the
// other documents that told the same occurrence, each with its sentence.
nlohmann::json stored_event_json(const Database& store, const StoredEvent& row, bool each_report) {
  nlohmann::json j = {{"doc_id", row.doc_id}};
  j.update(event_to_json(row.event, event_id(row.doc_id, row.ordinal)));
  j["outlet"] = or_null(row.source);
  j["published"] = or_null(row.published);
  j["story_id"] = row.story_id ? nlohmann::json(row.story_id) : nlohmann::json(nullptr);
  j["occurrence"] = row.occurrence ? nlohmann::json(row.occurrence) : nlohmann::json(nullptr);
  j["reports"] = row.reports;
  j["outlets"] = row.outlets;
  nlohmann::json others = nlohmann::json::array();
  if (!each_report && row.reports > 1) {
    for (const StoredEvent& r : occurrence_reports(store, row.occurrence, row.doc_id, row.ordinal)) {
      others.push_back({{"id", event_id(r.doc_id, r.ordinal)}, {"doc_id", r.doc_id}, {"outlet", or_null(r.source)},
                        {"published", or_null(r.published)}, {"sentence", r.event.sentence}});
    }
  }
  j["reported_by"] = std::move(others);
  return j;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string participant_code(const std::optional<EventParticipant>& p) {
  if (!p) return "-";
  return p->code.empty() ? "(" + p->text + ")" : p->code;
}

std::string place_label(const Event& e) {
  if (!e.place || !e.place->place) return "";
  const ResolvedPlace& p = *e.place->place;
  // Both names when the text and the resolution differ ("Kosovska
  // Mitrovica" resolved to "Mitrovicë"): seismo takes no side.
  if (match_key(e.place->text) == match_key(p.name)) return p.name;
  return e.place->text + " / " + p.name;
}

// A date as precise as it was found, said honestly: "2022-11-25",
// "2022-11", "2022", and for a month or day whose year no one wrote,
// "(month 11, year unknown)" instead of ISO's cryptic "--11".
std::string shown_date(const std::string& value) {
  if (value.rfind("--", 0) == 0) {
    std::string md = value.substr(2);
    return (md.size() == 2 ? "(month " + md : "(" + md) + ", year unknown)";
  }
  size_t slash = value.find('/');
  if (slash != std::string::npos) return shown_date(value.substr(0, slash)) + "/" + shown_date(value.substr(slash + 1));
  return value.substr(0, 10);
}

std::string number(double v, double scale) { return dump(std::round(v * scale) / scale); }

void print_csv_row(const StoredEvent& row) {
  const Event& e = row.event;
  auto text = [](const std::optional<EventParticipant>& p) { return p ? p->text : std::string(); };
  auto code = [](const std::optional<EventParticipant>& p) { return p ? p->code : std::string(); };
  const ResolvedPlace* p = e.place && e.place->place ? &*e.place->place : nullptr;
  std::vector<std::string> f = {
      csv_field(event_id(row.doc_id, row.ordinal)),
      csv_field(row.doc_id),
      csv_field(e.date ? e.date->value : ""),
      e.date ? date_precision_name(e.date->precision) : "",
      csv_field(e.action.cameo),
      csv_field(e.action.label),
      number(e.action.goldstein, 10),
      csv_field(e.action.plover),
      csv_field(e.action.acled_event_type),
      csv_field(e.action.acled_sub_event_type),
      csv_field(text(e.source)),
      csv_field(code(e.source)),
      csv_field(text(e.target)),
      csv_field(code(e.target)),
      csv_field(e.place ? e.place->text : ""),
      csv_field(p ? p->name : ""),
      p && p->geonameid ? std::to_string(p->geonameid) : "",
      p ? number(p->lat, 1e5) : "",
      p ? number(p->lon, 1e5) : "",
      csv_field(p ? p->country : ""),
      csv_field(e.attributed_to),
      modality_name(e.modality),
      e.historical ? "true" : "false",
      number(e.confidence, 100),
      csv_field(row.source),
      row.story_id ? std::to_string(row.story_id) : "",
      std::to_string(row.reports),
      csv_field(e.sentence)};
  std::string line;
  for (size_t k = 0; k < f.size(); ++k) line += (k ? "," : "") + f[k];
  put(line + "\n");
}

}  // namespace

PlaceFilter::PlaceFilter(const std::string& name, const std::string& country)
    : active_(true), key_(match_key(name)) {
  for (char c : country) country_ += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (name.empty()) return;
  std::string error;
  auto gazetteer = Gazetteer::open(default_gazetteer_path(), &error);
  if (!gazetteer) return;  // no index: the names written in the events only
  int64_t id = key_.empty() ? -1 : gazetteer->find_name(key_);
  if (id < 0) throw std::runtime_error("no place named '" + name + "' in the gazetteer (" + default_gazetteer_path() + ")");
  for (const PlaceCandidate& c : gazetteer->candidates(static_cast<uint32_t>(id))) {
    // Nationality words ("Serbian") and state abbreviations are names of
    // the place too: --place Serbian is Serbia's events.
    const PlaceRecord& p = *c.place;
    if (p.geonameid) geonameids_.insert(p.geonameid);
    if (p.flags & kCountry) {
      countries_.insert(std::string(p.country, 2));
    } else if (p.flags & (kRegion | kDivision)) {
      division_names_.insert(match_key(gazetteer->display_name(p)));
      if (p.geonameid) division_ids_.insert(p.geonameid);
    }
  }
}

bool PlaceFilter::matches(const Event& e) const {
  if (!active_) return true;
  if (!e.place || !e.place->place) return false;
  const ResolvedPlace& p = *e.place->place;
  if (!country_.empty() && p.country != country_) return false;
  if (key_.empty()) return true;
  if (p.geonameid && geonameids_.count(p.geonameid)) return true;
  if (countries_.count(p.country)) return true;
  for (const auto& q : p.parents) {
    if (q.level == 0) continue;  // countries are matched by code above
    if ((q.geonameid && division_ids_.count(q.geonameid)) || division_names_.count(match_key(q.name))) return true;
  }
  return match_key(e.place->text) == key_ || match_key(p.name) == key_;
}

size_t print_events(const Database& store, const EventQuery& query, const PlaceFilter& places,
                    const std::string& format, long limit) {
  size_t printed = 0;
  if (format == "csv") {
    put("id,doc_id,date,precision,cameo,label,goldstein,plover,acled_event_type,acled_sub_event_type,source_text,"
        "source_code,target_text,target_code,place_text,place_name,geonameid,lat,lon,country,attributed_to,modality,"
        "historical,confidence,outlet,story_id,reports,sentence\n");
  } else if (format == "geojson") {
    put("{\"type\":\"FeatureCollection\",\"features\":[\n");
  }
  // The document id lets `seismo show` open the article; the place is
  // never cut, the action, actors and sentence give way to fit.
  Table table({{"DOC"}, {"DATE"}, {"CAMEO"}, {"ACTION", false, true}, {"SOURCE", false, true}, {"TARGET", false, true},
               {"PLACE"}, {"REPORTS", true}, {"SENTENCE", false, true}});
  auto emit = [&](const StoredEvent& row) {
    if (limit >= 0 && printed >= static_cast<size_t>(limit)) return;
    const Event& e = row.event;
    if (format == "jsonl") {
      put(dump(stored_event_json(store, row, query.each_report)) + "\n");
    } else if (format == "csv") {
      print_csv_row(row);
    } else if (format == "geojson") {
      // Only events with a place have a geometry; the rest are left out.
      if (!e.place || !e.place->place) return;
      const ResolvedPlace& p = *e.place->place;
      nlohmann::json props = stored_event_json(store, row, query.each_report);
      nlohmann::json feature = {{"type", "Feature"},
                                {"geometry", {{"type", "Point"},
                                              {"coordinates", {std::round(p.lon * 1e5) / 1e5, std::round(p.lat * 1e5) / 1e5}}}},
                                {"properties", std::move(props)}};
      put((printed ? ",\n" : "") + dump(feature));
    } else {
      // A denied, planned or past act must not read as today's news: the
      // action says so first, where cutting the cell cannot hide it.
      std::string marks;
      if (e.modality != Modality::kAsserted) marks = modality_name(e.modality);
      if (e.historical) marks += marks.empty() ? "past" : ", past";
      std::string action = marks.empty() ? e.action.label : "[" + marks + "] " + e.action.label;
      table.add({row.doc_id, e.date ? shown_date(e.date->value) : "-", e.action.cameo, action,
                 participant_code(e.source), participant_code(e.target), place_label(e), std::to_string(row.reports),
                 e.sentence});
    }
    ++printed;
  };
  // The store sorts dates as text, where a month with no year ("--11")
  // comes before every full date; such events go after the dated ones,
  // before the undated.
  std::vector<StoredEvent> year_unknown;
  auto flush_year_unknown = [&] {
    for (const auto& r : year_unknown) emit(r);
    year_unknown.clear();
  };
  for_each_event(store, query, [&](const StoredEvent& row) {
    if (!places.matches(row.event)) return;
    if (row.event.date && row.event.date->value.rfind("--", 0) == 0) {
      year_unknown.push_back(row);
      return;
    }
    if (!row.event.date) flush_year_unknown();
    emit(row);
  });
  flush_year_unknown();
  if (format == "geojson") put("\n]}\n");
  if (format == "table") table.print();
  std::fflush(stdout);
  return printed;
}

}  // namespace seismo::cli
