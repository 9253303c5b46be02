// seismo: raw news pages in; a clean, deduplicated, coded picture out.
#include <cstdlib>

#include "cli/commands.h"
#include "cli/usage.h"

namespace seismo::cli {
int exit_status = 0;
}

int main(int argc, char** argv) {
  using namespace seismo::cli;
  CLI::App app{"seismo: turns raw news pages about an unfolding crisis into clean, coded, searchable documents",
               "seismo"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "seismo 0.1.0");
  GlobalOptions g;
  // The store every command reads unless --db says otherwise: one export
  // points a shell at the demo store (as GIT_DIR does for git).
  if (const char* db = std::getenv("SEISMO_DB"); db && *db) g.db = db;
  add_ingest_command(app, g);
  add_analyze_command(app, g);
  add_browse_commands(app, g);
  add_export_command(app, g);
  add_gazetteer_command(app, g);
  add_entity_commands(app, g);
  add_events_command(app, g);
  add_abuse_command(app, g);
  add_validate_command(app, g);
  add_comments_command(app, g);
  add_check_command(app, g);
  add_reuse_command(app, g);
  add_stories_commands(app, g);
  add_parse_command(app, g);
  add_help_command(app);
  add_global_options(app, g);
  return run_command_line(app, argc, argv, exit_status);
}
