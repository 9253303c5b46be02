#include <filesystem>

#include "cli/commands.h"
#include "cli/console.h"
#include "cli/usage.h"
#include "common/data_files.h"

namespace seismo::cli {

ReaderOptions InputOptions::reader() const {
  ReaderOptions ro;
  ro.max_document_bytes = max_doc_mb << 20;
  return ro;
}

std::shared_ptr<InputOptions> add_input_options(CLI::App* cmd) {
  auto in = std::make_shared<InputOptions>();
  auto* paths = cmd->add_option("paths", in->paths, "files, directories, or - for stdin (the default when it is piped)");
  // Piped input with no path is read, as `rg PATTERN` and `wc` do; on a
  // terminal a missing path is a mistake, not a wait for typed pages.
  if (stdin_is_piped()) in->paths = {"-"};
  else paths->required();
  cmd->add_option("--max-doc-mb", in->max_doc_mb, "refuse documents larger than this (MiB)")->capture_default_str();
  // A gazetteer asked for by name and missing is a mistake to stop at, not
  // a run that quietly resolves no place; only the default may be absent.
  cmd->add_option("--gazetteer", in->entities.gazetteer,
                  "gazetteer index (`seismo gazetteer build`) or a GeoNames dump (compiled once into "
                  "$XDG_CACHE_HOME/seismo); default: the one built with seismo")
      ->check(CLI::ExistingFile);
  cmd->add_option("--dictionaries", in->entities.dictionaries,
                  "dictionaries in seismo's format (files or directories): actors, agents, and in a directory "
                  "the action files (names with 'action'); default: the bundled ones");
  cmd->add_option_function<std::vector<std::string>>(
      "--petrarch",
      [in](const std::vector<std::string>& v) {
        in->entities.petrarch = v;
        in->events.petrarch = v;
      },
      "PETRARCH dictionaries (files or a directory): actors and agents, and with a verb dictionary the events too");
  cmd->add_option_function<std::vector<std::string>>(
      "--tabari",
      [in](const std::vector<std::string>& v) {
        for (const auto& f : v) {
          if (f.size() > 8 && f.compare(f.size() - 8, 8, ".project") == 0) in->events.tabari_project = f;
          else in->entities.tabari.push_back(f);
        }
      },
      "a TABARI .project file (codes events with its verbs, actors, agents and options), or .actors/.agents files");
  cmd->add_flag("--no-entities", in->no_entities, "skip actor, place and date recognition (and events)");
  cmd->add_option("--actions", in->events.dictionaries,
                  "action dictionaries in seismo's format (docs/dictionaries.md); default: the bundled one");
  cmd->add_flag("--no-events", in->no_events, "skip event coding");
  cmd->add_option("--lexicons", in->abuse.lexicons,
                  "comment abuse lexicons in seismo's format (files or directories); default: the bundled ones");
  cmd->add_flag("--no-abuse", in->no_abuse, "do not score comments for abuse");
  return in;
}

std::unique_ptr<EntityRecognizer> InputOptions::load_entities() const {
  if (no_entities) return nullptr;
  std::vector<std::string> warnings;
  auto r = EntityRecognizer::load(entities, warnings);
  // Dictionary problems are printed even with -q: they are few, and a
  // silently half-loaded dictionary would code wrongly.
  for (const auto& w : warnings) print_error("entities", w);
  if (r && !entities.gazetteer.empty() && !r->has_gazetteer())
    throw UsageError("--gazetteer " + entities.gazetteer + ": neither a gazetteer index nor a GeoNames dump");
  return r;
}

std::unique_ptr<EventCoder> InputOptions::load_events() const {
  if (no_events || no_entities) return nullptr;
  std::vector<std::string> warnings;
  EventOptions options = events;
  // A --dictionaries directory may hold seismo's action files too; --actions wins.
  if (options.dictionaries.empty()) {
    for (const auto& d : entities.dictionaries) {
      std::error_code ec;
      if (!std::filesystem::is_directory(d, ec)) continue;
      for (auto& f : dictionary_files(d, {"action"})) options.dictionaries.push_back(std::move(f));
    }
  }
  auto c = EventCoder::load(options, warnings);
  for (const auto& w : warnings) print_error("events", w);
  return c;
}

std::unique_ptr<AbuseScorer> InputOptions::load_abuse() const {
  if (no_abuse) return nullptr;
  std::vector<std::string> warnings;
  auto a = AbuseScorer::load(abuse, warnings);
  for (const auto& w : warnings) print_error("abuse", w);
  return a;
}

}  // namespace seismo::cli
