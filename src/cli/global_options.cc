// The options every command takes (--db, -j, -q). Each command gets its own
// copy bound to the same GlobalOptions, so they work anywhere on the line
// (`seismo docs --db t.db` as well as `seismo --db t.db docs`) and each
// command's --help lists them. CLI11's fallthrough() would parse them but
// leave them out of the subcommands' help.
#include "cli/commands.h"

namespace seismo::cli {
namespace {

void add_to(CLI::App* cmd, GlobalOptions& g) {
  const char* group = "Global options (anywhere on the line)";
  cmd->add_option("--db", g.db, "SQLite database file (default: $SEISMO_DB, else seismo.db)")->capture_default_str()->group(group);
  cmd->add_option("-j,--threads", g.threads, "worker threads (0: all cores)")->capture_default_str()->group(group);
  cmd->add_flag("-q,--quiet", g.quiet, "no progress bar or summary")->group(group);
}

void add_recursively(CLI::App* cmd, GlobalOptions& g) {
  add_to(cmd, g);
  for (CLI::App* sub : cmd->get_subcommands([](CLI::App*) { return true; })) add_recursively(sub, g);
}

}  // namespace

void add_global_options(CLI::App& app, GlobalOptions& g) { add_recursively(&app, g); }

}  // namespace seismo::cli
