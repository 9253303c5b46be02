// Each command registers itself on the app; main() only dispatches.
#pragma once
#include <CLI/CLI.hpp>
#include <string>

namespace seismo::cli {

struct GlobalOptions {
  std::string db = "seismo.db";
  int threads = 0;
  bool quiet = false;
};

// Every command's callback returns the process exit status through this.
extern int exit_status;

void add_ingest_command(CLI::App& app, GlobalOptions& g);
void add_analyze_command(CLI::App& app, GlobalOptions& g);
void add_browse_commands(CLI::App& app, GlobalOptions& g);  // docs, show, search
void add_export_command(CLI::App& app, GlobalOptions& g);

}  // namespace seismo::cli
