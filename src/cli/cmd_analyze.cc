// seismo analyze PATH...|-: the whole pipeline without a store; one JSON
// object per document on stdout.
#include <cstdio>

#include "cli/commands.h"
#include "cli/console.h"
#include "pipeline/document_json.h"
#include "pipeline/run.h"

namespace seismo::cli {

void add_analyze_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand("analyze", "Run the pipeline on inputs and print one JSON object per document (no store)");
  auto in = add_input_options(cmd);
  auto pretty = std::make_shared<bool>(false);
  cmd->add_flag("--pretty", *pretty, "indent the JSON");
  cmd->callback([&g, in, pretty] {
    int errors = 0;
    DocumentReader reader(in->paths, in->reader(), [&](const IngestError& e) {
      print_error(e.where, e.message);
      ++errors;
    });
    auto entities = in->load_entities();
    auto events = in->load_events();
    auto abuse = in->load_abuse();
    RunOptions opts;
    opts.threads = g.threads;
    opts.stages.entities = entities.get();
    opts.stages.events = events.get();
    opts.stages.abuse = abuse.get();
    run_pipeline(reader, opts, [&](DocumentRecord&& d) {
      if (std::string note = truncation_note(d); !note.empty()) print_error(d.uris.front(), "warning: " + note);
      // Indented for people: the contract's order, so the id and title come
      // first; compact lines keep the sorted keys scripts match.
      std::string line = *pretty ? document_to_ordered_json(d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                                 : document_to_json(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      std::fwrite(line.data(), 1, line.size(), stdout);
      std::fputc('\n', stdout);
    });
    std::fflush(stdout);
    exit_status = errors > 0 ? 1 : 0;
  });
}

}  // namespace seismo::cli
