// seismo ingest PATH...: reads pages, extracts them, stores them.
#include <chrono>
#include <atomic>
#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "pipeline/run.h"
#include "store/store.h"

namespace seismo::cli {

void add_ingest_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand("ingest", "Read pages (text, HTML, WARC, JSON Lines, .gz, directories, - for stdin) into the store");
  auto in = add_input_options(cmd);
  cmd->add_flag("--no-reuse", in->no_reuse, "do not compare the new documents with the stored ones (seismo reuse)");
  cmd->add_flag("--no-stories", in->no_stories,
                "do not place the new documents into stories nor merge their events (seismo stories; a later ingest does)");
  cmd->callback([&g, in] {
    auto start = std::chrono::steady_clock::now();
    Database db(g.db, Access::kWrite);
    SiteTemplates templates;
    load_site_templates(db, templates);
    auto entities = in->load_entities();
    auto events = in->load_events();
    auto abuse = in->load_abuse();
    IngestWriter writer(db, in->paths);
    // Input errors are met on the reader's thread: printed there, and
    // handed to the writer, which stores them with its next batch on its
    // own thread and connection.
    std::atomic<int> errors{0};
    writer.on_refused = [&](const std::string& where, const std::string& message) {
      print_error(where, message);
      ++errors;
    };
    std::atomic<int> warnings{0};
    DocumentReader reader(in->paths, in->reader(), [&](const IngestError& e) {
      // A warning (bytes repaired, the document kept) is said and logged
      // with the run, but does not fail it.
      print_error(e.where, e.warning ? "warning: " + e.message : e.message);
      writer.add_error(e.where, e.warning ? "warning: " + e.message : e.message, e.warning);
      ++(e.warning ? warnings : errors);
    });
    Progress progress(!g.quiet, reader.bytes_total());
    size_t docs = 0;
    RunOptions opts;
    opts.threads = g.threads;
    opts.stages.templates = &templates;
    opts.stages.entities = entities.get();
    opts.stages.events = events.get();
    opts.stages.abuse = abuse.get();
    run_pipeline(
        reader, opts, [&](DocumentRecord&& d) {
          // A document cut at the caps is stored, and said, as a warning.
          if (std::string note = truncation_note(d); !note.empty()) {
            print_error(d.uris.front(), "warning: " + note);
            writer.add_error(d.uris.front(), "warning: " + note, true);
            ++warnings;
          }
          writer.add(std::move(d));
          ++docs;
        },
        [&] { progress.update(reader.bytes_read(), docs); });
    writer.finish();
    progress.finish();
    const IngestRun& run = writer.run();
    // Each document stored and not yet compared with the others is, now
    // (the reuse index: reuse.h); earlier pairs stay as they are.
    ReuseUpdate reuse;
    if (!in->no_reuse) {
      Progress reuse_progress(!g.quiet, 0);
      reuse = update_reuse(db, ReuseOptions{}, [&](int done, int) { reuse_progress.update(0, static_cast<size_t>(done)); });
      reuse_progress.finish();
    }
    // Then each document not yet in a story is placed, after the reuse
    // pairs it is part of exist (stories.h).
    StoryUpdate stories;
    if (!in->no_stories) {
      Progress story_progress(!g.quiet, 0);
      stories = update_stories(db, StoryOptions{}, [&](int done, int) { story_progress.update(0, static_cast<size_t>(done)); });
      story_progress.finish();
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!g.quiet) {
      std::string warned = warnings > 0 ? ", " + std::to_string(warnings.load()) + " warning" + (warnings == 1 ? "" : "s") : "";
      std::string related = in->no_reuse ? "" : ", " + std::to_string(reuse.pairs) + " related pair" + (reuse.pairs == 1 ? "" : "s") +
                                               (reuse.skipped ? " (" + std::to_string(reuse.skipped) + " too short to compare)" : "");
      std::string placed = in->no_stories ? ""
                                          : ", " + std::to_string(stories.stories) + " new stor" + (stories.stories == 1 ? "y" : "ies") +
                                                (stories.merged ? ", " + std::to_string(stories.merged) + " event" +
                                                                      (stories.merged == 1 ? "" : "s") + " told before"
                                                                : "");
      std::fprintf(stderr, "%d new, %d already stored, %d seen at a new URL%s%s, %d error%s%s in %.2f s (%s)\n",
                   run.documents_new, run.documents_known, run.urls_added, related.c_str(), placed.c_str(), errors.load(),
                   errors == 1 ? "" : "s", warned.c_str(), secs, g.db.c_str());
    }
    exit_status = errors > 0 ? 1 : 0;
  });
}

}  // namespace seismo::cli
