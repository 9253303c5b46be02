// seismo events: the stored coded events, filtered by date, place, actor
// and type, as a table, JSON Lines, CSV or GeoJSON.
#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "cli/event_output.h"
#include "cli/query_options.h"

namespace seismo::cli {
void add_events_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand("events", "Coded events of the stored articles: who did what to whom, where and when");
  struct Args {
    EventQuery query;
    std::string place, country, format = "table", historical = "include";
    long limit = -1;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--since", a->query.since, "events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")->check(date_option());
  cmd->add_option("--until", a->query.until, "events on or before this date")->check(date_option());
  cmd->add_option("--place", a->place,
                  "events at this place or inside it, in any of its names (\"Kosovska Mitrovica\", \"Mitrovicë\", \"Kosova\")");
  cmd->add_option("--country", a->country, "events at places in this country (ISO 3166 alpha-2: XK, RS)");
  cmd->add_option("--actor", a->query.actor, "events whose source or target code starts with this (SRB, KSVCOP, IGONAT)");
  cmd->add_option("--type", a->query.type,
                  "a CAMEO code or its prefix (14, 145), an ACLED event or sub-event type (Protests), or a PLOVER type");
  cmd->add_option("--modality", a->query.modalities,
                  "only events with these modalities: asserted, planned, threatened, requested, denied, hypothetical")
      ->delimiter(',')
      ->check(CLI::IsMember({"asserted", "planned", "threatened", "requested", "denied", "hypothetical"}));
  cmd->add_option("--historical", a->historical,
                  "events told as background (past perfect, \"since ...\", dated a year before the article): include, exclude or only")
      ->check(CLI::IsMember({"include", "exclude", "only"}))
      ->capture_default_str();
  cmd->add_option("--format", a->format, "table, jsonl, csv or geojson")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "geojson"}))
      ->capture_default_str();
  cmd->add_option("--story", a->query.story, "events of this story (seismo stories)");
  cmd->add_flag("--each-report", a->query.each_report,
                "every document's telling of an occurrence (default: one event per occurrence, with its number of reports)");
  cmd->add_option("-n,--limit", a->limit, "at most this many");
  cmd->callback([&g, a] {
    if (!a->query.type.empty()) check_event_type(a->query.type);
    EventQuery q = a->query;
    q.historical = a->historical == "exclude" ? EventQuery::Historical::kExclude
                   : a->historical == "only"  ? EventQuery::Historical::kOnly
                                              : EventQuery::Historical::kInclude;
    q.until = until_bound(q.until);
    Database store(g.db, Access::kRead);
    PlaceFilter places;
    // A name the gazetteer does not know throws: "seismo: no place named ...", status 1.
    if (!a->place.empty() || !a->country.empty()) places = PlaceFilter(a->place, a->country);
    size_t n = print_events(store, q, places, a->format, a->limit);
    if (!g.quiet && a->format == "table") {
      std::fprintf(stderr, "%zu event%s (of %d stored)\n", n, n == 1 ? "" : "s", count_events(store));
    }
    if (n == 0 && count_events(store) == 0 && !g.quiet) {
      std::fprintf(stderr, "seismo: no events in %s yet (ingest some pages first)\n", g.db.c_str());
    }
  });
}

}  // namespace seismo::cli
