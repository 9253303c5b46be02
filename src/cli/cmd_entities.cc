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
  cmd->add_option("-n,--limit", *limit, "how many")->capture_default_str();
  cmd->add_flag("--json", *json, "one JSON object per line instead of a table");
  cmd->callback([&g, kind, limit, json] {
    Database store(g.db, Access::kRead);
    auto rows = count_entities(store, kind, *limit);
    bool places = std::string(kind) == "place";
    Table table(places ? std::vector<Column>{{"MENTIONS", true}, {"DOCS", true}, {"PLACE"}, {"CC"}, {"LAT", true},
                                             {"LON", true}, {"GEONAMES"}, {"WRITTEN AS", false, true}}
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
                   fmt::format("{:.4f}", p.lat), fmt::format("{:.4f}", p.lon), id, e.text});
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
