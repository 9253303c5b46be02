// seismo check: is the store sound? SQLite's integrity check and FTS5's
// check of both full-text indexes against the rows they index.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/console.h"
#include "store/store.h"

namespace seismo::cli {

void add_check_command(CLI::App& app, GlobalOptions& g) {
  auto* cmd = app.add_subcommand("check", "Check the store: tables, indexes and full-text indexes (needs write access)");
  cmd->callback([&g] {
    // Opened for writing only because FTS5 takes its check as an INSERT;
    // nothing is written. A missing store is not created.
    { Database probe(g.db, Access::kRead); }
    Database db(g.db, Access::kWrite);
    auto problems = check_store(db);
    for (const auto& p : problems) print_error(g.db, p);
    if (problems.empty()) {
      if (!g.quiet)
        fmt::print("{}: ok ({} documents, {} comments, {} events)\n", g.db, count_documents(db), count_comments(db),
                   count_events(db));
    } else {
      exit_status = 1;
    }
  });
}

}  // namespace seismo::cli
