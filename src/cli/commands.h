// Each command registers itself on the app; main() only dispatches.
#pragma once
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "comments/abuse.h"
#include "entities/entities.h"
#include "events/events.h"
#include "ingest/ingest.h"

namespace seismo::cli {

struct GlobalOptions {
  std::string db = "seismo.db";
  int threads = 0;
  bool quiet = false;
};

// The inputs `ingest` and `analyze` share: paths and reader limits. Later
// stages add their options (dictionaries, gazetteers) here, once for both.
struct InputOptions {
  std::vector<std::string> paths;
  size_t max_doc_mb = 64;
  EntityOptions entities;
  bool no_entities = false;
  EventOptions events;
  bool no_events = false;
  AbuseOptions abuse;
  bool no_abuse = false;
  bool no_reuse = false;    // ingest only: do not update the reuse index after storing
  bool no_stories = false;  // ingest only: do not place the new documents into stories
  ReaderOptions reader() const;
  // The entity recognizer these options ask for (null with --no-entities);
  // each loading problem is printed once as a one-line warning.
  std::unique_ptr<EntityRecognizer> load_entities() const;
  // The event coder (null with --no-events or --no-entities, which it needs).
  std::unique_ptr<EventCoder> load_events() const;
  // The comment abuse scorer (null with --no-abuse).
  std::unique_ptr<AbuseScorer> load_abuse() const;
};
std::shared_ptr<InputOptions> add_input_options(CLI::App* cmd);

// Every command's callback returns the process exit status through this.
extern int exit_status;

// Adds --db, -j and -q to `app` and to every command registered on it, so
// they are accepted anywhere on the line. Call after the commands are added.
void add_global_options(CLI::App& app, GlobalOptions& g);

void add_ingest_command(CLI::App& app, GlobalOptions& g);
void add_analyze_command(CLI::App& app, GlobalOptions& g);
void add_browse_commands(CLI::App& app, GlobalOptions& g);  // docs, show, search
void add_export_command(CLI::App& app, GlobalOptions& g);
void add_gazetteer_command(CLI::App& app, GlobalOptions& g);
void add_entity_commands(CLI::App& app, GlobalOptions& g);  // places, actors
void add_events_command(CLI::App& app, GlobalOptions& g);
void add_abuse_command(CLI::App& app, GlobalOptions& g);     // abuse
void add_comments_command(CLI::App& app, GlobalOptions& g);  // comments
void add_validate_command(CLI::App& app, GlobalOptions& g);  // validate --tabari
void add_check_command(CLI::App& app, GlobalOptions& g);     // check (the store)
void add_reuse_command(CLI::App& app, GlobalOptions& g);     // reuse
void add_stories_commands(CLI::App& app, GlobalOptions& g);  // stories, story
void add_parse_command(CLI::App& app, GlobalOptions& g);     // parse (CoNLL-U)

}  // namespace seismo::cli
