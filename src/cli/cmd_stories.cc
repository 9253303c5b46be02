// seismo stories [--since D] [--until D] [--min-docs N]: the stories the
// store holds; seismo story ID: one story's documents and events.
#include <cstdio>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/console.h"
#include "cli/event_output.h"
#include "cli/query_options.h"
#include "cli/story_output.h"
#include "cli/table.h"
#include "store/store.h"

namespace seismo::cli {
namespace {

std::string dash(const std::string& s) { return s.empty() ? "-" : s; }

void print_summaries(const std::vector<StorySummary>& stories) {
  Table t({{"STORY", true}, {"FIRST"}, {"LAST"}, {"DOCS", true}, {"OUTLETS", true}, {"EVENTS", true}, {"REPORTS", true},
           {"TITLE", false, true}});
  for (const auto& s : stories)
    t.add({std::to_string(s.id), dash(s.first_seen), dash(s.last_seen), std::to_string(s.documents), std::to_string(s.outlets),
           std::to_string(s.events), std::to_string(s.reports), s.title});
  t.print();
}

}  // namespace

void add_stories_commands(CLI::App& app, GlobalOptions& g) {
  auto* list = app.add_subcommand("stories", "Stories: documents about one development across outlets and days, newest first");
  struct ListArgs {
    StoryQuery query;
    std::string format = "table";
  };
  auto a = std::make_shared<ListArgs>();
  list->add_option("--since", a->query.since, "stories seen on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")->check(date_option());
  list->add_option("--until", a->query.until, "stories seen on or before this date")->check(date_option());
  list->add_option("--min-docs", a->query.min_documents, "stories of at least this many documents")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  list->add_option("-n,--limit", a->query.limit, "at most this many");
  list->add_option("--format", a->format, "table or jsonl")->check(CLI::IsMember({"table", "jsonl"}))->capture_default_str();
  list->callback([&g, a] {
    Database store(g.db, Access::kRead);
    auto stories = list_stories(store, a->query);
    if (a->format == "jsonl") {
      for (const auto& s : stories)
        if (auto d = get_story(store, s.id)) put(story_to_json(*d, false).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    } else {
      print_summaries(stories);
      if (!g.quiet) std::fprintf(stderr, "%zu stor%s\n", stories.size(), stories.size() == 1 ? "y" : "ies");
    }
    std::fflush(stdout);
  });

  auto* one = app.add_subcommand("story", "One story: its documents, how each joined, and its events once per occurrence");
  struct OneArgs {
    std::string id, format = "table";
  };
  auto b = std::make_shared<OneArgs>();
  one->add_option("ID", b->id, "a story number (seismo stories), or a document id or prefix for that document's story")->required();
  one->add_option("--format", b->format, "table or jsonl")->check(CLI::IsMember({"table", "jsonl"}))->capture_default_str();
  one->callback([&g, b] {
    Database store(g.db, Access::kRead);
    int64_t id = 0;
    bool number = !b->id.empty() && b->id.size() < 12 && b->id.find_first_not_of("0123456789") == std::string::npos;
    if (number) {
      id = std::stoll(b->id);
    } else {
      auto s = story_of(store, b->id);  // throws on an unknown or ambiguous document id
      if (!s) throw std::runtime_error("document " + b->id + " is in no story yet (ingest places documents into stories)");
      id = *s;
    }
    auto story = get_story(store, id);
    if (!story) throw std::runtime_error("no story " + std::to_string(id) + " in " + g.db);
    if (b->format == "jsonl") {
      put(story_to_json(*story, true).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
      std::fflush(stdout);
      return;
    }
    print_summaries({story->summary});
    put("\n");
    Table t({{"DOC"}, {"PUBLISHED"}, {"OUTLET"}, {"JOINED"}, {"SCORE", true}, {"TITLE", false, true}});
    for (const auto& m : story->documents) {
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", m.score);
      t.add({m.id, dash(m.published), m.outlet.empty() ? "(unknown)" : m.outlet, m.joined_by, score, dash(m.title)});
    }
    t.print();
    put("\n");
    EventQuery q;
    q.story = id;
    print_events(store, q, PlaceFilter(), "table", -1);
  });
}

}  // namespace seismo::cli
