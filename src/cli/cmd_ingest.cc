// seismo ingest PATH...: reads pages, extracts them, stores them.
#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "pipeline/run.h"
#include "store/store.h"

namespace seismo::cli {

void add_ingest_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand("ingest", "Read pages (text, HTML, WARC, JSON Lines, .gz, directories, - for stdin) into the store");
  auto in = add_input_options(cmd);
  cmd->callback([&g, in] {
    auto start = std::chrono::steady_clock::now();
    Store store(g.db);
    SiteTemplates templates;
    store.load_templates(templates);
    auto entities = in->load_entities();
    auto events = in->load_events();
    auto abuse = in->load_abuse();
    IngestRun run = store.begin_run(in->paths);
    int errors = 0;
    DocumentReader reader(in->paths, in->reader(), [&](const IngestError& e) {
      print_error(e.where, e.message);
      store.add_error(run, e.where, e.message);
      ++errors;
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
          if (std::string note = truncation_note(d); !note.empty()) print_error(d.uris.front(), note);
          store.add(run, d);
          ++docs;
        },
        [&] { progress.update(reader.bytes_read(), docs); });
    store.finish_run(run);
    progress.finish();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!g.quiet) {
      std::fprintf(stderr, "%d new, %d already stored, %d seen at a new URL, %d error%s in %.2f s (%s)\n",
                   run.documents_new, run.documents_known, run.urls_added, errors, errors == 1 ? "" : "s", secs,
                   g.db.c_str());
    }
    exit_status = errors > 0 ? 1 : 0;
  });
}

}  // namespace seismo::cli
