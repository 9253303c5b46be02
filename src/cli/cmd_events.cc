// seismo events: the stored coded events, filtered by date, place, actor
// and type, as a table, JSON Lines, CSV or GeoJSON.
#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "cli/event_output.h"

namespace seismo::cli {
namespace {

// "2023", "2023-05" or "2023-05-28".
bool is_iso_date_prefix(const std::string& s) {
  static const char* shapes[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
  for (const char* shape : shapes) {
    std::string_view w(shape);
    if (w.size() != s.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < s.size() && ok; ++k) ok = w[k] == 'd' ? (s[k] >= '0' && s[k] <= '9') : s[k] == w[k];
    if (ok) return true;
  }
  return false;
}

}  // namespace

void add_events_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand("events", "Coded events of the stored articles: who did what to whom, where and when");
  struct Args {
    EventQuery query;
    std::string place, format = "table";
    long limit = -1;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--since", a->query.since, "events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  cmd->add_option("--until", a->query.until, "events on or before this date");
  cmd->add_option("--place", a->place, "events at this place, in any of its names (\"Kosovska Mitrovica\", \"Mitrovicë\")");
  cmd->add_option("--actor", a->query.actor, "events whose source or target code starts with this (SRB, KSVCOP, IGONAT)");
  cmd->add_option("--type", a->query.type,
                  "a CAMEO code or its prefix (14, 145), an ACLED event or sub-event type (Protests), or a PLOVER type");
  cmd->add_option("--format", a->format, "table, jsonl, csv or geojson")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "geojson"}))
      ->capture_default_str();
  cmd->add_option("-n,--limit", a->limit, "at most this many");
  cmd->callback([&g, a] {
    for (const std::string* d : {&a->query.since, &a->query.until}) {
      if (!d->empty() && !is_iso_date_prefix(*d)) {
        print_error(*d, "not a date: give YYYY, YYYY-MM or YYYY-MM-DD");
        exit_status = 2;
        return;
      }
    }
    EventQuery q = a->query;
    // An "until" month or year includes all its days.
    if (q.until.size() == 4) q.until += "-99-99";
    else if (q.until.size() == 7) q.until += "-99";
    Database store(g.db, Access::kRead);
    PlaceFilter places = a->place.empty() ? PlaceFilter() : PlaceFilter(a->place);
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
