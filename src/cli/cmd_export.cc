// seismo export docs|entities|events|comments|reuse|stories --format jsonl|csv
#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "cli/comment_output.h"
#include "cli/event_output.h"
#include "cli/reuse_output.h"
#include "cli/story_output.h"
#include "pipeline/document_json.h"
#include "store/store.h"

namespace seismo::cli {

void add_export_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand("export", "Export what the store holds");
  cmd->require_subcommand(1);
  auto* docs = cmd->add_subcommand("docs", "Documents with their comments (docs/json-output.md)");
  auto format = std::make_shared<std::string>("jsonl");
  docs->add_option("--format", *format, "jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}))->capture_default_str();
  docs->callback([&g, format] {
    Database store(g.db, Access::kRead);
    if (*format == "csv") {
      put("id,uri,source,title,authors,published,language,republished_from,comments,body\n");
    }
    for_each_document(store, [&](const DocumentRecord& d) {
      if (*format == "jsonl") {
        nlohmann::json j = document_to_json(d);
        nlohmann::json seen = nlohmann::json::array();
        for (const auto& s : sightings_of(store, d.id)) seen.push_back(sighting_to_json(s));
        j["sightings"] = seen;
        put(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        put("\n");
      } else {
        std::string authors;
        for (const auto& a : d.authors) authors += (authors.empty() ? "" : "; ") + a;
        put(csv_field(d.id) + "," + csv_field(d.uris.empty() ? "" : d.uris.front()) + "," + csv_field(d.source) + "," +
            csv_field(d.title) + "," + csv_field(authors) + "," + csv_field(d.published) + "," + csv_field(d.language) +
            "," + csv_field(d.republished_from) + "," + std::to_string(d.comments.size()) + "," + csv_field(d.body) + "\n");
      }
    });
    std::fflush(stdout);
  });

  auto* entities = cmd->add_subcommand("entities", "Entity mentions (places, actors, dates), one per line, with doc_id");
  auto eformat = std::make_shared<std::string>("jsonl");
  auto kind = std::make_shared<std::string>();
  entities->add_option("--format", *eformat, "jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}))->capture_default_str();
  entities->add_option("--kind", *kind, "place, actor or date (default: all)")->check(CLI::IsMember({"place", "actor", "date"}));
  entities->callback([&g, eformat, kind] {
    Database store(g.db, Access::kRead);
    if (*eformat == "csv")
      put("doc_id,kind,text,start,end,name,code,geonameid,lat,lon,country,confidence,date,precision\n");
    for_each_entity(store, *kind, [&](const std::string& doc_id, const EntityMention& m) {
      nlohmann::json j = entity_to_json(m);
      if (*eformat == "jsonl") {
        nlohmann::json line = {{"doc_id", doc_id}};
        line.update(j);
        put(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        put("\n");
        return;
      }
      auto field = [](const nlohmann::json& o, const char* k) -> std::string {
        if (!o.is_object() || !o.contains(k) || o[k].is_null()) return "";
        return o[k].is_string() ? o[k].get<std::string>() : o[k].dump();
      };
      const nlohmann::json& p = j.contains("place") ? j["place"] : nlohmann::json();
      const nlohmann::json& a = j.contains("actor") ? j["actor"] : nlohmann::json();
      const nlohmann::json& d = j.contains("date") ? j["date"] : nlohmann::json();
      put(csv_field(doc_id) + "," + j["kind"].get<std::string>() + "," + csv_field(m.text) + "," +
          std::to_string(m.start) + "," + std::to_string(m.end) + "," +
          csv_field(m.place ? m.place->name : m.actor ? m.actor->name : "") + "," + field(a, "code") + "," +
          field(p, "geonameid") + "," + field(p, "lat") + "," + field(p, "lon") + "," + field(p, "country") + "," +
          field(p, "confidence") + "," + field(d, "value") + "," + field(d, "precision") + "\n");
    });
    std::fflush(stdout);
  });

  auto* events = cmd->add_subcommand("events", "Coded events, one per line, with doc_id, outlet and sentence");
  auto vformat = std::make_shared<std::string>("jsonl");
  auto each = std::make_shared<bool>(false);
  events->add_option("--format", *vformat, "jsonl, csv or geojson")
      ->check(CLI::IsMember({"jsonl", "csv", "geojson"}))
      ->capture_default_str();
  events->add_flag("--each-report", *each, "every document's telling of an occurrence, not one event per occurrence");
  events->callback([&g, vformat, each] {
    Database store(g.db, Access::kRead);
    EventQuery q;
    q.each_report = *each;
    print_events(store, q, PlaceFilter(), *vformat, -1);
  });

  auto* stories = cmd->add_subcommand("stories", "Stories with their documents and events, one per line");
  auto sformat = std::make_shared<std::string>("jsonl");
  stories->add_option("--format", *sformat, "jsonl")->check(CLI::IsMember({"jsonl"}))->capture_default_str();
  stories->callback([&g] {
    Database store(g.db, Access::kRead);
    for (const auto& s : list_stories(store, StoryQuery{}))
      if (auto d = get_story(store, s.id))
        put(story_to_json(*d, false).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    std::fflush(stdout);
  });

  auto* reuse = cmd->add_subcommand("reuse", "Related pairs of documents (duplicates, reprints, shared passages), one per line");
  auto rformat = std::make_shared<std::string>("jsonl");
  reuse->add_option("--format", *rformat, "jsonl")->check(CLI::IsMember({"jsonl"}))->capture_default_str();
  reuse->callback([&g] {
    Database store(g.db, Access::kRead);
    for (const auto& p : reuse_pairs(store))
      put(reuse_pair_to_json(p).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    std::fflush(stdout);
  });

  auto* comments = cmd->add_subcommand("comments", "Reader comments with their document id and abuse flags, one per line");
  auto cformat = std::make_shared<std::string>("jsonl");
  comments->add_option("--format", *cformat, "jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}))->capture_default_str();
  comments->callback([&g, cformat] {
    Database store(g.db, Access::kRead);
    print_comments(store, CommentQuery{}, *cformat, -1);
  });
}

}  // namespace seismo::cli
