// seismo places / seismo actors: what the store knows, most mentioned
// first, with mention and document counts.
#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
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
        std::printf("%6d %4d  %s %-2s %9.4f %9.4f  %-9s (as \"%s\")\n", r.mentions, r.documents,
                    pad(shorten(p.name, 28), 28).c_str(), p.country.c_str(), p.lat, p.lon, id.c_str(),
                    shorten(e.text, 30).c_str());
      } else if (e.actor) {
        std::printf("%6d %4d  %-14s %s\n", r.mentions, r.documents, e.actor->code.c_str(), e.actor->name.c_str());
      }
    }
    if (rows.empty() && !g.quiet) std::fprintf(stderr, "seismo: no %s in %s yet (ingest some pages first)\n", kind, g.db.c_str());
  });
}

}  // namespace

void add_entity_commands(CLI::App& app, GlobalOptions& g) {
  add_listing(app, g, "places", "place", "Places the stored articles name, resolved, most mentioned first");
  add_listing(app, g, "actors", "actor", "Actors the stored articles name, by code, most mentioned first");
}

}  // namespace seismo::cli
