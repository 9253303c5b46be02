// seismo: raw news pages in; a clean, deduplicated, coded picture out.
#include <cstdio>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/console.h"

namespace seismo::cli {
int exit_status = 0;
}

int main(int argc, char** argv) {
  using namespace seismo::cli;
  CLI::App app{"seismo: turns raw news pages about an unfolding crisis into clean, coded, searchable documents"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "seismo 0.1.0");
  GlobalOptions g;
  app.add_option("--db", g.db, "SQLite database file")->capture_default_str();
  app.add_option("-j,--threads", g.threads, "worker threads (0: all cores)")->capture_default_str();
  app.add_flag("-q,--quiet", g.quiet, "no progress bar or summary");
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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "seismo: %s\n", e.what());
    return 2;
  }
  return exit_status;
}
