// seismo places / seismo actors: what the store knows, most mentioned
// first, with mention and document counts.
#include <fmt/format.h>

#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "cli/table.h"
#include "pipeline/document_json.h"
#include "store/store.h"

namespace seismo::cli {
namespace {

void add_listing(CLI::App& app, GlobalOptions& g, const char* name, const char* kind, const char* help) {
  auto* cmd = app.add_subcommand(name, help);
  auto limit = std::make_shared<int>(50);
  auto json = std::make_shared<bool>(false);
  auto by = std::make_shared<std::string>();
  auto roles = std::make_shared<bool>(false);
  cmd->add_option("-n,--limit", *limit, "how many")->capture_default_str();
  cmd->add_flag("--json", *json, "one JSON object per line instead of a table");
  if (std::string(kind) == "place") {
    cmd->add_option("--by", *by, "group by the country or first-level region the places lie in")
        ->check(CLI::IsMember({"country", "region"}));
    cmd->add_flag("--with-roles", *roles, "with --by: count demonyms and names inside organisations' names too");
  }
  cmd->callback([&g, kind, limit, json, by, roles] {
    Database store(g.db, Access::kRead);
    if (!by->empty()) {
      auto groups = count_places_by_division(store, *by == "country" ? 0 : 1, *roles, *limit);
      Table table({{"MENTIONS", true}, {"DOCS", true}, {"PLACES", true}, {"CC"}, {*by == "country" ? "COUNTRY" : "REGION"}});
      for (const auto& d : groups) {
        if (*json) {
          nlohmann::json j = {{"country", d.country}, {"name", d.name}, {"mentions", d.mentions},
                              {"documents", d.documents}, {"places", d.places}};
          std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        } else {
          table.add({std::to_string(d.mentions), std::to_string(d.documents), std::to_string(d.places), d.country, d.name});
        }
      }
      if (!*json && !groups.empty()) table.print();
      std::fflush(stdout);
      if (groups.empty() && !g.quiet) std::fprintf(stderr, "seismo: no places in %s yet (ingest some pages first)\n", g.db.c_str());
      return;
    }
    auto rows = count_entities(store, kind, *limit);
    bool places = std::string(kind) == "place";
    Table table(places ? std::vector<Column>{{"MENTIONS", true}, {"DOCS", true}, {"PLACE"}, {"CC"}, {"LAT", true},
                                             {"LON", true}, {"GEONAMES"}, {"ROLE"}, {"WRITTEN AS", false, true}}
                       : std::vector<Column>{{"MENTIONS", true}, {"DOCS", true}, {"CODE"}, {"NAME", false, true}});
    for (const auto& r : rows) {
      const EntityMention& e = r.entity;
      if (*json) {
        nlohmann::json j = entity_to_json(e);
        j.erase("start");
        j.erase("end");
        j["mentions"] = r.mentions;
        j["documents"] = r.documents;
        std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      } else if (e.place) {
        const auto& p = *e.place;
        // Countries and curated places have no GeoNames id: show their kind.
        std::string id = p.geonameid ? std::to_string(p.geonameid) : p.feature_code == "PCLI" ? "country" : "curated";
        table.add({std::to_string(r.mentions), std::to_string(r.documents), p.name, p.country,
                   fmt::format("{:.4f}", p.lat), fmt::format("{:.4f}", p.lon), id, p.role.empty() ? "-" : p.role, e.text});
      } else if (e.actor) {
        table.add({std::to_string(r.mentions), std::to_string(r.documents), e.actor->code, e.actor->name});
      }
    }
    if (!*json && !rows.empty()) table.print();
    std::fflush(stdout);
    if (rows.empty() && !g.quiet) std::fprintf(stderr, "seismo: no %s in %s yet (ingest some pages first)\n", kind, g.db.c_str());
  });
}

}  // namespace

void add_entity_commands(CLI::App& app, GlobalOptions& g) {
  add_listing(app, g, "places", "place", "Places the stored articles name, resolved, most mentioned first");
  add_listing(app, g, "actors", "actor", "Actors the stored articles name, by code, most mentioned first");
}

}  // namespace seismo::cli
